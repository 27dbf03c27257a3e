//! Completion of entity names while a capitalized word is being typed.

use std::ops::Range;

use super::DeskView;
use crate::analysis::model::EntityKind;

/// A name to complete to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameCompletion {
    /// The canonical name (or alias) offered.
    pub label: String,
    /// The entity's kind.
    pub kind: EntityKind,
    /// The canonical name, when `label` is an alias.
    pub canonical: String,
    /// How many mentions the desk has (for sorting).
    pub mentions: usize,
    /// The typed prefix the completion replaces.
    pub replace: Range<usize>,
}

/// The word being typed before `offset`, if it starts with a capital letter.
fn typed_word(text: &str, offset: usize) -> Option<Range<usize>> {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.'))
        .last()
        .map_or(offset, |(i, _)| i);
    let word = &text[start..offset];
    word.chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then_some(start..offset)
}

/// Canonical names and aliases of the desk that start with the capitalized
/// word before `offset`, most mentioned first.
pub fn complete(view: DeskView<'_>, doc: usize, offset: usize) -> Vec<NameCompletion> {
    let text = view.text(doc);
    let Some(replace) = typed_word(text, offset) else {
        return Vec::new();
    };
    let prefix = text[replace.clone()].to_lowercase();
    let mut out: Vec<NameCompletion> = Vec::new();
    for e in &view.report.entities.entities {
        // Any name of the entity may match what is typed; what is offered is
        // always its canonical spelling, so that writers keep names consistent.
        let matches = std::iter::once(&e.canonical)
            .chain(&e.aliases)
            .any(|name| name.to_lowercase().starts_with(&prefix));
        if matches && !out.iter().any(|c| c.label == e.canonical) {
            out.push(NameCompletion {
                label: e.canonical.clone(),
                kind: e.kind,
                canonical: e.canonical.clone(),
                mentions: e.mentions.len(),
                replace: replace.clone(),
            });
        }
    }
    out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.label.cmp(&b.label)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_capitalized_words_complete() {
        assert_eq!(typed_word("said Zel", 8), Some(5..8));
        assert_eq!(typed_word("said zel", 8), None);
        assert_eq!(typed_word("Kim’s", 7), Some(0..7));
        assert_eq!(typed_word("", 3), None);
        assert_eq!(typed_word("é", 1), None);
    }
}
