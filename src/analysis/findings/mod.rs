//! Findings: the warnings that rules raise over the desk, and the registry
//! of rules.
//!
//! Each rule lives in its own module with its tests, and says in its
//! [`Rule`] entry what it reads ([`Reads`]): the figures of one claim, a
//! neighbourhood of one article (figures and sentences), or the names. The
//! desk decides from that alone when to run a rule again; the config's list
//! of rules and the tests' are [`RULES`].
//!
//! To add a rule: write its module (an id, a `RULE` entry and a check of
//! one of the shapes of [`Reads`]), then add `mod` and one line to
//! [`RULES`].

mod arithmetic;
mod conflict;
mod spelling;

use std::sync::Arc;

use super::config::Severity;
use super::document::Anchor;
use super::inputs::{DeskFigure, Neighbourhood, RuleInput};

pub use arithmetic::ID as ARITHMETIC;
pub use conflict::{CONFLICT, DRIFT};
pub use spelling::ID as SPELLING_VARIANT;

/// Every rule, in the order they run.
pub const RULES: &[Rule] = &[
    conflict::CONFLICT_RULE,
    conflict::DRIFT_RULE,
    arithmetic::RULE,
    spelling::RULE,
];

/// How far, in bytes, what a neighbourhood rule relates can stand from its
/// finding: the most any such rule reaches. The desk checks these rules
/// again only this far around an edit.
pub const NEIGHBOURHOOD_REACH: usize = {
    let mut reach = 0;
    let mut i = 0;
    while i < RULES.len() {
        if let Reads::Neighbourhood { reach: r, .. } = RULES[i].reads
            && r > reach
        {
            reach = r;
        }
        i += 1;
    }
    reach
};

/// One rule of the registry.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Its id, as `marginalia.toml`, findings and silencing name it.
    pub id: &'static str,
    /// Its severity unless `marginalia.toml` says otherwise.
    pub severity: Severity,
    /// What it finds, in words.
    pub description: &'static str,
    /// What it reads, with its check.
    pub reads: Reads,
}

/// What a rule reads, and so when the desk runs it again.
#[derive(Debug, Clone, Copy)]
pub enum Reads {
    /// The figures that make one claim, in desk order, across the desk: run
    /// again for each claim whose figures changed.
    Claims(ClaimCheck),
    /// A neighbourhood of one article: the figures and sentences of a run of
    /// chunks. Run again over the chunks around an edit; what a finding
    /// relates stands within `reach` bytes of it.
    Neighbourhood {
        reach: usize,
        check: NeighbourhoodCheck,
    },
    /// The entities and their mentions across the desk: run again when
    /// they or the articles' dates change.
    Names(NamesCheck),
}

/// A check of the figures of one claim, `(document, figure)` in desk order.
pub type ClaimCheck = fn(&RuleInput<'_>, &[(usize, &DeskFigure)], Severity, &mut Vec<Finding>);
/// A check of a neighbourhood of article `doc`.
pub type NeighbourhoodCheck =
    fn(&RuleInput<'_>, usize, &Neighbourhood<'_>, Severity, &mut Vec<Finding>);
/// A check of the desk's names.
pub type NamesCheck = fn(&RuleInput<'_>, Severity, &mut Vec<Finding>);

/// The rule of an id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// A location elsewhere that a finding refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// Document number in the desk.
    pub doc: usize,
    /// What it points at in that document.
    pub at: Anchor,
    /// What stands there, in words. Shared: one statement is listed by
    /// every finding it contradicts.
    pub message: Arc<str>,
    /// The date of that statement, when known.
    pub date: Option<Arc<str>>,
}

/// A replacement of the finding's span that fixes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does, in words.
    pub title: String,
    /// The replacement text.
    pub replacement: String,
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule id (`figure-conflict`, ...).
    pub rule: &'static str,
    /// The configured severity.
    pub severity: Severity,
    /// Document number in the desk.
    pub doc: usize,
    /// What the finding is about: a figure or a mention, by number, so that
    /// an edit elsewhere leaves the finding as it is. The desk report gives
    /// its span (`DeskReport::span_of`).
    pub at: Anchor,
    /// What is wrong, in words. Shared, like `related`, so that the copy
    /// of a claim's finding in its article's list costs nothing.
    pub message: Arc<str>,
    /// Other places that take part.
    pub related: Arc<[Related]>,
    /// A fix, when there is an obvious one (boxed: most findings have none).
    pub fix: Option<Box<Fix>>,
    /// For arithmetic, the value the text's own figures give, as written.
    pub expected: Option<String>,
}

/// The rules that are on, with their configured severity.
fn enabled<'a>(input: &'a RuleInput<'_>) -> impl Iterator<Item = (&'static Rule, Severity)> + 'a {
    RULES
        .iter()
        .filter_map(|rule| Some((rule, input.config.severity(rule.id)?)))
}

/// The findings of one claim, for the figures `group` (in desk order) that
/// make it: those of every rule that reads claims.
pub(crate) fn claim_findings(
    input: &RuleInput<'_>,
    group: &[(usize, &DeskFigure)],
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (rule, severity) in enabled(input) {
        if let Reads::Claims(check) = rule.reads {
            check(input, group, severity, &mut out);
        }
    }
    out
}

/// The findings of every rule that reads a neighbourhood, over `hood`, a
/// run of chunks of article `doc`.
pub(crate) fn neighbourhood_findings(
    input: &RuleInput<'_>,
    doc: usize,
    hood: &Neighbourhood<'_>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (rule, severity) in enabled(input) {
        if let Reads::Neighbourhood { check, .. } = rule.reads {
            check(input, doc, hood, severity, &mut out);
        }
    }
    out
}

/// The findings of every rule that reads the names, across the desk.
pub(crate) fn name_findings(input: &RuleInput<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (rule, severity) in enabled(input) {
        if let Reads::Names(check) = rule.reads {
            check(input, severity, &mut out);
        }
    }
    out
}

/// Puts one article's findings in the order the report keeps them: by what
/// they point at (figures, then mentions, by number), then by rule. The
/// order does not depend on positions, so an edit elsewhere keeps it.
pub(crate) fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.at.cmp(&b.at).then(a.rule.cmp(b.rule)));
}

/// Formats a value for messages: `3,000`, `1.2 million`, `$25 million`, `12.5%`.
pub fn format_value(value: f64, unit: &super::model::Unit) -> String {
    use super::model::Unit;
    let number = format_number(value);
    match unit {
        Unit::Count => number,
        Unit::Percent => format!("{number}%"),
        Unit::Measure { symbol, .. } => format!("{number} {symbol}"),
        Unit::Currency(code) => match code.as_str() {
            "USD" => format!("${number}"),
            "EUR" => format!("€{number}"),
            "GBP" => format!("£{number}"),
            other => format!("{number} {other}"),
        },
    }
}

/// Formats a number with thousands separators, or with a scale word from a million up.
pub fn format_number(value: f64) -> String {
    let abs = value.abs();
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if abs >= scale {
            let scaled = value / scale;
            let text = format!("{scaled:.2}");
            let text = text.trim_end_matches('0').trim_end_matches('.');
            return format!("{text} {word}");
        }
    }
    if value.fract().abs() > 1e-9 {
        let text = format!("{value:.2}");
        return text.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    let digits = format!("{}", value.round().abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if value < 0.0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_format_for_readers() {
        assert_eq!(format_number(3000.0), "3,000");
        assert_eq!(format_number(1_200_000.0), "1.2 million");
        assert_eq!(format_number(25e6), "25 million");
        assert_eq!(format_number(12.5), "12.5");
        assert_eq!(format_number(999.0), "999");
    }
}
