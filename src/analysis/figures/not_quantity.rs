//! Numbers that are not quantities: scores' dashed runs, addresses, list
//! markers, proportions, labels and identifiers, dates and times, ordinals
//! and fractions, and years.

use super::*;

impl Scan<'_> {
    /// Scores ("3-2", "1-1"): the token after the second number.
    pub(super) fn score_end(&self, a: Amount) -> Option<usize> {
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
    pub(super) fn is_address(&self, a: Amount) -> bool {
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
    pub(super) fn is_list_marker(&self, a: Amount) -> bool {
        a.plain_digits
            && a.value < 100.0
            && self.punct(a.end) == Some(')')
            && self.glued(a.end)
            && !(a.first.saturating_sub(4)..a.first).any(|t| self.punct(t) == Some('('))
    }

    /// Proportions: "9 in 10 voters", "one in five", "3 out of 4".
    pub(super) fn proportion(&self, a: Amount) -> bool {
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
    // Why one function: a list of cases, each a few lines that return early, in the order they
    // must be tried (a span of time, a name's start, a lower-case name, a model or index name,
    // a label word).
    pub(super) fn is_label(&self, a: Amount) -> bool {
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

    pub(super) fn is_date_or_time(&self, a: Amount) -> bool {
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
    pub(super) fn month_dot_before(&self) -> bool {
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

    pub(super) fn is_fraction_or_ordinal(&self, a: Amount) -> bool {
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
    pub(super) fn year_counts(&self, a: Amount) -> bool {
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

    /// Whether an amount is no quantity at all: a label, identifier, date,
    /// time, ordinal or fraction, a score, a proportion, a list marker or an
    /// address, or a number word inside a compound, modifier or name.
    pub(super) fn not_a_quantity(&self, a: Amount) -> bool {
        // Things that are not quantities.
        if self.is_label(a)
            || self.is_identifier(a)
            || self.is_date_or_time(a)
            || self.is_fraction_or_ordinal(a)
        {
            return true;
        }
        // "a drink or two"
        if a.end == a.first + 1 && self.vague_alternative(a.first) {
            return true;
        }
        // "zero-sum", "one-off"
        if a.bare_one && self.punct(a.end) == Some('-') && self.glued(a.end) {
            return true;
        }
        if self.score_end(a).is_some()
            || self.proportion(a)
            || self.is_list_marker(a)
            || self.is_address(a)
        {
            return true;
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
            return true;
        }
        // "five-fold", "18-fold": a multiplier, not a quantity.
        if self.punct(a.end).is_some_and(|c| matches!(c, '-' | '‐'))
            && self.glued(a.end + 1)
            && self.is(a.end + 1, "fold")
        {
            return true;
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
            return true;
        }
        // "Station Zero", "Formula One": a number word inside a name.
        if !a.digits
            && a.end == a.first + 1
            && self.capitalized(a.first)
            && a.first > 0
            && self.capitalized(a.first - 1)
        {
            return true;
        }
        false
    }
}
