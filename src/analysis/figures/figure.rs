//! One figure from an amount: the filters that say it is no quantity, then
//! its qualifier, range, the counted thing, rate and role, put together.

use super::*;

impl Scan<'_> {
    /// The figure amount `a` starts, with the token after it; `None` when
    /// it is no quantity. `floor` is the first token after the last figure.
    // Why one function: the steps after the filters (range, qualifiers, years, cents, the
    // counted thing, rate, role, unit) share the running lead and end tokens, the range's ends,
    // the qualifier and the counted noun, which each step both reads and moves; the filters and
    // the bounds are apart already (`not_a_quantity`, `bounds`). Splitting the rest wants one
    // struct for that state first.
    pub(super) fn figure(&self, a: Amount, floor: usize) -> Option<(Figure, usize)> {
        let mut buf = [0u8; 24];
        let mut lead = a.first; // first token of the figure (qualifier included)
        let mut end = a.end;
        if self.not_a_quantity(a) {
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
        let (lo, hi) = bounds(
            qualifier,
            value,
            low.value,
            high.map(|h| h.value),
            changed.is_some(),
        );
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
    pub(super) fn one_time_span(
        &self,
        lead: usize,
        noun: usize,
        floor: usize,
    ) -> Option<UnitEntry> {
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
}
