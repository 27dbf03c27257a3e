//! The role a sentence gives a figure: a count, a total, a part, a change,
//! a plan or target, an increment.

use super::*;

impl Scan<'_> {
    // Why one function: the role is decided by tests in order of precedence (a reference, a
    // plan, a total, an increment) over the same clause; one function keeps that order visible.
    pub(super) fn role(
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
