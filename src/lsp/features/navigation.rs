//! Go to definition, references, document highlight and rename: the mentions
//! of the entity under the cursor (or the figures of the claim under it).

use std::ops::Range;

use super::{DeskView, Location};

/// Every mention of the entity at an offset, in desk order.
fn entity_mentions(view: DeskView<'_>, doc: usize, offset: usize) -> Option<Vec<Location>> {
    let (entity, _) = view.entity_at(doc, offset)?;
    let entity = view.report.entities.entities.get(entity)?;
    Some(
        entity
            .mentions
            .iter()
            .map(|m| Location {
                doc: m.doc,
                span: view.report.span(m),
            })
            .collect(),
    )
}

/// The figures making the same claim as the figure at an offset, in desk order.
fn claim_figures(view: DeskView<'_>, doc: usize, offset: usize) -> Option<Vec<Location>> {
    let (_, figure) = view.report.figure_at(doc, offset)?;
    let Some(claim) = &figure.claim else {
        return Some(vec![Location {
            doc,
            span: figure.figure.span.clone(),
        }]);
    };
    Some(
        view.report
            .analyses
            .iter()
            .enumerate()
            .flat_map(|(d, analysis)| {
                analysis
                    .figures()
                    .filter(|f| f.key == Some(claim))
                    .map(move |f| Location {
                        doc: d,
                        span: f.placed().span,
                    })
            })
            .collect(),
    )
}

/// Where the name under the cursor is introduced: its first mention in this
/// article, else its earliest mention in the desk (by article date, then order).
pub fn definition(view: DeskView<'_>, doc: usize, offset: usize) -> Option<Location> {
    let mentions = entity_mentions(view, doc, offset)?;
    if let Some(first_here) = mentions.iter().find(|m| m.doc == doc) {
        return Some(first_here.clone());
    }
    mentions
        .iter()
        .min_by_key(|m| (view.date(m.doc).unwrap_or("9999"), m.doc, m.span.start))
        .cloned()
}

/// Every mention of the name under the cursor across the desk, or every
/// figure of the same claim.
pub fn references(view: DeskView<'_>, doc: usize, offset: usize) -> Vec<Location> {
    entity_mentions(view, doc, offset)
        .or_else(|| claim_figures(view, doc, offset))
        .unwrap_or_default()
}

/// The mentions of the name (or claim) under the cursor in this article.
pub fn highlights(view: DeskView<'_>, doc: usize, offset: usize) -> Vec<Range<usize>> {
    references(view, doc, offset)
        .into_iter()
        .filter(|l| l.doc == doc)
        .map(|l| l.span)
        .collect()
}

/// The span and text of the name that would be renamed.
pub fn prepare_rename(
    view: DeskView<'_>,
    doc: usize,
    offset: usize,
) -> Option<(Range<usize>, String)> {
    let (index, mention) = view.report.mention_at(doc, offset)?;
    let _ = index;
    Some((mention.span.clone(), mention.text.to_string()))
}

/// Renaming the name under the cursor: every mention of the same entity
/// spelled the same way as the one under the cursor, across the desk, gets
/// `new_name`. Other forms (a surname alone, an acronym) are left alone.
pub fn rename(
    view: DeskView<'_>,
    doc: usize,
    offset: usize,
    new_name: &str,
) -> Vec<(Location, String)> {
    let Some((entity, index)) = view.entity_at(doc, offset) else {
        return Vec::new();
    };
    let Some(spelled) = view.report.mention(doc, index) else {
        return Vec::new();
    };
    let Some(entity) = view.report.entities.entities.get(entity) else {
        return Vec::new();
    };
    entity
        .mentions
        .iter()
        .filter(|m| {
            view.report
                .analyses
                .get(m.doc)
                .and_then(|a| a.mention_in_chunk(m.index))
                .is_some_and(|(mention, _)| mention.text == spelled.text)
        })
        .map(|m| {
            (
                Location {
                    doc: m.doc,
                    span: view.report.span(m),
                },
                new_name.to_string(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::test_support::renamed;

    #[test]
    fn rename_changes_the_same_spelling_across_the_desk() {
        insta::assert_snapshot!(renamed(
            "--- a.md
Ilse Varnholt spoke in Kelbrano. Varnholt left.
--- b.md
In Kelbr$0ano, the mayor spoke.
--- c.md
Nothing here.
",
            "Kelbranow"
        ), @r"
        --- a.md
        Ilse Varnholt spoke in Kelbranow. Varnholt left.
        --- b.md
        In Kelbranow, the mayor spoke.
        ");
    }

    #[test]
    fn rename_of_a_surname_leaves_the_full_name_alone() {
        insta::assert_snapshot!(renamed(
            "--- a.md
Ilse Varnholt spoke. Varn$0holt left.
",
            "Varnholtz"
        ), @r"
        --- a.md
        Ilse Varnholt spoke. Varnholtz left.
        ");
    }

    #[test]
    fn nothing_to_rename_in_prose() {
        insta::assert_snapshot!(renamed(
            "--- a.md
The bridge o$0pened.
",
            "x"
        ), @"nothing to rename");
    }
}
