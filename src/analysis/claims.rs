//! What a figure is a claim about: its subject, the place it concerns, the
//! event, and when.
//!
//! "North Korea has deployed 3,000 troops to Russia" has the subject North
//! Korea, the target Russia and the event `deploy`, and counts troops.

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::model::{EntityKind, Figure, FigureRole, Mention, Unit};
use super::syntax::{self, Upos};
use super::text::{self, BlockKind};
use super::text::{ceil_char_boundary, floor_char_boundary};

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
    /// What the figure measures when its sentence states a toll: `dead` or
    /// `injured`, with the victims its head noun names ("dead: soldiers").
    pub toll: Option<Arc<str>>,
    /// The figure is a part, a window or a difference rather than a whole:
    /// "7 of their 12", "including 31", "the last 8 matches", "three points behind".
    pub partial: bool,
    /// The figure is stated as provisional ("so far", "confirmed", "rose to").
    pub provisional: bool,
    /// The figure is the population of its subject, a place.
    pub population: bool,
    /// The sentence places the figure at another time than the story's:
    /// a year it names, or "last year", "ago", "previous".
    pub when: Option<Arc<str>>,
    /// What the sentence says was done to the counted things, as a crude
    /// verb stem: "bombs were dropped" and "dropped four bombs" give `drop`.
    pub predicate: Option<Arc<str>>,
    /// The figure is the magnitude of an earthquake ("a magnitude 6.1
    /// quake", "6.1-magnitude"), stated as the only one in its sentence.
    pub magnitude: bool,
    /// A claim its sentence states in a set form of words, which says what
    /// is measured and of whom without the rest of the context (see
    /// [`Frame`]).
    pub frame: Option<Frame>,
    /// Where a toll's sentence puts it (see [`Scope`]); `None` for a toll
    /// of no stated place and for other figures.
    pub scope: Option<Arc<Scope>>,
    /// The figure's sentence, relative to its chunk.
    pub sentence: Range<usize>,
}

/// Where a toll's sentence puts it: the kinds of place its prepositions
/// govern ("in the school", "in two camps") and the places it names ("in
/// Kelbrano"), each sorted. A toll's place is not part of its claim key,
/// since articles place one toll with more or fewer words; two tolls are
/// compared when their scopes can be one place (see [`Scope::meets`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Scope {
    /// Kinds of place, lower case, in the number written: "school" and
    /// "schools" are two scopes.
    pub kinds: Vec<Arc<str>>,
    /// The keys of the places named.
    pub places: Vec<Arc<str>>,
}

/// How two tolls' scopes relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeMatch {
    /// They name a place or a kind of place in common, or neither names any.
    Same,
    /// One says where and the other does not (in at least one of the two
    /// respects): the same place, if the figures are of one size.
    Unstated,
    /// Both say where, and differ: two places.
    Different,
}

/// Two tolls whose scopes match only because one of them does not say
/// where are compared when their figures are within this ratio: "2 killed
/// in the market" is not the story's toll of 40 told without its place.
pub const UNSTATED_SCOPE_RATIO: f64 = 3.0;

impl Scope {
    /// The scope as a label adds it to its claim's: " in Kelbrano, school".
    pub fn suffix(&self) -> String {
        let mut all: Vec<&str> = self
            .kinds
            .iter()
            .chain(&self.places)
            .map(|x| &**x)
            .collect();
        all.sort_unstable();
        format!(" in {}", all.join(", "))
    }

    /// How two scopes relate; `None` is a toll with no stated place.
    ///
    /// A named place must be named by both: a toll "in Kelbrano" beside
    /// one with no place is as often a part of the story's toll (one
    /// district's dead) as the toll itself. A kind of one place may be left
    /// out ("40 were killed" and "42 were killed in the school"), but not
    /// several ("in the schools" adds up more than one place), nor an area
    /// ("12 were killed in the district" is as often one part of the toll).
    pub fn relate(a: Option<&Scope>, b: Option<&Scope>) -> ScopeMatch {
        fn meet(a: &[Arc<str>], b: &[Arc<str>]) -> bool {
            a.iter().any(|x| b.contains(x))
        }
        // Kinds a toll of the story's site cannot leave out: several
        // places, or an area rather than one building.
        let binding = |s: &Scope| {
            s.kinds
                .iter()
                .any(|k| stem(k) != **k || !FACILITIES.contains(&&**k))
        };
        let empty = Scope::default();
        let (a, b) = (a.unwrap_or(&empty), b.unwrap_or(&empty));
        // Several places named are a sum over them ("in A, B and C"): the
        // same toll only for the same places.
        let places = match (a.places.len(), b.places.len()) {
            (1, 1) => meet(&a.places, &b.places),
            _ => a.places == b.places,
        };
        if !places {
            return ScopeMatch::Different;
        }
        let binding = binding(a) || binding(b);
        match (a.kinds.is_empty(), b.kinds.is_empty()) {
            _ if a.kinds == b.kinds => ScopeMatch::Same,
            (false, false) if !binding && meet(&a.kinds, &b.kinds) => ScopeMatch::Same,
            (true, false) | (false, true) if !binding => ScopeMatch::Unstated,
            _ => ScopeMatch::Different,
        }
    }

    /// Whether two tolls of these scopes and values can be one toll.
    pub fn meets(a: Option<&Scope>, b: Option<&Scope>, x: f64, y: f64) -> bool {
        match Scope::relate(a, b) {
            ScopeMatch::Same => true,
            ScopeMatch::Different => false,
            ScopeMatch::Unstated => {
                let (low, high) = if x < y { (x, y) } else { (y, x) };
                low > 0.0 && high <= low * UNSTATED_SCOPE_RATIO
            }
        }
    }
}

/// A claim read from a set form of words around a figure:
/// - the value of one deal, of the person it was signed with ("signed Ann
///   Vale to a $5 million contract", "a deal worth $5 million"): `deal` of
///   `Vale` (the surname, as articles shorten the name);
/// - a parent's children ("Ana Lind, a mother of six", "her six
///   children"): `children` of `mother Lind`, the person the sentence
///   names before the figure; a parent no name points to is no claim;
/// - how far another, dated event reached ("the 1990 flood hit 12
///   countries"): `countries` of `flood 1990`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Frame {
    /// [`ClaimKind::Deal`], [`ClaimKind::Kin`], [`ClaimKind::Background`]
    /// or [`ClaimKind::Age`].
    pub kind: ClaimKind,
    /// Whose deal, which parent, which event and year.
    pub subject: Arc<str>,
    /// What is measured: `deal`, `children`, the places reached.
    pub counted: Arc<str>,
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
    let mut shape = shape(masked, &sentence, &in_sentence, figure);
    let mut scope = None;
    if shape.toll.is_some() {
        // A toll is scoped by the place its sentence puts it in ("12 were
        // killed in the north district"), and one that adds to another
        // ("also", "another", "separate") is a part.
        // The places named after the figure, all of them: "in A, B and C".
        // A name that only names a facility of a kind the sentence gives
        // ("in the Norvale school") is read as that kind: articles name one
        // school or hospital of a story in several ways, or not at all.
        // A place that continues a list of them counts with the first:
        // "in A, B and C".
        // Before the figure, the places of its clause count too, and of
        // the clause before when the figure's opens with a participle:
        // "fought in the north, killing 12" (not "the mayor of Kelbrano
        // said that 12 were killed": a speaker's place is none of the toll's).
        let clause = clause_before(masked, &sentence, figure.span.start);
        let participle = first_word(&masked[clause.clone()]).is_some_and(|w| {
            w.len() > 4 && w.ends_with("ing") && w.chars().all(|c| c.is_lowercase())
        });
        // A running total ("..., bringing the toll to 24") is placed by its
        // own clause only: the clause before tells where one part happened.
        let lead_start = if shape.total {
            clause.start
        } else if participle && clause.start > sentence.start {
            clause_before(masked, &sentence, clause.start - 1).start
        } else {
            figure.span.end
        };
        let kinds_from = if shape.total {
            clause.start - sentence.start
        } else {
            0
        };
        let mut places: Vec<String> = Vec::new();
        let mut list_end: Option<usize> = None;
        let mut pushed = false;
        for m in &in_sentence {
            let placed = m.span.start >= figure.span.end
                || (m.span.start >= lead_start && m.span.end <= figure.span.start);
            if m.demonym || m.kind != EntityKind::Place || !placed {
                continue;
            }
            let before = &masked[sentence.start..m.span.start];
            let continues = list_end.is_some_and(|end| {
                let gap = masked[end..m.span.start].trim();
                matches!(gap, "," | "and" | "or" | ", and" | ", or")
            });
            // "in Norlanda's Kelbrano district": the place is the one the
            // possessive's owner contains.
            let within = list_end.is_some_and(|end| is_possessive_gap(&masked[end..m.span.start]));
            if within && pushed {
                places.pop();
            }
            if !(continues || within || follows_preposition(before)) || is_source_phrase(before) {
                continue;
            }
            list_end = Some(m.span.end);
            pushed = !names_facility(&masked[m.span.end..sentence.end.max(m.span.end)]);
            if pushed {
                places.push(subject_key(m));
            }
        }
        // And the kind of place a preposition puts it in, anywhere in the
        // sentence: "in the school", "in the eastern district", "the
        // shelling of two schools" (several places: another scope than one).
        let mut kinds: Vec<String> = Vec::new();
        let after: Vec<(usize, &str)> = words(sentence_text).collect();
        for (i, &(at, w)) in after.iter().enumerate() {
            if at < kinds_from {
                continue;
            }
            let governs = is_one_of(w, &["in", "at", "near", "inside"])
                || (is_one_of(w, &["of", "on"])
                    && i > 0
                    && is_one_of(after[i - 1].1, ATTACK_NOUNS));
            if !governs {
                continue;
            }
            // The noun phrase the preposition governs: up to four words,
            // not past a mark or a word that opens another phrase ("at the
            // weekend when buildings fell" is no place).
            let mut end = at + w.len();
            let mut seen = 0;
            let mut place = None;
            for &(offset, word) in &after[i + 1..] {
                let gap = &sentence_text[end..offset];
                if gap.contains(|c: char| {
                    !(c.is_whitespace() || c.is_ascii_digit() || matches!(c, '-' | '\'' | '’'))
                }) || is_one_of(word, PHRASE_BREAKS)
                {
                    break;
                }
                end = offset + word.len();
                if is_one_of(word, &["a", "an", "the"]) {
                    continue;
                }
                seen += 1;
                if seen > 4 {
                    break;
                }
                // "a city-run school": the word before a hyphen modifies.
                let modifier = sentence_text[end..].starts_with('-');
                if !modifier && let Some(found) = locale(word) {
                    place = Some(found);
                    break;
                }
            }
            if let Some(place) = place {
                kinds.push(place);
            }
        }
        places.sort();
        places.dedup();
        kinds.sort();
        kinds.dedup();
        let unplaced = places.is_empty() && kinds.is_empty();
        if !unplaced {
            scope = Some(Arc::new(Scope {
                kinds: kinds.into_iter().map(Into::into).collect(),
                places: places.into_iter().map(Into::into).collect(),
            }));
        }
        // So is one its sentence opens with a place of its own ("In the
        // next district, 10 were killed"): a part of the whole toll.
        let opening = first_word(&masked[sentence.clone()]).unwrap_or("");
        let clause = clause_before(masked, &sentence, figure.span.start);
        let own = &masked[clause.start..phrase.end.min(sentence.end).max(clause.start)];
        if ["also", "another", "separate", "other", "others"]
            .iter()
            .any(|w| contains_words(own, w))
            || (is_one_of(opening, &["in", "at"]) && figure.span.start > sentence.start + 3)
            // A toll scoped to a place is that place's whole toll, whatever
            // total it adds to ("43 were killed in the school, pushing
            // the toll above 600").
            || (unplaced
                && adds_to_a_total(sentence_text, figure.span.start - sentence.start))
        {
            shape.partial = true;
        }
    }
    let date = sentence_date(sentence_text);
    let date_year = date.as_deref().map(|d| d[..4].to_string());
    let when = date
        .as_deref()
        .map(|d| d[..4].to_string())
        .or_else(|| elsewhere_in_time(sentence_text).then(|| "earlier".to_string()))
        .or_else(|| {
            // A count other than a toll stated as a running total ("so far",
            // "in all") is not one day's count.
            if shape.toll.is_some() {
                // Up to the end of the figure's own clause: "43 were killed
                // in the school, pushing the toll above 600 since the war
                // began" is the school's toll; "600 were killed in the 12
                // days of the war, and 3,000 wounded" are both running totals.
                let end = masked[figure.span.end.min(sentence.end)..sentence.end]
                    .find([',', ';'])
                    .map_or(sentence.end, |i| figure.span.end + i);
                return over_a_period(&masked[sentence.start..end]).then(|| "so far".to_string());
            }
            ["so far", "in total", "in all", "since"]
                .iter()
                .any(|p| contains_words(sentence_text, p))
                .then(|| "so far".to_string())
        });
    // "a town of 48,000 people", "home to 52,000": the population of the
    // place named last before the figure.
    let population = if shape.toll.is_none() && states_population(lead) {
        in_sentence
            .iter()
            .rev()
            .find(|m| m.kind == EntityKind::Place && !m.demonym && m.span.end <= figure.span.start)
            .map(|m| subject_key(m))
    } else {
        None
    };
    let subject = match population {
        Some(place) => Some(place),
        None => subject,
    };
    ClaimContext {
        population: population_flag(&subject, lead, shape.toll.is_none()),
        toll: shape.toll.map(Into::into),
        partial: shape.partial,
        provisional: shape.provisional,
        when: when.map(Into::into),
        subject: subject.map(Into::into),
        target: target.map(Into::into),
        event: event.map(Into::into),
        date: date.map(Into::into),
        hypothetical: words(lead).any(|(_, w)| is_one_of(w, HYPOTHETICAL)),
        distributive: first_word(after).is_some_and(|w| is_one_of(w, &["each", "apiece"])),
        predicate: predicate(masked, &sentence, figure).map(Into::into),
        magnitude: states_magnitude(masked, &sentence, figure),
        frame: frame(
            masked,
            &sentence,
            &in_sentence,
            figure,
            date_year.as_deref(),
        ),
        scope,
        sentence,
    }
}

/// Where the clause that holds `at` begins: after the last comma,
/// semicolon, colon or dash before it in its sentence.
fn clause_before(masked: &str, sentence: &Range<usize>, at: usize) -> Range<usize> {
    // `at` may fall inside a character (the byte before a clause is the
    // last of its mark, which may be a dash of three bytes).
    let at = floor_char_boundary(masked, at.clamp(sentence.start, sentence.end));
    let start = masked[sentence.start..at]
        .rfind([',', ';', ':', '\u{2014}', '\u{2013}', '('])
        .map_or(sentence.start, |i| {
            let mark = masked[sentence.start + i..].chars().next();
            sentence.start + i + mark.map_or(1, char::len_utf8)
        });
    start..at
}

/// Nouns for an attack, after which "of" or "on" names its target: "the
/// shelling of the school", "the raid on the camp".
const ATTACK_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "bombing",
    "bombings",
    "shelling",
    "strike",
    "strikes",
    "raid",
    "raids",
    "assault",
    "explosion",
    "blast",
    "collapse",
];

/// Words that end the noun phrase a preposition governs.
const PHRASE_BREAKS: &[&str] = &[
    "when", "where", "while", "as", "who", "which", "that", "after", "before", "and", "or", "but",
    "because", "if", "since", "until", "to", "from", "by", "with", "for", "of", "in", "at", "on",
];

/// Kinds of place that are one building or compound: its name is one of
/// the ways a story names it.
const FACILITIES: &[&str] = &[
    "school", "hospital", "building", "market", "mosque", "church", "hotel", "clinic",
];

/// The kind of place a word names, in the form that tells one place from
/// several: "school" and "schools" are two scopes.
fn locale(word: &str) -> Option<String> {
    if is_one_of(word, LOCALES) {
        return Some(word.to_ascii_lowercase());
    }
    let singular = stem(word);
    (singular.len() < word.len() && LOCALES.contains(&singular.as_str()))
        .then(|| word.to_ascii_lowercase())
}

/// The text after a name goes on, within its phrase and at most two words
/// on, with a facility noun: "Norvale school", "Saint Anne general hospital".
fn names_facility(rest: &str) -> bool {
    for (offset, word) in words(rest).take(3) {
        if rest[..offset].contains(|c: char| !(c.is_alphabetic() || c == ' ' || c == '-')) {
            return false;
        }
        if is_one_of(word, FACILITIES) {
            return true;
        }
    }
    false
}

/// Words that report or hedge a figure rather than say what happened to
/// what it counts.
const NOT_PREDICATES: &[&str] = &[
    "said",
    "says",
    "reported",
    "estimated",
    "estimating",
    "believed",
    "included",
    "including",
    "according",
    "totalled",
    "totaled",
    "totaling",
    "totalling",
    "numbered",
    "numbering",
    "involved",
    "involving",
    "expected",
    "feared",
    "thought",
    "counted",
    "listed",
    "added",
    "adding",
    "hundred",
    "armed",
    "united",
    "aged",
    "red",
    "bed",
    "need",
    "speed",
    "seed",
    "feed",
    "based",
    "related",
    "called",
    "named",
    "dubbed",
    "nicknamed",
    "ranked",
    "rated",
    "scored",
];
/// Irregular past forms and the stem they stand for.
const IRREGULAR: &[(&str, &str)] = &[
    ("fell", "fall"),
    ("fallen", "fall"),
    ("falling", "fall"),
    ("hit", "hit"),
    ("hitting", "hit"),
    ("shot", "shoot"),
    ("shooting", "shoot"),
    ("struck", "strike"),
    ("striking", "strike"),
    ("sent", "send"),
    ("sending", "send"),
    ("built", "build"),
    ("building", "build"),
    ("sold", "sell"),
    ("selling", "sell"),
    ("taken", "take"),
    ("took", "take"),
    ("taking", "take"),
    ("found", "find"),
    ("finding", "find"),
    ("held", "hold"),
    ("holding", "hold"),
    ("brought", "bring"),
    ("bringing", "bring"),
    ("caught", "catch"),
    ("thrown", "throw"),
    ("threw", "throw"),
    ("stolen", "steal"),
    ("stole", "steal"),
    ("fled", "flee"),
    ("fleeing", "flee"),
    ("given", "give"),
    ("gave", "give"),
    ("spent", "spend"),
    ("fought", "fight"),
    ("led", "lead"),
    ("leading", "lead"),
    ("swept", "sweep"),
    ("torn", "tear"),
    ("broken", "break"),
    ("broke", "break"),
    ("laid", "lay"),
    ("left", "leave"),
    ("leaving", "leave"),
    ("lost", "lose"),
    ("losing", "lose"),
    ("won", "win"),
    ("made", "make"),
    ("making", "make"),
    ("seen", "see"),
    ("saw", "see"),
    ("drawn", "draw"),
    ("flown", "fly"),
    ("flew", "fly"),
    ("blown", "blow"),
    ("blew", "blow"),
    ("sunk", "sink"),
    ("sank", "sink"),
    ("rescued", "rescue"),
    ("freed", "free"),
];
/// Words that may stand between a counted noun and what was done to it:
/// "four bombs were reportedly dropped".
const AUXILIARIES: &[&str] = &[
    "were",
    "was",
    "have",
    "has",
    "had",
    "been",
    "being",
    "are",
    "is",
    "be",
    "reportedly",
    "also",
    "already",
    "all",
    "later",
    "then",
    "allegedly",
];

/// A crude verb stem of a word that reads as a past form or a present
/// participle: "dropped" and "dropping" give `drop`; none for other words.
fn verb_stem(word: &str) -> Option<String> {
    let w = word.to_ascii_lowercase();
    if let Some((_, stem)) = IRREGULAR.iter().find(|(form, _)| *form == w) {
        return Some((*stem).to_string());
    }
    if w.len() < 5 || is_one_of(&w, NOT_PREDICATES) || !w.is_ascii() {
        return None;
    }
    let base = w
        .strip_suffix("ied")
        .map(|b| {
            if b.len() < 2 {
                format!("{b}ie")
            } else {
                format!("{b}y")
            }
        })
        .or_else(|| w.strip_suffix("ed").map(str::to_string))
        .or_else(|| w.strip_suffix("ing").map(str::to_string))?;
    Some(lemma_of_base(base)).filter(|b| b.len() >= 2)
}

/// The verb a past form or participle comes from, once its ending is cut:
/// "dropp" gives "drop", "fir" gives "fire", "evacuat" gives "evacuate",
/// "arrest" stays. A crude rule, but the same for every form of one verb.
fn lemma_of_base(mut base: String) -> String {
    let b = base.as_bytes();
    let n = b.len();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    if n >= 3
        && b[n - 1] == b[n - 2]
        && !vowel(b[n - 1])
        && !matches!(b[n - 1], b'l' | b's' | b'z' | b'f')
    {
        base.pop();
        return base;
    }
    if n >= 2 && base.ends_with('e') {
        return base;
    }
    let last = b.last().copied().unwrap_or(b'a');
    let before = if n >= 2 { b[n - 2] } else { b'a' };
    let third = if n >= 3 { b[n - 3] } else { b'a' };
    let needs_e = (matches!(last, b'z' | b'v' | b'c') && vowel(before))
        || (last == b'g' && vowel(before) && !vowel(third))
        || (last == b't' && matches!(before, b'a' | b'u') && !matches!(third, b'a' | b'e' | b'o'))
        || (n == 3
            && !vowel(last)
            && vowel(before)
            && !vowel(third)
            && !matches!(last, b'w' | b'x' | b'y'));
    if needs_e {
        base.push('e');
    }
    base
}

/// What the sentence says was done to the things a figure counts: the
/// verb right before the figure ("dropped four bombs"), or a past form
/// after the counted noun ("four bombs were dropped", "800 homes destroyed").
fn predicate(masked: &str, sentence: &Range<usize>, figure: &Figure) -> Option<String> {
    let noun = figure.counted_span.as_ref()?;
    if noun.start < figure.span.end {
        return None;
    }
    let before = &masked[sentence.start..figure.span.start.max(sentence.start)];
    if before.trim_end().ends_with(|c: char| c.is_alphabetic())
        && let Some((_, last)) = words(before).last()
        && let Some(stem) = verb_stem(last)
    {
        return Some(stem);
    }
    let end = noun.end.min(sentence.end);
    let rest = &masked[end..sentence.end.max(end)];
    for (offset, word) in words(rest).take(4) {
        // Only within the clause: "500 homes, damaged ..." is an apposition.
        if rest[..offset].contains([',', ';', ':', '(', ')', '"', '\u{201c}', '\u{201d}']) {
            return None;
        }
        if is_one_of(word, AUXILIARIES) {
            continue;
        }
        return verb_stem(word);
    }
    None
}

/// Nouns for a deal whose value a money figure before them states.
const DEALS: &[&str] = &[
    "deal",
    "contract",
    "extension",
    "agreement",
    "offer",
    "pact",
];
/// Parents, by the noun a figure of children follows ("a mother of six").
const PARENTS: &[(&str, &str)] = &[
    ("mother", "mother"),
    ("mom", "mother"),
    ("mum", "mother"),
    ("father", "father"),
    ("dad", "father"),
];
/// Nouns for the children a possessive gives a parent ("her six children").
const CHILDREN: &[&str] = &["children", "kids"];
/// Nouns for an event a story recalls ("the 1990 flood").
const EVENT_NOUNS: &[(&str, &str)] = &[
    ("tsunami", "tsunami"),
    ("earthquake", "earthquake"),
    ("quake", "earthquake"),
    ("flood", "flood"),
    ("floods", "flood"),
    ("hurricane", "hurricane"),
    ("cyclone", "cyclone"),
    ("typhoon", "typhoon"),
    ("eruption", "eruption"),
    ("war", "war"),
    ("famine", "famine"),
    ("drought", "drought"),
    ("epidemic", "epidemic"),
    ("pandemic", "pandemic"),
];
/// Plural nouns for the places an event reached ("hit 12 countries").
const REACHES: &[&str] = &["countries", "nations", "provinces", "states", "islands"];

/// The surname of the person the sentence names last before the figure:
/// articles shorten a name, so a claim keyed by a person uses it.
/// Whose age a figure in years gives: the person named right before it
/// in apposition ("Ilse Varnholt, 45, said", "Ilse Varnholt, aged 45,") or
/// right after "N-year-old" ("the 45-year-old Ilse Varnholt", "a
/// 45-year-old teacher, Ilse Varnholt"). Only a name of two words or more
/// is a subject: a surname alone may be a relative's, and two people of
/// one family are two ages.
fn age_of<'a>(
    masked: &str,
    sentence: &Range<usize>,
    in_sentence: &[&'a Mention],
    figure: &Figure,
) -> Option<&'a str> {
    let full = |m: &&Mention| m.kind == EntityKind::Person && !m.demonym && m.key.contains(' ');
    let lead = &masked[sentence.start..figure.span.start.max(sentence.start)];
    let end = figure.span.end.min(sentence.end);
    let rest = &masked[end..sentence.end.max(end)];
    let trimmed = lead.trim_end();
    let apposed = if let Some(before) = trimmed.strip_suffix(',') {
        Some(before.trim_end().len())
    } else if ends_with_word(trimmed, "aged") {
        trimmed[..trimmed.len() - 4]
            .trim_end()
            .strip_suffix(',')
            .map(|b| b.trim_end().len())
    } else {
        None
    };
    if let Some(name_end) = apposed {
        if !rest.starts_with([',', ')']) && !rest.trim().is_empty() && !rest.starts_with('.') {
            return None;
        }
        let name_end = sentence.start + name_end;
        return in_sentence
            .iter()
            .find(|m| m.span.end == name_end && full(m))
            .map(|m| &*m.key);
    }
    // "-year-old" and then, within three words of its noun phrase, the name.
    let after_old = rest.strip_prefix("-year-old").or_else(|| {
        let tail = masked[figure.span.clone()].ends_with("-year");
        tail.then(|| rest.strip_prefix("-old")).flatten()
    })?;
    let from = end + (rest.len() - after_old.len());
    // The name follows at once, or after the noun the age modifies ("a
    // 45-year-old teacher, Ilse Varnholt"): at most three words, all of
    // them nouns or adjectives as the tagger reads them ("the 45-year-old
    // said Ilse Varnholt ..." is no age of hers).
    let named = in_sentence
        .iter()
        .find(|m| m.span.start >= from && full(m))?;
    let gap = &masked[from..named.span.start];
    if words(gap).count() > 3
        || gap.contains(|c: char| !(c.is_alphabetic() || c == ' ' || c == ','))
    {
        return None;
    }
    if !gap.trim().is_empty() {
        let tokens = syntax::tag(&masked[sentence.clone()]);
        let (gap_start, gap_end) = (from - sentence.start, named.span.start - sentence.start);
        let nominal = tokens
            .iter()
            .filter(|t| t.span.start >= gap_start && t.span.end <= gap_end)
            .all(|t| {
                matches!(
                    t.tag.upos,
                    Upos::Noun | Upos::Adj | Upos::Propn | Upos::Punct
                )
            });
        if !nominal {
            return None;
        }
    }
    Some(&*named.key)
}

fn surname_before<'a>(in_sentence: &[&'a Mention], figure: &Figure) -> Option<&'a str> {
    let named = in_sentence
        .iter()
        .rev()
        .find(|m| m.kind == EntityKind::Person && !m.demonym && m.span.end <= figure.span.start)?;
    Some(named.key.rsplit(' ').next().unwrap_or(&named.key))
}

/// The claim a set form of words around a figure states (see [`Frame`]).
fn frame(
    masked: &str,
    sentence: &Range<usize>,
    in_sentence: &[&Mention],
    figure: &Figure,
    year: Option<&str>,
) -> Option<Frame> {
    let end = figure.span.end.min(sentence.end);
    let rest = &masked[end..sentence.end.max(end)];
    let lead = &masked[sentence.start..figure.span.start.max(sentence.start)];
    let before: Vec<&str> = words(lead).map(|(_, w)| w).collect();
    let last = |n: usize| before.len().checked_sub(n).map(|i| before[i]);
    let next = rest
        .starts_with([' ', '-'])
        .then(|| first_word(rest))
        .flatten();
    if matches!(figure.unit, Unit::Currency(_)) {
        // "a $5 million deal", "a deal worth $5 million", "a contract
        // valued at $5 million".
        let after_noun = next.is_some_and(|w| is_one_of(w, DEALS));
        let worth = (last(1).is_some_and(|w| w.eq_ignore_ascii_case("worth"))
            && last(2).is_some_and(|w| is_one_of(w, DEALS)))
            || (last(1).is_some_and(|w| w.eq_ignore_ascii_case("at"))
                && last(2).is_some_and(|w| w.eq_ignore_ascii_case("valued"))
                && last(3).is_some_and(|w| is_one_of(w, DEALS)));
        if !(after_noun || worth) {
            return None;
        }
        // The party: the person named last before the figure.
        return Some(Frame {
            kind: ClaimKind::Deal,
            subject: surname_before(in_sentence, figure)?.into(),
            counted: "deal".into(),
        });
    }
    let years = matches!(figure.unit, Unit::Measure { symbol: "year", .. });
    let aged = figure.unit == Unit::Count && ends_with_word(lead.trim_end(), ", aged");
    if years || aged {
        return age_of(masked, sentence, in_sentence, figure).map(|subject| Frame {
            kind: ClaimKind::Age,
            subject: subject.into(),
            counted: "age".into(),
        });
    }
    if figure.unit != Unit::Count || figure.value.fract() != 0.0 {
        return None;
    }
    // "a mother of six", "her six children".
    if (1.0..=30.0).contains(&figure.value) {
        let parent = if last(1).is_some_and(|w| w.eq_ignore_ascii_case("of")) {
            last(2).and_then(|w| PARENTS.iter().find(|(p, _)| p.eq_ignore_ascii_case(w)))
        } else {
            None
        };
        let possessive = match last(1) {
            Some(w) if next.is_some_and(|n| is_one_of(n, CHILDREN)) => {
                if w.eq_ignore_ascii_case("her") {
                    Some("mother")
                } else if w.eq_ignore_ascii_case("his") {
                    Some("father")
                } else {
                    None
                }
            }
            _ => None,
        };
        // Whose children: the person the sentence names last before the
        // figure ("Ana Lind, a mother of six"). A story names many parents
        // (victims, witnesses), so a parent no name points to is no claim.
        if let (Some(parent), Some(surname)) = (
            parent.map(|(_, p)| *p).or(possessive),
            surname_before(in_sentence, figure),
        ) {
            return Some(Frame {
                kind: ClaimKind::Kin,
                subject: format!("{parent} {surname}").into(),
                counted: "children".into(),
            });
        }
    }
    // "a tsunami that hit 12 countries in 1990": the event named last
    // before the figure, and its year.
    let year = year?;
    let reach = next.filter(|w| is_one_of(w, REACHES))?;
    let event = before
        .iter()
        .rev()
        .find_map(|w| EVENT_NOUNS.iter().find(|(n, _)| n.eq_ignore_ascii_case(w)))?;
    Some(Frame {
        kind: ClaimKind::Background,
        subject: format!("{} {year}", event.1).into(),
        counted: reach.to_ascii_lowercase().into(),
    })
}

/// The figure is an earthquake's magnitude, the only one its sentence states.
fn states_magnitude(masked: &str, sentence: &Range<usize>, figure: &Figure) -> bool {
    if !(figure.unit == Unit::Count && figure.value > 0.0 && figure.value < 10.0) {
        return false;
    }
    let near = |range: Range<usize>| {
        let range = range.start.max(sentence.start)..range.end.min(sentence.end);
        range.start < range.end
            && words(&masked[range]).any(|(_, w)| is_one_of(w, &["magnitude", "richter"]))
    };
    let before = floor_char_boundary(masked, figure.span.start.saturating_sub(12));
    let after = ceil_char_boundary(masked, figure.span.end + 12);
    if !near(before..figure.span.end) && !near(figure.span.start..after) {
        return false;
    }
    let text = &masked[sentence.clone()];
    // "two quakes, measuring 7.6 and 7.4", "an aftershock of 5.9": more
    // than one quake, which the words do not tell apart.
    let decimals = text
        .as_bytes()
        .windows(3)
        .filter(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit())
        .count();
    decimals <= 1
        && ![
            "aftershock",
            "aftershocks",
            "another",
            "second",
            "tremors",
            "quakes",
        ]
        .iter()
        .any(|w| contains_words(text, w))
}

/// What the words around a figure say about the quantity it states.
#[derive(Debug, Default)]
struct Shape {
    toll: Option<String>,
    partial: bool,
    provisional: bool,
    /// The toll is stated as the running total ("the toll rose to 24"):
    /// only its own clause says where.
    total: bool,
}

/// Verbs that carry a toll to a new total: "bringing the toll to 24".
const TOTAL_VERBS: &[&str] = &[
    "bringing", "brings", "brought", "raising", "pushing", "taking",
];

/// Words that open an insertion after a toll's victims, set off by commas:
/// "12 people, including four children, were killed".
const INSERTION_OPENERS: &[&str] = &[
    "including",
    "among",
    "mostly",
    "mainly",
    "many",
    "most",
    "some",
    "all",
    "both",
    "half",
    "several",
    "none",
    "who",
    "aged",
    "nearly",
    "almost",
    "about",
];

/// The index of the word after an insertion that opens at `from` in
/// `after` (the words of `rest`), or `from` when none opens there. The
/// insertion opens after a comma with one of [`INSERTION_OPENERS`] or a
/// number ("12 people, three of them children, were killed") and closes at
/// the next comma within eight words.
fn past_insertion(rest: &str, after: &[(usize, &str)], from: usize) -> usize {
    let gap_before = |i: usize| {
        let start = i
            .checked_sub(1)
            .map_or(0, |p| after[p].0 + after[p].1.len());
        &rest[start..after[i].0]
    };
    let Some(&(_, word)) = after.get(from) else {
        return from;
    };
    let gap = gap_before(from);
    let opens = gap.contains(',')
        && (is_one_of(word, INSERTION_OPENERS)
            || gap.contains(|c: char| c.is_ascii_digit())
            || super::figures::numbers::number_word(word).is_some());
    if !opens {
        return from;
    }
    for i in from + 1..after.len().min(from + 9) {
        let gap = gap_before(i);
        if gap.contains(',') {
            return i;
        }
        if gap.contains([';', ':', '.', '(', ')']) {
            break;
        }
    }
    from
}

/// A toll named as a number of people: "the number of soldiers killed",
/// "the number of dead", "the death toll", "the toll" in `forward` (words
/// in order). Gives the toll's kind and the index of its victims' noun,
/// when it names one.
fn number_of(forward: &[&str]) -> Option<(&'static str, Option<usize>)> {
    let start = forward
        .iter()
        .position(|w| is_one_of(w, &["number", "tally", "toll"]))?;
    if forward[start].eq_ignore_ascii_case("toll") {
        let injuries = start > 0 && is_one_of(forward[start - 1], &["injury", "casualty"]);
        return (!injuries).then_some(("dead", None));
    }
    if !forward
        .get(start + 1)
        .is_some_and(|w| is_one_of(w, &["of"]))
    {
        return None;
    }
    let victims = start + 2;
    let rest = forward.get(victims..)?;
    let word = rest
        .iter()
        .take(6)
        .position(|w| is_one_of(w, DEAD) || is_one_of(w, HURT))?;
    let kind = if is_one_of(rest[word], DEAD) {
        "dead"
    } else {
        "injured"
    };
    let named = word > 0 && !is_one_of(rest[0], PEOPLE);
    Some((kind, named.then_some(victims)))
}

/// Words of a toll after its victims: "24 people (were) killed", "five dead".
const DEAD: &[&str] = &["killed", "dead", "died", "deaths", "fatalities", "perished"];
const HURT: &[&str] = &["injured", "wounded", "hurt", "injuries"];
/// Verbs that govern a toll figure standing after them: "killing 5 people".
const KILLING: &[&str] = &["killed", "killing", "kills", "kill"];
const INJURING: &[&str] = &[
    "injured", "injuring", "wounded", "wounding", "injures", "wounds",
];
/// Verbs that take lives: "claimed 12 lives", "took the lives of 12".
const CLAIMING: &[&str] = &[
    "claimed", "claiming", "claims", "claim", "took", "taking", "cost",
];
/// Words that may stand between the victims and the toll word.
const TOLL_FILLERS: &[&str] = &[
    "were",
    "was",
    "have",
    "has",
    "had",
    "been",
    "be",
    "are",
    "is",
    "being",
    "so",
    "far",
    "now",
    "already",
    "reportedly",
    "confirmed",
    "officially",
    "also",
    "all",
    "believed",
    "feared",
    "reported",
    "said",
    "to",
    "others",
    "people",
    "and",
];
/// Nouns for people in general: the victims of a toll that names no group.
const PEOPLE: &[&str] = &["people", "persons", "person", "victims", "individuals"];
/// Words before a figure that make it a part or a window of a larger whole.
const PART_BEFORE: &[&str] = &[
    "including",
    "among",
    "last",
    "next",
    "first",
    "past",
    "previous",
    "final",
    "remaining",
    "another",
    "other",
    "additional",
    "further",
    "extra",
    "top",
    "latest",
    "early",
    "earlier",
];
/// Words after a figure's noun that make it a difference or a relation.
const RELATIVE_AFTER: &[&str] = &[
    "behind",
    "ahead",
    "below",
    "above",
    "back",
    "short",
    "fewer",
    "less",
    "more",
    "earlier",
    "later",
    "ago",
    "before",
    "after",
    "older",
    "younger",
    "longer",
    "shorter",
    "higher",
    "lower",
    "others",
    "each",
    "apiece",
    "straight",
    "consecutive",
];

/// Whether the sentence states a running total that the figure at
/// `offset` (relative to the sentence) adds to: "five were killed on
/// Tuesday, bringing the toll to 10", "bringing to 10 the number of dead".
/// The total itself, the figure after the verb, is not a part.
fn adds_to_a_total(sentence: &str, offset: usize) -> bool {
    let words: Vec<(usize, &str)> = words(sentence).collect();
    words.iter().enumerate().any(|(i, &(at, w))| {
        is_one_of(w, TOTAL_VERBS)
            && at > offset
            && words[i + 1..]
                .iter()
                .take(4)
                .any(|(_, t)| is_one_of(t, &["toll", "total", "number", "tally", "count"]))
    })
}

/// Whether the words after "in" make a window of a count rather than its
/// place: "20 points in 12 games", "three goals in the first half", "in
/// the last five matches", "in two days". "12 people in the valley" is
/// where they were.
fn in_window(next: &[(usize, &str)]) -> bool {
    next.iter().take(3).any(|(_, w)| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || is_one_of(w, PART_BEFORE)
            || is_one_of(w, WINDOW_NOUNS)
            || super::figures::numbers::number_word(w).is_some()
    })
}

/// Spans of play or of time a count is made within.
const WINDOW_NOUNS: &[&str] = &[
    "half", "quarter", "period", "inning", "innings", "set", "round", "game", "games", "match",
    "matches", "season", "seasons", "minute", "minutes", "hour", "hours", "day", "days", "week",
    "weeks", "month", "months", "year", "years", "overtime", "span", "stretch",
];
/// Units of measure and of play: a figure counting them measures something
/// its sentence does not name (a distance, a time, a score), so it is no claim
/// on its own.
const MEASURES: &[&str] = &[
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "season",
    "decade",
    "century",
    "quarter",
    "half",
    "yard",
    "meter",
    "metre",
    "kilometer",
    "kilometre",
    "km",
    "mile",
    "foot",
    "feet",
    "inch",
    "game",
    "point",
    "play",
    "goal",
    "run",
    "touchdown",
    "possession",
    "inning",
    "lap",
    "round",
    "rebound",
    "assist",
    "carry",
    "pass",
    "catch",
    "win",
    "loss",
    "seed",
    "time",
    "old",
    "percent",
    "cent",
    "degree",
    "stroke",
    "shot",
    "set",
    "match",
    "start",
    "place",
    "position",
    "rank",
    "spot",
    "step",
    "story",
    "storey",
    "floor",
    "term",
    "count",
    "digit",
];
/// Nouns for the kind of place a toll is scoped to.
const LOCALES: &[&str] = &[
    "country",
    "nation",
    "district",
    "village",
    "county",
    "neighbourhood",
    "neighborhood",
    "city",
    "town",
    "camp",
    "school",
    "province",
    "region",
    "state",
    "building",
    "hospital",
    "area",
    "island",
    "capital",
    "suburb",
    "street",
    "market",
    "mosque",
    "church",
    "house",
    "home",
    "hotel",
];

/// Words that make a stated figure provisional.
const PROVISIONAL: &[&str] = &[
    "so far",
    "confirmed",
    "initial",
    "initially",
    "preliminary",
    "rose",
    "risen",
    "climbed",
    "up to now",
    "as of",
    "at least",
    "bringing",
    "earlier",
    "early",
];

fn stem(word: &str) -> String {
    let w = word.to_ascii_lowercase();
    let w = w.rsplit('-').next().unwrap_or(&w).to_string();
    if w.ends_with("ies") && w.len() > 4 {
        return format!("{}y", &w[..w.len() - 3]);
    }
    // "passes", "punches", "boxes", "bushes": the plural adds "es".
    if ["sses", "ches", "shes", "xes"]
        .iter()
        .any(|s| w.ends_with(s))
    {
        return w[..w.len() - 2].to_string();
    }
    if w.ends_with('s') && !w.ends_with("ss") && w.len() > 3 {
        return w[..w.len() - 1].to_string();
    }
    w
}

/// A unit of measure or of play, in the singular.
fn is_measure(word: &str) -> bool {
    let w = stem(word);
    MEASURES.iter().any(|m| *m == w)
}

fn shape(masked: &str, sentence: &Range<usize>, mentions: &[&Mention], figure: &Figure) -> Shape {
    let mut out = Shape::default();
    // The sentence's tags, made once and only if a toll needs them.
    let tags = std::cell::OnceCell::new();
    let tagged = || {
        tags.get_or_init(|| syntax::tag(&masked[sentence.clone()]))
            .as_slice()
    };
    let end = figure.span.end.min(sentence.end);
    let rest = &masked[end..sentence.end.max(end)];
    // A comma or a closing mark right after the figure: an apposition
    // ("Lopez, 20,"), a score or an age, not a count of a noun.
    let glued = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == ' ' || c == '-');
    let after: Vec<(usize, &str)> = words(rest).take(16).collect();
    let before: Vec<&str> = words(&masked[sentence.start..figure.span.start.max(sentence.start)])
        .map(|(_, w)| w)
        .collect();
    let previous = before.last().copied().unwrap_or("");
    // The head noun: the first word after the figure, past a demonym
    // ("six Canadian engineers").
    let mut head_at = 0;
    if let Some((offset, _)) = after.first() {
        let start = end + offset;
        // The demonym may span several words ("North Korean").
        let demonym_end = mentions
            .iter()
            .find(|m| m.demonym && m.span.start == start)
            .map(|m| m.span.end);
        // "six Canadian engineers", not "nine Canadians, including two".
        if let Some(demonym_end) = demonym_end
            && let Some(next) = after.iter().position(|(o, _)| end + o >= demonym_end)
            && after[next].1.chars().all(|c| c.is_lowercase())
            && masked[demonym_end..end + after[next].0].trim().is_empty()
        {
            head_at = next;
        }
    }
    let head = if glued {
        after.get(head_at).map(|(_, w)| *w)
    } else {
        None
    };
    let counted_last = figure
        .counted
        .as_deref()
        .and_then(|c| c.rsplit([' ', '-']).next())
        .unwrap_or("");
    let hyphen_noun = masked[figure.span.clone()].contains('-') || rest.starts_with('-');
    if head.is_some_and(is_measure)
        || (head.is_none() && is_measure(counted_last))
        || (hyphen_noun && !rest.starts_with("- "))
        || figure.unit == Unit::Percent
    {
        out.partial = true;
    }
    if after
        .first()
        .is_some_and(|(o, w)| *o <= 2 && w.eq_ignore_ascii_case("of"))
    {
        // "18 of their 23 games", "three of the four", "five of them".
        out.partial = true;
    }
    if is_one_of(previous, PART_BEFORE) || states_ratio(&before) {
        out.partial = true;
    }
    let mut noun_end = head_at + usize::from(head.is_some());
    // A toll's victims may be named in several words ("six militia
    // gunmen were killed"): the noun phrase ends where the tagger's run of
    // nouns and adjectives does. Tagged only where a toll word follows.
    if head.is_some()
        && after
            .iter()
            .skip(noun_end)
            .any(|(_, w)| is_one_of(w, DEAD) || is_one_of(w, HURT))
        && let Some(run) = nominal_run(tagged(), end + after[head_at].0 - sentence.start)
    {
        // Not past a toll word the tagger reads as an adjective ("24
        // people dead").
        let run_end = sentence.start + run.last().map_or(0, |t| t.span.end);
        noun_end += after[noun_end..]
            .iter()
            .take_while(|(o, w)| {
                end + o < run_end
                    && !is_one_of(w, DEAD)
                    && !is_one_of(w, HURT)
                    && !is_one_of(w, TOLL_FILLERS)
            })
            .count();
    }
    if after
        .iter()
        .enumerate()
        .skip(noun_end)
        .take(2)
        // Within the figure's clause: "a city of 160,000 people, built in"
        // says nothing relative of the figure.
        .take_while(|(_, (o, _))| !rest[..*o].contains([',', ';', ':', '(']))
        .any(|(i, (_, w))| {
            if w.eq_ignore_ascii_case("in") {
                in_window(&after[i + 1..])
            } else {
                is_one_of(w, RELATIVE_AFTER)
            }
        })
        && !after
            .get(noun_end)
            .is_some_and(|(_, w)| is_one_of(w, DEAD) || is_one_of(w, HURT))
    {
        out.partial = true;
    }
    if !glued && !rest.trim_start().is_empty() && !rest.starts_with([',', '.', ';', ')']) {
        out.partial = true;
    }
    // The toll: the victims then a toll word, or a killing verb then the victims.
    let victims = |head: Option<&str>| -> String {
        match head {
            Some(h)
                if !is_one_of(h, PEOPLE)
                    && !is_one_of(h, DEAD)
                    && !is_one_of(h, HURT)
                    && !h.eq_ignore_ascii_case("lives") =>
            {
                stem(h)
            }
            _ => "people".to_string(),
        }
    };
    // The toll word follows the victims, past an insertion set off by
    // commas: "nine soldiers, including two officers, were killed".
    let skip = if head.is_some_and(|h| is_one_of(h, DEAD) || is_one_of(h, HURT)) {
        head_at
    } else {
        past_insertion(rest, &after, noun_end)
    };
    let toll_word: Option<usize> = after
        .iter()
        .skip(skip)
        .take(6)
        .position(|(_, w)| !is_one_of(w, TOLL_FILLERS))
        .map(|i| skip + i);
    let mut kind = None;
    // The object of a killing or a wounding verb is its toll, whatever
    // the sentence goes on to say: in "killed 12 people and injured 40",
    // the 12 are dead. "killed or injured 12" counts casualties.
    if glued && (is_one_of(previous, KILLING) || is_one_of(previous, INJURING)) {
        let n = before.len();
        let other = |verbs: &[&str]| {
            n >= 3 && is_one_of(before[n - 2], &["or", "and"]) && is_one_of(before[n - 3], verbs)
        };
        kind = Some(if is_one_of(previous, KILLING) {
            if other(INJURING) {
                "casualties"
            } else {
                "dead"
            }
        } else if other(KILLING) {
            "casualties"
        } else {
            "injured"
        });
    }
    // Lives lost: "claimed 12 lives", "took the lives of 12 people",
    // "12 people lost their lives".
    if kind.is_none() && glued {
        let n = before.len();
        let claiming = |w: &str| is_one_of(w, CLAIMING);
        let lives_after = head.is_some_and(|h| is_one_of(h, &["lives"])) && claiming(previous);
        let lives_of = n >= 3
            && previous.eq_ignore_ascii_case("of")
            && is_one_of(before[n - 2], &["lives"])
            && (claiming(before[n - 3])
                || (n >= 4 && is_one_of(before[n - 3], &["the"]) && claiming(before[n - 4])));
        let lost_lives = toll_word.is_some_and(|at| {
            is_one_of(after[at].1, &["lost", "lose", "losing"])
                && after
                    .get(at + 2)
                    .is_some_and(|(_, w)| is_one_of(w, &["lives", "life"]))
        });
        if lives_after || lives_of || lost_lives {
            kind = Some("dead");
        }
    }
    if kind.is_none()
        && glued
        && let Some(at) = toll_word
    {
        let w = after[at].1;
        // "killed or injured", "dead and wounded": casualties, not deaths.
        let joined = after
            .get(at + 1)
            .is_some_and(|(_, c)| is_one_of(c, &["or", "and"]))
            && after.get(at + 2).is_some_and(|(o, x)| {
                let between = &rest[after[at].0..*o];
                !between.contains(|c: char| c.is_ascii_digit())
                    && ((is_one_of(w, DEAD) && is_one_of(x, HURT))
                        || (is_one_of(w, HURT) && is_one_of(x, DEAD)))
            });
        if joined {
            kind = Some("casualties");
        } else if is_one_of(w, DEAD) {
            kind = Some("dead");
        } else if is_one_of(w, HURT) {
            kind = Some("injured");
        }
    }
    // A running total: "the death toll rose to 24", "put the death toll at
    // 40", "the number of people killed reached 30", "bringing to 10 the
    // number of soldiers killed". It is the whole toll its clause states.
    let mut victim_at = None;
    let lead_tail: Vec<&str> = before.iter().rev().take(10).copied().collect();
    let states_total = lead_tail
        .first()
        .is_some_and(|w| is_one_of(w, &["to", "at", "reached", "stood", "is", "was"]));
    if kind.is_none() && states_total {
        let lead: Vec<(usize, &str)> =
            words(&masked[sentence.start..figure.span.start.max(sentence.start)]).collect();
        // "the number of people killed in the floods reached": ten words
        // back at most, and a bare "toll" six ("the death toll rose to").
        let lead = &lead[lead.len().saturating_sub(10)..];
        let near_toll = lead.len().saturating_sub(6);
        let forward: Vec<&str> = lead.iter().map(|(_, w)| *w).collect();
        let onward: Vec<&str> = after.iter().take(8).map(|(_, w)| *w).collect();
        let toll_at = forward
            .iter()
            .position(|w| is_one_of(w, &["number", "tally", "toll"]));
        let far_toll =
            toll_at.is_some_and(|i| i < near_toll && forward[i].eq_ignore_ascii_case("toll"));
        if let Some((found, victims)) = number_of(&forward).filter(|_| !far_toll) {
            kind = Some(found);
            victim_at = victims.map(|i| sentence.start + lead[i].0);
        } else if previous.eq_ignore_ascii_case("to")
            && lead_tail.iter().take(3).any(|w| is_one_of(w, TOTAL_VERBS))
            && let Some((found, victims)) = number_of(&onward)
            && onward.first().is_some_and(|w| is_one_of(w, &["the"]))
        {
            kind = Some(found);
            victim_at = victims.map(|i| end + after[i].0);
        }
        if kind.is_some() {
            out.total = true;
            out.provisional = lead_tail.iter().any(|w| {
                is_one_of(w, TOTAL_VERBS) || is_one_of(w, &["rose", "climbed", "risen", "reached"])
            });
        }
    }
    if let Some(kind) = kind {
        if head.is_some_and(|h| is_one_of(h, &["others", "more"])) {
            out.partial = true;
        }
        // The victims are the noun the figure counts: the last of the
        // nouns that follow it ("six militia gunmen"), and people when the
        // word after it is no noun ("40 were killed", "dozens injured").
        let sentence_text = &masked[sentence.clone()];
        let head = match victim_at {
            Some(at) => head_noun(sentence_text, tagged(), at - sentence.start),
            None if out.total => None,
            None => head.and_then(|_| {
                let at = end + after[0].0;
                head_noun(sentence_text, tagged(), at - sentence.start)
            }),
        };
        out.toll = Some(format!("{kind}: {}", victims(head)));
        out.provisional |= PROVISIONAL.iter().any(|p| contains_words(sentence_text, p));
    }
    out
}

/// The run of nouns and adjectives that starts at byte `at` of the tagged
/// sentence; `None` when the word there is none of them.
fn nominal_run(tokens: &[syntax::TaggedToken], at: usize) -> Option<&[syntax::TaggedToken]> {
    let first = tokens.iter().position(|t| t.span.start == at)?;
    let run = tokens[first..]
        .iter()
        .take_while(|t| matches!(t.tag.upos, Upos::Noun | Upos::Propn | Upos::Adj))
        .count();
    (run > 0).then(|| &tokens[first..first + run])
}

/// The noun a phrase that starts at byte `at` of `sentence` ends in: the
/// last noun of its run of nouns and adjectives ("militia gunmen"), as the
/// tagger reads the sentence (`tokens`).
fn head_noun<'a>(sentence: &'a str, tokens: &[syntax::TaggedToken], at: usize) -> Option<&'a str> {
    nominal_run(tokens, at)?
        .iter()
        .rev()
        .find(|t| matches!(t.tag.upos, Upos::Noun | Upos::Propn))
        .map(|t| &sentence[t.span.clone()])
}

/// The words before a figure state a population: "a city of", "home to",
/// "population of".
fn states_population(lead: &str) -> bool {
    let tail: Vec<&str> = words(lead).map(|(_, w)| w).collect();
    let n = tail.len();
    if n < 2 {
        return false;
    }
    let (before, last) = (tail[n - 2], tail[n - 1]);
    (last.eq_ignore_ascii_case("of")
        && is_one_of(
            before,
            &[
                "city",
                "town",
                "village",
                "population",
                "country",
                "nation",
                "province",
                "island",
                "region",
            ],
        ))
        || (last.eq_ignore_ascii_case("to") && before.eq_ignore_ascii_case("home"))
}

fn population_flag(subject: &Option<String>, lead: &str, no_toll: bool) -> bool {
    subject.is_some() && no_toll && states_population(lead)
}

/// Whether `text` holds `phrase` as whole words, ignoring case.
fn contains_words(text: &str, phrase: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.match_indices(phrase).any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The sentence counts over a period rather than one event: "since the
/// fighting began", "in the 12 days of the offensive", "after three weeks
/// of shelling". A toll so stated is a running total, not the event's.
fn over_a_period(sentence: &str) -> bool {
    let all: Vec<&str> = words(sentence).map(|(_, w)| w).collect();
    all.iter().enumerate().any(|(i, w)| {
        if w.eq_ignore_ascii_case("since") {
            return true;
        }
        if !is_one_of(w, &["days", "weeks", "months", "years"]) {
            return false;
        }
        // Up to two words back ("the 12", "three"), then the preposition.
        all[i.saturating_sub(3)..i]
            .iter()
            .any(|p| is_one_of(p, &["in", "over", "during", "after", "for"]))
    })
}

/// The sentence places what it says at another time than the story's.
fn elsewhere_in_time(sentence: &str) -> bool {
    [
        "ago",
        "last year",
        "previous year",
        "last season",
        "previous season",
        "years earlier",
    ]
    .iter()
    .any(|p| contains_words(sentence, p))
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
/// The words before a figure make it the denominator of a ratio ("one in
/// 500", "1 in every 20", "one out of every ten"): a rate, not a count.
fn states_ratio(before: &[&str]) -> bool {
    let mut words = before.iter().rev().copied();
    let mut word = words.next();
    if word.is_some_and(|w| w.eq_ignore_ascii_case("every")) {
        word = words.next();
    }
    if !word.is_some_and(|w| w.eq_ignore_ascii_case("in") || w.eq_ignore_ascii_case("of")) {
        return false;
    }
    let mut word = words.next();
    if word.is_some_and(|w| w.eq_ignore_ascii_case("out")) {
        word = words.next();
    }
    word.is_some_and(|w| w.eq_ignore_ascii_case("one") || w == "1")
}

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

/// What identifies a claim across articles: what is measured, of whom, in
/// what unit, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ClaimKind {
    /// A count of something an entity has or did ("Norland: troops").
    Count,
    /// Deaths or injuries of the story's event.
    Toll,
    /// The population of a place.
    Population,
    /// What happened to the things a figure counts, whoever did it
    /// ("bombs: drop"): compared only when the figures are of one order of
    /// size, since a different order is more often another scope.
    Event,
    /// An earthquake's magnitude: compared only when the figures are close,
    /// since two quakes of one story differ by more.
    Magnitude,
    /// The value of one deal or contract, of the person it was signed with.
    Deal,
    /// How many children a parent has.
    Kin,
    /// A fact about another event its sentence names and dates ("the 1990
    /// flood hit 12 countries"), compared only for that event and year.
    Background,
    /// A person's age, of the person named by their full name.
    Age,
}

impl ClaimKind {
    /// The kind's name in reports: `count`, `toll`, `population`, `event`,
    /// `magnitude`, `deal`, `kin`, `background`, `age`.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Count => "count",
            ClaimKind::Toll => "toll",
            ClaimKind::Population => "population",
            ClaimKind::Event => "event",
            ClaimKind::Magnitude => "magnitude",
            ClaimKind::Deal => "deal",
            ClaimKind::Kin => "kin",
            ClaimKind::Background => "background",
            ClaimKind::Age => "age",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimKey {
    /// What kind of quantity the claim measures.
    pub kind: ClaimKind,
    /// The key of the subject entity; empty for a toll, which is the
    /// story's own event whoever the sentence names.
    pub subject: Arc<str>,
    /// The normalized counted thing, or for a toll `dead: people`.
    pub counted: Arc<str>,
    /// The other time its sentence places it at ("1998", "earlier"), or
    /// empty for the story's own time.
    pub when: Arc<str>,
    /// The unit label.
    pub unit: Arc<str>,
    /// Increments are only compared with increments.
    pub increment: bool,
}

/// Two figures of an [`ClaimKind::Event`] claim are compared only within
/// this ratio of each other.
pub const EVENT_RATIO: f64 = 2.0;
/// Two magnitudes are compared only within this difference: agencies'
/// estimates of one quake differ by a tenth, while the quakes of one series
/// (a main shock, its aftershocks, an earlier one the story recalls) are
/// mostly further apart.
pub const MAGNITUDE_SPREAD: f64 = 0.1;

impl ClaimKey {
    /// The claim a figure makes, when its sentence says what it measures and
    /// it states a whole (not a part, a window, a difference, a plan, a rate
    /// or a reference to an earlier estimate).
    pub fn of(figure: &Figure, context: &ClaimContext) -> Option<ClaimKey> {
        if !comparable(figure, context) {
            return None;
        }
        let increment = figure.role == FigureRole::Increment;
        // A magnitude written with a hyphen ("a 6.1-magnitude quake") reads
        // as a modifier, which makes other figures parts; not this one.
        if context.magnitude {
            return Some(ClaimKey {
                kind: ClaimKind::Magnitude,
                subject: "".into(),
                counted: "magnitude".into(),
                when: context.when.clone().unwrap_or_default(),
                unit: figure.unit.label().into(),
                increment,
            });
        }
        // An age is of its person whatever the sentence makes its figure
        // a part of ("the 45-year-old" reads as a modifier).
        let age = context
            .frame
            .as_ref()
            .is_some_and(|f| f.kind == ClaimKind::Age);
        if context.partial && !age {
            return None;
        }
        if let Some(frame) = &context.frame {
            let when = context
                .when
                .clone()
                .filter(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
                .unwrap_or_default();
            return Some(ClaimKey {
                kind: frame.kind,
                subject: frame.subject.clone(),
                counted: frame.counted.clone(),
                when,
                unit: figure.unit.label().into(),
                increment,
            });
        }
        // A toll dated to a year is another event's toll ("the 1998 flood
        // killed 40"); other counts keep their year out of the key, and the
        // rules compare it with the other figure's year or article's.
        let when: Arc<str> = match &context.when {
            Some(w) if context.toll.is_some() || !w.starts_with(|c: char| c.is_ascii_digit()) => {
                w.clone()
            }
            _ => "".into(),
        };
        if let Some(toll) = &context.toll {
            return Some(ClaimKey {
                kind: ClaimKind::Toll,
                subject: "".into(),
                counted: toll.clone(),
                when,
                unit: figure.unit.label().into(),
                increment,
            });
        }
        // A count of what a killing or a wounding verb governs is a toll
        // whose victims the sentence does not make clear: no claim.
        if matches!(context.event.as_deref(), Some("kill" | "injure"))
            && figure.counted.as_deref().is_some_and(|c| {
                is_one_of(c, DEAD)
                    || is_one_of(c, HURT)
                    || is_one_of(c, KILLING)
                    || is_one_of(c, INJURING)
            })
        {
            return None;
        }
        if context.population {
            return Some(ClaimKey {
                kind: ClaimKind::Population,
                subject: context.subject.clone()?,
                counted: "population".into(),
                when,
                unit: figure.unit.label().into(),
                increment,
            });
        }
        // People counted with no toll: what is measured is what the verb
        // says of them (sheltering, evacuated, attending), which a count of
        // a noun does not tell.
        let people = figure
            .counted
            .as_deref()
            .is_some_and(|c| is_one_of(c, PEOPLE));
        if let Some(subject) = context.subject.clone()
            && !people
        {
            return Some(ClaimKey {
                kind: ClaimKind::Count,
                subject,
                counted: figure.counted.as_deref()?.into(),
                when,
                unit: figure.unit.label().into(),
                increment,
            });
        }
        // No one the sentence names did it: what was done to the counted
        // things is the claim ("four bombs were dropped").
        let counted = figure.counted.as_deref()?;
        let predicate = context.predicate.as_deref()?;
        if counted.contains(' ') || is_measure(counted) || figure.unit != Unit::Count {
            return None;
        }
        Some(ClaimKey {
            kind: ClaimKind::Event,
            subject: "".into(),
            counted: format!("{}: {predicate}", stem(counted)).into(),
            when,
            unit: figure.unit.label().into(),
            increment,
        })
    }

    /// Whether two figures of this claim are close enough in size to be
    /// statements of one quantity (see [`ClaimKind::Event`] and
    /// [`ClaimKind::Magnitude`]).
    pub fn within_reach(&self, a: f64, b: f64) -> bool {
        match self.kind {
            ClaimKind::Event => {
                let (low, high) = if a < b { (a, b) } else { (b, a) };
                low > 0.0 && high <= low * EVENT_RATIO
            }
            ClaimKind::Magnitude => (a - b).abs() <= MAGNITUDE_SPREAD + 1e-6,
            _ => true,
        }
    }

    /// A toll claim: deaths or injuries of the story's event.
    pub fn is_toll(&self) -> bool {
        self.kind == ClaimKind::Toll
    }

    /// A short readable label: "Norland: troops", "toll: dead: people".
    pub fn label(&self) -> String {
        let increment = if self.increment { " (additional)" } else { "" };
        let when = if self.when.is_empty() {
            String::new()
        } else {
            format!(" ({})", self.when)
        };
        if self.kind == ClaimKind::Magnitude {
            return format!("{}{when}", self.counted);
        }
        let subject = match self.kind {
            ClaimKind::Toll => "toll",
            ClaimKind::Event => "count",
            _ if self.subject.is_empty() => "claim",
            _ => &self.subject,
        };
        format!("{subject}: {}{when}{increment}", self.counted)
    }
}

#[cfg(test)]
mod tests {
    use super::verb_stem;
    use crate::analysis::config::Config;
    use crate::analysis::document::analyze_chunk;
    use crate::analysis::text::DocFormat;

    /// The label of the claim the figure written `figure` makes in `text`.
    fn claim_of(text: &str, figure: &str) -> Option<String> {
        let chunk = analyze_chunk(text, DocFormat::Plain, &Config::default());
        let i = chunk
            .figures
            .iter()
            .position(|f| text[f.span.clone()].contains(figure))
            .unwrap_or_else(|| panic!("no figure {figure} in {text}"));
        let scope = chunk.claims[i].scope.as_deref().map(super::Scope::suffix);
        chunk.keys[i]
            .as_ref()
            .map(|k| k.label() + scope.as_deref().unwrap_or(""))
    }

    #[test]
    fn the_common_forms_of_a_toll_are_tolls() {
        for (text, figure) in [
            ("The storm killed 12 people.", "12"),
            ("The storm killed 12 people in the valley.", "12"),
            (
                "A storm killed 12 people in Kelbrano on Monday, officials said.",
                "12",
            ),
            (
                "The blast killed at least 12 people and injured 40 others.",
                "12",
            ),
            ("At least 12 people died in the fire.", "12"),
            ("Twelve people lost their lives in the crash.", "Twelve"),
            ("The crash claimed 12 lives.", "12"),
            ("The crash claimed the lives of 12 people.", "12"),
        ] {
            let claim = claim_of(text, figure);
            assert!(
                claim
                    .as_deref()
                    .is_some_and(|c| c.starts_with("toll: dead: people")),
                "{text}: {claim:?}"
            );
        }
    }

    #[test]
    fn a_toll_is_read_past_an_insertion_and_a_noun_of_several_words() {
        for (text, figure, claim) in [
            (
                "Nine soldiers, including two officers, have been killed.",
                "Nine",
                "toll: dead: soldier",
            ),
            (
                "Twelve people, three of them children, died in the fire.",
                "Twelve",
                "toll: dead: people",
            ),
            (
                "Nine Canadians, including two aid workers, were killed.",
                "Nine",
                "toll: dead: canadian",
            ),
            (
                "Six militia gunmen were killed.",
                "Six",
                "toll: dead: gunmen",
            ),
            // The toll word after the victims ends their noun: the 24 are
            // dead, the 249 injured.
            (
                "We have recorded 24 people dead and 249 people injured.",
                "24",
                "toll: dead: people",
            ),
        ] {
            assert_eq!(claim_of(text, figure).as_deref(), Some(claim), "{text}");
        }
        // An insertion that does not close is no insertion: the figure
        // counts what its clause goes on to name.
        assert_eq!(
            claim_of("Nine soldiers, including two officers said.", "Nine"),
            None
        );
    }

    #[test]
    fn a_running_total_is_a_toll_placed_by_its_own_clause() {
        for (text, figure, claim) in [
            (
                "A wall fell in the old district, bringing the death toll from the storm to 11.",
                "11",
                "toll: dead: people",
            ),
            (
                "The number of people killed in the floods reached 30.",
                "30",
                "toll: dead: people",
            ),
            (
                "The number of soldiers killed rose to 12.",
                "12",
                "toll: dead: soldier",
            ),
            (
                "Two more died, bringing to 10 the number of soldiers who have been killed.",
                "10",
                "toll: dead: soldier",
            ),
            (
                "The death toll in the district rose to 40.",
                "40",
                "toll: dead: people in district",
            ),
        ] {
            assert_eq!(claim_of(text, figure).as_deref(), Some(claim), "{text}");
        }
        // The day's deaths that the total grows by are a part of it; an
        // injury toll is no toll of the dead.
        assert_eq!(
            claim_of(
                "Two more died, bringing to 10 the number of soldiers killed.",
                "Two"
            ),
            None
        );
        assert_eq!(claim_of("The injury toll rose to 40.", "40"), None);
        // A toll named far back is no total the figure states.
        assert_eq!(
            claim_of(
                "Officials feared the toll would rise in the coming days as rescuers reached 40 villages.",
                "40"
            ),
            None
        );
    }

    #[test]
    fn an_age_is_of_the_person_named_in_full_beside_it() {
        for (text, figure) in [
            ("Ilse Varnholt, 45, was charged.", "45"),
            ("Ilse Varnholt, aged 45, was charged.", "45"),
            ("The 45-year-old Ilse Varnholt was charged.", "45"),
            ("A 45-year-old teacher, Ilse Varnholt, was charged.", "45"),
        ] {
            assert_eq!(
                claim_of(text, figure).as_deref(),
                Some("Ilse Varnholt: age"),
                "{text}"
            );
        }
        for (text, figure) in [
            // A surname alone may be a relative's.
            ("Varnholt, 45, was charged.", "45"),
            ("Her son, 9, was hurt.", "9"),
            ("A 30-year-old building fell on Ilse Varnholt.", "30"),
            ("The 45-year-old said Ilse Varnholt was away.", "45"),
        ] {
            assert_eq!(claim_of(text, figure), None, "{text}");
        }
    }

    #[test]
    fn a_count_within_a_window_is_no_claim_and_a_wounding_object_no_death() {
        // "in" before a number or a span of play or time is a window.
        for (text, figure) in [
            ("The striker scored 20 goals in 12 games.", "20"),
            (
                "The side won 9 matches in the first half of the season.",
                "9",
            ),
        ] {
            assert_eq!(claim_of(text, figure), None, "{text}");
        }
        // The object of a wounding verb is injured, not dead, even after a
        // killing verb earlier in the sentence.
        assert_eq!(
            claim_of("The blast killed 3 people and injured 40 others.", "40").as_deref(),
            None,
            "“others” after a toll is a part"
        );
        assert_eq!(
            claim_of("The blast killed 3 people and injured 40 people.", "40").as_deref(),
            Some("toll: injured: people")
        );
        assert_eq!(
            claim_of("The attack killed or injured 40 people.", "40").as_deref(),
            Some("toll: casualties: people")
        );
    }

    #[test]
    fn a_toll_that_adds_to_a_stated_total_is_a_part_of_it() {
        for text in [
            "Five people were killed on Tuesday, bringing the toll to 12.",
            "Five soldiers lost their lives on Tuesday, bringing to 12 the number killed.",
        ] {
            assert_eq!(claim_of(text, "Five"), None, "{text}");
        }
        assert!(
            claim_of(
                "Five people were killed on Tuesday, bringing the toll to 12.",
                "12"
            )
            .is_some_and(|c| c.starts_with("toll: dead"))
        );
        // A toll of one place is that place's whole toll.
        assert!(
            claim_of(
                "Five people were killed in the school, bringing the toll to 12.",
                "Five"
            )
            .is_some_and(|c| c.starts_with("toll: dead: people in school"))
        );
        // A total stated before the figure is no running total of it.
        assert!(
            claim_of("Five people were killed on Tuesday in the flood.", "Five")
                .is_some_and(|c| c.starts_with("toll: dead"))
        );
    }

    #[test]
    fn a_deal_is_the_value_of_the_person_it_was_signed_with() {
        for text in [
            "The Harriers signed Tomas Okafor to a four-year deal worth $60 million.",
            "The club gave guard Tomas Okafor a $60 million contract.",
            "Tomas Okafor agreed a contract valued at $60 million.",
        ] {
            assert_eq!(
                claim_of(text, "60").as_deref(),
                Some("Okafor: deal"),
                "{text}"
            );
        }
        // Money with no deal noun, and a deal with no person.
        for text in [
            "The club re-signed Lena Marsh for $64 million.",
            "The club agreed a $64 million deal for the stadium.",
        ] {
            assert_ne!(
                claim_of(text, "64").as_deref(),
                Some("Marsh: deal"),
                "{text}"
            );
            assert!(
                !claim_of(text, "64").is_some_and(|c| c.ends_with(": deal")),
                "{text}"
            );
        }
    }

    #[test]
    fn a_parent_of_children_is_a_claim_of_the_person_named() {
        for (text, figure) in [
            ("Marta Quell, 41, a mother of seven, was hurt.", "seven"),
            ("Quell was crossing with her 7 children.", "7"),
        ] {
            assert_eq!(
                claim_of(text, figure).as_deref(),
                Some("mother Quell: children"),
                "{text}"
            );
        }
        // A parent no name points to: a story names many.
        for (text, figure) in [
            ("The bridge fell on the mother of seven.", "seven"),
            ("The driver, a father of three, was unhurt.", "three"),
        ] {
            assert_eq!(claim_of(text, figure), None, "{text}");
        }
        // Some of her children: no count of them all.
        assert_eq!(
            claim_of("Quell was crossing with two of her children.", "two"),
            None
        );
    }

    #[test]
    fn another_dated_event_is_its_own_claim() {
        assert_eq!(
            claim_of("In 1991, a cyclone hit 8 provinces.", "8").as_deref(),
            Some("cyclone 1991: provinces")
        );
        assert_eq!(
            claim_of("The 1991 tsunami reached 8 countries.", "8").as_deref(),
            Some("tsunami 1991: countries")
        );
        // No year: the story's own event, what was done to the provinces.
        assert_eq!(
            claim_of("The cyclone hit 8 provinces.", "8").as_deref(),
            Some("count: province: hit")
        );
    }

    #[test]
    fn a_toll_is_scoped_by_the_kind_of_facility() {
        for (text, figure) in [
            (
                "Officials said 31 people were killed in the Brackwood school.",
                "31",
            ),
            ("The shelling of a school left 31 people dead.", "31"),
            (
                "No one was inside a city-run school when 31 people were killed.",
                "31",
            ),
        ] {
            assert_eq!(
                claim_of(text, figure).as_deref(),
                Some("toll: dead: people in school"),
                "{text}"
            );
        }
        // Two schools are another scope than one; a time is no place.
        assert_eq!(
            claim_of("The bombing of two schools killed 50 people.", "50").as_deref(),
            Some("toll: dead: people in schools")
        );
        assert_eq!(
            claim_of(
                "Four people were killed at the weekend when buildings fell.",
                "Four"
            )
            .as_deref(),
            Some("toll: dead: people")
        );
    }

    #[test]
    fn the_forms_of_one_verb_meet() {
        for (a, b, lemma) in [
            ("dropped", "dropping", "drop"),
            ("fired", "firing", "fire"),
            ("seized", "seizing", "seize"),
            ("evacuated", "evacuating", "evacuate"),
            ("damaged", "damaging", "damage"),
            ("killed", "killing", "kill"),
            ("arrested", "arresting", "arrest"),
            ("destroyed", "destroying", "destroy"),
            ("carried", "carried", "carry"),
            ("fell", "falling", "fall"),
        ] {
            assert_eq!(verb_stem(a).as_deref(), Some(lemma), "{a}");
            assert_eq!(verb_stem(b).as_deref(), Some(lemma), "{b}");
        }
    }

    #[test]
    fn a_clause_before_one_that_opens_after_a_long_dash_is_found() {
        // The participle's clause opens after a dash of three bytes; the
        // clause before it is looked up from the byte before that one.
        assert_eq!(
            claim_of(
                "Troops fought in Norlanda \u{2014} killing 12 people.",
                "12"
            )
            .as_deref(),
            Some("toll: dead: people in Norlanda")
        );
    }

    #[test]
    fn a_clause_may_open_after_a_dash_of_several_bytes() {
        let text = "Officials \u{2014}12,000 were wounded \u{2013} at least 12 wounded.";
        let sentence = 0..text.len();
        for (at, _) in text.char_indices() {
            let clause = super::clause_before(text, &sentence, at);
            assert!(text.is_char_boundary(clause.start), "{at}");
        }
    }

    #[test]
    fn words_that_only_look_like_verbs_are_none() {
        for w in [
            "hundred",
            "armed",
            "said",
            "including",
            "red",
            "ring",
            "king",
        ] {
            assert_eq!(verb_stem(w), None, "{w}");
        }
    }
}
