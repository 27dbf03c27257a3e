//! Two amounts joined by "or" that make one figure: "a minute or two" is one
//! to two minutes. (Numbers on both sides, "40 or 50", are read as a range in
//! `range_end`.) A thing that is no unit, "a drink or two", gives no figure:
//! nothing in it could be checked.

use super::Scan;
use super::numbers::{NumWord, number_word};
use crate::analysis::model::{Figure, Qualifier, Unit};

impl Scan<'_> {
    /// The small number word after "a NOUN or" at `k` ("two" in "a day or
    /// two"), with the noun's token.
    fn alternative_after_article(&self, k: usize) -> Option<(f64, usize)> {
        let mut buf = [0u8; 24];
        if !matches!(self.lower(k, &mut buf), Some("a" | "an")) {
            return None;
        }
        self.word(k + 1)?;
        if !self.is(k + 2, "or") {
            return None;
        }
        let n = match number_word(self.word(k + 3)?)? {
            NumWord::Unit(u) if (2..=5).contains(&u) => f64::from(u),
            _ => return None,
        };
        Some((n, k + 1))
    }

    /// "a minute or two", "a mile or three": one figure from 1 to the number,
    /// in the unit of the noun.
    pub(super) fn unit_or_number(&self, k: usize) -> Option<(Figure, usize)> {
        let (n, noun) = self.alternative_after_article(k)?;
        let (unit, after) = self.unit_at(noun)?;
        if after != noun + 1 {
            return None;
        }
        let end = noun + 3;
        Some((
            Figure {
                surface: Some(self.slice(noun).into()),
                ..super::spelled_figure(
                    self.toks[k].start..self.toks[end - 1].end,
                    1.0,
                    n,
                    Qualifier::Range,
                    Unit::Measure {
                        symbol: unit.symbol,
                        kind: unit.kind,
                    },
                )
            },
            end,
        ))
    }

    /// The number at token `k` closes "a NOUN or" whose noun is no unit
    /// ("a drink or two"): not a figure.
    pub(super) fn vague_alternative(&self, k: usize) -> bool {
        k >= 3
            && self
                .alternative_after_article(k - 3)
                .is_some_and(|(_, noun)| self.unit_at(noun).is_none())
    }
}
