//! Recognizing figures: numbers in digits or words, with qualifiers, units and
//! the thing they count.
//!
//! The block is cut into sentences, each sentence into tokens (words, digit
//! numbers, single punctuation marks) in one pass without allocation per token.
//! A figure is then read around every token that can start a number: currency
//! before it, qualifiers before it ("at least", "between"), scale words, units
//! and ranges after it, then the counted noun, a rate ("per soldier") and the
//! role the sentence gives it. Identifiers, dates, times, years, ordinals and
//! fractions are recognized so that they are not read as quantities.
//!
//! One file a step: `scan.rs` walks the tokens, `amounts.rs` reads the number
//! with its currency, scale and unit, `in_words.rs` shares and magnitudes in
//! words, `not_quantity.rs` what is no quantity, `ranges.rs` ranges and
//! qualifiers, `counted.rs` the counted thing and rate, `roles.rs` the role,
//! and `figure.rs` puts one figure together from them. Each adds methods to
//! `Scan`, the tokens of one sentence.

mod ages;
mod alternatives;
mod amounts;
mod counted;
mod figure;
mod identifiers;
mod in_words;
mod lexicon;
mod not_quantity;
pub(crate) mod numbers;
mod pounds;
mod ranges;
mod roles;
mod scan;
mod scores;
mod tokens;
mod units;

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::entities::gazetteer::GAZETTEER;
use super::model::{Change, Figure, FigureRole, Qualifier, Unit, UnitKind};
use crate::analysis::lexicon as lists;
use lexicon::*;
use numbers::{
    Atom, NumWord, Sum, add_up, ascii_lower, glued_m, glued_scale, number_word, number_word_lower,
};
use tokens::{DECIMAL, FOUR, GROUPED, Kind, Tok, tokenize};
use units::UnitEntry;

use counted::looks_plural;
use in_words::spelled_figure;
use ranges::bounds;
use scan::{may_hold_number, skip_ranges};

/// Finds the figures in one block of masked prose. Spans are relative to `block`.
pub fn find_figures(block: &str, sentences: &[Range<usize>]) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    let skips = skip_ranges(block);
    let mut toks = Vec::new();
    let mut covered = 0usize;
    let mut segments: Vec<Range<usize>> = Vec::new();
    for s in sentences {
        let start = s.start.min(block.len());
        let end = s.end.min(block.len());
        if start < covered || start > end {
            continue;
        }
        if start > covered {
            segments.push(covered..start);
        }
        segments.push(start..end);
        covered = end;
    }
    if covered < block.len() {
        segments.push(covered..block.len());
    }
    for mut seg in segments {
        // Ranges from elsewhere may split a character: widen them to whole ones.
        while !block.is_char_boundary(seg.start) {
            seg.start -= 1;
        }
        while !block.is_char_boundary(seg.end) {
            seg.end += 1;
        }
        if let Some(last) = out.last()
            && last.span.end > seg.start
        {
            seg.start = last.span.end.min(seg.end);
        }
        if !may_hold_number(&block[seg.clone()]) {
            continue;
        }
        toks.clear();
        tokenize(block, seg, &skips, &mut toks);
        if toks.is_empty() {
            continue;
        }
        let scan = Scan {
            text: block,
            toks: &toks,
        };
        scan.figures(&mut out);
    }
    out
}

/// The tokens of one sentence, with the text they point into.
struct Scan<'a> {
    text: &'a str,
    toks: &'a [Tok],
}

/// A number with its currency, scale and unit, before qualifiers and ranges.
#[derive(Debug, Clone, Copy)]
struct Amount {
    /// First token (currency or sign included).
    first: usize,
    /// One past the last token.
    end: usize,
    value: f64,
    spelled: bool,
    /// The scale of the last scale word (1 if none).
    scale: f64,
    currency: Option<&'static str>,
    percent: bool,
    bare_one: bool,
    integer: bool,
    /// A single four-digit number with nothing else: maybe a year.
    year_like: bool,
    /// A single plain integer token of digits.
    plain_digits: bool,
    /// The number is in digits only (no words).
    digits: bool,
    /// Counted noun given by the unit ("percentage points").
    unit_counted: Option<&'static str>,
    /// A measurement unit after the number ("km", "bhp").
    measure: Option<UnitEntry>,
    /// The tokens of the unit or currency as written (first, one past last).
    surface: Option<(usize, usize)>,
}

#[cfg(test)]
mod tests;
