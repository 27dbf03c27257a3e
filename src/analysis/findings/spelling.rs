//! `spelling-variant`: one name spelled two ways ("Zelenskyy" and "Zelensky").

use std::sync::Arc;

use super::{Finding, Fix, Reads, Related, Rule};
use crate::analysis::config::Severity;
use crate::analysis::inputs::RuleInput;

/// The rule id.
pub const ID: &str = "spelling-variant";

/// The rule, as the registry lists it. Besides the names, it reads the few
/// words before a mention, which may say why a name is written otherwise.
pub(super) const RULE: Rule = Rule {
    id: ID,
    severity: Severity::Warning,
    description: "one name spelled two ways across the desk",
    reads: Reads::Names(check),
};

/// A finding on every mention that does not use the entity's preferred
/// spelling. What the user listed in `[spellings]` is always flagged.
fn check(input: &RuleInput<'_>, severity: Severity, out: &mut Vec<Finding>) {
    let config = input.config;
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
        let listed = config.preferred_spellings.contains_key(preferred);
        // The text says why the name is written otherwise ("born Lena Vargas",
        // "nicknamed", "also known as"): two names, not two spellings.
        if !listed
            && entity
                .spellings
                .iter()
                .flat_map(|s| &s.mentions)
                .any(|m| explained(input, m))
        {
            continue;
        }
        for spelling in entity.spellings.iter().filter(|s| s.text != preferred) {
            for mention in &spelling.mentions {
                out.push(Finding {
                    rule: ID,
                    severity,
                    doc: mention.doc,
                    at: mention.anchor(),
                    message: if preferred_count == 0 {
                        format!(
                            "“{}” is to be spelled “{preferred}” (marginalia.toml)",
                            spelling.text
                        )
                    } else {
                        format!(
                            "“{}” is spelled “{preferred}” elsewhere ({preferred_count} mention{})",
                            spelling.text,
                            if preferred_count == 1 { "" } else { "s" }
                        )
                    }
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
}

/// Words that introduce another name of the same one.
const EXPLAINING: &[&str] = &[
    "born ",
    "née ",
    "nee ",
    "nicknamed",
    "known as",
    "a.k.a",
    "aka ",
    "also called",
    "formerly",
    "real name",
    "birth name",
    "stage name",
    "pen name",
    "renamed",
    "changed his name",
    "changed her name",
    "changed their name",
    "dubbed",
];

/// True when the words just before the mention (in its line) explain it as
/// another name.
fn explained(input: &RuleInput<'_>, m: &crate::analysis::resolve::MentionRef) -> bool {
    let doc = input.docs[m.doc];
    let Some(span) = doc.analysis.mention_span(m.index) else {
        return false;
    };
    let text = doc.text.as_str();
    let Some(before) = text.get(..span.start) else {
        return false;
    };
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut from = span.start.saturating_sub(40).max(line_start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = text[from..span.start].to_lowercase();
    EXPLAINING.iter().any(|w| window.contains(w))
}

#[cfg(test)]
mod tests {
    use crate::test_support::check_findings;

    #[test]
    fn a_surname_spelled_two_ways_across_articles() {
        check_findings(
            "--- a.md
Harbour master Odile Kastrenko closed the port on Monday. Kastrenko said it would reopen.
--- b.md
Harbour master Odile Kastrenco said the port would reopen.
                     ^^^^^^^^^ spelling-variant
",
        );
    }

    #[test]
    fn an_inflection_or_a_case_difference_is_no_variant() {
        check_findings(
            "--- a.md
The Harbour Authority closed the port. Harbour Authorities elsewhere did not.
--- b.md
The HARBOUR AUTHORITY said the port would reopen.
",
        );
    }
}
