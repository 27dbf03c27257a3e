//! What a figure is a claim about: its subject, the place it concerns, the
//! event, and when.
//!
//! "North Korea has deployed 3,000 troops to Russia" has the subject North
//! Korea, the target Russia and the event `deploy`, and counts troops.

use std::ops::Range;

use super::model::{EntityKind, Figure, FigureRole, Mention};
use super::text::{self, BlockKind};

/// The context of one figure's claim, taken from its sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ClaimContext {
    /// The key of the entity the claim is about (who deployed, whose troops).
    pub subject: Option<String>,
    /// The key of the place or entity the event is directed at ("to Russia").
    pub target: Option<String>,
    /// The event, as a normalized verb ("deploy", "kill", "earn").
    pub event: Option<String>,
    /// A date stated in the sentence (`YYYY`, `YYYY-MM`, ...), if any.
    pub date: Option<String>,
}

/// Verbs that name the event of a claim, by their normalized form.
const EVENTS: &[(&str, &[&str])] = &[
    (
        "deploy",
        &[
            "deploy",
            "deployed",
            "deploying",
            "deploys",
            "send",
            "sent",
            "sending",
            "sends",
            "dispatched",
            "dispatch",
            "stationed",
            "arrived",
            "entered",
            "reinforcements",
            "deployment",
        ],
    ),
    (
        "kill",
        &["killed", "kill", "killing", "dead", "died", "deaths"],
    ),
    ("injure", &["injured", "wounded", "injuring", "wounding"]),
    ("train", &["training", "trained", "train"]),
    (
        "mobilize",
        &[
            "mobilization",
            "mobilized",
            "mobilize",
            "conscripted",
            "recruited",
        ],
    ),
    (
        "earn",
        &["earn", "earned", "earns", "earning", "worth", "paid", "pay"],
    ),
    (
        "supply",
        &[
            "supplied",
            "supply",
            "supplies",
            "provided",
            "delivered",
            "shipped",
        ],
    ),
    (
        "possess",
        &["possesses", "possess", "boasts", "has", "have", "owns"],
    ),
];

/// Computes the claim context of every figure of a chunk.
///
/// `masked` is the chunk's masked text; `sentences`, `mentions` and `figures`
/// are relative to it.
pub fn contexts(
    masked: &str,
    sentences: &[(Range<usize>, BlockKind)],
    mentions: &[Mention],
    figures: &[Figure],
) -> Vec<ClaimContext> {
    figures
        .iter()
        .map(|figure| {
            let sentence = sentences
                .iter()
                .map(|(s, _)| s.clone())
                .find(|s| {
                    s.start <= figure.span.start && figure.span.start < s.end.max(s.start + 1)
                })
                .unwrap_or(figure.span.clone());
            context_in_sentence(masked, sentence, mentions, figure)
        })
        .collect()
}

fn context_in_sentence(
    masked: &str,
    sentence: Range<usize>,
    mentions: &[Mention],
    figure: &Figure,
) -> ClaimContext {
    let in_sentence: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.span.start >= sentence.start && m.span.end <= sentence.end)
        .collect();
    let counted_end = figure
        .counted_span
        .as_ref()
        .map_or(figure.span.end, |c| c.end);
    let subject_of = |m: &Mention| m.stands_for.clone().unwrap_or_else(|| m.key.clone());
    // 1. A demonym or possessive right inside the counted phrase:
    //    "3,000 North Korean troops", "North Korea's 20,000 artillery systems".
    let attached = in_sentence.iter().find(|m| {
        let inside = m.span.start >= figure.span.start && m.span.end <= counted_end;
        let possessive_before = m.span.end <= figure.span.start
            && is_possessive_gap(&masked[m.span.end..figure.span.start]);
        (inside && m.demonym) || possessive_before
    });
    // 2. The agent: the last place or organization before the figure that is not
    //    introduced by a preposition of source ("according to", "from").
    let agent = || {
        in_sentence
            .iter()
            .filter(|m| m.span.end <= figure.span.start)
            .filter(|m| m.kind != EntityKind::Person || m.demonym)
            .filter(|m| !is_source_phrase(&masked[sentence.start..m.span.start]))
            .find(|m| {
                let after = &masked[m.span.end..figure.span.start];
                !after.contains(',') || after.trim_start().starts_with(char::is_lowercase)
            })
            .copied()
    };
    let subject = attached.copied().or_else(agent).map(subject_of);
    // Target: "to Russia", "in Russia", "into Ukraine" after the figure.
    let target = in_sentence
        .iter()
        .filter(|m| m.span.start >= figure.span.end && !m.demonym)
        .find(|m| {
            let before = masked[sentence.start..m.span.start].trim_end();
            before.ends_with(" to")
                || before.ends_with(" in")
                || before.ends_with(" into")
                || before.ends_with(" to the")
                || before.ends_with(" in the")
        })
        .map(|m| subject_of(m));
    let sentence_text = &masked[sentence.clone()];
    let event = EVENTS
        .iter()
        .find(|(_, forms)| {
            sentence_text
                .split(|c: char| !c.is_alphabetic())
                .any(|w| forms.contains(&w.to_lowercase().as_str()))
        })
        .map(|(e, _)| e.to_string());
    ClaimContext {
        subject,
        target,
        event,
        date: sentence_date(sentence_text),
    }
}

fn is_possessive_gap(gap: &str) -> bool {
    let g = gap.trim();
    matches!(g, "'s" | "’s" | "'" | "’")
}

fn is_source_phrase(before: &str) -> bool {
    let lower = before.to_lowercase();
    let tail = lower.trim_end();
    tail.ends_with("according to")
        || tail.ends_with("from")
        || tail.ends_with("said")
        || tail.ends_with("by")
}

/// A month and year, or a year, stated in a sentence ("in January 2025", "in late 2024").
pub fn sentence_date(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.len() == 4
            && w.chars().all(|c| c.is_ascii_digit())
            && (w.starts_with("19") || w.starts_with("20"))
        {
            let year = w;
            if i > 0
                && let Some(month) = text::month_number(words[i - 1])
            {
                return Some(format!("{year}-{month:02}"));
            }
            return Some(year.to_string());
        }
    }
    None
}

/// Is this figure one that should be compared with others of its claim?
/// Plans, rates and references to earlier estimates are not counts.
pub fn comparable(figure: &Figure) -> bool {
    figure.per.is_none() && !matches!(figure.role, FigureRole::Plan | FigureRole::Reference)
}
