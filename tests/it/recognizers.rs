//! Figure recognition against the English test cases of Microsoft
//! Recognizers-Text (number, number range, percent and currency models).
//!
//! Each case is scored as a whole: it is exact when the figures the public API
//! finds (of the kind the model reports) have, in order, the values the case
//! expects. Cases outside the scope of a news annotator are skipped by rules,
//! listed in [`out_of_scope`], and counted per category:
//!
//! - cases the reference (.NET) implementation does not support either;
//! - fractions and proportions ("two thirds", "1/4", "one out of three"):
//!   not counts, money or percentages;
//! - powers and scientific notation ("1e10", "2.5^-1");
//! - decimals spoken with "point" ("two hundred point zero three");
//! - query-language comparisons ("x>10", "equal to", two-sided bounds);
//! - ordinals ("between the tenth and the fifteenth");
//! - a bare "one" ("let's try one last time"), a pronoun far more often than a figure;
//! - digits inside dates, times, phone numbers and identifiers ("5/17/2018", "SCP-173");
//! - the decimal comma and grouping with ordinary spaces ("1,3", "1 234 567");
//! - measurements with glued units ("29km"), which the reference leaves to its
//!   dimension model;
//! - the G (giga) suffix ("10G"), a network generation in news;
//! - inverted percentages ("percent of 10").
//!
//! Results without a value (a bare "dollar" or "percent") are not figures and
//! are not expected. Set `SHOW_SKIPPED` to list the skipped cases.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::LazyLock;

use marginalia::analysis::figures::find_figures;
use marginalia::analysis::model::{Figure, Qualifier, Unit};
use marginalia::analysis::text::sentences;
use regex::Regex;
use serde_json::Value;

const MODELS: &[&str] = &[
    "NumberModel",
    "NumberRangeModel",
    "PercentModel",
    "CurrencyModel",
];

/// The share of in-scope cases that must come out exact.
const REQUIRED: f64 = 0.95;

fn data_dir() -> PathBuf {
    // The shared data folder stands next to the repository, or next to the
    // folder that holds its worktrees.
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let near = root.join("../shared/data/recognizers");
    if near.is_dir() {
        return near;
    }
    root.join("../../shared/data/recognizers")
}

static FRACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(half|halves|quarters?|thirds?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?
          |tenths?|[a-z]+ieths?|hundredths?|thousandths?|millionths?|billionths?|trillionths?
          |[a-z]+-?firsts?)\b
        | \d\s*/\s*\d
        | [½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]
        | \bout\s+of\b",
    )
    .expect("fraction pattern")
});

static RATIO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\S+(\s+\S+)*\s+(over|in)\s+\S+").expect("ratio pattern"));

static POWER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\^|\d[eE][+-]?\d|x10").expect("power pattern"));

static SPOKEN_DECIMAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bpoint\b").expect("point pattern"));

static QUERY_COMPARISON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        [<>=]
        | \bequal
        | \bthan\s*$
        | \b(than|above|below)\b .* (\band\b|\bbut\b|,) .* \b(than|above|below)\b",
    )
    .expect("comparison pattern")
});

static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(first|second|third|[a-z]+th|\d+(st|nd|rd|th))\b").expect("ordinal pattern")
});

static NOT_A_FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \d+/\d+/\d+            # dates
        | \+\d[\d\-/\ ]{4,}     # phone numbers
        | \d+\.\d+\.\d+         # dotted identifiers (IP addresses, versions)
        | \d{1,2}:\d{2}         # times
        | (^|[^\w])[A-Za-z]+-\d  # identifiers (SCP-173, F-16)",
    )
    .expect("identifier pattern")
});

static EUROPEAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^-?\d{1,3}(\.\d{3})+,\d+$|^-?\d+,\d{1,2}$|\d \d{3}\b").expect("european pattern")
});

static MEASUREMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d(m|km|cm|mm|kg|mg|ml|mph|ft|lb|lbs|oz|C|F|MW|GW|kWh|GB|MB|TB)\b")
        .expect("measurement pattern")
});

static GIGA: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\d\s*g$").expect("giga pattern"));

static INVERTED_PERCENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(per\s*cents?|percents?)\s+of\b").expect("percent pattern"));

/// Why a case is out of scope for a news annotator, if it is. The rules look at
/// the model, the case's input, the reference's support and the expected texts;
/// never at individual cases.
fn out_of_scope(model: &str, case: &Value) -> Option<&'static str> {
    let input = case["Input"].as_str().unwrap_or("");
    let not_supported = case["NotSupported"].as_str().unwrap_or("");
    if not_supported.contains("dotnet") {
        // The reference implementation does not support the case either.
        return Some("not supported by the reference (.NET) implementation");
    }
    let results = case["Results"].as_array().cloned().unwrap_or_default();
    let texts: Vec<String> = results
        .iter()
        .map(|r| r["Text"].as_str().unwrap_or("").to_string())
        .collect();
    let subtypes: Vec<&str> = results
        .iter()
        .filter_map(|r| r["Resolution"]["subtype"].as_str())
        .collect();
    // Fractions are proportions, not counts, money or percentages.
    // Short number cases are judged on the whole input ("two millionth"); the
    // sentences of the other models on the expected texts only, since their
    // inputs mention quarters and halves of years.
    let fraction_input = model == "NumberModel" && FRACTION.is_match(input);
    if subtypes.contains(&"fraction")
        || fraction_input
        || texts
            .iter()
            .any(|t| FRACTION.is_match(t) || RATIO.is_match(t))
    {
        return Some("fractions and proportions (two thirds, 1/4, one out of three)");
    }
    // Scientific notation and powers do not occur in news prose.
    if subtypes.contains(&"power") || texts.iter().any(|t| POWER.is_match(t)) {
        return Some("powers and scientific notation (1e10, 2.5^-1)");
    }
    // "one point five" is spoken arithmetic; in prose, "at one point five people
    // left" must not be read as 1.5.
    if texts.iter().any(|t| SPOKEN_DECIMAL.is_match(t)) {
        return Some("decimals spoken with 'point' (two hundred point zero three)");
    }
    if model == "NumberRangeModel" && texts.iter().any(|t| QUERY_COMPARISON.is_match(t)) {
        return Some("query-language comparisons (x>10, equal to, two-sided bounds)");
    }
    if texts.iter().any(|t| ORDINAL.is_match(t)) {
        return Some("ordinals (between the tenth and the fifteenth)");
    }
    // A bare "one" is a pronoun or determiner far more often than a figure.
    if texts.iter().any(|t| t.trim().eq_ignore_ascii_case("one")) {
        return Some("bare 'one' (let's try one last time)");
    }
    if !results.is_empty() && NOT_A_FIGURE.is_match(input) {
        return Some("digits inside dates, times, phone numbers and identifiers");
    }
    // "1,3" is 1.3 in Europe but two numbers in English; "1 234" with an
    // ordinary space is ambiguous in English text.
    if texts.iter().any(|t| EUROPEAN.is_match(t)) {
        return Some("decimal comma and ordinary-space grouping (1,3; 1 234 567)");
    }
    // "29km", "180ml": the reference leaves numbers glued to units to its
    // dimension model; a news annotator reads them as measured quantities.
    if model == "NumberModel" && MEASUREMENT.is_match(input) {
        return Some("measurements with glued units (29km, 180ml)");
    }
    // In news, "5G" names a network generation.
    if texts.iter().any(|t| GIGA.is_match(t)) {
        return Some("the G (giga) suffix (10G)");
    }
    // "10 percent of voters" is the English order; "percent of 10" is not.
    if texts.iter().any(|t| INVERTED_PERCENT.is_match(t)) {
        return Some("inverted percentages (percent of 10)");
    }
    None
}

/// An expected or found value: a number, or an interval with optional ends.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Val {
    Number(f64),
    Interval(Option<f64>, Option<f64>),
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

fn same(a: Val, b: Val) -> bool {
    let end = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => close(x, y),
        (None, None) => true,
        _ => false,
    };
    match (a, b) {
        (Val::Number(x), Val::Number(y)) => close(x, y),
        (Val::Interval(l1, h1), Val::Interval(l2, h2)) => end(l1, l2) && end(h1, h2),
        _ => false,
    }
}

fn parse_interval(s: &str) -> Option<Val> {
    let inner = s.trim().get(1..s.trim().len().checked_sub(1)?)?;
    let (lo, hi) = inner.split_once(',')?;
    let parse = |x: &str| -> Option<Option<f64>> {
        let x = x.trim();
        if x.is_empty() {
            Some(None)
        } else {
            x.parse::<f64>().ok().map(Some)
        }
    };
    Some(Val::Interval(parse(lo)?, parse(hi)?))
}

fn expected(model: &str, case: &Value) -> Vec<Val> {
    let mut out = Vec::new();
    for r in case["Results"].as_array().into_iter().flatten() {
        let Some(v) = r["Resolution"]["value"].as_str() else {
            // A currency or percent word without an amount is not a figure.
            continue;
        };
        if v == "null" {
            continue;
        }
        let val = if model == "NumberRangeModel" {
            parse_interval(v)
        } else {
            v.trim_end_matches('%').parse::<f64>().ok().map(Val::Number)
        };
        if let Some(val) = val {
            out.push(val);
        }
    }
    out
}

fn found(model: &str, input: &str) -> Vec<Val> {
    let keep = |f: &Figure| match model {
        "PercentModel" => f.unit == Unit::Percent,
        "CurrencyModel" => matches!(f.unit, Unit::Currency(_)),
        "NumberRangeModel" => matches!(
            f.qualifier,
            Qualifier::Range
                | Qualifier::AtLeast
                | Qualifier::MoreThan
                | Qualifier::UpTo
                | Qualifier::LessThan
        ),
        _ => true,
    };
    find_figures(input, &sentences(input))
        .into_iter()
        .filter(keep)
        .map(|f| {
            if model != "NumberRangeModel" {
                return Val::Number(f.value);
            }
            match f.qualifier {
                Qualifier::AtLeast | Qualifier::MoreThan => Val::Interval(Some(f.value), None),
                Qualifier::UpTo | Qualifier::LessThan => Val::Interval(None, Some(f.value)),
                _ => Val::Interval(f.low, f.high),
            }
        })
        .collect()
}

#[test]
fn recognizer_cases_in_scope_are_exact() {
    let dir = data_dir();
    assert!(
        dir.is_dir(),
        "the Recognizers-Text data is missing: expected {} (the shared data folder next to the repository)",
        dir.display()
    );
    let mut in_scope = 0usize;
    let mut exact = 0usize;
    let mut skipped: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut misses = Vec::new();
    for model in MODELS {
        let path = dir.join(format!("{model}.json"));
        let raw = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let raw = raw.trim_start_matches('\u{feff}');
        let cases: Vec<Value> = serde_json::from_str(raw)
            .unwrap_or_else(|e| panic!("cannot parse {}: {e}", path.display()));
        let (mut m_in, mut m_exact) = (0usize, 0usize);
        for case in &cases {
            if let Some(why) = out_of_scope(model, case) {
                *skipped.entry(why).or_default() += 1;
                if std::env::var("SHOW_SKIPPED").is_ok() {
                    eprintln!("SKIP {why}: {:?}", case["Input"]);
                }
                continue;
            }
            let input = case["Input"].as_str().unwrap_or("");
            let want = expected(model, case);
            let got = found(model, input);
            m_in += 1;
            if want.len() == got.len() && want.iter().zip(&got).all(|(a, b)| same(*a, *b)) {
                m_exact += 1;
            } else {
                misses.push(format!(
                    "{model}: {input:?}\n    want {want:?}\n    got  {got:?}"
                ));
            }
        }
        eprintln!(
            "{model}: {m_exact}/{m_in} in-scope cases exact, {} cases in all",
            cases.len()
        );
        in_scope += m_in;
        exact += m_exact;
    }
    eprintln!("out of scope:");
    for (why, n) in &skipped {
        eprintln!("  {n:4}  {why}");
    }
    eprintln!("misses:");
    for m in &misses {
        eprintln!("  {m}");
    }
    let rate = exact as f64 / in_scope.max(1) as f64;
    eprintln!(
        "recognizers: {exact}/{in_scope} in-scope cases exact ({:.1}%)",
        rate * 100.0
    );
    assert!(
        rate >= REQUIRED,
        "in-scope exact rate {rate:.3} is below {REQUIRED}"
    );
}
