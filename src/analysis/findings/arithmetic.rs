//! `arithmetic`: arithmetic stated in the text that does not add up.
//!
//! Three shapes are checked, each within one article:
//! - a rate times a count against a stated total ("$2,500 per soldier ...
//!   $250 million ... 10,000 troops");
//! - parts against their total ("400 killed and 3,600 injured" against
//!   "4,000 killed or injured");
//! - multiplier words ("doubles", "triples", "half") against the figures they relate.
//!
//! It reads a neighbourhood: the figures of a run of chunks and the
//! sentences the chunks' analyses split, and the words of a figure's
//! sentence before it.

use super::conflict::interval;
use super::{Finding, Reads, Related, Rule, format_value};
use crate::analysis::config::Severity;
use crate::analysis::document::Anchor;
use crate::analysis::inputs::{DeskFigure, Neighbourhood, RuleInput};
use crate::analysis::model::{Figure, FigureRole, Qualifier, Unit};

/// The rule id.
pub const ID: &str = "arithmetic";

/// The rule, as the registry lists it.
pub(super) const RULE: Rule = Rule {
    id: ID,
    severity: Severity::Warning,
    description: "arithmetic stated in one article that does not add up: a rate times a \
                  count against its total, parts against their total, a multiplier verb",
    reads: Reads::Neighbourhood {
        reach: REACH,
        check,
    },
};

/// How far apart a computed and a stated value may be before they disagree,
/// on top of the stated qualifiers.
const SLACK: f64 = 0.02;

/// How far, in bytes, the figures a finding relates can stand from its span
/// (the text they read is their sentences'). The desk relies on it to check
/// only the part of an article around an edit.
pub const REACH: usize = 2_000;

/// Runs the three checks over the figures of `hood`, a run of chunks of
/// article `doc`.
fn check(
    input: &RuleInput<'_>,
    doc: usize,
    hood: &Neighbourhood<'_>,
    severity: Severity,
    out: &mut Vec<Finding>,
) {
    rate_times_count(input, doc, hood, severity, out);
    parts_and_total(input, doc, hood, severity, out);
    multipliers(input, doc, hood, severity, out);
}

fn agrees(computed: (f64, f64), stated: &Figure) -> bool {
    let (lo, hi) = interval(stated);
    computed.0 <= hi * (1.0 + SLACK) && lo * (1.0 - SLACK) <= computed.1
}

fn loose_interval(figure: &Figure) -> (f64, f64) {
    let (lo, hi) = interval(figure);
    (lo, if hi.is_finite() { hi } else { f64::INFINITY })
}

fn rate_times_count(
    input: &RuleInput<'_>,
    doc: usize,
    hood: &Neighbourhood<'_>,
    severity: Severity,
    out: &mut Vec<Finding>,
) {
    let figures = &hood.figures;
    for rate in figures.iter().filter(|f| {
        f.figure
            .per
            .as_deref()
            .is_some_and(|per| !is_time_unit(per))
    }) {
        let Unit::Currency(_) = &rate.figure.unit else {
            continue;
        };
        // Figures are in text order: only those within a sentence's reach
        // of the rate are candidates.
        let from = figures
            .partition_point(|f| f.figure.span.end + SENTENCE_REACH < rate.figure.span.start);
        let to = figures
            .partition_point(|f| f.figure.span.start <= rate.figure.span.end + SENTENCE_REACH);
        let near: Vec<&DeskFigure> = figures[from..to.max(from)]
            .iter()
            .filter(|f| !std::ptr::eq(*f, rate) && hood.same_sentence(&rate.figure, &f.figure))
            .collect();
        // The count the rate multiplies counts things, not years of age, a
        // rank or a score: it says what it counts and is a whole.
        let count = near.iter().find(|f| {
            f.figure.unit == Unit::Count
                && f.figure.per.is_none()
                && f.figure.counted.is_some()
                && !f.context.partial
        });
        // "$250 million a year" is a total over the count, per period.
        let total = near.iter().find(|f| {
            f.figure.unit == rate.figure.unit && f.figure.per.as_deref().is_none_or(is_time_unit)
        });
        let (Some(count), Some(total)) = (count, total) else {
            continue;
        };
        let (rl, rh) = loose_interval(&rate.figure);
        let (cl, ch) = loose_interval(&count.figure);
        let computed = (rl * cl, rh * ch);
        if agrees(computed, &total.figure) {
            continue;
        }
        let product = rate.figure.value * count.figure.value;
        let expected = format_value(product, &total.figure.unit);
        out.push(Finding {
            rule: ID,
            severity,
            doc,
            at: Anchor::figure(total.index),
            message: format!(
                "{} × {} is {expected}, not {}",
                format_value(rate.figure.value, &rate.figure.unit),
                format_value(count.figure.value, &count.figure.unit),
                format_value(total.figure.value, &total.figure.unit),
            )
            .into(),
            related: vec![
                related(input, doc, rate, "the rate"),
                related(input, doc, count, "the count"),
            ]
            .into(),
            fix: None,
            expected: Some(expected),
        });
    }
}

/// Periods: "$250 million a year" is a yearly total, not a rate per item.
fn is_time_unit(per: &str) -> bool {
    matches!(
        per.trim_end_matches('s'),
        "year"
            | "annum"
            | "month"
            | "week"
            | "day"
            | "hour"
            | "quarter"
            | "annual"
            | "yearly"
            | "monthly"
            | "weekly"
            | "daily"
            | "season"
            | "game"
            | "match"
            | "night"
            | "start"
            | "appearance"
            | "event"
    )
}

fn related(input: &RuleInput<'_>, doc: usize, figure: &DeskFigure, what: &str) -> Related {
    Related {
        doc,
        at: Anchor::figure(figure.index),
        message: format!(
            "{what}: {}",
            format_value(figure.figure.value, &figure.figure.unit)
        )
        .into(),
        date: input.date_of(doc, figure).map(Into::into),
    }
}

/// Whether a figure is a toll of this kind (`killed`, `injured`,
/// `casualties`): by the toll its claim reads from the sentence ("100 crew
/// were killed" counts crew, and is still a toll of the dead), else by the
/// word the figure reader gave as counted.
fn toll_is(figure: &DeskFigure, what: &str) -> bool {
    let kind = match what {
        "killed" => "dead",
        "injured" => "injured",
        other => other,
    };
    match figure.context.toll.as_deref() {
        Some(toll) => toll.split(':').next() == Some(kind),
        None => figure.figure.counted.as_deref() == Some(what),
    }
}

fn parts_and_total(
    input: &RuleInput<'_>,
    doc: usize,
    hood: &Neighbourhood<'_>,
    severity: Severity,
    out: &mut Vec<Finding>,
) {
    let figures = &hood.figures;
    // Pairs of killed + injured stated together, next to each other.
    for pair in figures.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let (killed, injured) = if toll_is(a, "killed") && toll_is(b, "injured") {
            (a, b)
        } else if toll_is(a, "injured") && toll_is(b, "killed") {
            (b, a)
        } else {
            continue;
        };
        if b.figure.span.start.saturating_sub(a.figure.span.end) > 120 {
            continue;
        }
        let subject = killed
            .context
            .subject
            .clone()
            .or(injured.context.subject.clone());
        let (kl, kh) = loose_interval(&killed.figure);
        let (il, ih) = loose_interval(&injured.figure);
        // Parts stated with a qualifier share it; "around 400 killed and 3,600
        // injured" is about 4,000 in all.
        let approx = [killed, injured]
            .iter()
            .any(|f| f.figure.qualifier == Qualifier::Approximately);
        let sum = killed.figure.value + injured.figure.value;
        let computed = if approx {
            (sum * 0.9, sum * 1.1)
        } else {
            (kl + il, kh + ih)
        };
        // The total the parts belong to is the nearest one stated, within
        // a few paragraphs.
        let nearest = figures
            .iter()
            .filter(|f| {
                f.figure.span.start.abs_diff(a.figure.span.start) <= TOTAL_REACH
                    && toll_is(f, "casualties")
                    && f.figure.per.is_none()
                    && !f.context.partial
                    && match (&subject, &f.context.subject) {
                        (Some(s), Some(t)) => s == t,
                        (None, None) => hood.same_sentence(&killed.figure, &f.figure),
                        _ => false,
                    }
            })
            .min_by_key(|f| f.figure.span.start.abs_diff(a.figure.span.start));
        if let Some(total) = nearest {
            if agrees(computed, &total.figure) {
                continue;
            }
            let expected = format_value(sum, &total.figure.unit);
            out.push(Finding {
                rule: ID,
                severity,
                doc,
                at: Anchor::figure(total.index),
                message: format!(
                    "{} killed and {} injured make {expected}, not {}",
                    format_value(killed.figure.value, &killed.figure.unit),
                    format_value(injured.figure.value, &injured.figure.unit),
                    format_value(total.figure.value, &total.figure.unit),
                )
                .into(),
                related: vec![
                    related(input, doc, killed, "killed"),
                    related(input, doc, injured, "injured"),
                ]
                .into(),
                fix: None,
                expected: Some(expected),
            });
        }
    }
}

/// How far, in bytes, the total that parts add up to can stand from them.
const TOTAL_REACH: usize = 1_500;

/// How far, in bytes, figures of one sentence can stand from each other.
const SENTENCE_REACH: usize = 600;

/// Multiplier verbs and the factor they state. Only verbs relate two
/// figures; the adjectives and nouns ("double digits", "the second half",
/// "half-brother") are idioms far more often than arithmetic.
const MULTIPLIERS: &[(&str, f64)] = &[
    ("doubles", 2.0),
    ("doubled", 2.0),
    ("triples", 3.0),
    ("tripled", 3.0),
    ("quadrupled", 4.0),
    ("quadruples", 4.0),
    ("halved", 0.5),
];

fn multipliers(
    input: &RuleInput<'_>,
    doc: usize,
    hood: &Neighbourhood<'_>,
    severity: Severity,
    out: &mut Vec<Finding>,
) {
    let figures = &hood.figures;
    for (i, later) in figures.iter().enumerate() {
        // The multiplier word stands before this figure, in its sentence:
        // "The figure doubles previous estimates of 1,500 troops."
        let Some(sentence) = hood.sentence_of(&later.figure.span) else {
            continue;
        };
        let lead = &hood.text[sentence.start..later.figure.span.start];
        // One pass over the words; the list's order decides between two
        // multipliers in one lead, as it always has.
        let Some(&(word, factor)) = lead
            .split(|c: char| !c.is_alphabetic() && c != '-')
            .filter(|t| (4..=10).contains(&t.len()))
            .filter_map(|t| {
                MULTIPLIERS
                    .iter()
                    .position(|(w, _)| t.eq_ignore_ascii_case(w))
            })
            .min()
            .map(|i| &MULTIPLIERS[i])
        else {
            continue;
        };
        // "half of all shells" has no second figure to relate to.
        let Some(earlier) = figures[..i]
            .iter()
            .rev()
            .take_while(|f| later.figure.span.start.saturating_sub(f.figure.span.end) < 400)
            .find(|f| {
                f.figure.unit == later.figure.unit
                    && !matches!(f.figure.role, FigureRole::Plan | FigureRole::Reference)
                    && f.figure.span.end <= sentence.start.max(f.figure.span.end)
                    && later.figure.span.start - f.figure.span.end < 400
                    && f.figure.counted.is_some()
                    && f.figure.counted == later.figure.counted
            })
        else {
            continue;
        };
        // "X doubles Y": X = factor × Y.
        let (xl, xh) = loose_interval(&later.figure);
        let computed = (xl * factor, xh * factor);
        if agrees(computed, &earlier.figure) {
            continue;
        }
        let expected = format_value(later.figure.value * factor, &earlier.figure.unit);
        out.push(Finding {
            rule: ID,
            severity,
            doc,
            at: Anchor::figure(later.index),
            message: format!(
                "“{word}” relates {} to {}, but {} × {factor} is {expected}",
                format_value(earlier.figure.value, &earlier.figure.unit),
                format_value(later.figure.value, &later.figure.unit),
                format_value(later.figure.value, &later.figure.unit),
            )
            .into(),
            related: vec![related(input, doc, earlier, "the figure it relates to")].into(),
            fix: None,
            expected: Some(expected),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::check_findings;

    #[test]
    fn parts_that_do_not_make_their_stated_total() {
        check_findings(
            "--- a.txt
Around 900 sailors were killed or injured in the storm, with 100 sailors killed and 300 injured.
^^^^^^^^^^ arithmetic
",
        );
    }

    #[test]
    fn parts_that_make_their_total_are_quiet() {
        check_findings(
            "--- a.txt
Around 400 sailors were killed or injured in the storm, with 100 sailors killed and 300 injured.
",
        );
    }

    #[test]
    fn a_rate_times_a_count_against_its_total() {
        check_findings(
            "--- a.txt
With an estimated $2,000 in monthly pay per worker, the firm would pay $50 million a month by employing 10,000 workers.
                                                                       ^^^^^^^^^^^ arithmetic
",
        );
    }

    #[test]
    fn a_rate_times_a_count_that_makes_its_total_is_quiet() {
        check_findings(
            "--- a.txt
With an estimated $2,000 in monthly pay per worker, the firm would pay $20 million a month by employing 10,000 workers.
",
        );
    }

    #[test]
    fn an_idiom_is_no_operand() {
        check_findings(
            "--- a.txt
In the second half, the team scored 12 points and the visitors 40, with half of them from a single player.
",
        );
    }
}
