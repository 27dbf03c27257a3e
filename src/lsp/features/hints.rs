//! Inlay hints and code lenses: small notes the editor shows in the text.
//!
//! - a figure written in words or with a scale word gets its digits: `three thousand` → `3,000`,
//!   unless the digits say no more than the text (`$50 million`);
//! - the first surname-only mention of a person in an article gets the full name;
//! - where the text's arithmetic fails, the value its own figures give;
//! - a lens over the first mention of each entity: "Name: N mentions in M articles".

use std::collections::{BTreeSet, HashSet};
use std::ops::Range;

use super::DeskView;
use crate::analysis::findings::{ARITHMETIC, format_value};
use crate::analysis::model::{EntityKind, Mention};

/// What an inlay hint says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintKind {
    /// The value of a spelled figure.
    Value,
    /// The full name behind a surname.
    FullName,
    /// The result the text's own figures give.
    Computed,
}

/// An inlay hint, shown after `offset`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// Byte offset the hint follows.
    pub offset: usize,
    /// The label.
    pub label: String,
    /// What it is.
    pub kind: HintKind,
}

/// The hints of a document whose anchor lies within `within`.
pub fn inlay_hints(view: DeskView<'_>, doc: usize, within: Range<usize>) -> Vec<Hint> {
    let mut out = Vec::new();
    let text = view.text(doc);
    for f in view.report.figures(doc) {
        if !f.figure.spelled {
            continue;
        }
        let value = format_value(f.figure.value, &f.figure.unit);
        let written = text.get(f.figure.span.clone()).unwrap_or("");
        if says_the_same(written, &value) {
            continue;
        }
        out.push(Hint {
            offset: f.figure.span.end,
            label: format!("= {value}"),
            kind: HintKind::Value,
        });
    }
    let mentions: Vec<Mention> = view.report.mentions(doc).collect();
    let ids = view
        .report
        .entities
        .by_doc
        .get(doc)
        .map_or(&[][..], |ids| ids.as_slice());
    let mut hinted = HashSet::new();
    for (m, &e) in mentions.iter().zip(ids) {
        let Some(entity) = view.report.entities.entities.get(e) else {
            continue;
        };
        let surname_only = m.kind == EntityKind::Person
            && !m.text.contains(' ')
            && entity.canonical.contains(' ')
            && *entity.canonical != *m.text;
        if surname_only && hinted.insert(e) {
            out.push(Hint {
                offset: m.span.end,
                label: format!("({})", entity.canonical),
                kind: HintKind::FullName,
            });
        }
    }
    for finding in view
        .report
        .findings
        .get(doc)
        .into_iter()
        .flat_map(|v| v.iter())
    {
        if finding.rule == ARITHMETIC
            && let Some(expected) = &finding.expected
            && let Some(at) = view.report.span_of(doc, &finding.at)
        {
            out.push(Hint {
                offset: at.end,
                label: format!("≠ {expected}"),
                kind: HintKind::Computed,
            });
        }
    }
    out.retain(|h| within.start <= h.offset && h.offset <= within.end);
    out.sort_by_key(|h| h.offset);
    out
}

/// Whether a figure's normalized value, as formatted, says no more than its
/// text: the same letters and digits once case, spacing and thousands
/// separators are set aside (`$50 million` and `$50 million`, `2.5 Million`
/// and `2.5 million`).
fn says_the_same(written: &str, value: &str) -> bool {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != ',')
            .flat_map(char::to_lowercase)
            .collect()
    };
    key(written) == key(value)
}

/// A code lens over the first mention of an entity in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lens {
    /// The mention it sits on.
    pub span: Range<usize>,
    /// "Name: N mentions in M articles".
    pub title: String,
}

/// One lens per entity, on its first mention in the article.
pub fn code_lenses(view: DeskView<'_>, doc: usize) -> Vec<Lens> {
    let mentions: Vec<Mention> = view.report.mentions(doc).collect();
    let ids = view
        .report
        .entities
        .by_doc
        .get(doc)
        .map_or(&[][..], |ids| ids.as_slice());
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (m, &e) in mentions.iter().zip(ids) {
        if !seen.insert(e) {
            continue;
        }
        let Some(entity) = view.report.entities.entities.get(e) else {
            continue;
        };
        let articles: BTreeSet<usize> = entity.mentions.iter().map(|r| r.doc).collect();
        let n = entity.mentions.len();
        let m_count = articles.len();
        out.push(Lens {
            span: m.span.clone(),
            title: format!(
                "{}: {n} mention{} in {m_count} article{}",
                entity.canonical,
                if n == 1 { "" } else { "s" },
                if m_count == 1 { "" } else { "s" }
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::test_support::with_hints;

    #[test]
    fn spelled_figures_get_their_digits_and_surnames_their_full_name() {
        insta::assert_snapshot!(with_hints(
            "--- a.md
Ilse Varnholt said three thousand people had left.
--- b.md
Varnholt said a dozen boats sank, and $50 million was lost.
"
        ), @r"
        --- a.md
        Ilse Varnholt said three thousand⟨= 3,000⟩ people had left.
        --- b.md
        Varnholt⟨(Ilse Varnholt)⟩ said a dozen⟨= 12⟩ boats sank, and $50 million was lost.
        ");
    }
}
