//! Ages written in apposition: "Lena Marsh, 41, said", "her son, 9, was",
//! and ages by decade: "in her 40s", "in his early 20s".
//!
//! News gives a person's age as a bare number between commas right after the
//! name or the noun for the person. Such a number is an age in years, not a
//! count; the gold guidelines (tests/gold/README.md) read it the same way.
//! A decade after "in" and a possessive is a vague age: the years of that
//! decade, or of its first, middle or last third ("early 30s" is 30 to 33).

use super::lexicon::{month, person_noun};
use super::numbers::number_word;
use super::tokens::Kind;
use super::{Amount, Scan, spelled_figure};
use crate::analysis::model::{Figure, Qualifier, Unit, UnitKind};

/// Weekdays: "on Monday, 12 ..." is no apposition to a person.
fn weekday(w: &str) -> bool {
    crate::analysis::lexicon::CALENDAR.is_title_case_day(w)
}

/// Nouns for a person named by their relation: "her son, 9,".
fn kin_noun(w: &str) -> bool {
    matches!(
        w,
        "son"
            | "daughter"
            | "wife"
            | "husband"
            | "mother"
            | "father"
            | "brother"
            | "sister"
            | "boy"
            | "girl"
            | "friend"
            | "partner"
            | "boyfriend"
            | "girlfriend"
            | "grandson"
            | "granddaughter"
            | "nephew"
            | "niece"
    )
}

impl Scan<'_> {
    /// Amount `a` is a bare integer between commas after a name or a person
    /// noun, followed by a word: "Dana Voss, 52, of Leeds".
    pub(super) fn apposed_age(&self, a: Amount) -> bool {
        if !a.plain_digits
            || a.end != a.first + 1
            || !(1.0..=120.0).contains(&a.value)
            || a.first < 2
            || self.punct(a.first - 1) != Some(',')
            || self.punct(a.end) != Some(',')
            || self.word(a.end + 1).is_none()
        {
            return false;
        }
        let p = a.first - 2;
        let Some(w) = self.word(p) else {
            return false;
        };
        let mut buf = [0u8; 24];
        let name = self.capitalized(p)
            && !month(w)
            && !weekday(w)
            && number_word(w).is_none()
            && !w.bytes().all(|b| b.is_ascii_uppercase());
        name || self
            .lower(p, &mut buf)
            .is_some_and(|l| person_noun(l) || kin_noun(l))
    }
}

impl Scan<'_> {
    /// A decade written "40s" at token `k` after "in her", "in their late",
    /// "in his mid-": an age from the decade's first year to its last, or to
    /// the third of it that "early", "mid" or "late" names. Not "the 1980s"
    /// nor "the 90s" (years), nor a decade without a possessive before it.
    pub(super) fn decade_age(&self, k: usize, floor: usize) -> Option<(Figure, usize)> {
        if self.kind(k) != Some(Kind::Ident) {
            return None;
        }
        let s = self.slice(k).as_bytes();
        if !(s.len() == 3 && (b'1'..=b'9').contains(&s[0]) && s[1] == b'0' && s[2] == b's') {
            return None;
        }
        let decade = f64::from(s[0] - b'0') * 10.0;
        let mut j = k;
        // "mid-30s": the dash between the word and the decade.
        if j > floor && self.punct(j - 1) == Some('-') && self.glued(j) {
            j -= 1;
        }
        let mut buf = [0u8; 24];
        let third = (j > floor)
            .then(|| self.lower(j - 1, &mut buf))
            .flatten()
            .and_then(|w| match w {
                "early" => Some((0.0, 3.0)),
                "mid" => Some((3.0, 6.0)),
                "late" => Some((6.0, 9.0)),
                _ => None,
            });
        let start = if third.is_some() { j - 1 } else { k };
        let (from, to) = third.unwrap_or((0.0, 9.0));
        if start < floor + 2
            || !self
                .lower(start - 1, &mut buf)
                .is_some_and(|w| matches!(w, "his" | "her" | "their" | "my" | "your" | "our"))
            || !self.is(start - 2, "in")
        {
            return None;
        }
        let year = Unit::Measure {
            symbol: "year",
            kind: UnitKind::Time,
        };
        let span = self.toks[start].start..self.toks[k].end;
        let figure = spelled_figure(span, decade + from, decade + to, Qualifier::Range, year);
        Some((
            Figure {
                spelled: false,
                ..figure
            },
            k + 1,
        ))
    }
}
