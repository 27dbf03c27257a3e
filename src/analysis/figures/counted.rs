//! The counted thing: the noun a figure counts ("12 schools"), what happened
//! to it ("five people killed"), and a rate ("per soldier").

use super::*;

impl Scan<'_> {
    /// After a bare "one" at `k - 1`: the noun past one capitalized modifier
    /// ("one Danish sailor"), also across "and one" ("one Danish and one
    /// Dutch sailor"), else `k`.
    pub(super) fn named_kind_noun(&self, k: usize) -> usize {
        let modifier = |t: usize| {
            self.capitalized(t) && self.kind(t + 1) == Some(Kind::Word) && !self.capitalized(t + 1)
        };
        if modifier(k) && self.single_counted(k + 1).is_some() {
            return k + 1;
        }
        // "one rural school", "one electric car": an adjective by its ending,
        // then the noun ("one official said" has a verb after the "-al" word).
        let mut buf = [0u8; 24];
        if !self.capitalized(k)
            && self.lower(k, &mut buf).is_some_and(|w| {
                w.len() > 4
                    && [
                        "al", "ic", "ive", "ous", "ian", "ese", "ish", "able", "ible",
                    ]
                    .iter()
                    .any(|e| w.ends_with(e))
                    && !matches!(
                        w,
                        "final" | "official" | "additional" | "several" | "individual"
                    )
            })
            && self.single_counted(k + 1).is_some()
        {
            return k + 1;
        }
        if self.capitalized(k)
            && self.is(k + 1, "and")
            && self.is(k + 2, "one")
            && modifier(k + 3)
            && self.single_counted(k + 4).is_some()
        {
            return k + 4;
        }
        k
    }

    /// A singular noun right after a bare "one" that makes it a count:
    /// "one helicopter", but not "one day", "one of", "one official said".
    pub(super) fn single_counted(&self, k: usize) -> Option<String> {
        let mut buf = [0u8; 24];
        if self.capitalized(k) {
            return None;
        }
        let w = self.lower(k, &mut buf)?;
        let idiom = lists::ONE_IDIOMS.contains(w);
        let verb_like = (w.ends_with('s') && !w.ends_with("ss"))
            || w.ends_with("al")
            || lists::ONE_VERBS.contains(w);
        if idiom
            || verb_like
            || stops_noun_phrase(w)
            || adjective_like(w)
            || number_word(w).is_some()
            || increment_word(w)
        {
            return None;
        }
        Some(w.to_string())
    }

    /// The counted noun after a figure: its normalized text, its span and the
    /// token after it.
    // Why one function: one walk from the figure to the head noun of what it counts, whose
    // early endings (a fate, "of them", a verb, money's "in") and the modifier skipping share
    // the cursor and the noun found so far.
    pub(super) fn counted(
        &self,
        at: usize,
        money: bool,
    ) -> (Option<String>, Option<Range<usize>>, usize) {
        let mut j = at;
        let n = self.n();
        let mut buf = [0u8; 24];
        // A fate right after the number: "3,600 injured", "1,000 dead or wounded".
        if let Some((f, span, next)) = self.fate_phrase(j) {
            // "dead or wounded soldiers": the fate is what is counted.
            let mut next = next;
            if self.lower(next, &mut buf).is_some_and(person_noun) {
                next += 1;
            }
            return (Some(f.to_string()), Some(span), next);
        }
        // "4,000 of them have been killed"
        if self.is(j, "of")
            && self
                .lower(j + 1, &mut buf)
                .is_some_and(|w| matches!(w, "them" | "those" | "whom" | "these" | "which"))
        {
            let k = self.skip_aux(j + 2);
            if let Some((f, span, next)) = self.fate_phrase(k) {
                return (Some(f.to_string()), Some(span), next);
            }
            return (None, None, j);
        }
        // "300 were killed", "12 have died"
        if !money {
            let k = self.skip_aux(j);
            if k > j
                && let Some((f, span, next)) = self.fate_phrase(k)
            {
                return (Some(f.to_string()), Some(span), next);
            }
        }
        // Money: "$48 billion in assets", "$2,500 in annual compensation".
        if money && self.is(j, "in") && self.word(j + 1).is_some() {
            j += 1;
        } else if money
            && self
                .word(j)
                .is_some_and(|w| w.eq_ignore_ascii_case("worth"))
        {
            return (None, None, j);
        }
        // Skip modifiers and proper adjectives ("more", "North Korean", "new").
        let mut start_np = None;
        let mut head: Option<usize> = None;
        let mut words = 0;
        while j < n && words < 6 {
            if self.word(j).is_none() {
                // Hyphenated modifiers: "active-duty soldiers".
                if self.punct(j).is_some_and(|c| c == '-')
                    && self.glued(j)
                    && self.glued(j + 1)
                    && (self.word(j + 1).is_some() || self.kind(j + 1) == Some(Kind::Ident))
                {
                    j += 1;
                    continue;
                }
                // Model names: "48 Su-34 bombers", "150 A321neo jets".
                if self.kind(j) == Some(Kind::Ident) && j > at {
                    j += 1;
                    words += 1;
                    continue;
                }
                break;
            }
            // Letters glued to an identifier: "A321neo", "MiG-29".
            if self.kind(j + 1) == Some(Kind::Ident) && self.glued(j + 1)
                || (self.punct(j + 1) == Some('-')
                    && self.glued(j + 1)
                    && self.kind(j + 2) == Some(Kind::Ident)
                    && self.glued(j + 2))
            {
                j += 1;
                words += 1;
                continue;
            }
            let mut lb = [0u8; 24];
            let Some(l) = self.lower(j, &mut lb) else {
                // Non-ASCII word: treat as a proper name part.
                j += 1;
                words += 1;
                continue;
            };
            let more = matches!(l, "more" | "fewer" | "less") && !self.is(j + 1, "than");
            if stops_noun_phrase(l) && !more {
                break;
            }
            words += 1;
            if self.capitalized(j) || skippable_modifier(l) || more {
                j += 1;
                continue;
            }
            if synonym_group(l).is_some() || person_noun(l) || looks_plural(l) {
                head = Some(j);
                if start_np.is_none() {
                    start_np = Some(j);
                }
                break;
            }
            if start_np.is_none() {
                start_np = Some(j);
            }
            if money && self.word(j + 1).is_none() {
                head = Some(j);
                break;
            }
            j += 1;
        }
        let Some(h) = head else {
            return (None, None, at);
        };
        // Keep one modifier before the head as part of a compound ("artillery systems").
        let first = if h > 0
            && start_np.is_some_and(|s| s < h)
            && self.word(h - 1).is_some()
            && !self.capitalized(h - 1)
            && self.lower(h - 1, &mut buf).is_some_and(|w| {
                !skippable_modifier(w) && !adjective_like(w) && number_word(w).is_none()
            }) {
            h - 1
        } else {
            h
        };
        let head_lower = self.lower_string(h);
        let span = self.toks[first].start..self.toks[h].end;
        let next = h + 1;
        // "400 soldiers had been killed": the count is of the killed.
        if person_noun(&head_lower) {
            let k = self.skip_aux(h + 1);
            if k > h + 1
                && let Some((f, _, fnext)) = self.fate_phrase(k)
            {
                return (Some(f.to_string()), Some(span), fnext);
            }
            if let Some((f, _, fnext)) = self.fate_phrase(h + 1) {
                return (Some(f.to_string()), Some(span), fnext);
            }
            // "700,000 troops, killed and wounded"
            if self.punct(h + 1) == Some(',')
                && let Some((f, _, fnext)) = self.fate_phrase(h + 2)
                && (f == "casualties" || fnext >= self.n() || self.punct(fnext).is_some())
            {
                return (Some(f.to_string()), Some(span), fnext);
            }
        }
        let normalized = if let Some(g) = synonym_group(&head_lower) {
            g.to_string()
        } else if first < h {
            let mut s = self.lower_string(first);
            s.push(' ');
            s.push_str(&head_lower);
            s
        } else {
            head_lower
        };
        (Some(normalized), Some(span), next)
    }

    pub(super) fn skip_aux(&self, mut k: usize) -> usize {
        let mut buf = [0u8; 24];
        let stop = k + 4;
        while k < stop {
            match self.lower(k, &mut buf) {
                Some(
                    "have" | "has" | "had" | "were" | "was" | "are" | "is" | "been" | "being"
                    | "reportedly" | "allegedly" | "already" | "all" | "now" | "since" | "also"
                    | "believed" | "thought" | "feared" | "confirmed" | "likely" | "probably"
                    | "be" | "to" | "said" | "either" | "later" | "subsequently",
                ) => k += 1,
                _ => break,
            }
        }
        k
    }

    /// "killed", "dead or wounded", "killed or injured": the fate group, its span, the next token.
    pub(super) fn fate_phrase(&self, k: usize) -> Option<(&'static str, Range<usize>, usize)> {
        let mut buf = [0u8; 24];
        let f1 = fate(self.lower(k, &mut buf)?)?;
        let start = self.toks[k].start;
        let mut end_tok = k + 1;
        let mut group = f1;
        let conj = self.is(k + 1, "or") || self.is(k + 1, "and") || self.punct(k + 1) == Some('/');
        if conj && let Some(f2) = self.lower(k + 2, &mut buf).and_then(fate) {
            if f1 != f2 && matches!((f1, f2), ("killed", "injured") | ("injured", "killed")) {
                group = "casualties";
            }
            end_tok = k + 3;
        }
        let span = start..self.toks[end_tok - 1].end;
        Some((group, span, end_tok))
    }

    /// "per soldier", "a day", "daily" after the figure.
    pub(super) fn rate(&self, at: usize) -> Option<String> {
        let mut buf = [0u8; 24];
        let mut j = at;
        let stop = (at + 6).min(self.n());
        while j < stop {
            if self.punct(j) == Some('-') {
                j += 1;
                continue;
            }
            let l = self.lower(j, &mut buf)?;
            match l {
                "per" => {
                    let mut nb = [0u8; 24];
                    let noun = self.lower(j + 1, &mut nb)?;
                    if noun == "cent" {
                        return None;
                    }
                    if noun == "annum" {
                        return Some("year".to_string());
                    }
                    return Some(singular(noun));
                }
                "a" | "an" => {
                    let mut k = j + 1;
                    if self.punct(k) == Some('-') {
                        k += 1;
                    }
                    let mut nb = [0u8; 24];
                    let noun = self.lower(k, &mut nb)?;
                    return rate_noun(noun).then(|| noun.to_string());
                }
                "daily" if j == at => return Some("day".to_string()),
                "each" | "apiece" if j == at => return None,
                _ => {
                    // "in yearly pay per soldier": frequency adjectives
                    // qualify the noun before "per" and do not end the phrase.
                    let adjective = matches!(l, "in" | "yearly" | "monthly" | "weekly" | "daily");
                    if j > at + 3 || stops_noun_phrase(l) && !adjective {
                        return None;
                    }
                }
            }
            j += 1;
        }
        None
    }
}

pub(super) fn looks_plural(w: &str) -> bool {
    (w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
        && !w.ends_with("ous"))
        || matches!(
            w,
            "people"
                | "personnel"
                | "police"
                | "staff"
                | "children"
                | "men"
                | "women"
                | "cattle"
                | "sheep"
                | "aircraft"
                | "deer"
                | "fish"
                | "livestock"
                | "crew"
                | "feet"
                | "teeth"
                | "mice"
                | "geese"
        )
}

pub(super) fn adjective_like(w: &str) -> bool {
    w.ends_with("ic")
        || w.ends_with("ical")
        || w.ends_with("ive")
        || w.ends_with("ous")
        || w.ends_with("ful")
        || w.ends_with("ian")
        || w.ends_with("ese")
        || w.ends_with("ish")
        || w.ends_with("ly")
        || w.ends_with("ed")
        || w.ends_with("able")
        || w.ends_with("ible")
}

pub(super) fn singular(noun: &str) -> String {
    if noun.len() > 3 && noun.ends_with("ies") {
        format!("{}y", &noun[..noun.len() - 3])
    } else if noun.len() > 3 && noun.ends_with('s') && !noun.ends_with("ss") {
        noun[..noun.len() - 1].to_string()
    } else {
        noun.to_string()
    }
}
