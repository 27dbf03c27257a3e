//! Ages written in apposition: "Lena Marsh, 41, said", "her son, 9, was".
//!
//! News gives a person's age as a bare number between commas right after the
//! name or the noun for the person. Such a number is an age in years, not a
//! count; the gold guidelines (tests/gold/README.md) read it the same way.

use super::Amount;
use super::Scan;
use super::lexicon::{month, person_noun};
use super::numbers::number_word;

/// Weekdays: "on Monday, 12 ..." is no apposition to a person.
fn weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
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
