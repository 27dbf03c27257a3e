//! Ranges and qualifiers: the second end of a range ("5 to 7", "5-7") and
//! the words before or after a figure that say how exact it is ("about",
//! "at least", "or more").

use super::*;

impl Scan<'_> {
    pub(super) fn range_end(
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

    pub(super) fn qualifier_before(&self, at: usize, floor: usize) -> Option<(Qualifier, usize)> {
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

    pub(super) fn tail_qualifier(&self, at: usize) -> Option<(Qualifier, usize)> {
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
}

/// The low and high ends of a figure of `value` with its qualifier: the
/// range's ends when there is one (`high`, in either order for a change or
/// a falling range), else what the qualifier leaves open or widens.
pub(super) fn bounds(
    qualifier: Qualifier,
    value: f64,
    low: f64,
    high: Option<f64>,
    changed: bool,
) -> (Option<f64>, Option<f64>) {
    match (qualifier, high) {
        (_, Some(h)) if changed || h < low => (Some(h.min(low)), Some(h.max(low))),
        (_, Some(h)) => (Some(value), Some(h)),
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
    }
}
