//! Hover: what a name or a figure is, and where else the desk mentions it.

use std::collections::BTreeMap;
use std::ops::Range;

use super::{DeskView, Location, line_of, snippet};
use crate::analysis::claims::{Scope, ScopeMatch};
use crate::analysis::desk::DeskFigure;
use crate::analysis::findings::format_value;
use crate::analysis::model::{EntityKind, Figure, Qualifier};
use crate::analysis::resolve::MentionRef;

/// How long a snippet line may be.
const SNIPPET: usize = 80;

/// At most this many places are listed in a hover; the rest are counted.
/// A name in every article of a large desk would otherwise make a card of
/// thousands of lines, each found by counting lines from the top.
pub const MAX_LISTED: usize = 20;

/// One mention elsewhere, for a list grouped by article.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionLine {
    /// Where it is.
    pub location: Location,
    /// Its zero-based line.
    pub line: usize,
    /// The line around it, shortened.
    pub snippet: String,
}

/// The mentions of an entity in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleMentions {
    /// The article's document number.
    pub doc: usize,
    /// Its mentions, in order.
    pub mentions: Vec<MentionLine>,
}

/// Hover over a name.
#[derive(Debug, Clone, PartialEq)]
pub struct NameHover {
    /// The span of the hovered mention.
    pub span: Range<usize>,
    /// What the entity is.
    pub kind: EntityKind,
    /// Its canonical name.
    pub canonical: String,
    /// Roles the text gives it.
    pub roles: Vec<String>,
    /// Other names it goes by.
    pub aliases: Vec<String>,
    /// The country a metonym ("the Kremlin") stands for.
    pub stands_for: Option<String>,
    /// The user's note from `marginalia.toml`.
    pub note: Option<String>,
    /// The first [`MAX_LISTED`] mentions in the desk, grouped by article
    /// (this article first).
    pub articles: Vec<ArticleMentions>,
    /// How many mentions the desk has in all, listed or not.
    pub mention_count: usize,
    /// In how many articles, listed or not.
    pub article_count: usize,
}

/// The same claim's figure in another place.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherFigure {
    /// Where it is.
    pub location: Location,
    /// Its value, formatted.
    pub value: String,
    /// The date of its statement, when known.
    pub date: Option<String>,
    /// Its zero-based line.
    pub line: usize,
    /// The line around it.
    pub snippet: String,
}

/// Hover over a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureHover {
    /// The span of the figure.
    pub span: Range<usize>,
    /// The normalized value, formatted ("3,000", "$1.2 million").
    pub value: String,
    /// The bounds the qualifier allows, formatted, when there are any.
    pub low: Option<String>,
    /// The upper bound, formatted.
    pub high: Option<String>,
    /// The qualifier in words ("at least"), empty when exact.
    pub qualifier: &'static str,
    /// What is counted.
    pub counted: Option<String>,
    /// The claim ("North Korea: troops"), when the figure makes one.
    pub claim: Option<String>,
    /// The first [`MAX_LISTED`] of the same claim's figures elsewhere in the desk.
    pub elsewhere: Vec<OtherFigure>,
    /// How many there are in all, listed or not.
    pub elsewhere_count: usize,
}

/// What hover shows.
#[derive(Debug, Clone, PartialEq)]
pub enum HoverInfo {
    /// A name.
    Name(NameHover),
    /// A figure.
    Figure(FigureHover),
}

/// The hover at a byte offset of a document.
pub fn hover(view: DeskView<'_>, doc: usize, offset: usize) -> Option<HoverInfo> {
    if let Some((entity_index, mention_index)) = view.entity_at(doc, offset) {
        return name_hover(view, doc, entity_index, mention_index).map(HoverInfo::Name);
    }
    figure_hover(view, doc, offset).map(HoverInfo::Figure)
}

fn name_hover(
    view: DeskView<'_>,
    doc: usize,
    entity_index: usize,
    mention_index: usize,
) -> Option<NameHover> {
    let entity = view.report.entities.entities.get(entity_index)?;
    let mention = view.report.mention(doc, mention_index)?;
    let stands_for = entity
        .refers_to
        .and_then(|i| view.report.entities.entities.get(i))
        .map(|e| e.canonical.clone())
        .or_else(|| mention.stands_for.as_deref().map(str::to_string));
    // This article first, then in document order. Only the listed mentions
    // are placed: a name in every article of a large desk has a hundred
    // thousand mentions, and finding each one's span was most of a hover.
    let mut by_article: BTreeMap<(bool, usize), Vec<&MentionRef>> = BTreeMap::new();
    for m in &entity.mentions {
        by_article.entry((m.doc != doc, m.doc)).or_default().push(m);
    }
    let article_count = by_article.len();
    let mut articles: Vec<ArticleMentions> = Vec::new();
    let mut listed = 0;
    for ((_, article), refs) in by_article {
        if listed == MAX_LISTED {
            break;
        }
        let text = view.text(article);
        let mentions: Vec<MentionLine> = refs
            .into_iter()
            .take(MAX_LISTED - listed)
            .map(|m| view.report.span(m))
            .map(|span| MentionLine {
                line: line_of(text, span.start),
                snippet: snippet(text, &span, SNIPPET),
                location: Location { doc: article, span },
            })
            .collect();
        listed += mentions.len();
        articles.push(ArticleMentions {
            doc: article,
            mentions,
        });
    }
    Some(NameHover {
        span: mention.span.clone(),
        kind: entity.kind,
        canonical: entity.canonical.clone(),
        roles: entity.roles.clone(),
        aliases: entity.aliases.clone(),
        stands_for,
        note: entity.note.clone(),
        articles,
        mention_count: entity.mentions.len(),
        article_count,
    })
}

fn qualifier_words(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact | Qualifier::Range => "",
        Qualifier::AtLeast => "at least",
        Qualifier::MoreThan => "more than",
        Qualifier::UpTo => "up to",
        Qualifier::LessThan => "less than",
        Qualifier::Nearly => "nearly",
        Qualifier::Approximately => "about",
    }
}

fn figure_hover(view: DeskView<'_>, doc: usize, offset: usize) -> Option<FigureHover> {
    let (_, here) = view.report.figure_at(doc, offset)?;
    let figure = &here.figure;
    let unit = &figure.unit;
    // The claim's timeline: dated statements in time order, then the
    // undated ones, each group in desk order. Only the listed ones are
    // described, so a claim stated thousands of times costs a sort.
    let mut timeline: Vec<(Option<&str>, usize, DeskFigure)> = Vec::new();
    if let Some(claim) = &here.claim {
        for (other_doc, analysis) in view.report.analyses.iter().enumerate() {
            for other in analysis.figures() {
                if other.key != Some(claim) {
                    continue;
                }
                let other = DeskFigure::from(other);
                // Tolls of one claim at places that cannot be one are
                // listed by neither.
                if Scope::relate(
                    here.context.scope.as_deref(),
                    other.context.scope.as_deref(),
                ) == ScopeMatch::Different
                {
                    continue;
                }
                if other_doc == doc && other.figure.span == figure.span {
                    continue;
                }
                let date = other.context.date.clone();
                let date = match date {
                    Some(_) => None,
                    None => view.date(other_doc),
                };
                timeline.push((date, other_doc, other));
            }
        }
    }
    let elsewhere_count = timeline.len();
    let date_of = |(date, _, f): &(Option<&str>, usize, DeskFigure)| -> Option<String> {
        f.context.date.as_deref().or(*date).map(str::to_string)
    };
    let mut keyed: Vec<(Option<String>, usize, usize, usize)> = timeline
        .iter()
        .enumerate()
        .map(|(i, t)| (date_of(t), t.1, t.2.figure.span.start, i))
        .collect();
    keyed.sort_by(|a, b| (a.0.is_none(), &a.0, a.1, a.2).cmp(&(b.0.is_none(), &b.0, b.1, b.2)));
    keyed.truncate(MAX_LISTED);
    let elsewhere: Vec<OtherFigure> = keyed
        .into_iter()
        .map(|(date, other_doc, _, i)| {
            let other = &timeline[i].2;
            let text = view.text(other_doc);
            OtherFigure {
                location: Location {
                    doc: other_doc,
                    span: other.figure.span.clone(),
                },
                value: format_value(other.figure.value, &other.figure.unit),
                date,
                line: line_of(text, other.figure.span.start),
                snippet: snippet(text, &other.figure.span, SNIPPET),
            }
        })
        .collect();
    // A range reads as its two ends ("40 to 50"), not as its lower one.
    let value = match (figure.low, figure.high) {
        (Some(low), Some(high))
            if low != high && matches!(figure.qualifier, Qualifier::Exact | Qualifier::Range) =>
        {
            format!(
                "{} to {}",
                format_value(low, unit),
                format_value(high, unit)
            )
        }
        _ => format_value(figure.value, unit),
    };
    Some(FigureHover {
        span: figure.span.clone(),
        value,
        low: figure
            .low
            .filter(|_| says_more(figure))
            .map(|v| format_value(v, unit)),
        high: figure
            .high
            .filter(|_| says_more(figure))
            .map(|v| format_value(v, unit)),
        qualifier: qualifier_words(figure.qualifier),
        counted: figure.counted.as_deref().map(str::to_string),
        claim: here.claim_label(),
        elsewhere,
        elsewhere_count,
    })
}

/// Whether a figure's bounds say more than its value and qualifier do. An
/// exact figure has no range to speak of, and "at least 15" bounded below
/// by 15 would only say it again.
fn says_more(figure: &Figure) -> bool {
    match (figure.low, figure.high) {
        // A range's ends are its value already.
        (Some(low), Some(high)) => {
            low != high && !matches!(figure.qualifier, Qualifier::Exact | Qualifier::Range)
        }
        (Some(bound), None) | (None, Some(bound)) => bound != figure.value,
        (None, None) => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::hover_at;

    #[test]
    fn a_name_lists_its_mentions_this_article_first() {
        insta::assert_snapshot!(hover_at(
            "--- a.md
Mayor Ilse Varnholt opened the bridge in Kelbrano on Monday.
--- b.md
The mayor of Kelbrano, Ilse Varn$0holt, said the bridge cost $4 million.
Varnholt said it would last a century.
"
        ), @r"
        Ilse Varnholt (Person)
        roles: Mayor
        also: Varnholt
        3 mentions in 2 articles
        - b.md:1 The mayor of Kelbrano, Ilse Varnholt, said the bridge cost $4 million…
        - b.md:2 Varnholt said it would last a century.
        - a.md:1 Mayor Ilse Varnholt opened the bridge in Kelbrano on…
        ");
    }

    #[test]
    fn a_figure_shows_the_same_claim_elsewhere() {
        insta::assert_snapshot!(hover_at(
            "--- a.md
---
date: 2024-03-02
---
Twelve people were killed in Kelbrano, officials said.
--- b.md
---
date: 2024-03-04
---
At least 1$05 people were killed in Kelbrano, the mayor said.
"
        ), @r"
        at least 15 killed
        claim: toll: dead: people in Kelbrano
        - 12 (2024-03-02) a.md:4 Twelve people were killed in Kelbrano, offi…
        ");
    }

    #[test]
    fn a_range_shows_both_ends_and_a_bound_its_other_end() {
        insta::assert_snapshot!(hover_at(
            "--- a.md
Between 40 and 5$00 boats were lost.
"
        ), @r"
        40 to 50 boats
        claim: count: boat: lose
        ");
        insta::assert_snapshot!(hover_at(
            "--- a.md
Near$0ly 1000 boats were lost.
"
        ), @r"
        nearly 1,000 boats
        between 900 and 1,000
        claim: count: boat: lose
        ");
        insta::assert_snapshot!(hover_at(
            "--- a.md
Ab$0out 100 boats were lost.
"
        ), @r"
        about 100 boats
        between 90 and 110
        claim: count: boat: lose
        ");
    }

    #[test]
    fn prose_has_no_hover() {
        insta::assert_snapshot!(hover_at(
            "--- a.md
The bridge o$0pened on Monday.
"
        ), @"no hover");
    }
}
