//! Scores and win-loss records: "won 3-2", "a 10-6 record", "(45-7-2)".
//!
//! A score is one figure whose value is its first number; `low` and `high`
//! hold the first two numbers in the order written (see
//! [`UnitKind::Score`]). Two small numbers joined by a dash are a score when
//! the second is not larger ("91-73"), when a noun of play follows ("a 9-14
//! start"), when they stand alone in brackets or between commas after a name,
//! or after a verb that states a record ("improved to 9-14"); otherwise they
//! are a range ("10-15 people"), read elsewhere.

use super::lexicon::{currency_code, currency_noun, person_noun};
use super::numbers::number_word;
use super::tokens::{DECIMAL, GROUPED, Kind};
use super::{Amount, Scan, looks_plural};
use crate::analysis::model::{Figure, FigureRole, Qualifier, Unit, UnitKind};

/// The symbol of a score's unit.
const SCORE: &str = "score";

/// Nouns a score or a record stands before: "a 3-2 win", "a 10-6 record".
fn play_noun(w: &str) -> bool {
    matches!(
        w,
        "record"
            | "win"
            | "wins"
            | "victory"
            | "triumph"
            | "lead"
            | "loss"
            | "defeat"
            | "deficit"
            | "advantage"
            | "edge"
            | "margin"
            | "run"
            | "round"
            | "decision"
            | "game"
            | "match"
            | "contest"
            | "halftime"
            | "final"
            | "score"
            | "scoreline"
            | "draw"
            | "tie"
            | "vote"
            | "majority"
            | "verdict"
            | "split"
            | "start"
            | "finish"
            | "mark"
            | "setback"
            | "rout"
            | "thrashing"
            | "season"
            | "campaign"
            | "series"
            | "count"
    )
}

/// Verbs and prepositions before a record: "went 4-2", "improved to 9-14",
/// "deadlocked at 9-3", "are now 24-23".
fn record_verb(w: &str) -> bool {
    matches!(
        w,
        "went"
            | "go"
            | "goes"
            | "going"
            | "gone"
            | "opened"
            | "improved"
            | "improving"
            | "fell"
            | "falling"
            | "dropped"
            | "dropping"
            | "slipped"
            | "finished"
            | "finishing"
            | "started"
            | "stand"
            | "stands"
            | "stood"
            | "moved"
            | "climbed"
            | "deadlocked"
            | "split"
            | "won"
            | "lost"
            | "beat"
            | "beating"
            | "defeated"
            | "leads"
            | "led"
            | "trailed"
            | "trails"
            | "trailing"
            | "top"
            | "tops"
            | "topped"
            | "edged"
            | "now"
            | "at"
            | "is"
            | "are"
    )
}

/// Verbs and a preposition before the side a score was made against:
/// "beat Eastport 51-50", "a win over the Hawks 3-1".
fn beat_verb(w: &str) -> bool {
    matches!(
        w,
        "beat"
            | "beats"
            | "beating"
            | "defeated"
            | "defeats"
            | "defeating"
            | "edged"
            | "edges"
            | "topped"
            | "tops"
            | "downed"
            | "downs"
            | "routed"
            | "routs"
            | "stunned"
            | "stuns"
            | "upset"
            | "upsets"
            | "crushed"
            | "crushes"
            | "blanked"
            | "outlasted"
            | "over"
    )
}

impl Scan<'_> {
    /// Up to three capitalized words before token `k` name a side, and a
    /// verb of winning stands before them ("beat the Hawks", "DEFEATS
    /// EASTPORT"): what follows is a score, not a model number.
    fn after_beaten_side(&self, k: usize, floor: usize) -> bool {
        let mut buf = [0u8; 24];
        let mut j = k;
        for _ in 0..3 {
            if j <= floor + 1 || !self.capitalized(j - 1) {
                return false;
            }
            j -= 1;
            let mut v = j - 1;
            if self.is(v, "the") && v > floor {
                v -= 1;
            }
            if self.lower(v, &mut buf).is_some_and(beat_verb) {
                return true;
            }
        }
        false
    }

    /// A number of a score at token `k`: a plain integer below 1,000 in
    /// digits, without a leading zero ("0142" is part of a phone number).
    fn score_part(&self, k: usize) -> Option<f64> {
        let t = self.toks.get(k)?;
        if t.kind != Kind::Num || t.flags & (DECIMAL | GROUPED) != 0 || t.value >= 1000.0 {
            return None;
        }
        let s = self.slice(k);
        if s.len() > 1 && s.starts_with('0') {
            return None;
        }
        Some(t.value)
    }

    /// A dash glued between two tokens at `k`.
    fn score_dash(&self, k: usize) -> bool {
        self.punct(k)
            .is_some_and(|c| matches!(c, '-' | '–' | '—' | '‐' | '‑'))
            && self.glued(k)
            && self.glued(k + 1)
    }

    /// The numbers of a score starting with amount `a` (two or three), and
    /// the token after them.
    pub(super) fn score_parts(&self, a: Amount) -> Option<([f64; 3], usize, usize)> {
        if !a.plain_digits || a.first != a.end - 1 {
            return None;
        }
        let first = self.score_part(a.first)?;
        let mut parts = [first, 0.0, 0.0];
        let mut n = 1;
        let mut k = a.end;
        while self.score_dash(k) {
            if n == 3 {
                // Four numbers or more: an identifier, not a record.
                return None;
            }
            parts[n] = self.score_part(k + 1)?;
            n += 1;
            k += 2;
        }
        (n >= 2).then_some((parts, n, k))
    }

    /// Reads a score or a record at amount `a`.
    // Why one function: the tests that make dashed numbers a score rather than a range are
    // tried in order on the same parts and context, each returning early.
    pub(super) fn score_figure(&self, a: Amount, floor: usize) -> Option<(Figure, usize)> {
        let (parts, n, end) = self.score_parts(a)?;
        if a.currency.is_some() || a.percent || a.measure.is_some() {
            return None;
        }
        let mut buf = [0u8; 24];
        // A noun of play after the numbers makes them a score even where a
        // word before them would make a name ("a dispirited 88-72 loss",
        // "With 31-24 Victory" in a headline).
        let play_after = self.lower(end, &mut buf).is_some_and(play_noun);
        let beaten = self.after_beaten_side(a.first, floor);
        if (!play_after && !beaten && self.is_label(a))
            || self.in_phone_number(a.first)
            || self.is_date_or_time(a)
        {
            return None;
        }
        // Glued on: "10-15-year-olds", "3-2-1-go".
        if self.glued(end) && self.kind(end).is_some_and(|k| k != Kind::Punct) {
            return None;
        }
        if self.glued(end) && self.score_dash(end) {
            return None;
        }
        // A unit, a currency or a percent after it: a range.
        if self.punct(end) == Some('%')
            || self.unit_at(end).is_some()
            || self.word(end).is_some_and(|w| {
                let l = w.to_ascii_lowercase();
                number_word(&l).is_some()
                    || currency_noun(&l).is_some()
                    || currency_code(&l).is_some()
                    || matches!(l.as_str(), "percent" | "pct" | "per")
            })
        {
            return None;
        }
        let next = self.lower(end, &mut buf).map(str::to_string);
        let counted_after = !play_after
            && !self.capitalized(end)
            && next
                .as_deref()
                .is_some_and(|w| looks_plural(w) || person_noun(w));
        if counted_after {
            return None;
        }
        let mut pb = [0u8; 24];
        let prev = (a.first > floor)
            .then(|| self.lower(a.first - 1, &mut pb))
            .flatten();
        let between = prev.is_some_and(|w| matches!(w, "between" | "from" | "aged" | "ages"));
        if between {
            return None;
        }
        let score = n == 3
            || parts[1] <= parts[0]
            || play_after
            || beaten
            || self.score_enclosed(a.first, end)
            || prev.is_some_and(record_verb)
            || (prev == Some("to")
                && a.first >= floor + 2
                && self.lower(a.first - 2, &mut buf).is_some_and(record_verb))
            || self.score_end(a).is_some();
        if !score {
            return None;
        }
        let start = self.toks[a.first].start;
        let stop = self.toks[end - 1].end;
        Some((
            Figure {
                span: start..stop,
                value: parts[0],
                low: Some(parts[0]),
                high: Some(parts[1]),
                qualifier: Qualifier::Exact,
                unit: Unit::Measure {
                    symbol: SCORE,
                    kind: UnitKind::Score,
                },
                counted: None,
                counted_span: None,
                per: None,
                spelled: false,
                role: FigureRole::Count,
                surface: None,
                change: None,
            },
            end,
        ))
    }

    /// A record standing alone in brackets ("Gonzaga (9-4)") or between
    /// commas after a name ("Bowe, 43-1, returned").
    fn score_enclosed(&self, first: usize, end: usize) -> bool {
        if first == 0 {
            return false;
        }
        let open = self.punct(first - 1);
        let close = self.punct(end);
        match (open, close) {
            (Some('('), Some(')' | ',')) => true,
            (Some(','), Some(',' | ')' | '.')) => first >= 2 && self.capitalized(first - 2),
            _ => false,
        }
    }
}
