//! Semantic tokens: names by kind and figures, as byte spans in order.
//!
//! Standard token types are used so that every theme colours them:
//! a person is a `class`, an organization a `namespace`, a place a `type`
//! and a figure a `number`. The first mention of an entity in an article
//! carries the `declaration` modifier.

use std::ops::Range;

use super::DeskView;
use crate::analysis::model::EntityKind;

/// The token types, in legend order.
pub const TOKEN_TYPES: &[&str] = &["class", "namespace", "type", "number"];
/// The token modifiers, in legend order.
pub const TOKEN_MODIFIERS: &[&str] = &["declaration"];

/// A token type, as an index into [`TOKEN_TYPES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenType {
    /// A person (`class`).
    Person = 0,
    /// An organization (`namespace`).
    Organization = 1,
    /// A place (`type`).
    Place = 2,
    /// A figure (`number`).
    Figure = 3,
}

impl From<EntityKind> for TokenType {
    fn from(kind: EntityKind) -> TokenType {
        match kind {
            EntityKind::Person => TokenType::Person,
            EntityKind::Organization => TokenType::Organization,
            EntityKind::Place => TokenType::Place,
        }
    }
}

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span.
    pub span: Range<usize>,
    /// Its type.
    pub kind: TokenType,
    /// True on the first mention of an entity in the article.
    pub declaration: bool,
}

/// The tokens of a document that overlap `within`, sorted, without overlaps.
pub fn tokens(view: DeskView<'_>, doc: usize, within: Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let ids = view.report.entities.by_doc.get(doc);
    for (index, m) in view.report.mentions(doc).enumerate() {
        let first = ids
            .and_then(|ids| ids.get(index))
            .is_some_and(|&e| seen.insert(e));
        out.push(Token {
            span: m.span.clone(),
            kind: m.kind.into(),
            declaration: first,
        });
    }
    for f in view.report.figures(doc) {
        out.push(Token {
            span: f.figure.span.clone(),
            kind: TokenType::Figure,
            declaration: false,
        });
    }
    out.retain(|t| t.span.start < within.end && within.start < t.span.end && !t.span.is_empty());
    out.sort_by_key(|t| (t.span.start, t.span.end));
    let mut last_end = 0;
    out.retain(|t| {
        let keep = t.span.start >= last_end;
        if keep {
            last_end = t.span.end;
        }
        keep
    });
    out
}
