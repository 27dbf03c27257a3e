//! What a figure is a claim about: its subject, the place it concerns, the
//! event, and when.
//!
//! "North Korea has deployed 3,000 troops to Russia" has the subject North
//! Korea, the target Russia and the event `deploy`, and counts troops.

use std::ops::Range;
use std::sync::Arc;

use super::model::{EntityKind, Figure, FigureRole, Mention};
use super::text::{self, BlockKind};

/// The context of one figure's claim, taken from its sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ClaimContext {
    /// The key of the entity the claim is about (who deployed, whose troops).
    pub subject: Option<Arc<str>>,
    /// The key of the place or entity the event is directed at ("to Russia").
    pub target: Option<Arc<str>>,
    /// The event, as a normalized verb ("deploy", "kill", "earn").
    pub event: Option<Arc<str>>,
    /// A date stated in the sentence (`YYYY`, `YYYY-MM`, ...), if any.
    pub date: Option<Arc<str>>,
    /// The sentence puts the figure in a hypothetical ("could earn ... by deploying 10,000").
    pub hypothetical: bool,
    /// The figure counts per item ("two units of up to 6,000 troops each").
    pub distributive: bool,
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
        &[
            "possesses",
            "possess",
            "boasts",
            "owns",
            "fields",
            "maintains",
            "strong",
        ],
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
    let mut previous: Option<(Range<usize>, Arc<str>)> = None;
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
            let mut context = context_in_sentence(masked, sentence.clone(), mentions, figure);
            // A sentence that names no actor of its own continues the previous
            // one: "North Korea sent 11,000 troops. Another 3,000 followed."
            if context.subject.is_none()
                && let Some((prev_sentence, prev_subject)) = &previous
                && prev_sentence.end <= sentence.start
            {
                context.subject = Some(prev_subject.clone());
            }
            if let Some(subject) = &context.subject {
                previous = Some((sentence, subject.clone()));
            }
            context
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
    // The counted phrase may follow the figure ("3,000 North Korean troops") or
    // precede it ("the number of North Korean troops ... to 11,000").
    let phrase = match &figure.counted_span {
        Some(c) => figure.span.start.min(c.start)..figure.span.end.max(c.end),
        None => figure.span.clone(),
    };
    // 1. A demonym inside the counted phrase, or a possessive right before the
    //    figure: "3,000 North Korean troops", "North Korea's 20,000 artillery systems".
    let attached = in_sentence.iter().copied().find(|m| {
        let before_noun = figure.counted_span.as_ref().is_some_and(|c| {
            m.span.end <= c.start && masked[m.span.end..c.start].trim().is_empty()
        });
        let inside = before_noun || m.span.start >= phrase.start && m.span.end <= phrase.end;
        let possessive_before = m.span.end <= figure.span.start
            && is_possessive_gap(&masked[m.span.end..figure.span.start]);
        (inside && m.demonym) || possessive_before
    });
    // 2. The agent: the closest place or organization before the figure that
    //    is not the object of a preposition or the source of the report
    //    ("according to Seoul").
    let agent = || {
        in_sentence
            .iter()
            .copied()
            .rev()
            .filter(|m| m.span.end <= phrase.start)
            .filter(|m| m.kind != EntityKind::Person || m.demonym)
            .filter(|m| {
                let before = &masked[sentence.start..m.span.start];
                !is_source_phrase(before) && !follows_preposition(before)
            })
            .find(|m| !(m.demonym && modifies_people(masked, m)))
    };
    let subject = attached.or_else(agent).map(subject_key);
    // Target: "to Russia", "in Russia", "into Ukraine" after the figure.
    let target = in_sentence
        .iter()
        .filter(|m| m.span.start >= figure.span.end && !m.demonym)
        .find(|m| follows_preposition(&masked[sentence.start..m.span.start]))
        .map(|m| subject_key(m));
    let sentence_text = &masked[sentence.clone()];
    let event = nearest_event(masked, &sentence, &phrase);
    let lead = &masked[sentence.start..figure.span.start];
    let after = masked[phrase.end..sentence.end].trim_start();
    ClaimContext {
        subject: subject.map(Into::into),
        target: target.map(Into::into),
        event: event.map(Into::into),
        date: sentence_date(sentence_text).map(Into::into),
        hypothetical: words(lead).any(|(_, w)| is_one_of(w, HYPOTHETICAL)),
        distributive: first_word(after).is_some_and(|w| is_one_of(w, &["each", "apiece"])),
    }
}

/// The event verb closest to the figure in its sentence, preferring one before it.
fn nearest_event(masked: &str, sentence: &Range<usize>, phrase: &Range<usize>) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for (relative, word) in words(&masked[sentence.clone()]) {
        let start = sentence.start + relative;
        if start >= phrase.start && start < phrase.end {
            continue;
        }
        let Some((event, _)) = EVENTS.iter().find(|(_, forms)| is_one_of(word, forms)) else {
            continue;
        };
        // Words after the figure count double: "deployed 3,000" beats "3,000 were killed".
        let distance = if start < phrase.start {
            phrase.start - start
        } else {
            2 * (start - phrase.end)
        };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, event));
        }
    }
    best.map(|(_, e)| e.to_string())
}

/// The alphabetic words of a text with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while rest.next_if(|(_, c)| !c.is_alphabetic()).is_some() {}
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some((i, c)) = rest.next_if(|(_, c)| c.is_alphabetic()) {
            end = i + c.len_utf8();
        }
        Some((start, &text[start..end]))
    })
}

/// Words that make the rest of a sentence hypothetical rather than a report.
const HYPOTHETICAL: &[&str] = &["could", "would", "might", "if", "unless", "hypothetically"];

fn first_word(text: &str) -> Option<&str> {
    words(text).next().map(|(_, w)| w)
}

/// Case-insensitive membership in a list of lower-case ASCII words.
fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Case-insensitive `ends_with` for ASCII suffixes.
fn ends_with_word(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.is_char_boundary(text.len() - suffix.len())
        && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

fn subject_key(m: &Mention) -> String {
    m.stands_for.as_deref().unwrap_or(&m.key).to_string()
}

/// A demonym that modifies a noun for people who report rather than act:
/// "South Korean lawmakers disclosed that ...".
fn modifies_people(masked: &str, m: &Mention) -> bool {
    const REPORTERS: &[&str] = &[
        "lawmakers",
        "lawmaker",
        "officials",
        "official",
        "sources",
        "source",
        "intelligence",
        "media",
        "analysts",
        "analyst",
        "experts",
        "researchers",
        "authorities",
        "diplomats",
        "reports",
        "newspaper",
        "agency",
        "military",
    ];
    first_word(&masked[m.span.end..]).is_some_and(|w| is_one_of(w, REPORTERS))
}

/// The text before a mention ends with a preposition that makes the mention an object.
fn follows_preposition(before: &str) -> bool {
    const PREPOSITIONS: &[&str] = &[
        "in", "to", "into", "from", "of", "at", "by", "with", "among", "for", "against", "on",
        "toward", "towards", "across", "inside", "near",
    ];
    let mut words = before.trim_end().rsplit(|c: char| c.is_whitespace());
    let mut last = words.next().unwrap_or("");
    if last.eq_ignore_ascii_case("the") {
        last = words.next().unwrap_or("");
    }
    is_one_of(last, PREPOSITIONS)
}

fn is_possessive_gap(gap: &str) -> bool {
    let g = gap.trim();
    matches!(g, "'s" | "’s" | "'" | "’")
}

fn is_source_phrase(before: &str) -> bool {
    let tail = before.trim_end();
    ["according to", " from", " by"]
        .iter()
        .any(|s| ends_with_word(tail, s))
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
pub fn comparable(figure: &Figure, context: &ClaimContext) -> bool {
    figure.per.is_none()
        && !context.hypothetical
        && !context.distributive
        && !matches!(figure.role, FigureRole::Plan | FigureRole::Reference)
}

/// What identifies a claim across articles: who, what is counted, in what unit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimKey {
    /// The key of the subject entity.
    pub subject: Arc<str>,
    /// The normalized counted thing.
    pub counted: Arc<str>,
    /// The unit label.
    pub unit: Arc<str>,
    /// Increments are only compared with increments.
    pub increment: bool,
}

impl ClaimKey {
    /// The claim a figure makes, when it has a subject and a counted thing and
    /// is a count (not a plan, a rate or a reference to an earlier estimate).
    pub fn of(figure: &Figure, context: &ClaimContext) -> Option<ClaimKey> {
        if !comparable(figure, context) {
            return None;
        }
        Some(ClaimKey {
            subject: context.subject.clone()?,
            counted: figure.counted.clone()?,
            unit: figure.unit.label().into(),
            increment: figure.role == FigureRole::Increment,
        })
    }

    /// A short readable label: "North Korea: troops".
    pub fn label(&self) -> String {
        let increment = if self.increment { " (additional)" } else { "" };
        format!("{}: {}{}", self.subject, self.counted, increment)
    }
}
