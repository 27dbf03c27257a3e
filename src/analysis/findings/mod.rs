//! Findings: the warnings that rules raise over the desk.
//!
//! Each rule lives in its own module and reads the desk's figures, mentions
//! and entities; none of them looks at the raw text.

mod arithmetic;
mod conflict;
mod spelling;

use std::sync::Arc;

use super::config::{Config, Severity};
use super::desk::{DeskDocument, DeskFigure};
use super::document::Anchor;
use super::resolve::EntityTable;

pub use arithmetic::{REACH as ARITHMETIC_REACH, RULE as ARITHMETIC};
pub use conflict::{CONFLICT, DRIFT};
pub use spelling::RULE as SPELLING_VARIANT;

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
    /// its span ([`super::desk::DeskReport::span_of`]).
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

/// What the rules read.
pub(crate) struct RuleInput<'a> {
    pub docs: &'a [&'a DeskDocument],
    pub entities: &'a EntityTable,
}

impl RuleInput<'_> {
    /// The date of a statement: the sentence's own date, else the article's.
    pub fn date_of(&self, doc: usize, figure: &DeskFigure) -> Option<String> {
        figure
            .context
            .date
            .as_deref()
            .or_else(|| self.docs[doc].date())
            .map(str::to_string)
    }
}

/// The findings of one claim: conflicts between articles and drift within
/// each article, for the figures `group` (in desk order) that make it.
pub(crate) fn claim_findings(
    input: &RuleInput<'_>,
    group: &[(usize, &DeskFigure)],
    config: &Config,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(severity) = config.severity(CONFLICT) {
        conflict::group_conflicts(input, group, severity, true, &mut out);
    }
    if let Some(severity) = config.severity(DRIFT) {
        // The group is in desk order, so each article's figures are a run.
        for run in group.chunk_by(|a, b| a.0 == b.0) {
            conflict::group_conflicts(input, run, severity, false, &mut out);
        }
    }
    out
}

/// The findings that concern one article only: its arithmetic, among
/// `figures` (in order, all those of a run of chunks), whose spans are
/// relative to `text`, the text of those chunks.
pub(crate) fn document_findings(
    input: &RuleInput<'_>,
    doc: usize,
    figures: &[DeskFigure],
    text: &str,
    config: &Config,
) -> Vec<Finding> {
    match config.severity(ARITHMETIC) {
        Some(severity) => arithmetic::check(input, doc, figures, text, severity),
        None => Vec::new(),
    }
}

/// The findings about names across the desk: spelling variants.
pub(crate) fn name_findings(input: &RuleInput<'_>, config: &Config) -> Vec<Finding> {
    match config.severity(SPELLING_VARIANT) {
        Some(severity) => spelling::check(input, severity, config),
        None => Vec::new(),
    }
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
