//! `figure-conflict` and `figure-drift`: one claim, incompatible figures.
//!
//! Two figures of the same [`ClaimKey`](crate::analysis::desk::ClaimKey)
//! conflict when the intervals their qualifiers allow do not overlap:
//! "at least 3,000" and "approximately 3,200" agree; "3,000" and "11,000" do not.

use super::{Finding, Reads, Related, Rule, format_value};
use std::sync::Arc;

use crate::analysis::claims::{ClaimKind, Scope};
use crate::analysis::config::Severity;
use crate::analysis::document::Anchor;
use crate::analysis::inputs::{DeskFigure, RuleInput};
use crate::analysis::model::{Figure, Qualifier};

/// The rule id for conflicts between articles.
pub const CONFLICT: &str = "figure-conflict";
/// The rule id for conflicts within one article.
pub const DRIFT: &str = "figure-drift";

/// Conflicts between articles, as the registry lists them.
pub(super) const CONFLICT_RULE: Rule = Rule {
    id: CONFLICT,
    severity: Severity::Warning,
    description: "one claim stated with incompatible figures in two articles",
    reads: Reads::Claims(|input, group, severity, out| {
        group_conflicts(input, group, severity, true, out)
    }),
};

/// Conflicts within one article, as the registry lists them.
pub(super) const DRIFT_RULE: Rule = Rule {
    id: DRIFT,
    severity: Severity::Warning,
    description: "one claim stated with incompatible figures within one article",
    reads: Reads::Claims(|input, group, severity, out| {
        // The group is in desk order, so each article's figures are a run.
        for run in group.chunk_by(|a, b| a.0 == b.0) {
            group_conflicts(input, run, severity, false, out);
        }
    }),
};

/// At most this many other statements are listed with one finding.
const MAX_RELATED: usize = 8;

/// At most this many statements on each side of a figure are weighed to
/// tell a change over time from a contradiction.
const CHANGE_SCAN: usize = 64;

/// The tolerance of "approximately", "about", "around", "some", "an estimated".
pub const APPROXIMATE_TOLERANCE: f64 = 0.10;

/// The closed interval a figure allows, after its qualifier.
pub fn interval(figure: &Figure) -> (f64, f64) {
    let v = figure.value;
    let low = figure.low;
    let high = figure.high;
    match figure.qualifier {
        Qualifier::Exact => (v, v),
        Qualifier::Approximately => (
            v * (1.0 - APPROXIMATE_TOLERANCE),
            v * (1.0 + APPROXIMATE_TOLERANCE),
        ),
        Qualifier::AtLeast | Qualifier::MoreThan => (low.unwrap_or(v), f64::INFINITY),
        Qualifier::UpTo | Qualifier::LessThan => (0.0, high.unwrap_or(v)),
        Qualifier::Nearly => (v * (1.0 - APPROXIMATE_TOLERANCE), v),
        Qualifier::Range => (low.unwrap_or(v), high.unwrap_or(v)),
    }
}

/// Two statements of one claim are about the same event unless both name
/// events and they differ: troops deployed are not troops an army has.
fn compatible(a: &Option<Arc<str>>, b: &Option<Arc<str>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// Two statements are of the same time unless their sentences date them to
/// different years: "in 2009" and "in 2013" are two events. (An article's
/// own date does not split them: a later article restates the same count.)
fn same_year(a: &DeskFigure, b: &DeskFigure) -> bool {
    let year = |f: &DeskFigure| {
        f.context
            .date
            .as_deref()
            .and_then(|d| d.get(..4))
            .map(str::to_string)
    };
    match (year(a), year(b)) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
    // Strict bounds ("more than 3,000") are treated as closed: a reader would
    // not call "more than 3,000" and "3,000" a contradiction worth a warning.
    a.0 <= b.1 * (1.0 + 1e-9) && b.0 <= a.1 * (1.0 + 1e-9)
}

/// The conflicts among the figures of one claim, `group`, in desk order:
/// across articles (`across`) or within each article.
pub(crate) fn group_conflicts(
    input: &RuleInput<'_>,
    group: &[(usize, &DeskFigure)],
    severity: Severity,
    across: bool,
    out: &mut Vec<Finding>,
) {
    // Sorted by upper and by lower bound, so that the figures entirely
    // below or above one figure are a prefix and a suffix: a claim stated
    // in many articles costs n log n, not n².
    let intervals: Vec<(f64, f64)> = group.iter().map(|(_, f)| interval(&f.figure)).collect();
    let mut by_high: Vec<usize> = (0..group.len()).collect();
    by_high.sort_by(|&a, &b| intervals[a].1.total_cmp(&intervals[b].1));
    let mut by_low: Vec<usize> = (0..group.len()).collect();
    by_low.sort_by(|&a, &b| intervals[a].0.total_cmp(&intervals[b].0));
    // Each figure's description, made once: a figure at either end of a
    // claim is listed by every finding of the claim.
    type Described = Option<(Arc<str>, Option<Arc<str>>)>;
    let mut described: Vec<Described> = vec![None; group.len()];
    for (i, &(doc, figure)) in group.iter().enumerate() {
        let this = intervals[i];
        let below = by_high
            .iter()
            .take_while(|&&j| !overlaps(this, intervals[j]) && intervals[j].1 < this.0);
        let above = by_low
            .iter()
            .rev()
            .take_while(|&&j| !overlaps(this, intervals[j]) && intervals[j].0 > this.1);
        let eligible = |j: &usize| {
            let (other_doc, other) = group[*j];
            (other_doc != doc) == across
                && *j != i
                // Two figures of one sentence are two things it compares
                // ("A landed 40 of 90 punches, B 12 of 60"), not a claim
                // stated twice.
                && !(other_doc == doc && other.sentence == figure.sentence)
                // What was done to things is told in sequence within one
                // article ("caught 2 passes, then 3"): compared across
                // articles only.
                && (across || figure.claim.as_ref().is_none_or(|c| c.kind != ClaimKind::Event))
                && compatible(&figure.context.event, &other.context.event)
                && Scope::meets(
                    figure.context.scope.as_deref(),
                    other.context.scope.as_deref(),
                    figure.figure.value,
                    other.figure.value,
                )
                && same_year(figure, other)
                && !birthday_between(input, (doc, figure), (other_doc, other))
                && figure
                    .claim
                    .as_ref()
                    .is_none_or(|c| c.within_reach(figure.figure.value, other.figure.value))
        };
        // The furthest below and above first; enough of each to list. A
        // toll that grows over time is a change, not a contradiction.
        // Only the nearest `CHANGE_SCAN` of each side are weighed, so that a
        // claim stated in many articles costs n log n, not n².
        let below: Vec<usize> = below.copied().filter(eligible).take(CHANGE_SCAN).collect();
        let above: Vec<usize> = above.copied().filter(eligible).take(CHANGE_SCAN).collect();
        let is_change =
            |lower: (usize, &DeskFigure), higher: (usize, &DeskFigure)| grows(input, lower, higher);
        let hard: Vec<usize> = below
            .iter()
            .copied()
            .filter(|&j| !is_change(group[j], (doc, figure)))
            .take(MAX_RELATED)
            .chain(
                above
                    .iter()
                    .copied()
                    .filter(|&j| !is_change((doc, figure), group[j]))
                    .take(MAX_RELATED),
            )
            .collect();
        let change = hard.is_empty();
        let mut candidates = if change {
            below
                .iter()
                .chain(&above)
                .copied()
                .take(MAX_RELATED)
                .collect()
        } else {
            hard
        };
        candidates.sort_unstable();
        candidates.truncate(MAX_RELATED);
        let mut others: Vec<Related> = Vec::with_capacity(candidates.len());
        for j in candidates {
            let (other_doc, other) = group[j];
            let (message, date) = described[j]
                .get_or_insert_with(|| {
                    (
                        describe(input, other_doc, other).into(),
                        input.date_of(other_doc, other).map(Into::into),
                    )
                })
                .clone();
            others.push(Related {
                doc: other_doc,
                at: Anchor::figure(other.index),
                message,
                date,
            });
        }
        if others.is_empty() {
            continue;
        }
        let claim = figure.claim_label().unwrap_or_default();
        let here = describe(input, doc, figure);
        let there: Vec<&str> = others.iter().map(|r| &*r.message).collect();
        let message = if change {
            format!(
                "{claim}: {here} here; the count changes over time: {}",
                there.join("; ")
            )
        } else if across {
            format!(
                "{claim}: {here} here, but {} in another article",
                there.join("; ")
            )
        } else {
            format!(
                "{claim}: {here} here, but {} earlier or later in this article",
                there.join("; ")
            )
        };
        out.push(Finding {
            rule: if across { CONFLICT } else { DRIFT },
            severity: if change {
                Severity::Information
            } else {
                severity
            },
            doc,
            at: Anchor::figure(figure.index),
            message: message.into(),
            related: others.into(),
            fix: None,
            expected: None,
        });
    }
}

/// Whether two ages of one person may both be right: a year apart, unless
/// both articles are of one day (a birthday may fall between two articles,
/// and an article with no date may be of any day).
fn birthday_between(
    input: &RuleInput<'_>,
    a: (usize, &DeskFigure),
    b: (usize, &DeskFigure),
) -> bool {
    let age = a.1.claim.as_ref().is_some_and(|c| c.kind == ClaimKind::Age);
    let same_day = matches!(
        (input.docs[a.0].date(), input.docs[b.0].date()),
        (Some(x), Some(y)) if x == y
    );
    let (older, younger) = if a.1.figure.value >= b.1.figure.value {
        (a, b)
    } else {
        (b, a)
    };
    let later = match (input.docs[older.0].date(), input.docs[younger.0].date()) {
        (Some(x), Some(y)) => x >= y,
        _ => true,
    };
    age && !same_day && later && older.1.figure.value - younger.1.figure.value <= 1.0
}

/// Whether `higher` can be a later count of the toll that `lower` counted
/// first: the lower one is stated as provisional ("so far", "at least",
/// "confirmed"), or its article is dated earlier.
fn grows(input: &RuleInput<'_>, lower: (usize, &DeskFigure), higher: (usize, &DeskFigure)) -> bool {
    let toll = lower.1.claim.as_ref().is_some_and(|c| c.is_toll());
    if !toll {
        return false;
    }
    let dates = (input.docs[lower.0].date(), input.docs[higher.0].date());
    match dates {
        (Some(a), Some(b)) if a != b => a < b,
        _ => lower.1.context.provisional,
    }
}

/// "3,000 (2024-10-23, troops.md)"
fn describe(input: &RuleInput<'_>, doc: usize, figure: &DeskFigure) -> String {
    let value = format_value(figure.figure.value, &figure.figure.unit);
    let qualifier = match figure.figure.qualifier {
        Qualifier::Exact => "",
        Qualifier::AtLeast => "at least ",
        Qualifier::MoreThan => "more than ",
        Qualifier::UpTo => "up to ",
        Qualifier::LessThan => "less than ",
        Qualifier::Nearly => "nearly ",
        Qualifier::Approximately => "about ",
        Qualifier::Range => "",
    };
    let value = match (
        figure.figure.qualifier,
        figure.figure.low,
        figure.figure.high,
    ) {
        (Qualifier::Range, Some(l), Some(h)) => format!(
            "{} to {}",
            format_value(l, &figure.figure.unit),
            format_value(h, &figure.figure.unit)
        ),
        _ => value,
    };
    let path = input.docs[doc]
        .path
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("");
    match input.date_of(doc, figure) {
        Some(date) => format!("{qualifier}{value} ({path}, {date})"),
        None => format!("{qualifier}{value} ({path})"),
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::check_findings;

    #[test]
    fn the_same_toll_told_two_ways_in_two_articles_conflicts() {
        check_findings(
            "--- a.md
Forty people were killed in Kelbrano when the dam broke.
^^^^^ figure-conflict
--- b.md
Nine people were killed in Kelbrano when the dam broke.
^^^^ figure-conflict
",
        );
    }

    #[test]
    fn a_toll_told_with_a_killing_verb_and_with_lives_lost_conflicts() {
        check_findings(
            "--- a.md
The flood killed 40 people in Kelbrano and injured 90 others.
                 ^^ figure-conflict
--- b.md
Nine people lost their lives in Kelbrano when the dam broke.
^^^^ figure-conflict
",
        );
    }

    #[test]
    fn a_day_s_toll_that_adds_to_a_running_total_does_not_conflict() {
        check_findings(
            "--- a.md
Forty people have been killed since the dam broke.
--- b.md
Nine people were killed on Tuesday, bringing the toll to 40.
",
        );
    }

    #[test]
    fn tolls_of_different_places_do_not_conflict() {
        check_findings(
            "--- a.md
Forty people were killed in Kelbrano when the dam broke.
--- b.md
Nine people were killed in Varnholm when the dam broke.
",
        );
    }

    #[test]
    fn a_toll_told_with_and_without_its_kind_of_place_conflicts() {
        check_findings(
            "--- a.md
Forty people were killed when the shells landed.
^^^^^ figure-conflict
--- b.md
Officials said 44 people were killed in the school.
               ^^ figure-conflict
",
        );
    }

    #[test]
    fn a_toll_told_without_its_place_and_one_of_another_size_does_not_conflict() {
        check_findings(
            "--- a.md
Forty people were killed when the shells landed.
--- b.md
Two people were killed in the market.
",
        );
    }

    #[test]
    fn a_toll_of_a_named_place_is_no_statement_of_the_story_s_toll() {
        check_findings(
            "--- a.md
Forty people were killed when the dam broke.
--- b.md
Twelve people were killed in Varnholm when the dam broke.
",
        );
    }

    #[test]
    fn a_toll_of_several_places_is_no_toll_of_one_of_them() {
        check_findings(
            "--- a.md
The flood left 900 people dead in Kelbrano, in Varnholm and in Norlanda.
--- b.md
The flood left 700 people dead in Kelbrano.
",
        );
    }

    #[test]
    fn a_running_total_over_a_period_does_not_conflict_with_the_day_s_toll() {
        check_findings(
            "--- a.md
More than 600 people have been killed in the 12 days of the offensive, and 3,000 wounded.
--- b.md
Forty people were killed and 55 wounded when the shells landed.
",
        );
    }

    #[test]
    fn the_place_of_the_clause_a_killing_participle_opens_scopes_its_toll() {
        check_findings(
            "--- a.md
Troops fought rebels in Norlanda on Thursday, killing dozens.
--- b.md
Officials said that 12 people were killed when the bombs fell.
",
        );
    }

    #[test]
    fn a_toll_whose_next_word_is_no_noun_counts_people() {
        check_findings(
            "--- a.md
Nine were injured when the shells landed.
^^^^ figure-conflict
--- b.md
Officials said 30 people were injured when the shells landed.
               ^^ figure-conflict
",
        );
    }

    #[test]
    fn a_part_of_a_toll_does_not_conflict_with_the_toll() {
        check_findings(
            "--- a.md
Forty people were killed in Kelbrano when the dam broke.
--- b.md
Nine of them were killed in Kelbrano when the dam broke.
",
        );
    }

    #[test]
    fn a_running_total_and_a_toll_of_the_same_day_conflict() {
        check_findings(
            "--- a.md
A roof fell in the old district, bringing the death toll from the storm to 11.
                                                                           ^^ figure-conflict
--- b.md
Officials said 24 people were killed by the storm.
               ^^ figure-conflict
",
        );
    }

    #[test]
    fn a_running_total_does_not_take_the_place_of_the_clause_before() {
        // Quiet: the district's toll is a part of the storm's, and a
        // total of the district is another place than the storm's whole.
        check_findings(
            "--- a.md
A roof fell in the old district, bringing the death toll from the storm to 11.
--- b.md
Officials said the death toll in the old district rose to 4.
",
        );
    }

    #[test]
    fn a_toll_told_with_an_insertion_conflicts_with_one_told_plainly() {
        check_findings(
            "--- a.md
Nine soldiers, including two officers, have been killed in the fighting.
^^^^ figure-conflict
--- b.md
Officials said 12 soldiers have been killed in the fighting.
               ^^ figure-conflict
",
        );
    }

    #[test]
    fn two_ages_of_one_person_conflict() {
        check_findings(
            "--- a.md
Ilse Varnholt, 45, was charged on Monday.
               ^^ figure-conflict
--- b.md
Prosecutors charged the 48-year-old Ilse Varnholt on Monday.
                        ^^^^^^^ figure-conflict
",
        );
    }

    #[test]
    fn ages_a_year_apart_conflict_only_in_articles_of_one_day() {
        check_findings(
            "--- a.md
---
date: 2024-03-04
---
Ilse Varnholt, 45, was charged on Monday.
               ^^ figure-conflict
--- b.md
---
date: 2024-03-04
---
Police arrested Ilse Varnholt, 46, on Monday.
                               ^^ figure-conflict
",
        );
        // A birthday may fall between two articles, or before one with no
        // date.
        check_findings(
            "--- a.md
---
date: 2024-03-04
---
Ilse Varnholt, 45, was charged on Monday.
--- b.md
---
date: 2024-11-20
---
The trial of Ilse Varnholt, 46, opened on Monday.
--- c.md
Ilse Varnholt, 46, did not speak.
",
        );
    }

    #[test]
    fn the_ages_of_two_people_or_of_a_surname_alone_do_not_conflict() {
        check_findings(
            "--- a.md
Marta Quell, 45, and her son, 9, were hurt.
--- b.md
Tomas Quell, 52, said his wife was recovering.
--- c.md
Quell, 47, was not at home.
",
        );
    }
}
