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

mod ages;
mod alternatives;
mod identifiers;
mod lexicon;
pub(crate) mod numbers;
mod pounds;
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

/// Number words as substrings, to skip sentences with neither digits nor words
/// that could start a number.
static NUMBER_WORDS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "zero",
            "nought",
            "naught",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fourty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "hundred",
            "thousand",
            "lakh",
            "million",
            "crore",
            "billion",
            "trillion",
            "dozen",
            "half",
            "twice",
            "tens",
            "dozens",
            "hundreds",
            "thousands",
            "millions",
            "billions",
            "third",
            "thirds",
            "quarter",
            "quarters",
            "fifth",
            "fifths",
        ])
        .ok()
});

/// Whether a sentence may hold a figure: it has a digit, or a number word
/// standing as a word (or inside a hyphenated compound).
fn may_hold_number(sentence: &str) -> bool {
    if sentence.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    let Some(ac) = NUMBER_WORDS.as_ref() else {
        return true;
    };
    let bytes = sentence.as_bytes();
    ac.find_overlapping_iter(sentence).any(|m| {
        let before = m.start().checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(m.end()).copied();
        !before.is_some_and(|b| b.is_ascii_alphabetic())
            && !after.is_some_and(|b| b.is_ascii_alphabetic())
    })
}

/// Whitespace-delimited runs that are URLs or e-mail addresses.
fn skip_ranges(block: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if !(block.contains("://") || block.contains("www.") || block.contains('@')) {
        return out;
    }
    let mut start = None;
    for (i, c) in block
        .char_indices()
        .chain(std::iter::once((block.len(), ' ')))
    {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                let run: &str = &block[s..i];
                if run.contains("://") || run.starts_with("www.") || run.contains('@') {
                    out.push(s..i);
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Reading figures from tokens

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

impl Scan<'_> {
    fn n(&self) -> usize {
        self.toks.len()
    }

    fn kind(&self, k: usize) -> Option<Kind> {
        self.toks.get(k).map(|t| t.kind)
    }

    fn slice(&self, k: usize) -> &str {
        self.toks
            .get(k)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn word(&self, k: usize) -> Option<&str> {
        (self.kind(k)? == Kind::Word).then(|| self.slice(k))
    }

    /// The lower-cased word at `k`, in `buf`.
    fn lower<'b>(&self, k: usize, buf: &'b mut [u8; 24]) -> Option<&'b str> {
        ascii_lower(self.word(k)?, buf)
    }

    fn is(&self, k: usize, w: &str) -> bool {
        self.word(k).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    fn punct(&self, k: usize) -> Option<char> {
        if self.kind(k)? == Kind::Punct {
            self.slice(k).chars().next()
        } else {
            None
        }
    }

    /// No space between token `k - 1` and token `k`.
    fn glued(&self, k: usize) -> bool {
        k > 0 && k < self.n() && self.toks[k - 1].end == self.toks[k].start
    }

    /// A measurement unit from `data/units` starting at token `k`, with the
    /// token after it: the longest surface of up to four tokens written
    /// without gaps or with single spaces.
    fn unit_at(&self, k: usize) -> Option<(UnitEntry, usize)> {
        let first = self.toks.get(k)?;
        if first.kind == Kind::Num {
            return None;
        }
        let mut last = (k + 3).min(self.n() - 1);
        // The surface may not run over a gap wider than one space.
        for t in k + 1..=last {
            let gap = self
                .text
                .get(self.toks[t - 1].end..self.toks[t].start)
                .unwrap_or("\n");
            if !(gap.is_empty() || gap == " ") || self.kind(t) == Some(Kind::Num) {
                last = t - 1;
                break;
            }
        }
        for t in (k..=last).rev() {
            let surface = self.text.get(first.start..self.toks[t].end)?;
            if surface.len() > 24 {
                continue;
            }
            // A unit ends at a word boundary: "5 min" but not "5 mint".
            if let Some(u) = units::unit(surface)
                && (!u.glued_only || (t == k && self.glued(k)))
                && !(self.glued(t + 1) && self.kind(t + 1) == Some(Kind::Word))
            {
                if u.kind == UnitKind::Length
                    && let Some(power) = self.power_after(t + 1)
                    && let Some(p) = units::unit(&format!("{}{}", u.symbol, power.0))
                {
                    // "4km^2", "5 km squared": an area or a volume.
                    return Some((p, power.1));
                }
                return Some((u, t + 1));
            }
        }
        None
    }

    /// "^2", "²", " squared", " cubed" after a length unit: the power (2 or
    /// 3) and the token after it.
    fn power_after(&self, k: usize) -> Option<(u8, usize)> {
        if self.punct(k) == Some('^')
            && self.glued(k)
            && self.kind(k + 1) == Some(Kind::Num)
            && self.glued(k + 1)
        {
            let v = self.toks[k + 1].value;
            return (v == 2.0 || v == 3.0).then_some((v as u8, k + 2));
        }
        match self.slice(k) {
            "²" if self.glued(k) => Some((2, k + 1)),
            "³" if self.glued(k) => Some((3, k + 1)),
            "squared" if !self.glued(k) => Some((2, k + 1)),
            "cubed" if !self.glued(k) => Some((3, k + 1)),
            _ => None,
        }
    }

    fn capitalized(&self, k: usize) -> bool {
        self.word(k)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    fn lower_string(&self, k: usize) -> String {
        self.slice(k).to_lowercase()
    }

    fn figures(&self, out: &mut Vec<Figure>) {
        let mut k = 0;
        let mut floor = 0usize;
        while k < self.n() {
            if self.kind(k) == Some(Kind::Word)
                && let Some((figure, end)) = self.words_figure(k, floor)
            {
                out.push(figure);
                floor = end;
                k = end;
                continue;
            }
            if let Some((figure, end)) = self.decade_age(k, floor) {
                out.push(figure);
                floor = end;
                k = end;
                continue;
            }
            if !self.could_start(k) {
                k += 1;
                continue;
            }
            match self.amount_at(k) {
                None => k += 1,
                Some(a) => match self
                    .score_figure(a, floor)
                    .or_else(|| self.figure(a, floor))
                {
                    Some((figure, end)) => {
                        out.push(figure);
                        floor = end;
                        k = end.max(k + 1);
                    }
                    // Not a figure: neither are the numbers dashed onto it
                    // ("Weeks 14-16", "1999-2003").
                    None => {
                        k = self
                            .score_parts(a)
                            .map(|(_, _, end)| end)
                            .or(self.score_end(a))
                            .unwrap_or(a.end)
                            .max(k + 1)
                    }
                },
            }
        }
    }

    fn could_start(&self, k: usize) -> bool {
        let t = &self.toks[k];
        match t.kind {
            Kind::Num => true,
            Kind::Ident => false,
            Kind::Punct => {
                let c = self.punct(k).unwrap_or(' ');
                currency_symbol(c).is_some()
                    || (matches!(c, '-' | '−')
                        && self.kind(k + 1) == Some(Kind::Num)
                        && self.glued(k + 1))
            }
            Kind::Word => {
                let w = self.slice(k);
                if w.len() > 9 {
                    return false;
                }
                let mut buf = [0u8; 24];
                let Some(l) = ascii_lower(w, &mut buf) else {
                    return false;
                };
                number_word_lower(l).is_some()
                    || matches!(l, "minus" | "negative")
                    || currency_code(l).is_some()
                    || dollar_prefix(l).is_some()
                    || (l.len() == 4 && l.starts_with('m') && currency_code(&l[1..]).is_some())
            }
        }
    }

    /// A share or a magnitude written in words: "a quarter of", "two-thirds
    /// of", "half of", "tens of thousands", "hundreds of", "dozens of".
    fn words_figure(&self, k: usize, floor: usize) -> Option<(Figure, usize)> {
        let mut buf = [0u8; 24];
        let first = self.lower(k, &mut buf)?;
        if first.len() < 3 && !matches!(first, "a" | "an") {
            return None;
        }
        // A number right before: "two hundreds", "3 quarters".
        if k > floor
            && (self.kind(k - 1) == Some(Kind::Num)
                || self.word(k - 1).is_some_and(|w| {
                    number_word(w).is_some() && !matches!(w, "a" | "an" | "A" | "An")
                }))
        {
            return None;
        }
        if let Some(m) = magnitude_plural(first) {
            return self.vague_magnitude(k, m);
        }
        if let Some(f) = self.unit_or_number(k) {
            return Some(f);
        }
        if first == "twice" {
            return self.twice(k);
        }
        if first == "half"
            && let Some(f) = self.half_unit(k)
        {
            return Some(f);
        }
        self.word_fraction(k, floor)
    }

    /// "a half-mile", "a half-hour": half of the unit dashed onto "half"
    /// (not "half-brother", "half-time").
    fn half_unit(&self, k: usize) -> Option<(Figure, usize)> {
        if !(self.punct(k + 1).is_some_and(|c| matches!(c, '-' | '‐'))
            && self.glued(k + 1)
            && self.glued(k + 2))
        {
            return None;
        }
        let (u, after) = self.unit_at(k + 2)?;
        if after != k + 3 || u.glued_only || self.glued(after) {
            return None;
        }
        let unit = Unit::Measure {
            symbol: u.symbol,
            kind: u.kind,
        };
        let span = self.toks[k].start..self.toks[k + 2].end;
        Some((
            spelled_figure(span, 0.5, 0.5, Qualifier::Exact, unit),
            after,
        ))
    }

    /// "shot him twice", "charged twice in a year": two times, a count. Not
    /// a multiplier ("twice as many", "twice the size", "twice its share"),
    /// nor the word used as a noun ("Twice is enough").
    fn twice(&self, k: usize) -> Option<(Figure, usize)> {
        let mut buf = [0u8; 24];
        if self.lower(k + 1, &mut buf).is_some_and(|w| {
            matches!(
                w,
                "as" | "the"
                    | "that"
                    | "what"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "our"
                    | "my"
                    | "your"
                    | "is"
                    | "was"
                    | "over"
            )
        }) {
            return None;
        }
        Some((
            spelled_figure(
                self.toks[k].start..self.toks[k].end,
                2.0,
                2.0,
                Qualifier::Exact,
                Unit::Count,
            ),
            k + 1,
        ))
    }

    /// The token after "the" or a possessive at `k`, else `k`.
    fn skip_determiner(&self, k: usize) -> usize {
        let mut buf = [0u8; 24];
        match self.lower(k, &mut buf) {
            Some("the" | "its" | "their" | "his" | "her" | "our" | "these" | "those") => k + 1,
            _ => k,
        }
    }

    /// "tens of thousands", "hundreds of millions", "dozens": at least twice
    /// the magnitude ("hundreds" is at least 200, "tens of thousands" at least
    /// 20,000, as tests/gold/README.md reads them), and below the next
    /// magnitude word ("hundreds" is fewer than a thousand, which would be
    /// "thousands"), so that a later toll of 249 is seen to exceed "dozens".
    fn vague_magnitude(&self, k: usize, first: (f64, f64)) -> Option<(Figure, usize)> {
        let (mut unit, mut next) = first;
        let mut end = k + 1;
        let mut buf = [0u8; 24];
        while self.is(end, "of")
            && let Some(l) = self.lower(end + 1, &mut buf)
            && let Some((scale, _)) = magnitude_plural(l).filter(|(s, _)| *s >= 1000.0)
            && scale > unit
        {
            unit *= scale;
            next = first.1 * scale;
            end += 2;
        }
        let low = 2.0 * unit;
        let high = next;
        // A magnitude counts something: "of" and a noun, or a noun or verb after it.
        let next_word = self.word(end).is_some() || self.is(end, "of");
        if !next_word || self.capitalized(end) && !self.is(end, "of") {
            return None;
        }
        let at = if self.is(end, "of") { end + 1 } else { end };
        if self.is(end, "of")
            && self
                .lower(at, &mut buf)
                .is_some_and(|w| matches!(w, "them" | "those" | "us" | "you" | "which"))
        {
            return None;
        }
        // What a vague magnitude counts is not given to claims: its bounds are
        // too wide to weigh against an exact figure elsewhere.
        let start = self.toks[k].start;
        let stop = self.toks[end - 1].end;
        Some((
            spelled_figure(start..stop, low, high, Qualifier::Range, Unit::Count),
            end,
        ))
    }

    /// "a quarter of", "two-thirds of", "three quarters of", "half of".
    fn word_fraction(&self, k: usize, floor: usize) -> Option<(Figure, usize)> {
        let mut buf = [0u8; 24];
        let first = self.lower(k, &mut buf)?;
        let is_half = first == "half";
        let numerator = match first {
            "a" | "an" | "one" => Some(1.0),
            _ => match number_word_lower(first) {
                Some(NumWord::Unit(u)) => Some(f64::from(u)),
                _ => None,
            },
        };
        let (numerator, d_at) = match numerator {
            Some(n) => {
                let hyphen = self.punct(k + 1).is_some_and(|c| matches!(c, '-' | '‐'))
                    && self.glued(k + 1)
                    && self.glued(k + 2);
                (n, if hyphen { k + 2 } else { k + 1 })
            }
            // A bare "half of", not "the first half of".
            None if first == "half" => {
                let ordinal_before = k > floor
                    && self.lower(k - 1, &mut buf).is_some_and(|w| {
                        matches!(
                            w,
                            "first" | "second" | "the" | "last" | "other" | "latter" | "former"
                        )
                    });
                if ordinal_before {
                    return None;
                }
                (1.0, k)
            }
            None => return None,
        };
        let mut db = [0u8; 24];
        let denominator = self.lower(d_at, &mut db).and_then(|w| {
            let plural = w.ends_with('s');
            let d = fraction_denominator(w.strip_suffix('s').unwrap_or(w))?;
            // "a thirds" and "two third" are not fractions; "one half" is.
            ((numerator > 1.0) == plural || d == 2.0 && !plural).then_some(d)
        })?;
        // Without "of", only a fraction that cannot be anything else: "a
        // two-thirds majority" (not "three quarters" of a game), "half the
        // town".
        let of = self.is(d_at + 1, "of");
        let hyphenated = d_at == k + 2;
        let half_the =
            is_half && self.skip_determiner(d_at + 1) == d_at + 2 && self.word(d_at + 2).is_some();
        if numerator >= denominator || !(of || hyphenated || half_the) {
            return None;
        }
        let end = d_at + 1;
        let (counted, counted_span, _) = if of {
            self.counted(self.skip_determiner(end + 1), false)
        } else {
            self.counted(self.skip_determiner(end), false)
        };
        let value = numerator / denominator;
        // "nearly half of", "more than a third of"
        let (qualifier, lead) = match self.qualifier_before(k, floor) {
            Some((q, len)) => (q, k - len),
            None => (Qualifier::Exact, k),
        };
        let (low, high) = match qualifier {
            Qualifier::AtLeast | Qualifier::MoreThan => (Some(value), None),
            Qualifier::UpTo | Qualifier::LessThan => (None, Some(value)),
            Qualifier::Nearly => (Some(value * 0.9), Some(value)),
            Qualifier::Approximately => (Some(value * 0.9), Some(value * 1.1)),
            Qualifier::Exact | Qualifier::Range => (Some(value), Some(value)),
        };
        let start = self.toks[lead].start;
        let stop = self.toks[d_at].end;
        Some((
            Figure {
                span: start..stop,
                value,
                low,
                high,
                qualifier,
                unit: Unit::Measure {
                    symbol: "fraction",
                    kind: UnitKind::Fraction,
                },
                counted: counted.map(Into::into),
                counted_span,
                per: None,
                spelled: true,
                role: FigureRole::Count,
                surface: None,
                change: None,
            },
            end,
        ))
    }

    /// Converts tokens from `k` into atoms for [`add_up`]; returns the atoms and,
    /// for each, the token index after it.
    fn atoms(
        &self,
        k: usize,
        money: bool,
        atoms: &mut [Atom; 16],
        ends: &mut [usize; 16],
    ) -> usize {
        let mut n = 0;
        let mut j = k;
        while n < 16 && j < self.n() {
            let t = self.toks[j];
            // Atoms must be separated by spaces only, on one line.
            if n > 0 {
                let gap = self.text.get(self.toks[j - 1].end..t.start).unwrap_or("\n");
                if gap.contains('\n') {
                    break;
                }
            }
            match t.kind {
                Kind::Num => {
                    if n > 0 && self.glued(j) {
                        break;
                    }
                    // "six million 500ml bottles": digits after words are a new figure.
                    if n > 0 && matches!(atoms[n - 1], Atom::Word(_)) {
                        break;
                    }
                    // A glued scale suffix: "5bn", "10k", "£3m".
                    if let Some(s) = self.word(j + 1).filter(|_| self.glued(j + 1)) {
                        // "1.5m people" is millions; "a 10m wall" is metres.
                        let people_after = || {
                            let mut b = [0u8; 24];
                            !self.capitalized(j + 2)
                                && self.lower(j + 2, &mut b).is_some_and(|w| {
                                    person_noun(w) || synonym_group(w).is_some() || looks_plural(w)
                                })
                        };
                        let scale = glued_scale(s)
                            .or_else(|| (glued_m(s) && (money || people_after())).then_some(1e6));
                        if let Some(scale) = scale {
                            atoms[n] = Atom::Scaled(t.value * scale);
                            ends[n] = j + 2;
                            n += 1;
                            break;
                        }
                        if glued_m(s) {
                            // Metres: a measurement, read by the caller.
                            atoms[n] = Atom::Digits {
                                value: t.value,
                                integer: t.flags & DECIMAL == 0,
                            };
                            ends[n] = j + 1;
                            n += 1;
                            break;
                        }
                    }
                    // A spaced scale letter at the end of a phrase: "2.33 k", "1,674.5 M".
                    if n == 0
                        && let Some(s) = self.word(j + 1).filter(|_| !self.glued(j + 1))
                        && matches!(s, "k" | "K" | "M" | "MM" | "bn" | "B")
                        && self.word(j + 2).is_none()
                        && self.kind(j + 2) != Some(Kind::Num)
                        && let Some(scale) = glued_scale(s)
                    {
                        atoms[n] = Atom::Scaled(t.value * scale);
                        ends[n] = j + 2;
                        n += 1;
                        break;
                    }
                    atoms[n] = Atom::Digits {
                        value: t.value,
                        integer: t.flags & DECIMAL == 0,
                    };
                    ends[n] = j + 1;
                }
                Kind::Word => {
                    let mut buf = [0u8; 24];
                    let Some(l) = ascii_lower(self.slice(j), &mut buf) else {
                        break;
                    };
                    if l == "and" {
                        atoms[n] = Atom::And;
                    } else if let Some(w) = number_word_lower(l) {
                        atoms[n] = Atom::Word(w);
                    } else {
                        break;
                    }
                    ends[n] = j + 1;
                }
                Kind::Punct => {
                    let c = self.punct(j).unwrap_or(' ');
                    if matches!(c, '-' | '‐' | '‑') && n > 0 {
                        atoms[n] = Atom::Hyphen;
                        ends[n] = j + 1;
                    } else {
                        break;
                    }
                }
                Kind::Ident => break,
            }
            n += 1;
            j += 1;
        }
        n
    }

    fn amount_at(&self, k: usize) -> Option<Amount> {
        let mut j = k;
        let mut currency: Option<&'static str> = None;
        let mut million_code = false;
        let mut negative = false;
        let mut buf = [0u8; 24];
        // Sign.
        if let Some(c) = self.punct(j)
            && matches!(c, '-' | '−')
            && self.kind(j + 1) == Some(Kind::Num)
            && self.glued(j + 1)
            && !(j > 0 && self.glued(j) && self.kind(j - 1) != Some(Kind::Punct))
        {
            negative = true;
            j += 1;
        } else if matches!(self.lower(j, &mut buf), Some("minus" | "negative")) {
            negative = true;
            j += 1;
        }
        let prefix_start = j;
        // Currency before the number.
        if let Some(c) = self.punct(j)
            && let Some(code) = currency_symbol(c)
        {
            currency = Some(code);
            j += 1;
            // "$A12,500": the letters after "$" name the dollar.
            if c == '$'
                && self.glued(j)
                && self.glued(j + 1)
                && self.kind(j + 1) == Some(Kind::Num)
                && let Some(code) = self.lower(j, &mut buf).and_then(dollar_prefix)
            {
                currency = Some(code);
                j += 1;
            }
        } else if let Some(l) = self.lower(j, &mut buf) {
            // "A$500", "HK$3", "NT $53": the prefix is capitalized, and glued
            // to the sign unless it has two capitals or more ("a $500 fine"
            // and "A $500 fine" begin with an article).
            let spaced_ok =
                self.slice(j).len() >= 2 && self.slice(j).bytes().all(|b| b.is_ascii_uppercase());
            if let Some(code) = dollar_prefix(l).filter(|_| {
                self.punct(j + 1) == Some('$')
                    && self.capitalized(j)
                    && (self.glued(j + 1) || spaced_ok)
            }) {
                currency = Some(code);
                j += 2;
            } else if l == "u"
                && self.punct(j + 1) == Some('.')
                && self.is(j + 2, "s")
                && (self.punct(j + 3) == Some('$')
                    || (self.punct(j + 3) == Some('.') && self.punct(j + 4) == Some('$')))
            {
                currency = Some("USD");
                j += if self.punct(j + 3) == Some('$') { 4 } else { 5 };
            } else if let Some(code) = currency_code(l) {
                let upper = self.slice(j).chars().all(|c| c.is_ascii_uppercase());
                let next_num = self.kind(j + 1) == Some(Kind::Num);
                // "Rs 500", "Rs. 500": the rupee's abbreviation, written capitalized.
                let rupee = l == "rs" && self.capitalized(j);
                let rupee_dot =
                    rupee && self.punct(j + 1) == Some('.') && self.kind(j + 2) == Some(Kind::Num);
                if self.punct(j + 1) == Some('$') || rupee_dot {
                    currency = Some(code);
                    j += 2;
                } else if next_num && (upper || rupee || self.glued(j + 1)) && l != "try" {
                    currency = Some(code);
                    j += 1;
                }
            } else if l.len() == 4
                && l.starts_with('m')
                && self.slice(j).chars().all(|c| c.is_ascii_uppercase())
                && let Some(code) = currency_code(&l[1..])
                && self.kind(j + 1) == Some(Kind::Num)
            {
                currency = Some(code);
                million_code = true;
                j += 1;
            }
        }
        let number_start = j;
        let mut atoms = [Atom::And; 16];
        let mut ends = [0usize; 16];
        let n = self.atoms(number_start, currency.is_some(), &mut atoms, &mut ends);
        if n == 0 {
            return None;
        }
        let mut sum: Sum = add_up(&atoms[..n])?;
        let mut end = ends[sum.len - 1];
        // "two and a half million", "three and a half years"
        let rest = &atoms[sum.len..n];
        if sum.scale == 1.0
            && sum.integer
            && !sum.bare_one
            && matches!(
                rest,
                [
                    Atom::And,
                    Atom::Word(NumWord::A),
                    Atom::Word(NumWord::Half),
                    ..
                ]
            )
        {
            sum.value += 0.5;
            sum.len += 3;
            sum.integer = false;
            if let Some(Atom::Word(NumWord::Scale(s))) = rest.get(3) {
                sum.value *= s;
                sum.scale = *s;
                sum.len += 1;
                sum.integer = sum.value.fract() == 0.0;
            }
            end = ends[sum.len - 1];
        }
        let mut value = sum.value;
        let mut spelled = sum.spelled;
        let mut scale = sum.scale;
        // "4 1/2 years", "3½ hours": a whole number and a fraction.
        if sum.integer
            && sum.scale == 1.0
            && let Some(frac) = self.fraction_at(end)
        {
            value += frac;
            end += 1;
        }
        if million_code {
            value *= 1e6;
            spelled = true;
        }
        // "3.2 x 10^6", "3.2×10⁶": scientific notation, one figure.
        if let Some((power, next)) = self.exponent_at(end) {
            value *= power;
            end = next;
        }
        let digits = atoms[..sum.len]
            .iter()
            .all(|a| matches!(a, Atom::Digits { .. } | Atom::Scaled(_)));
        let single_num = end == number_start + 1 && self.kind(number_start) == Some(Kind::Num);
        let num_flags = if single_num {
            self.toks[number_start].flags
        } else {
            0
        };
        let mut percent = false;
        let mut unit_counted = None;
        // Currency or percent after the number.
        if currency.is_none() {
            let symbol = self.punct(end).and_then(currency_symbol).filter(|_| {
                self.punct(end) == Some('¢')
                    || !(self.kind(end + 1) == Some(Kind::Num) && self.glued(end + 1))
            });
            if let Some(code) = symbol {
                currency = Some(code);
                end += 1;
            } else if self.punct(end) == Some('-')
                && self.glued(end)
                && self.glued(end + 1)
                && let Some(code) = self.lower(end + 1, &mut buf).and_then(currency_noun)
                && !(code == "GBP" && self.is_pound_word(end + 1) && self.pound_is_weight(end + 1))
            {
                // "12-cent", "one-yen"
                currency = Some(code);
                end += 2;
            } else if let Some((code, next, mult)) = self.currency_after(end) {
                currency = Some(code);
                end = next;
                if mult != 1.0 {
                    value *= mult;
                    spelled = true;
                }
            }
            // "75 USD million"
            if currency.is_some()
                && let Some(l) = self.lower(end, &mut buf)
                && let Some(NumWord::Scale(s)) = number_word(l)
                && l.len() > 3
                && scale == 1.0
            {
                value *= s;
                scale = s;
                spelled = true;
                end += 1;
            }
        }
        let mut measure = None;
        let mut surface = currency.map(|_| (prefix_start, number_start));
        if currency.is_some() && surface.is_some_and(|(a, b)| a == b) {
            surface = Some((ends[sum.len - 1], end));
        }
        // "a 10-mile walk", "a three-year deal": the unit after a hyphen.
        let unit_start = if self.punct(end).is_some_and(|c| matches!(c, '-' | '‐'))
            && self.glued(end)
            && self.glued(end + 1)
        {
            end + 1
        } else {
            end
        };
        if currency.is_none()
            && self.punct(end) != Some('%')
            && let Some((unit, next)) = self.unit_at(unit_start)
            && !(unit.kind == UnitKind::Time && sum.bare_one)
            && !(unit.glued_only && unit_start > end)
        {
            // "40C", "10km", "1200 hp", "20 kilohertz": a measurement.
            unit_counted = self.word(unit_start).and_then(measure_unit);
            measure = Some(unit);
            surface = Some((unit_start, next));
            end = next;
        } else if currency.is_none() {
            if self.punct(end) == Some('%') {
                percent = true;
                end += 1;
            } else if let Some(l) = self.lower(end, &mut buf) {
                match l {
                    "percent" | "percents" | "pct" => {
                        percent = true;
                        end += 1;
                    }
                    "pc" if self.glued(end) => {
                        percent = true;
                        end += 1;
                    }
                    "percentage" => {
                        percent = true;
                        end += 1;
                        if self.is(end, "points") || self.is(end, "point") {
                            end += 1;
                            unit_counted = Some("percentage points");
                        }
                    }
                    "per" if self.is(end + 1, "cent") => {
                        percent = true;
                        end += 2;
                    }
                    _ => {}
                }
            }
        }
        if negative {
            value = -value;
        }
        if percent && surface.is_none() {
            surface = Some((ends[sum.len - 1], end));
        }
        let bare_one =
            sum.bare_one && currency.is_none() && !percent && !negative && measure.is_none();
        let plain_digits = single_num && num_flags & (DECIMAL | GROUPED) == 0 && measure.is_none();
        let year_like = plain_digits
            && num_flags & FOUR != 0
            && currency.is_none()
            && !percent
            && (1000.0..=2100.0).contains(&value);
        Some(Amount {
            first: k,
            end,
            value,
            spelled,
            scale,
            currency,
            percent,
            bare_one,
            integer: sum.integer,
            year_like,
            plain_digits: plain_digits && !negative && currency.is_none() && !percent,
            digits,
            unit_counted,
            measure,
            surface,
        })
    }

    /// "x 10^6", "× 10⁻³" after a number: the power of ten and the token after it.
    fn exponent_at(&self, k: usize) -> Option<(f64, usize)> {
        let times = self.word(k).is_some_and(|w| w == "x" || w == "X")
            || self.punct(k).is_some_and(|c| matches!(c, '×' | '*' | '·'));
        if !times || self.kind(k + 1) != Some(Kind::Num) || self.toks[k + 1].value != 10.0 {
            return None;
        }
        let e = k + 2;
        if self.punct(e) == Some('^') && self.glued(e) {
            let negative = self.punct(e + 1).is_some_and(|c| matches!(c, '-' | '−'));
            let n = if negative { e + 2 } else { e + 1 };
            if self.kind(n) == Some(Kind::Num) && self.glued(n) {
                let p = self.toks[n].value;
                return Some((10f64.powf(if negative { -p } else { p }), n + 1));
            }
            return None;
        }
        // "2.48×10−5": a minus glued to the ten, then the power.
        if self.punct(e).is_some_and(|c| matches!(c, '-' | '−'))
            && self.glued(e)
            && self.kind(e + 1) == Some(Kind::Num)
            && self.glued(e + 1)
            && self.glued(k + 1)
        {
            return Some((10f64.powf(-self.toks[e + 1].value), e + 2));
        }
        // Superscript digits glued to the ten.
        let mut next = e;
        let mut power = 0f64;
        let mut negative = false;
        while next < self.n() && self.glued(next) {
            let text = self.slice(next);
            for c in text.chars() {
                match c {
                    '⁻' => negative = true,
                    '⁰'..='⁹' | '¹' | '²' | '³' => {
                        let d = match c {
                            '¹' => 1,
                            '²' => 2,
                            '³' => 3,
                            c => c as u32 - '⁰' as u32,
                        };
                        power = power * 10.0 + f64::from(d);
                    }
                    _ => return None,
                }
            }
            next += 1;
        }
        (next > e && power > 0.0).then(|| (10f64.powf(if negative { -power } else { power }), next))
    }

    /// A fraction right after a whole number: "1/2" or a vulgar fraction sign.
    fn fraction_at(&self, k: usize) -> Option<f64> {
        let t = self.toks.get(k)?;
        let text = self.slice(k);
        match t.kind {
            Kind::Punct => {
                let v = match text.chars().next()? {
                    '½' => 0.5,
                    '¼' => 0.25,
                    '¾' => 0.75,
                    '⅓' => 1.0 / 3.0,
                    '⅔' => 2.0 / 3.0,
                    '⅛' => 0.125,
                    _ => return None,
                };
                Some(v)
            }
            Kind::Ident if !self.glued(k) => {
                let (n, d) = text.split_once('/')?;
                let n: f64 = n.parse().ok()?;
                let d: f64 = d.parse().ok()?;
                (n.fract() == 0.0 && d.fract() == 0.0 && n >= 1.0 && n < d && d <= 16.0)
                    .then(|| n / d)
            }
            _ => None,
        }
    }

    /// A currency word after a number: "dollars", "us dollars", "swiss francs",
    /// "USD", "MUSD". Returns the code, the token after it and a multiplier.
    fn currency_after(&self, k: usize) -> Option<(&'static str, usize, f64)> {
        let mut buf = [0u8; 24];
        if matches!(self.slice(k), "元" | "ரூ") {
            return Some((
                if self.slice(k) == "元" { "CNY" } else { "LKR" },
                k + 1,
                1.0,
            ));
        }
        let l = self.lower(k, &mut buf)?;
        // "420p": pence, glued ("5p.m." is a time).
        if l == "p" && self.glued(k) {
            let time = self.punct(k + 1) == Some('.') && self.is(k + 2, "m");
            let small =
                k > 0 && self.toks[k - 1].kind == Kind::Num && self.toks[k - 1].value < 1000.0;
            return (!time && small).then_some(("pence", k + 1, 1.0));
        }
        if let Some(code) = currency_code(l) {
            let upper = self.slice(k).chars().all(|c| c.is_ascii_uppercase());
            let digit_after = self.kind(k + 1) == Some(Kind::Num) && self.glued(k + 1);
            if digit_after || (l == "try" && !upper) {
                return None;
            }
            return Some((code, k + 1, 1.0));
        }
        if l.len() == 4
            && l.starts_with('m')
            && let Some(code) = currency_code(&l[1..])
            && (self.slice(k).chars().all(|c| c.is_ascii_uppercase()) || self.glued(k))
        {
            return Some((code, k + 1, 1e6));
        }
        if let Some(code) = currency_noun(l) {
            return self
                .currency_noun_ok(k, l, code)
                .then_some((code, k + 1, 1.0));
        }
        if matches!(self.slice(k), "元" | "ரூ") {
            return Some((
                if self.slice(k) == "元" { "CNY" } else { "LKR" },
                k + 1,
                1.0,
            ));
        }
        // One or two adjectives, then the noun: "australian dollars", "hong kong dollars".
        for len in 1..=2 {
            let mut nb = [0u8; 24];
            let Some(noun) = self.lower(k + len, &mut nb) else {
                break;
            };
            let Some(base) = currency_noun(noun) else {
                continue;
            };
            let mut ab = [0u8; 24];
            let adj = self.lower(k, &mut ab)?;
            let code = currency_adjective(adj, base)?;
            if len == 2 {
                let mut mb = [0u8; 24];
                let mid = self.lower(k + 1, &mut mb)?;
                currency_adjective(mid, base)?;
            }
            return Some((code, k + len + 1, 1.0));
        }
        None
    }

    fn currency_noun_ok(&self, k: usize, l: &str, code: &str) -> bool {
        // "10 pounds of flour" is weight; bare "marks", "won", "real" are words.
        if code == "GBP"
            && l.starts_with("pound")
            && (self.is(k + 1, "of") || self.pound_is_weight(k))
        {
            return false;
        }
        !matches!(
            l,
            "mark"
                | "marks"
                | "won"
                | "rand"
                | "lira"
                | "lire"
                | "lari"
                | "kip"
                | "sterling"
                | "quid"
        ) || matches!(l, "won" | "rand" | "lira" | "sterling")
            && !self.is(k + 1, "by")
            && !self.is(k + 1, "the")
    }

    // -----------------------------------------------------------------------

    fn figure(&self, a: Amount, floor: usize) -> Option<(Figure, usize)> {
        let mut buf = [0u8; 24];
        let mut lead = a.first; // first token of the figure (qualifier included)
        let mut end = a.end;
        // Things that are not quantities.
        if self.is_label(a)
            || self.is_identifier(a)
            || self.is_date_or_time(a)
            || self.is_fraction_or_ordinal(a)
        {
            return None;
        }
        // "a drink or two"
        if a.end == a.first + 1 && self.vague_alternative(a.first) {
            return None;
        }
        // "zero-sum", "one-off"
        if a.bare_one && self.punct(a.end) == Some('-') && self.glued(a.end) {
            return None;
        }
        if self.score_end(a).is_some()
            || self.proportion(a)
            || self.is_list_marker(a)
            || self.is_address(a)
        {
            return None;
        }
        // "a four-door car", "a two-party system": a number word that makes a
        // modifier with a noun that is not a unit.
        if !a.digits
            && a.measure.is_none()
            && a.currency.is_none()
            && !a.percent
            && self.punct(a.end).is_some_and(|c| matches!(c, '-' | '‐'))
            && self.glued(a.end)
            && self.glued(a.end + 1)
            && self.word(a.end + 1).is_some_and(|w| {
                let l = w.to_ascii_lowercase();
                !ordinal_or_fraction(&l) && number_word(&l).is_none() && l != "fold"
            })
            && self.word(a.end + 2).is_some()
            && !self.glued(a.end + 2)
        {
            return None;
        }
        // "five-fold", "18-fold": a multiplier, not a quantity.
        if self.punct(a.end).is_some_and(|c| matches!(c, '-' | '‐'))
            && self.glued(a.end + 1)
            && self.is(a.end + 1, "fold")
        {
            return None;
        }
        // "high-five", "Catch-twenty": a number word glued into a compound.
        if !a.digits
            && a.first >= 2
            && self
                .punct(a.first - 1)
                .is_some_and(|c| matches!(c, '-' | '‐'))
            && self.glued(a.first)
            && self.glued(a.first - 1)
            && self.kind(a.first - 2) == Some(Kind::Word)
            && self
                .word(a.first - 2)
                .is_some_and(|w| number_word(w).is_none())
        {
            return None;
        }
        // "Ground Zero", "Formula One": a number word inside a name.
        if !a.digits
            && a.end == a.first + 1
            && self.capitalized(a.first)
            && a.first > 0
            && self.capitalized(a.first - 1)
        {
            return None;
        }
        // Range.
        let mut changed: Option<Change> = None;
        let mut low = a;
        let mut high: Option<Amount> = None;
        let before = a.first.checked_sub(1).filter(|&b| b >= floor);
        let between = before.is_some_and(|b| self.is(b, "between"));
        let from = before.is_some_and(|b| self.is(b, "from"));
        let change_before = (a.first.saturating_sub(4).max(floor)..a.first)
            .any(|t| self.lower(t, &mut buf).is_some_and(change_verb));
        if let Some((b, next)) = self.range_end(a, between, from, change_before) {
            let mut lo = a;
            let mut hi = b;
            let bare = |x: &Amount| x.currency.is_none() && !x.percent && x.measure.is_none();
            if bare(&lo) {
                lo.currency = hi.currency;
                lo.percent = hi.percent;
                lo.measure = hi.measure;
                lo.surface = hi.surface;
            }
            if bare(&hi) {
                hi.currency = lo.currency;
                hi.percent = lo.percent;
                hi.measure = lo.measure;
            }
            if lo.scale == 1.0
                && hi.scale > 1.0
                && lo.value.abs() < 1000.0
                && lo.value * hi.scale <= hi.value
            {
                lo.value *= hi.scale;
                lo.spelled = true;
            }
            let same_unit = lo.currency == hi.currency
                && lo.percent == hi.percent
                && lo.measure.map(|m| m.symbol) == hi.measure.map(|m| m.symbol);
            // "in 2023 to 384 million": a year, then a figure.
            let years = (lo.year_like && hi.year_like)
                || (lo.year_like
                    && !between
                    && !from
                    && a.first > 0
                    && self.lower(a.first - 1, &mut buf).is_some_and(year_marker))
                || (hi.year_like && !lo.year_like);
            // A change may fall: "from 7% to 5%".
            let change = from && change_before;
            // "ranged from -18 to -34": the ends in either order.
            let either = change || ((between || from) && lo.value.is_sign_negative());
            if same_unit && (lo.value < hi.value || either && lo.value != hi.value) && !years {
                low = lo;
                high = Some(hi);
                end = next;
                if between || from {
                    lead = a.first - 1;
                }
                changed = change.then_some(Change {
                    from: lo.value,
                    to: hi.value,
                });
            }
        }
        let ranged = high.is_some();
        // Qualifier before.
        let mut qualifier = Qualifier::Exact;
        let q_at = lead;
        if let Some((q, len)) = self.qualifier_before(q_at, floor) {
            if !ranged {
                qualifier = q;
            }
            lead = q_at - len;
        } else if q_at > floor && self.punct(q_at - 1) == Some('~') && self.glued(q_at) {
            qualifier = Qualifier::Approximately;
            lead = q_at - 1;
        }
        // Qualifier after: "500 or more", "10,000+".
        if !ranged {
            if self.punct(end) == Some('+') && self.glued(end) {
                qualifier = Qualifier::AtLeast;
                end += 1;
            } else if let Some((q, len)) = self.tail_qualifier(end) {
                qualifier = q;
                end += len;
            }
        }
        // Years: "in 2024", "the 2022 mobilization" are not figures.
        if low.year_like && !ranged && qualifier == Qualifier::Exact && !self.year_counts(a) {
            return None;
        }
        if low.year_like && ranged && high.is_some_and(|h| h.year_like) {
            return None;
        }
        // A bare "one" is a figure only with something counted.
        let mut value = low.value;
        let currency = low.currency;
        let percent = low.percent;
        // Dollars and cents: "3 dollars 50 cents", "thirteen dollars and forty-five cents".
        if !ranged
            && currency.is_some()
            && currency != Some("cents")
            && low.integer
            && low.scale == 1.0
            && let Some((cents, next)) = self.cents_after(end)
        {
            value += cents / 100.0;
            end = next;
        }
        // Counted noun.
        let (mut counted, mut counted_span, counted_end) =
            self.counted(end, currency.is_some() || percent);
        if counted.is_none() {
            counted = low.unit_counted.map(str::to_string);
        }
        let head_is_person = counted.as_deref().is_some_and(|c| c == "troops")
            || counted_span
                .as_ref()
                .and_then(|s| self.text.get(s.clone()))
                .is_some_and(|s| person_noun(&s.to_lowercase()));
        // "killed 30 people", "injuring at least 12"
        if lead > floor
            && (counted.is_none() || head_is_person)
            && currency.is_none()
            && !percent
            && let Some(l) = self.lower(lead - 1, &mut buf)
        {
            let fate_before = match l {
                "killed" | "killing" | "kills" | "kill" => Some("killed"),
                "wounded" | "wounding" | "injured" | "injuring" | "injures" | "wounds" => {
                    Some("injured")
                }
                _ => None,
            };
            if let Some(f) = fate_before {
                counted = Some(f.to_string());
            }
        }
        if counted.is_none() && currency.is_none() && !percent {
            // "the death toll rose to 45"
            let from_t = lead.saturating_sub(5).max(floor);
            if (from_t..lead).any(|t| self.is(t, "toll"))
                && (from_t..lead).any(|t| self.is(t, "death"))
            {
                counted = Some("killed".to_string());
            }
        }
        if counted.is_none() && !low.bare_one {
            // "the total number of troops in Russia rose to 11,000": the counted
            // noun stands before the figure, after "number of".
            let from_t = lead.saturating_sub(14).max(floor);
            let of = (from_t..lead).rev().find(|&t| {
                self.is(t, "of")
                    && t > 0
                    && self.lower(t - 1, &mut buf).is_some_and(|w| {
                        matches!(
                            w,
                            "number" | "total" | "tally" | "count" | "toll" | "numbers"
                        )
                    })
            });
            if let Some(of) = of
                && let (Some(c), Some(span), _) = self.counted(of + 1, currency.is_some())
                && span.end <= self.toks[lead].start
            {
                counted = Some(c);
                counted_span = Some(span);
            }
        }
        if low.bare_one && !ranged && qualifier == Qualifier::Exact {
            // A bare "one" counts people, a fate or a singular noun right after it:
            // "one soldier was killed", "one dead", "one helicopter".
            let grouped = head_is_person
                || counted
                    .as_deref()
                    .is_some_and(|c| matches!(c, "troops" | "killed" | "injured" | "casualties"));
            if let Some(m) = (!grouped)
                .then(|| self.one_time_span(lead, low.end, floor))
                .flatten()
            {
                // "one week after", "in one year": a duration.
                low.measure = Some(m);
                end = low.end + 1;
                counted = None;
                counted_span = None;
            } else if !grouped {
                let at = self.named_kind_noun(low.end);
                let noun = self.single_counted(at)?;
                counted_span = Some(self.toks[at].start..self.toks[at].end);
                counted = Some(synonym_group(&noun).map_or(noun, str::to_string));
            }
        }
        // Rate.
        let per = self.rate(end.max(counted_end)).or_else(|| {
            // "daily losses that exceed 1,000": a frequency word shortly before.
            (lead.saturating_sub(4).max(floor)..lead)
                .rev()
                .take_while(|&t| self.kind(t) == Some(Kind::Word))
                .find_map(|t| match self.lower(t, &mut buf) {
                    Some("daily") => Some("day"),
                    Some("weekly") => Some("week"),
                    Some("monthly") => Some("month"),
                    Some("hourly") => Some("hour"),
                    _ => None,
                })
                .map(str::to_string)
        });
        // Role.
        let role = self.role(
            lead,
            a,
            end,
            end.max(counted_end),
            floor,
            change_before && from && !ranged,
        );
        let unit = if let Some(code) = currency {
            Unit::Currency(code.to_string())
        } else if percent {
            Unit::Percent
        } else if let Some(m) = low.measure {
            Unit::Measure {
                symbol: m.symbol,
                kind: m.kind,
            }
        } else if !ranged && counted.is_none() && self.apposed_age(a) {
            // "Lena Marsh, 41, said": an age in years.
            Unit::Measure {
                symbol: "year",
                kind: UnitKind::Time,
            }
        } else {
            Unit::Count
        };
        let surface = low
            .surface
            .or(high.and_then(|h| h.surface))
            .and_then(|(a, b)| {
                let start = self.toks.get(a)?.start;
                let end = self.toks.get(b.checked_sub(1)?)?.end;
                (a < b).then(|| self.text.get(start..end)).flatten()
            })
            .map(Into::into);
        if let Some(c) = changed {
            value = c.to;
        }
        let (lo, hi) = match (qualifier, high) {
            (_, Some(h)) if changed.is_some() || h.value < low.value => {
                (Some(h.value.min(low.value)), Some(h.value.max(low.value)))
            }
            (_, Some(h)) => (Some(value), Some(h.value)),
            (Qualifier::Exact, _) => (Some(value), Some(value)),
            // Below zero, 90% of the value is the upper end.
            (Qualifier::Approximately, _) => (
                Some((value * 0.9).min(value * 1.1)),
                Some((value * 0.9).max(value * 1.1)),
            ),
            (Qualifier::Nearly, _) => (
                Some(if value < 0.0 {
                    value * 1.1
                } else {
                    value * 0.9
                }),
                Some(value),
            ),
            (Qualifier::AtLeast | Qualifier::MoreThan, _) => (Some(value), None),
            (Qualifier::UpTo | Qualifier::LessThan, _) => (None, Some(value)),
            (Qualifier::Range, _) => (Some(value), Some(value)),
        };
        let qualifier = if ranged { Qualifier::Range } else { qualifier };
        let start = self.toks.get(lead)?.start;
        let stop = self.toks.get(end.checked_sub(1)?)?.end;
        if counted_span
            .as_ref()
            .is_some_and(|s| s.start < stop && s.end > start)
        {
            counted_span = None;
        }
        Some((
            Figure {
                span: start..stop,
                value,
                low: lo,
                high: hi,
                qualifier,
                unit,
                counted: counted.map(Into::into),
                counted_span,
                per: per.map(Into::into),
                spelled: low.spelled || high.is_some_and(|h| h.spelled),
                role,
                surface,
                change: changed,
            },
            end,
        ))
    }

    /// The time unit after a bare "one" at `noun` when the two make a span of
    /// time: before "after", "later", "ago" ("one week after the vote") or
    /// after "in", "within", "for" ("in one year"). "one day" alone means some
    /// day, and "one year at a time" is an idiom.
    fn one_time_span(&self, lead: usize, noun: usize, floor: usize) -> Option<UnitEntry> {
        let (unit, after) = self.unit_at(noun)?;
        if unit.kind != UnitKind::Time || after != noun + 1 || self.capitalized(noun) {
            return None;
        }
        let mut buf = [0u8; 24];
        if self.is(after, "at") && self.is(after + 2, "time") {
            return None;
        }
        let later = self.lower(after, &mut buf).is_some_and(|w| {
            matches!(
                w,
                "after" | "before" | "later" | "earlier" | "ago" | "since" | "into" | "prior"
            )
        });
        let mut pb = [0u8; 24];
        let span_before = lead > floor
            && self.lower(lead - 1, &mut pb).is_some_and(|w| {
                matches!(
                    w,
                    "in" | "within" | "for" | "than" | "over" | "only" | "just" | "lasted"
                )
            });
        (later || span_before).then_some(unit)
    }

    /// After a bare "one" at `k - 1`: the noun past one capitalized modifier
    /// ("one Danish sailor"), also across "and one" ("one Danish and one
    /// Dutch sailor"), else `k`.
    fn named_kind_noun(&self, k: usize) -> usize {
        let modifier = |t: usize| {
            self.capitalized(t) && self.kind(t + 1) == Some(Kind::Word) && !self.capitalized(t + 1)
        };
        if modifier(k) && self.single_counted(k + 1).is_some() {
            return k + 1;
        }
        // "one rural school", "one electric car": an adjective by its ending,
        // then the noun ("one official said" has a verb after the "-al" word).
        let mut buf = [0u8; 24];
        if !self.capitalized(k)
            && self.lower(k, &mut buf).is_some_and(|w| {
                w.len() > 4
                    && [
                        "al", "ic", "ive", "ous", "ian", "ese", "ish", "able", "ible",
                    ]
                    .iter()
                    .any(|e| w.ends_with(e))
                    && !matches!(
                        w,
                        "final" | "official" | "additional" | "several" | "individual"
                    )
            })
            && self.single_counted(k + 1).is_some()
        {
            return k + 1;
        }
        if self.capitalized(k)
            && self.is(k + 1, "and")
            && self.is(k + 2, "one")
            && modifier(k + 3)
            && self.single_counted(k + 4).is_some()
        {
            return k + 4;
        }
        k
    }

    /// A singular noun right after a bare "one" that makes it a count:
    /// "one helicopter", but not "one day", "one of", "one official said".
    fn single_counted(&self, k: usize) -> Option<String> {
        let mut buf = [0u8; 24];
        if self.capitalized(k) {
            return None;
        }
        let w = self.lower(k, &mut buf)?;
        let idiom = lists::ONE_IDIOMS.contains(w);
        let verb_like = (w.ends_with('s') && !w.ends_with("ss"))
            || w.ends_with("al")
            || lists::ONE_VERBS.contains(w);
        if idiom
            || verb_like
            || stops_noun_phrase(w)
            || adjective_like(w)
            || number_word(w).is_some()
            || increment_word(w)
        {
            return None;
        }
        Some(w.to_string())
    }

    /// Scores ("3-2", "1-1"): the token after the second number.
    fn score_end(&self, a: Amount) -> Option<usize> {
        if !a.plain_digits
            || !self
                .punct(a.end)
                .is_some_and(|c| matches!(c, '-' | '–' | '—' | '‐' | '‑'))
            || self.kind(a.end + 1) != Some(Kind::Num)
            || self.toks[a.end + 1].flags & (DECIMAL | GROUPED) != 0
            || self.word(a.end + 2).is_some_and(|w| {
                number_word(w).is_some() || currency_noun(&w.to_lowercase()).is_some()
            })
            || self.punct(a.end + 2) == Some('%')
        {
            return None;
        }
        let b = self.toks[a.end + 1].value;
        if b <= a.value {
            return Some(a.end + 2);
        }
        // "Tunisia 1 – 2 England", "lost 1-2": small numbers between teams or
        // in a sentence about a match.
        let small = a.value < 30.0 && b < 30.0;
        let teams = a.first > 0 && self.capitalized(a.first - 1) && self.capitalized(a.end + 2);
        let sport = (a.first.saturating_sub(30)..(a.end + 30).min(self.n())).any(|t| {
            let mut buf = [0u8; 24];
            self.lower(t, &mut buf)
                .is_some_and(|w| lists::MATCH_WORDS.contains(w))
        });
        (small && (teams || sport)).then_some(a.end + 2)
    }

    /// "10 Downing Street", "1600 Pennsylvania Avenue".
    fn is_address(&self, a: Amount) -> bool {
        let street = |k: usize| {
            self.word(k)
                .is_some_and(|w| lists::STREET_WORDS.contains(w))
        };
        // "200 N. Elm St.": a compass point abbreviated before the street's
        // name (which the number may have taken for a unit, "W" for watts).
        let number = a.first + 1 == a.end || a.measure.is_some();
        let plain = number
            && self.kind(a.first) == Some(Kind::Num)
            && self.toks[a.first].flags & (DECIMAL | GROUPED) == 0
            && a.currency.is_none()
            && !a.percent;
        let mut k = if plain { a.first + 1 } else { a.end };
        if plain
            && self
                .word(k)
                .is_some_and(|w| matches!(w, "N" | "S" | "E" | "W" | "NE" | "NW" | "SE" | "SW"))
            && self.punct(k + 1) == Some('.')
        {
            k += 2;
        }
        (a.plain_digits || plain && k > a.first + 1)
            && self.capitalized(k)
            && (street(k + 1) || (self.capitalized(k + 1) && street(k + 2)))
    }

    /// "1)" numbering a list item.
    fn is_list_marker(&self, a: Amount) -> bool {
        a.plain_digits
            && a.value < 100.0
            && self.punct(a.end) == Some(')')
            && self.glued(a.end)
            && !(a.first.saturating_sub(4)..a.first).any(|t| self.punct(t) == Some('('))
    }

    /// Proportions: "9 in 10 voters", "one in five", "3 out of 4".
    fn proportion(&self, a: Amount) -> bool {
        if a.currency.is_some() || a.percent || !a.integer {
            return false;
        }
        let small = |v: f64| v.fract() == 0.0 && v >= 0.0;
        // The first number of a proportion.
        let conn = if self.is(a.end, "in") {
            Some(a.end + 1)
        } else if self.is(a.end, "out") && self.is(a.end + 1, "of") {
            Some(a.end + 2)
        } else {
            None
        };
        let time_noun = |k: usize| {
            let mut tb = [0u8; 24];
            self.lower(k, &mut tb).is_some_and(|w| {
                matches!(
                    w,
                    "days"
                        | "weeks"
                        | "months"
                        | "years"
                        | "hours"
                        | "minutes"
                        | "seconds"
                        | "decades"
                        | "games"
                        | "matches"
                        | "races"
                        | "attempts"
                        | "starts"
                        | "innings"
                        | "appearances"
                        | "seasons"
                )
            })
        };
        if let Some(c) = conn
            && let Some(b) = self.amount_at(c)
            && !time_noun(b.end)
            && b.currency.is_none()
            && !b.percent
            && !b.year_like
            && small(b.value)
            && a.value < b.value
        {
            return true;
        }
        // The second number: "... in 10".
        if a.first >= 2 {
            let conn_start = if self.is(a.first - 1, "in") {
                Some(a.first - 1)
            } else if a.first >= 3 && self.is(a.first - 1, "of") && self.is(a.first - 2, "out") {
                Some(a.first - 2)
            } else {
                None
            };
            if let Some(cs) = conn_start
                && cs >= 1
            {
                let prev = cs - 1;
                let prev_value = match self.kind(prev) {
                    Some(Kind::Num) => Some(self.toks[prev].value),
                    Some(Kind::Word) => match self.word(prev).and_then(number_word) {
                        Some(NumWord::Unit(u)) => Some(f64::from(u)),
                        Some(NumWord::Teen(t)) | Some(NumWord::Tens(t)) => Some(f64::from(t)),
                        _ => None,
                    },
                    _ => None,
                };
                if prev_value.is_some_and(|p| p < a.value) && !a.year_like && !time_noun(a.end) {
                    return true;
                }
            }
        }
        false
    }

    /// "Article 5", "No. 10", "version 2": the number names something.
    fn is_label(&self, a: Amount) -> bool {
        if !(a.plain_digits
            || a.bare_one
            || (a.end == a.first + 1 && a.integer)
            || (a.digits && a.integer && a.currency.is_none() && !a.percent))
        {
            return false;
        }
        if a.currency.is_some() || a.percent || a.first == 0 {
            return false;
        }
        let mut buf = [0u8; 24];
        let mut p = a.first - 1;
        if self.punct(p) == Some('.') && p > 0 {
            p -= 1;
            if self
                .lower(p, &mut buf)
                .is_some_and(|w| matches!(w, "no" | "nos" | "vol" | "p" | "pp" | "fig" | "art"))
            {
                return true;
            }
            return false;
        }
        let single_word = !a.digits && a.end == a.first + 1;
        // "the scene 8 days ago": a label word in lower case before a span of
        // time is the end of a noun phrase, not a label ("Scene 8", "day 3").
        let time_after =
            a.measure.is_some_and(|m| m.kind == UnitKind::Time) && !self.capitalized(p);
        if self.lower(p, &mut buf).is_some_and(label_word)
            && (a.digits || single_word)
            && !time_after
        {
            return true;
        }
        // "the 737 Max", "30 Rock": a number that starts a name (but "51
        // KO", "3 TDs": an abbreviation in capitals is what is counted).
        let abbreviation = self.word(a.end).is_some_and(|w| {
            (2..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
        });
        if a.plain_digits
            && !abbreviation
            && self.capitalized(a.end)
            && !self.word(a.end).is_some_and(month)
            && !(a.end..(a.end + 4).min(self.n()))
                .take_while(|&t| self.capitalized(t))
                .any(|t| self.word(t).is_some_and(|w| w.ends_with('s')))
            && self.counted(a.end, false).0.is_none()
        {
            return true;
        }
        // "ftse 100", "nikkei 225": a name written in lower case, which is no
        // English word, before a number that counts nothing.
        let mut pb = [0u8; 24];
        if a.plain_digits
            && !self.capitalized(p)
            && self.lower(p, &mut pb).is_some_and(|w| {
                w.len() >= 3
                    && w.bytes().all(|b| b.is_ascii_lowercase())
                    && !GAZETTEER.is_common(w)
                    && number_word(w).is_none()
                    && currency_code(w).is_none()
            })
            && !self
                .lower(a.end, &mut buf)
                .is_some_and(|w| looks_plural(w) || person_noun(w) || synonym_group(w).is_some())
            && self.counted(a.end, false).0.is_none()
        {
            return true;
        }
        // "Boeing 737", "FTSE 100", "S&P 500": a model or index name.
        let mut nb = [0u8; 24];
        a.plain_digits
            && p > 0
            && self.capitalized(p)
            && !self.word(p).is_some_and(month)
            && !self.lower(p, &mut buf).is_some_and(|w| {
                currency_code(w).is_some() || QUALIFIERS.iter().any(|(q, _)| q.last() == Some(&w))
            })
            && !self
                .word(p)
                .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"))
            && !self.lower(a.end, &mut nb).is_some_and(|w| {
                !self.capitalized(a.end)
                    && (looks_plural(w) || person_noun(w) || synonym_group(w).is_some())
            })
            && self.counted(a.end, false).0.is_none()
    }

    fn is_date_or_time(&self, a: Amount) -> bool {
        let mut buf = [0u8; 24];
        if a.plain_digits && (1.0..=31.0).contains(&a.value) {
            let prev_month = (a.first > 0
                && (self.word(a.first - 1).is_some_and(month)
                    || (self.punct(a.first - 1) == Some('.')
                        && a.first > 1
                        && self.word(a.first - 2).is_some_and(month))))
                || (a.first == 0
                    && (self.punct(a.end) == Some(',') || a.end >= self.n())
                    && self.month_dot_before());
            let next_month = self.word(a.end).is_some_and(month)
                || (self.is(a.end, "of") && self.word(a.end + 1).is_some_and(month));
            if prev_month || next_month {
                return true;
            }
        }
        if a.plain_digits && a.year_like && a.first > 0 && self.word(a.first - 1).is_some_and(month)
        {
            return true;
        }
        if (a.plain_digits || (a.digits && a.integer))
            && a.value <= 24.0
            && a.currency.is_none()
            && !a.percent
        {
            match self.lower(a.end, &mut buf) {
                Some(
                    "am" | "pm" | "gmt" | "utc" | "hrs" | "bst" | "cet" | "est" | "edt" | "pst",
                ) => return true,
                Some("a" | "p") => {
                    return self.punct(a.end + 1) == Some('.') && self.is(a.end + 2, "m");
                }
                Some("o'clock") => return true,
                _ => {}
            }
            if self.word(a.end).is_some_and(|w| w == "o’clock") {
                return true;
            }
        }
        false
    }

    /// The text before the first token ends with a month and a dot: a
    /// sentence cut after "May." in "Sat., May. 4, 2019".
    fn month_dot_before(&self) -> bool {
        let Some(first) = self.toks.first() else {
            return false;
        };
        let Some(before) = self.text.get(..first.start) else {
            return false;
        };
        let Some(before) = before.trim_end().strip_suffix('.') else {
            return false;
        };
        let word = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        month(word)
    }

    fn is_fraction_or_ordinal(&self, a: Amount) -> bool {
        let mut buf = [0u8; 24];
        if a.currency.is_some() || a.percent {
            return false;
        }
        let after = if self.punct(a.end).is_some_and(|c| matches!(c, '-' | '‐'))
            && self.glued(a.end + 1)
        {
            a.end + 1
        } else {
            a.end
        };
        if self.lower(after, &mut buf).is_some_and(ordinal_or_fraction) {
            // "the first three quarters" is still three; "two thirds" is not.
            let l = self.lower_string(after);
            if a.digits
                && !matches!(
                    l.as_str(),
                    "thirds" | "fourths" | "fifths" | "quarters" | "halves" | "tenths" | "eighths"
                )
            {
                return false;
            }
            if after == a.end && matches!(l.as_str(), "first" | "second" | "half" | "quarter") {
                return false;
            }
            return true;
        }
        // "one and a half", "1 over 3"
        if self.is(a.end, "over") && self.kind(a.end + 1) == Some(Kind::Num) && a.digits {
            return false;
        }
        false
    }

    /// A four-digit number that is a count, not a year: "2000 troops".
    fn year_counts(&self, a: Amount) -> bool {
        let mut buf = [0u8; 24];
        let prev_marker = a.first > 0
            && (self.lower(a.first - 1, &mut buf).is_some_and(year_marker)
                || self.word(a.first - 1).is_some_and(month)
                || self
                    .punct(a.first - 1)
                    .is_some_and(|c| matches!(c, '(' | ',' | '–' | '-')));
        if prev_marker {
            return false;
        }
        let mut nb = [0u8; 24];
        let Some(next) = self.lower(a.end, &mut nb) else {
            return false;
        };
        if self.capitalized(a.end) {
            return false;
        }
        person_noun(next) || synonym_group(next).is_some() || looks_plural(next)
    }

    fn range_end(
        &self,
        a: Amount,
        between: bool,
        from: bool,
        change_before: bool,
    ) -> Option<(Amount, usize)> {
        let mut c = a.end;
        // "8- to 16-meter": the unit of the first end is left to the second.
        if self.punct(c).is_some_and(|p| matches!(p, '-' | '‐'))
            && self.glued(c)
            && self.is(c + 1, "to")
            && a.digits
        {
            c += 1;
        }
        let connector_ok = match self.punct(c) {
            Some('-' | '–' | '—' | '‐' | '‑') => {
                self.kind(c + 1)
                    .is_some_and(|k| k == Kind::Num || k == Kind::Punct)
                    && a.digits
            }
            Some('~') => a.digits,
            Some(_) => false,
            None => {
                if self.is(c, "to") || self.is(c, "through") || self.is(c, "thru") {
                    !change_before || between || from
                } else if self.is(c, "and") {
                    between
                } else if self.is(c, "or") {
                    // "40 or 50", "two or three": one range (but not "or more").
                    !between && !from && !a.year_like
                } else {
                    false
                }
            }
        };
        if !connector_ok {
            return None;
        }
        let b = self.amount_at(c + 1)?;
        if matches!(self.punct(c), Some('-' | '–' | '—' | '‐' | '‑')) && !b.digits {
            return None;
        }
        if b.bare_one && !between && !from {
            return None;
        }
        // "40 or 50" is a range; "10 billion or 10 trillion" are two guesses.
        if self.is(c, "or") {
            let lo = if a.scale == 1.0 && b.scale > 1.0 && a.value.abs() < 1000.0 {
                a.value * b.scale
            } else {
                a.value
            };
            if b.value > lo * 10.0 {
                return None;
            }
        }
        // "from 10 to 20": both ends need a value.
        let mut end = b.end;
        // A shared tail: "2 to 5 percent" already handled by the amount.
        if end > self.n() {
            end = self.n();
        }
        Some((b, end))
    }

    fn qualifier_before(&self, at: usize, floor: usize) -> Option<(Qualifier, usize)> {
        let mut best: Option<(Qualifier, usize)> = None;
        for (phrase, q) in QUALIFIERS {
            let len = phrase.len();
            if at < len || at - len < floor {
                continue;
            }
            let start = at - len;
            if phrase
                .iter()
                .enumerate()
                .all(|(i, w)| self.is(start + i, w))
                && best.is_none_or(|(_, l)| len > l)
            {
                best = Some((*q, len));
            }
        }
        // "sub-400": below the figure.
        if best.is_none()
            && at >= 2
            && at - 2 >= floor
            && self.punct(at - 1) == Some('-')
            && self.glued(at)
            && self.glued(at - 1)
            && self.is(at - 2, "sub")
        {
            return Some((Qualifier::LessThan, 2));
        }
        // "approx." with a period.
        if best.is_none()
            && at >= 2
            && at - 2 >= floor
            && self.punct(at - 1) == Some('.')
            && (self.is(at - 2, "approx") || self.is(at - 2, "ca") || self.is(at - 2, "c"))
        {
            return Some((Qualifier::Approximately, 2));
        }
        best
    }

    fn tail_qualifier(&self, at: usize) -> Option<(Qualifier, usize)> {
        for (phrase, q) in TAIL_QUALIFIERS {
            if phrase.iter().enumerate().all(|(i, w)| self.is(at + i, w)) {
                // "or more than 40" is a new figure.
                if self.is(at + phrase.len(), "than")
                    || self.kind(at + phrase.len()) == Some(Kind::Num)
                {
                    continue;
                }
                return Some((*q, phrase.len()));
            }
        }
        if self.is(at, "plus")
            && !self.kind(at + 1).is_some_and(|k| k == Kind::Num)
            && self.word(at + 1).is_none_or(|w| number_word(w).is_none())
        {
            return Some((Qualifier::AtLeast, 1));
        }
        None
    }

    fn cents_after(&self, at: usize) -> Option<(f64, usize)> {
        let mut j = at;
        if self.is(j, "and") {
            j += 1;
        }
        let mut atoms = [Atom::And; 16];
        let mut ends = [0usize; 16];
        let n = self.atoms(j, false, &mut atoms, &mut ends);
        if n == 0 {
            return None;
        }
        let sum = add_up(&atoms[..n])?;
        if !sum.integer || sum.value < 1.0 || sum.value >= 100.0 || sum.scale != 1.0 {
            return None;
        }
        let e = ends[sum.len - 1];
        if self.is(e, "cents") || self.is(e, "cent") {
            return Some((sum.value, e + 1));
        }
        let ends_here = e >= self.n()
            || self.is(e, "and")
            || self
                .punct(e)
                .is_some_and(|c| !matches!(c, '-' | '%' | '$' | '€' | '£'));
        ends_here.then_some((sum.value, e))
    }

    /// The counted noun after a figure: its normalized text, its span and the
    /// token after it.
    fn counted(&self, at: usize, money: bool) -> (Option<String>, Option<Range<usize>>, usize) {
        let mut j = at;
        let n = self.n();
        let mut buf = [0u8; 24];
        // A fate right after the number: "3,600 injured", "1,000 dead or wounded".
        if let Some((f, span, next)) = self.fate_phrase(j) {
            // "dead or wounded soldiers": the fate is what is counted.
            let mut next = next;
            if self.lower(next, &mut buf).is_some_and(person_noun) {
                next += 1;
            }
            return (Some(f.to_string()), Some(span), next);
        }
        // "4,000 of them have been killed"
        if self.is(j, "of")
            && self
                .lower(j + 1, &mut buf)
                .is_some_and(|w| matches!(w, "them" | "those" | "whom" | "these" | "which"))
        {
            let k = self.skip_aux(j + 2);
            if let Some((f, span, next)) = self.fate_phrase(k) {
                return (Some(f.to_string()), Some(span), next);
            }
            return (None, None, j);
        }
        // "300 were killed", "12 have died"
        if !money {
            let k = self.skip_aux(j);
            if k > j
                && let Some((f, span, next)) = self.fate_phrase(k)
            {
                return (Some(f.to_string()), Some(span), next);
            }
        }
        // Money: "$48 billion in assets", "$2,500 in annual compensation".
        if money && self.is(j, "in") && self.word(j + 1).is_some() {
            j += 1;
        } else if money
            && self
                .word(j)
                .is_some_and(|w| w.eq_ignore_ascii_case("worth"))
        {
            return (None, None, j);
        }
        // Skip modifiers and proper adjectives ("more", "North Korean", "new").
        let mut start_np = None;
        let mut head: Option<usize> = None;
        let mut words = 0;
        while j < n && words < 6 {
            if self.word(j).is_none() {
                // Hyphenated modifiers: "active-duty soldiers".
                if self.punct(j).is_some_and(|c| c == '-')
                    && self.glued(j)
                    && self.glued(j + 1)
                    && (self.word(j + 1).is_some() || self.kind(j + 1) == Some(Kind::Ident))
                {
                    j += 1;
                    continue;
                }
                // Model names: "48 Su-34 bombers", "150 A321neo jets".
                if self.kind(j) == Some(Kind::Ident) && j > at {
                    j += 1;
                    words += 1;
                    continue;
                }
                break;
            }
            // Letters glued to an identifier: "A321neo", "MiG-29".
            if self.kind(j + 1) == Some(Kind::Ident) && self.glued(j + 1)
                || (self.punct(j + 1) == Some('-')
                    && self.glued(j + 1)
                    && self.kind(j + 2) == Some(Kind::Ident)
                    && self.glued(j + 2))
            {
                j += 1;
                words += 1;
                continue;
            }
            let mut lb = [0u8; 24];
            let Some(l) = self.lower(j, &mut lb) else {
                // Non-ASCII word: treat as a proper name part.
                j += 1;
                words += 1;
                continue;
            };
            let more = matches!(l, "more" | "fewer" | "less") && !self.is(j + 1, "than");
            if stops_noun_phrase(l) && !more {
                break;
            }
            words += 1;
            if self.capitalized(j) || skippable_modifier(l) || more {
                j += 1;
                continue;
            }
            if synonym_group(l).is_some() || person_noun(l) || looks_plural(l) {
                head = Some(j);
                if start_np.is_none() {
                    start_np = Some(j);
                }
                break;
            }
            if start_np.is_none() {
                start_np = Some(j);
            }
            if money && self.word(j + 1).is_none() {
                head = Some(j);
                break;
            }
            j += 1;
        }
        let Some(h) = head else {
            return (None, None, at);
        };
        // Keep one modifier before the head as part of a compound ("artillery systems").
        let first = if h > 0
            && start_np.is_some_and(|s| s < h)
            && self.word(h - 1).is_some()
            && !self.capitalized(h - 1)
            && self.lower(h - 1, &mut buf).is_some_and(|w| {
                !skippable_modifier(w) && !adjective_like(w) && number_word(w).is_none()
            }) {
            h - 1
        } else {
            h
        };
        let head_lower = self.lower_string(h);
        let span = self.toks[first].start..self.toks[h].end;
        let next = h + 1;
        // "400 soldiers had been killed": the count is of the killed.
        if person_noun(&head_lower) {
            let k = self.skip_aux(h + 1);
            if k > h + 1
                && let Some((f, _, fnext)) = self.fate_phrase(k)
            {
                return (Some(f.to_string()), Some(span), fnext);
            }
            if let Some((f, _, fnext)) = self.fate_phrase(h + 1) {
                return (Some(f.to_string()), Some(span), fnext);
            }
            // "700,000 troops, killed and wounded"
            if self.punct(h + 1) == Some(',')
                && let Some((f, _, fnext)) = self.fate_phrase(h + 2)
                && (f == "casualties" || fnext >= self.n() || self.punct(fnext).is_some())
            {
                return (Some(f.to_string()), Some(span), fnext);
            }
        }
        let normalized = if let Some(g) = synonym_group(&head_lower) {
            g.to_string()
        } else if first < h {
            let mut s = self.lower_string(first);
            s.push(' ');
            s.push_str(&head_lower);
            s
        } else {
            head_lower
        };
        (Some(normalized), Some(span), next)
    }

    fn skip_aux(&self, mut k: usize) -> usize {
        let mut buf = [0u8; 24];
        let stop = k + 4;
        while k < stop {
            match self.lower(k, &mut buf) {
                Some(
                    "have" | "has" | "had" | "were" | "was" | "are" | "is" | "been" | "being"
                    | "reportedly" | "allegedly" | "already" | "all" | "now" | "since" | "also"
                    | "believed" | "thought" | "feared" | "confirmed" | "likely" | "probably"
                    | "be" | "to" | "said" | "either" | "later" | "subsequently",
                ) => k += 1,
                _ => break,
            }
        }
        k
    }

    /// "killed", "dead or wounded", "killed or injured": the fate group, its span, the next token.
    fn fate_phrase(&self, k: usize) -> Option<(&'static str, Range<usize>, usize)> {
        let mut buf = [0u8; 24];
        let f1 = fate(self.lower(k, &mut buf)?)?;
        let start = self.toks[k].start;
        let mut end_tok = k + 1;
        let mut group = f1;
        let conj = self.is(k + 1, "or") || self.is(k + 1, "and") || self.punct(k + 1) == Some('/');
        if conj && let Some(f2) = self.lower(k + 2, &mut buf).and_then(fate) {
            if f1 != f2 && matches!((f1, f2), ("killed", "injured") | ("injured", "killed")) {
                group = "casualties";
            }
            end_tok = k + 3;
        }
        let span = start..self.toks[end_tok - 1].end;
        Some((group, span, end_tok))
    }

    /// "per soldier", "a day", "daily" after the figure.
    fn rate(&self, at: usize) -> Option<String> {
        let mut buf = [0u8; 24];
        let mut j = at;
        let stop = (at + 6).min(self.n());
        while j < stop {
            if self.punct(j) == Some('-') {
                j += 1;
                continue;
            }
            let l = self.lower(j, &mut buf)?;
            match l {
                "per" => {
                    let mut nb = [0u8; 24];
                    let noun = self.lower(j + 1, &mut nb)?;
                    if noun == "cent" {
                        return None;
                    }
                    if noun == "annum" {
                        return Some("year".to_string());
                    }
                    return Some(singular(noun));
                }
                "a" | "an" => {
                    let mut k = j + 1;
                    if self.punct(k) == Some('-') {
                        k += 1;
                    }
                    let mut nb = [0u8; 24];
                    let noun = self.lower(k, &mut nb)?;
                    return rate_noun(noun).then(|| noun.to_string());
                }
                "daily" if j == at => return Some("day".to_string()),
                "each" | "apiece" if j == at => return None,
                _ => {
                    // "in yearly pay per soldier": frequency adjectives
                    // qualify the noun before "per" and do not end the phrase.
                    let adjective = matches!(l, "in" | "yearly" | "monthly" | "weekly" | "daily");
                    if j > at + 3 || stops_noun_phrase(l) && !adjective {
                        return None;
                    }
                }
            }
            j += 1;
        }
        None
    }

    fn role(
        &self,
        lead: usize,
        a: Amount,
        end: usize,
        after: usize,
        floor: usize,
        from_change: bool,
    ) -> FigureRole {
        let mut buf = [0u8; 24];
        let window_start = lead.saturating_sub(10).max(floor);
        // The clause before the figure, back to a comma, semicolon or earlier figure.
        let mut clause_start = window_start;
        for t in (window_start..lead).rev() {
            if self
                .punct(t)
                .is_some_and(|c| matches!(c, ',' | ';' | ':' | '(' | '—' | '–'))
            {
                clause_start = t + 1;
                break;
            }
        }
        // Reference: an earlier estimate, or the start of a change.
        if from_change {
            return FigureRole::Reference;
        }
        let prev = |n: usize| lead.checked_sub(n).filter(|&t| t >= floor);
        if let (Some(p2), Some(p1)) = (prev(2), prev(1))
            && self.is(p1, "from")
            && (self.is(p2, "up")
                || self.is(p2, "down")
                || self.lower(p2, &mut buf).is_some_and(change_verb))
        {
            return FigureRole::Reference;
        }
        if let (Some(p2), Some(p1)) = (prev(2), prev(1))
            && self.is(p2, "compared")
            && (self.is(p1, "with") || self.is(p1, "to"))
        {
            return FigureRole::Reference;
        }
        if prev(1).is_some_and(|p| self.is(p, "versus") || self.is(p, "vs")) {
            return FigureRole::Reference;
        }
        let earlier = (clause_start..lead).any(|t| {
            self.lower(t, &mut buf).is_some_and(|w| {
                matches!(
                    w,
                    "previous"
                        | "earlier"
                        | "prior"
                        | "initial"
                        | "original"
                        | "previously"
                        | "initially"
                        | "originally"
                )
            })
        });
        let estimate = (clause_start..lead).any(|t| {
            self.lower(t, &mut buf)
                .is_some_and(|w| lists::ESTIMATE_NOUNS.contains(w))
        });
        if earlier && estimate {
            return FigureRole::Reference;
        }
        // Plan: a future, target or commitment in the clause.
        let plan = (clause_start..lead).any(|t| self.lower(t, &mut buf).is_some_and(plan_word))
            || (clause_start..lead).any(|t| {
                self.lower(t, &mut buf).is_some_and(|w| {
                    matches!(w, "set" | "going" | "due" | "poised" | "ready" | "prepared")
                }) && self.is(t + 1, "to")
            })
            || (clause_start..lead).any(|t| {
                self.is(t, "to")
                    && t + 1 < lead
                    && self
                        .lower(t + 1, &mut buf)
                        .is_some_and(|w| lists::PLAN_VERBS.contains(w))
            });
        if plan {
            return FigureRole::Plan;
        }
        // Total.
        let total_before = (clause_start..lead).any(|t| {
            self.lower(t, &mut buf).is_some_and(|w| {
                matches!(
                    w,
                    "totaling" | "totalling" | "totaled" | "totalled" | "totals" | "total"
                )
            })
        });
        let total_after = [end, after].iter().any(|&e| {
            (self.is(e, "in") && (self.is(e + 1, "total") || self.is(e + 1, "all")))
                || self.is(e, "altogether")
                || self.is(e, "overall")
                || self.is(e, "combined")
        });
        let bringing = (window_start..lead).any(|t| self.is(t, "total"))
            && prev(1).is_some_and(|p| self.is(p, "to"));
        if total_before || total_after || bringing {
            return FigureRole::Total;
        }
        // Increment.
        if prev(1).is_some_and(|p| {
            self.lower(p, &mut buf).is_some_and(increment_word) && !self.is(p, "more")
        }) || (self
            .lower(a.end, &mut buf)
            .is_some_and(|w| matches!(w, "more" | "additional" | "extra" | "further" | "fresh"))
            && !self.is(a.end + 1, "than"))
            || (self
                .lower(end, &mut buf)
                .is_some_and(|w| matches!(w, "more" | "additional" | "extra"))
                && !self.is(end + 1, "than"))
        {
            return FigureRole::Increment;
        }
        FigureRole::Count
    }
}

/// Plural magnitude words: the magnitude they name and the next one ("hundreds":
/// 100, and a thousand).
/// A count or measure written in words over `span`, from `low` to `high`,
/// with nothing counted yet: what the readers of idioms and of ranges in
/// words build.
fn spelled_figure(
    span: Range<usize>,
    low: f64,
    high: f64,
    qualifier: Qualifier,
    unit: Unit,
) -> Figure {
    Figure {
        span,
        value: low,
        low: Some(low),
        high: Some(high),
        qualifier,
        unit,
        counted: None,
        counted_span: None,
        per: None,
        spelled: true,
        role: FigureRole::Count,
        surface: None,
        change: None,
    }
}

fn magnitude_plural(w: &str) -> Option<(f64, f64)> {
    Some(match w {
        "tens" => (10.0, 100.0),
        "dozens" => (12.0, 100.0),
        "hundreds" => (100.0, 1e3),
        "thousands" => (1e3, 1e6),
        "millions" => (1e6, 1e9),
        "billions" => (1e9, 1e12),
        _ => return None,
    })
}

/// The denominator a fraction word names ("third" 3, "quarter" 4), singular.
fn fraction_denominator(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "quarter" | "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        _ => return None,
    })
}

fn looks_plural(w: &str) -> bool {
    (w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
        && !w.ends_with("ous"))
        || matches!(
            w,
            "people"
                | "personnel"
                | "police"
                | "staff"
                | "children"
                | "men"
                | "women"
                | "cattle"
                | "sheep"
                | "aircraft"
                | "deer"
                | "fish"
                | "livestock"
                | "crew"
                | "feet"
                | "teeth"
                | "mice"
                | "geese"
        )
}

fn adjective_like(w: &str) -> bool {
    w.ends_with("ic")
        || w.ends_with("ical")
        || w.ends_with("ive")
        || w.ends_with("ous")
        || w.ends_with("ful")
        || w.ends_with("ian")
        || w.ends_with("ese")
        || w.ends_with("ish")
        || w.ends_with("ly")
        || w.ends_with("ed")
        || w.ends_with("able")
        || w.ends_with("ible")
}

fn singular(noun: &str) -> String {
    if noun.len() > 3 && noun.ends_with("ies") {
        format!("{}y", &noun[..noun.len() - 3])
    } else if noun.len() > 3 && noun.ends_with('s') && !noun.ends_with("ss") {
        noun[..noun.len() - 1].to_string()
    } else {
        noun.to_string()
    }
}

#[cfg(test)]
mod tests;
