//! Document and workspace symbols: the entities an article (or the desk)
//! mentions, and the figures that make claims.

use std::ops::Range;

use super::{DeskView, Location};
use crate::analysis::model::EntityKind;

/// What a symbol stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    /// A name of this kind.
    Entity(EntityKind),
    /// A figure.
    Figure,
}

/// A symbol of an article or of the desk.
#[derive(Debug, Clone, PartialEq)]
pub struct Symbol {
    /// What it is called.
    pub name: String,
    /// A short detail ("3 mentions", the claim).
    pub detail: String,
    /// What it stands for.
    pub kind: SymbolKind,
    /// Where it is (the first mention).
    pub location: Location,
    /// Every span it covers in its document (for the symbol's full range).
    pub full: Range<usize>,
}

/// The entities an article mentions (at their first mention) and its figures.
pub fn document_symbols(view: DeskView<'_>, doc: usize) -> Vec<Symbol> {
    let mut out = Vec::new();
    let Some(ids) = view.report.entities.by_doc.get(doc) else {
        return out;
    };
    let mut seen = std::collections::HashSet::new();
    for (index, &entity_index) in ids.iter().enumerate() {
        if !seen.insert(entity_index) {
            continue;
        }
        let (Some(entity), Some(mention)) = (
            view.report.entities.entities.get(entity_index),
            view.report.mention(doc, index),
        ) else {
            continue;
        };
        let here = entity.mentions.iter().filter(|m| m.doc == doc).count();
        out.push(Symbol {
            name: entity.canonical.clone(),
            detail: format!(
                "{}, {here} mention{}",
                entity.kind.as_str(),
                if here == 1 { "" } else { "s" }
            ),
            kind: SymbolKind::Entity(entity.kind),
            location: Location {
                doc,
                span: mention.span.clone(),
            },
            full: mention.span.clone(),
        });
    }
    for figure in view.report.figures(doc) {
        let text = view.text(doc);
        let written = text
            .get(figure.figure.span.clone())
            .unwrap_or_default()
            .to_string();
        out.push(Symbol {
            name: written,
            detail: figure.claim_label().unwrap_or_default(),
            kind: SymbolKind::Figure,
            location: Location {
                doc,
                span: figure.figure.span.clone(),
            },
            full: figure.figure.span.clone(),
        });
    }
    out.sort_by_key(|s| s.location.span.start);
    out
}

/// Entities of the desk whose name or alias contains `query` (case-insensitive),
/// each at its first mention.
pub fn workspace_symbols(view: DeskView<'_>, query: &str) -> Vec<Symbol> {
    let query = query.to_lowercase();
    view.report
        .entities
        .entities
        .iter()
        .filter(|e| {
            query.is_empty()
                || e.canonical.to_lowercase().contains(&query)
                || e.aliases.iter().any(|a| a.to_lowercase().contains(&query))
        })
        .filter_map(|e| {
            let first = e.mentions.first()?;
            let span = view.report.span(first);
            let articles: std::collections::BTreeSet<usize> =
                e.mentions.iter().map(|m| m.doc).collect();
            Some(Symbol {
                name: e.canonical.clone(),
                detail: format!(
                    "{}, {} mentions in {} articles",
                    e.kind.as_str(),
                    e.mentions.len(),
                    articles.len()
                ),
                kind: SymbolKind::Entity(e.kind),
                location: Location {
                    doc: first.doc,
                    span: span.clone(),
                },
                full: span,
            })
        })
        .collect()
}
