//! `spelling-variant`: one name spelled two ways ("Zelenskyy" and "Zelensky").

use std::sync::Arc;

use super::{Finding, Fix, Related, RuleInput};
use crate::analysis::config::Severity;

/// The rule id.
pub const RULE: &str = "spelling-variant";

/// A finding on every mention that does not use the entity's preferred spelling.
pub(crate) fn check(input: &RuleInput<'_>, severity: Severity) -> Vec<Finding> {
    let mut out = Vec::new();
    for entity in &input.entities.entities {
        if entity.spellings.len() < 2 {
            continue;
        }
        let Some(preferred) = entity.preferred.as_deref() else {
            continue;
        };
        let preferred_uses: Arc<[Related]> = entity
            .spellings
            .iter()
            .filter(|s| s.text == preferred)
            .flat_map(|s| s.mentions.iter())
            .take(5)
            .map(|m| Related {
                doc: m.doc,
                at: m.anchor(),
                message: format!("spelled “{preferred}” here").into(),
                date: input.docs[m.doc].date().map(Into::into),
            })
            .collect();
        let preferred_count: usize = entity
            .spellings
            .iter()
            .filter(|s| s.text == preferred)
            .map(|s| s.mentions.len())
            .sum();
        for spelling in entity.spellings.iter().filter(|s| s.text != preferred) {
            for mention in &spelling.mentions {
                out.push(Finding {
                    rule: RULE,
                    severity,
                    doc: mention.doc,
                    at: mention.anchor(),
                    message: format!(
                        "“{}” is spelled “{preferred}” elsewhere ({preferred_count} mention{})",
                        spelling.text,
                        if preferred_count == 1 { "" } else { "s" }
                    )
                    .into(),
                    related: preferred_uses.clone(),
                    fix: Some(Box::new(Fix {
                        title: format!("Replace with “{preferred}”"),
                        replacement: preferred.to_string(),
                    })),
                    expected: None,
                });
            }
        }
    }
    out
}
