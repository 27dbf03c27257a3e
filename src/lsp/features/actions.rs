//! Code actions: fix a spelling variant, declare or ignore a name in
//! `marginalia.toml`, silence one finding, or turn a rule off.

use std::ops::Range;

use super::config_edit::ConfigEdit;
use super::{DeskView, Location};
use crate::analysis::config::Silence;
use crate::analysis::silence;

/// A code action, before it becomes an edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Replace text in the article (a finding's fix).
    Replace {
        /// What it does.
        title: String,
        /// Where.
        location: Location,
        /// With what.
        replacement: String,
        /// The rule whose finding it fixes.
        rule: &'static str,
        /// The finding's span, to tie the action to its diagnostic.
        finding: Range<usize>,
    },
    /// Change `marginalia.toml`.
    Config {
        /// The change.
        edit: ConfigEdit,
        /// The rule and span of the finding it silences, if any.
        finding: Option<(&'static str, Range<usize>)>,
    },
}

/// The actions available for a span of a document.
pub fn code_actions(view: DeskView<'_>, doc: usize, span: Range<usize>) -> Vec<Action> {
    let mut out = Vec::new();
    let touches = |s: &Range<usize>| s.start <= span.end && span.start <= s.end;
    let mut rules_seen = Vec::new();
    for finding in view
        .report
        .findings
        .get(doc)
        .into_iter()
        .flat_map(|v| v.iter())
    {
        let Some(at) = view.report.span_of(doc, &finding.at) else {
            continue;
        };
        if !touches(&at) {
            continue;
        }
        if let Some(fix) = &finding.fix {
            out.push(Action::Replace {
                title: fix.title.clone(),
                location: Location {
                    doc,
                    span: at.clone(),
                },
                replacement: fix.replacement.clone(),
                rule: finding.rule,
                finding: at.clone(),
            });
        }
        let text = view.text(doc);
        out.push(Action::Config {
            edit: ConfigEdit::Silence(Silence {
                rule: finding.rule.to_string(),
                // The document's key; made relative to the desk folder by the caller.
                article: view.report.paths[doc].clone(),
                text: silence::text_at(text, &at),
                context: silence::neighbourhood(text, &at),
            }),
            finding: Some((finding.rule, at.clone())),
        });
        if !rules_seen.contains(&finding.rule) {
            rules_seen.push(finding.rule);
            out.push(Action::Config {
                edit: ConfigEdit::RuleOff(finding.rule.to_string()),
                finding: Some((finding.rule, at)),
            });
        }
    }
    if let Some((_, mention)) = view.report.mention_at(doc, span.start) {
        let declared = view
            .report
            .entities
            .entities
            .iter()
            .any(|e| e.note.is_some() && *e.canonical == *mention.text);
        if !declared {
            out.push(Action::Config {
                edit: ConfigEdit::AddEntity {
                    name: mention.text.to_string(),
                    kind: mention.kind,
                },
                finding: None,
            });
        }
        out.push(Action::Config {
            edit: ConfigEdit::Ignore(mention.text.to_string()),
            finding: None,
        });
    }
    out
}
