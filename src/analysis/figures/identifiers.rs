//! Numbers that name something instead of counting it: phone numbers written
//! in groups, software versions, firearm calibres and gauges, numbers that
//! are dialled, and the later items of a numbered list ("day two, three and
//! four"). Labels with a word before them ("Route 6", "No. 10") are in
//! `is_label`.

use super::lexicon::{label_word, month};
use super::numbers::{NumWord, number_word};
use super::tokens::{DECIMAL, GROUPED, Kind};
use super::{Amount, Scan};
use crate::analysis::model::UnitKind;

/// Nouns of firearms and their ammunition, which a calibre in millimetres
/// stands before ("a 9mm pistol").
fn firearm_noun(w: &str) -> bool {
    matches!(
        w,
        "gun"
            | "guns"
            | "handgun"
            | "handguns"
            | "pistol"
            | "pistols"
            | "rifle"
            | "rifles"
            | "revolver"
            | "revolvers"
            | "shotgun"
            | "shotguns"
            | "semiautomatic"
            | "semi-automatic"
            | "automatic"
            | "weapon"
            | "weapons"
            | "firearm"
            | "firearms"
            | "round"
            | "rounds"
            | "bullet"
            | "bullets"
            | "ammunition"
            | "ammo"
            | "cartridge"
            | "cartridges"
            | "shell"
            | "shells"
            | "casing"
            | "casings"
            | "caliber"
            | "calibre"
    )
}

/// Words of a bore: ".38-caliber", "12-gauge", "64-bit".
fn bore_word(w: &str) -> bool {
    matches!(w, "caliber" | "calibre" | "gauge" | "bore" | "bit")
}

/// Nouns made of a number and "-er" that name a thing, not a count of it:
/// "a 3-pointer", "a two-seater", "an 18-wheeler".
fn numbered_thing(w: &str) -> bool {
    matches!(
        w,
        "pointer"
            | "pointers"
            | "seater"
            | "seaters"
            | "wheeler"
            | "wheelers"
            | "decker"
            | "deckers"
            | "shooter"
            | "shooters"
            | "hitter"
            | "hitters"
            | "pounder"
            | "pounders"
            | "footer"
            | "footers"
            | "timer"
            | "timers"
            | "hander"
            | "handers"
            | "header"
            | "headers"
            | "liner"
            | "liners"
            | "striper"
            | "stripers"
    )
}

/// Verbs of calling a number: "dialled 999".
fn dial_verb(w: &str) -> bool {
    matches!(
        w,
        "call"
            | "calls"
            | "called"
            | "calling"
            | "dial"
            | "dials"
            | "dialed"
            | "dialled"
            | "dialing"
            | "dialling"
            | "phoned"
            | "texted"
    )
}

/// Singular nouns of a telephone service after its number: "a 999 call".
fn phone_noun(w: &str) -> bool {
    matches!(
        w,
        "call"
            | "calls"
            | "caller"
            | "callers"
            | "dispatcher"
            | "dispatchers"
            | "operator"
            | "operators"
            | "hotline"
            | "helpline"
            | "recording"
            | "tape"
    )
}

/// Words after a dialled number that begin another phrase: "called 911 and".
fn stops_after_number(w: &str) -> bool {
    matches!(
        w,
        "and" | "or" | "but" | "for" | "to" | "after" | "at" | "on" | "from" | "when" | "while"
    )
}

impl Scan<'_> {
    /// Amount `a` is a number that names something (see the module notes).
    pub(super) fn is_identifier(&self, a: Amount) -> bool {
        if a.currency.is_some() || a.percent {
            return false;
        }
        self.in_phone_number(a.first)
            || self.is_version(a)
            || self.is_bore(a)
            || self.is_dialled(a)
            || self.continues_label_list(a)
            || self.names_a_thing(a)
            || self.is_field_line(a)
    }

    /// "a 3-pointer", "two 18-wheelers": the number is part of a noun.
    fn names_a_thing(&self, a: Amount) -> bool {
        let mut buf = [0u8; 24];
        self.punct(a.end).is_some_and(|c| matches!(c, '-' | '‐'))
            && self.glued(a.end)
            && self.glued(a.end + 1)
            && self.lower(a.end + 1, &mut buf).is_some_and(numbered_thing)
    }

    /// "the 7-yard line", "his own 30-yard line": a place on a field.
    fn is_field_line(&self, a: Amount) -> bool {
        let mut buf = [0u8; 24];
        a.measure.is_some_and(|m| m.kind == UnitKind::Length)
            && a.end >= 2
            && self.punct(a.end - 2) == Some('-')
            && self.glued(a.end - 1)
            && self.lower(a.end, &mut buf).is_some_and(|w| w == "line")
    }

    /// The digits of token `k`, if it is a plain number.
    fn group_digits(&self, k: usize) -> Option<usize> {
        let t = self.toks.get(k)?;
        (t.kind == Kind::Num && t.flags & (DECIMAL | GROUPED) == 0)
            .then(|| self.slice(k).bytes().filter(u8::is_ascii_digit).count())
    }

    /// Token `k` is one group of a phone number: three groups of digits or
    /// more, joined by single spaces, dashes, dots or brackets, with nine
    /// digits or more. Groups that all have three digits after the first are
    /// a number written with spaces ("40 000 000"), not a phone number.
    pub(super) fn in_phone_number(&self, k: usize) -> bool {
        if self.group_digits(k).is_none() {
            return false;
        }
        let joiner = |t: usize| {
            self.punct(t)
                .is_some_and(|c| matches!(c, '-' | '.' | '(' | ')' | '+' | '/'))
        };
        // Tokens `t - 1` and `t` are parts of one run: a gap of one space at most.
        let joined = |t: usize| {
            self.text
                .get(self.toks[t - 1].end..self.toks[t].start)
                .is_some_and(|g| g.is_empty() || g == " ")
                && (joiner(t - 1) || self.group_digits(t - 1).is_some())
                && (joiner(t) || self.group_digits(t).is_some())
        };
        let mut first = k;
        while first > 0 && joined(first) {
            first -= 1;
        }
        let (mut groups, mut digits, mut all_three, mut bracket) = (0, 0, true, false);
        let mut t = first;
        loop {
            if let Some(d) = self.group_digits(t) {
                if groups > 0 && d != 3 {
                    all_three = false;
                }
                groups += 1;
                digits += d;
            } else if self.punct(t) == Some('(') {
                bracket = true;
            }
            if t + 1 >= self.n() || !joined(t + 1) {
                break;
            }
            t += 1;
        }
        groups >= 3 && digits >= 9 && (bracket || !all_three)
    }

    /// "version 4.2", "Python 3.11": a decimal number after a label word or
    /// inside a capitalized name, with no unit and nothing counted after it.
    fn is_version(&self, a: Amount) -> bool {
        if !a.digits || a.integer || a.measure.is_some() || a.end != a.first + 1 || a.first < 1 {
            return false;
        }
        let p = a.first - 1;
        let mut buf = [0u8; 24];
        if self.lower(p, &mut buf).is_some_and(label_word) {
            return true;
        }
        // A name before it, not at the start of the sentence ("Magnitude 6.1
        // struck"), with no unit and nothing counted after it.
        p > 0
            && self.capitalized(p)
            && !self.word(p).is_some_and(month)
            && self.unit_at(a.end).is_none()
            && self.counted(a.end, false).0.is_none()
    }

    /// ".38-caliber", "a 12-gauge shotgun", "64-bit", "a 9mm pistol".
    fn is_bore(&self, a: Amount) -> bool {
        let mut buf = [0u8; 24];
        let mut after = a.end;
        if self.punct(after).is_some_and(|c| matches!(c, '-' | '‐')) && self.glued(after) {
            after += 1;
        }
        if self.lower(after, &mut buf).is_some_and(bore_word) {
            return true;
        }
        a.measure.is_some_and(|m| m.symbol == "mm")
            && self.lower(a.end, &mut buf).is_some_and(firearm_noun)
    }

    /// "called 911", "a 999 call": a three-digit number that is dialled.
    /// A number above one before a singular noun of calling ("a 999 call")
    /// cannot count it; after a verb of calling, the number is dialled unless
    /// something counted follows ("called 300 people").
    fn is_dialled(&self, a: Amount) -> bool {
        if !a.plain_digits || a.end != a.first + 1 || self.slice(a.first).len() != 3 {
            return false;
        }
        let mut buf = [0u8; 24];
        if self.lower(a.end, &mut buf).is_some_and(phone_noun) {
            return true;
        }
        let mut pb = [0u8; 24];
        a.first > 0
            && self.lower(a.first - 1, &mut pb).is_some_and(dial_verb)
            && self.word(a.end).is_none_or(stops_after_number)
    }

    /// "on day two, three and four": a number in a list after a label, each
    /// item written like the first and a little above the one before it.
    fn continues_label_list(&self, a: Amount) -> bool {
        if a.end != a.first + 1 || a.measure.is_some() {
            return false;
        }
        let value = |t: usize| -> Option<(f64, bool)> {
            if self.kind(t) == Some(Kind::Num) {
                return Some((self.toks[t].value, true));
            }
            match number_word(self.word(t)?)? {
                NumWord::Unit(u) | NumWord::Teen(u) | NumWord::Tens(u) => {
                    Some((f64::from(u), false))
                }
                _ => None,
            }
        };
        let Some((mut next, digits)) = value(a.first) else {
            return false;
        };
        let mut t = a.first;
        let mut items = 0;
        // Walk back over ", N", "and N", "or N", ", and N".
        while t >= 2 {
            let mut c = t - 1;
            let word_joint = self.is(c, "and") || self.is(c, "or");
            if !(word_joint || self.punct(c) == Some(',')) {
                break;
            }
            if word_joint && c >= 1 && self.punct(c - 1) == Some(',') {
                c -= 1;
            }
            let Some((v, d)) = c.checked_sub(1).and_then(value) else {
                break;
            };
            if d != digits || v >= next || next - v > 10.0 {
                break;
            }
            next = v;
            t = c - 1;
            items += 1;
        }
        let mut buf = [0u8; 24];
        // "v6 and 7", "XP4, 5 and 6": the list goes on from a name glued to
        // its number, and the numbers rise from it.
        let after_glued_name = digits
            && t >= 2
            && (self.is(t - 1, "and") || self.is(t - 1, "or") || self.punct(t - 1) == Some(','))
            && self.kind(t - 2) == Some(Kind::Ident)
            && self.glued(t - 2)
            && self.word(t - 3).is_some()
            && self
                .slice(t - 2)
                .parse::<f64>()
                .is_ok_and(|n| next > n && next - n <= 10.0);
        ((items > 0 && t >= 1 && self.lower(t - 1, &mut buf).is_some_and(label_word))
            || after_glued_name)
            && self.counted(a.end, false).0.is_none()
    }
}
