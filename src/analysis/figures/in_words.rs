//! Shares and magnitudes written in words: "a quarter of", "two-thirds of",
//! "half a mile", "twice", "tens of thousands".

use super::*;

impl Scan<'_> {
    /// A share or a magnitude written in words: "a quarter of", "two-thirds
    /// of", "half of", "tens of thousands", "hundreds of", "dozens of".
    pub(super) fn words_figure(&self, k: usize, floor: usize) -> Option<(Figure, usize)> {
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
    pub(super) fn half_unit(&self, k: usize) -> Option<(Figure, usize)> {
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
    pub(super) fn twice(&self, k: usize) -> Option<(Figure, usize)> {
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
    pub(super) fn skip_determiner(&self, k: usize) -> usize {
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
    pub(super) fn vague_magnitude(&self, k: usize, first: (f64, f64)) -> Option<(Figure, usize)> {
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
    // Why one function: numerator, denominator, "of" and the qualifier before are read in one
    // pass with one cursor, and which forms stand without "of" depends on all of them.
    pub(super) fn word_fraction(&self, k: usize, floor: usize) -> Option<(Figure, usize)> {
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
}

/// A count or measure written in words over `span`, from `low` to `high`,
/// with nothing counted yet: what the readers of idioms and of ranges in
/// words build.
pub(super) fn spelled_figure(
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

/// Plural magnitude words: the magnitude they name and the next one ("hundreds":
/// 100, and a thousand).
pub(super) fn magnitude_plural(w: &str) -> Option<(f64, f64)> {
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
pub(super) fn fraction_denominator(w: &str) -> Option<f64> {
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
