//! Recognizing names of people, organizations and places in a block of prose.
//!
//! The recognizer tokenizes the block, joins runs of capitalized words (with
//! connectors such as "of" after organization heads), and then reads each run
//! with the gazetteer and context rules: titles and roles before a name,
//! appositions after it, demonyms, metonyms, acronyms and sentence-initial
//! common words.
//!
//! Names may nest: an organization named after a place or a person also yields
//! that place or person ("University of Helsinki" gives "Helsinki" too,
//! "Ida Vornholt Foundation" gives "Ida Vornholt"). Mentions are ordered by where
//! they end, and a nested name comes before the name that contains it.

pub mod gazetteer;
mod tokens;
pub(crate) mod words;

use std::collections::HashSet;
use std::ops::Range;

use super::config::Config;
use super::model::{EntityKind, KindSource, Mention};
use super::text::BlockKind;
use gazetteer::{GAZETTEER, Known, PlaceKind};
use tokens::{Tok, tokenize};

/// Finds the names in one block of masked prose. Spans are relative to `block`.
pub fn find_mentions(
    block: &str,
    kind: BlockKind,
    sentences: &[Range<usize>],
    config: &Config,
) -> Vec<Mention> {
    if kind == BlockKind::Boilerplate {
        return Vec::new();
    }
    let toks = tokenize(block, sentences);
    recognize(block, &toks, kind == BlockKind::Heading, config)
}

/// The names of one block as the rules read them, kinds and their sources
/// included.
fn recognize(block: &str, toks: &[Tok], heading: bool, config: &Config) -> Vec<Mention> {
    let mut rec = Recognizer {
        block,
        toks,
        heading,
        sports: is_sports(block),
        config,
        out: Vec::new(),
        surnames: HashSet::new(),
        config_words: config
            .entities
            .iter()
            .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
            .chain(&config.ignore)
            .map(|n| n.split_whitespace().count())
            .max()
            .unwrap_or(0),
    };
    rec.run();
    // Nested names come before the name that contains them.
    rec.out
        .sort_by_key(|m| (m.span.end, m.span.end - m.span.start));
    rec.out
}

/// A block that reports a game: a score between teams ("Belgium 3 – 0 Panama",
/// "won 2 – 1 with a late goal") or several sports words.
fn is_sports(block: &str) -> bool {
    let sports_words = block
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| words::is_sports_word(w))
        .count();
    if sports_words >= 3 {
        return true;
    }
    for (i, dash) in block.match_indices(['–', '-']) {
        let before = &block[..i];
        let after = &block[i + dash.len()..];
        // Scores are written with spaces around the dash: "3 – 0".
        if !before.ends_with(' ') || !after.starts_with(' ') {
            continue;
        }
        let before = before.trim_end();
        let after = after.trim_start();
        let digits_before = before.bytes().rev().take_while(u8::is_ascii_digit).count();
        let digits_after = after.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=2).contains(&digits_before) || !(1..=2).contains(&digits_after) {
            continue;
        }
        let head = &before[..before.len() - digits_before];
        let tail = &after[digits_after..];
        if !head.is_empty() && !head.ends_with(' ') {
            continue;
        }
        // A team is a capitalized word that is not an ordinary word ("Between").
        let team = |w: &str| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let lower = w.to_lowercase();
            w.chars().next().is_some_and(char::is_uppercase)
                && !words::is_function(&lower)
                && !GAZETTEER.is_common(&lower)
        };
        let team_before = head.trim_end().rsplit(' ').next().is_some_and(team);
        let team_after = tail.trim_start().split(' ').next().is_some_and(team);
        if team_before || team_after || sports_words >= 1 {
            return true;
        }
    }
    false
}

/// A name found by a lookup: the gazetteer, the user's entities or a demonym.
enum Hit {
    Name {
        key: String,
        kind: EntityKind,
        stands_for: Option<String>,
        place: Option<PlaceKind>,
    },
    Demonym {
        key: &'static str,
        country: bool,
    },
    Ignored,
}

struct Recognizer<'a> {
    block: &'a str,
    toks: &'a [Tok],
    heading: bool,
    /// The block reports a game: country names name national teams.
    sports: bool,
    config: &'a Config,
    out: Vec<Mention>,
    /// Last words of the full person names found so far in the block.
    surnames: HashSet<String>,
    /// The most words in a name or ignored phrase of the configuration.
    config_words: usize,
}

impl Recognizer<'_> {
    fn text(&self, i: usize) -> &str {
        &self.block[self.toks[i].span.clone()]
    }

    fn run(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if !self.starts_name(i) {
                i += 1;
                continue;
            }
            let (end, joined) = self.extend(i);
            let before = self.out.len();
            self.read_run(i, end, joined);
            self.governed(before, end);
            i = end;
        }
    }

    /// "the Bush administration", "the Norlanda government": a person or a
    /// place before a word for the body it heads is also that organization.
    fn governed(&mut self, from: usize, end: usize) {
        let Some(next) = self.toks.get(end) else {
            return;
        };
        if !next.word || !next.glued || !words::is_governing_noun(self.text(end)) {
            return;
        }
        let stop = self.toks[end - 1].span.end;
        let Some(m) = self.out[from..]
            .iter()
            .rev()
            .find(|m| m.span.end == stop && !m.demonym && m.kind != EntityKind::Organization)
        else {
            return;
        };
        if self.toks[end - 1].poss {
            return;
        }
        let start = m.span.start;
        let Some(a) = (0..end).rev().find(|&i| self.toks[i].span.start == start) else {
            return;
        };
        self.push(
            a,
            end + 1,
            EntityKind::Organization,
            KindSource::Structure,
            None,
            None,
            false,
            None,
        );
    }

    /// Can a run of capitalized words start at token `i`?
    fn starts_name(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.word && t.cap
    }

    /// Extends a run from `start`; returns its end and whether it joined
    /// across a connector ("University of X").
    fn extend(&self, start: usize) -> (usize, bool) {
        let n = self.toks.len();
        let mut end = start + 1;
        let mut joined = false;
        while end < n {
            let prev = &self.toks[end - 1];
            if prev.poss {
                break;
            }
            let t = &self.toks[end];
            if !t.glued {
                break;
            }
            if t.word && t.cap && !t.initial {
                end += 1;
                continue;
            }
            // Connectors need a capitalized word right after them.
            let next_cap = end + 1 < n
                && self.toks[end + 1].glued
                && self.toks[end + 1].word
                && self.toks[end + 1].cap;
            let text = self.text(end);
            if text == "&" && next_cap {
                end += 2;
                continue;
            }
            if !t.word {
                break;
            }
            let prev_text = self.text(end - 1);
            if matches!(text, "of" | "for" | "on") {
                // "the Varnholm Clinic on Friday": a day or a month after a
                // connector dates the name, it does not continue it.
                let dated = end + 1 < n && words::is_calendar(self.text(end + 1));
                if words::is_of_head(prev_text) && !dated {
                    if next_cap {
                        end += 2;
                        joined = true;
                        continue;
                    }
                    // "of the X"
                    if end + 2 < n
                        && self.text(end + 1) == "the"
                        && self.toks[end + 2].glued
                        && self.toks[end + 2].word
                        && self.toks[end + 2].cap
                    {
                        end += 3;
                        joined = true;
                        continue;
                    }
                }
                break;
            }
            if words::is_particle(text) && next_cap {
                end += 2;
                continue;
            }
            if text == "and"
                && joined
                && next_cap
                && !words::is_field(prev_text)
                && !words::is_org_head(prev_text)
            {
                // "Center for Strategic and International Studies"
                let mut k = end + 1;
                while k < n && self.toks[k].glued && self.toks[k].word && self.toks[k].cap {
                    k += 1;
                }
                if words::is_field(self.text(k - 1)) {
                    end = k;
                    continue;
                }
            }
            break;
        }
        (end, joined)
    }

    fn joined(&self, a: usize, b: usize) -> String {
        let mut s = String::new();
        for i in a..b {
            if i > a && self.toks[i].glued {
                s.push(' ');
            }
            s.push_str(self.text(i));
        }
        s
    }

    /// A lookup of tokens `a..b` as one name.
    fn lookup(&self, a: usize, b: usize) -> Option<Hit> {
        // Only plain runs of words: no token may be cut off from the previous one.
        if (a + 1..b).any(|i| !self.toks[i].glued) || (a..b - 1).any(|i| self.toks[i].poss) {
            return None;
        }
        let name = self.joined(a, b);
        self.lookup_name(&name, b - a)
    }

    /// A lookup of a name of `words` words written as `name`.
    fn lookup_name(&self, name: &str, words: usize) -> Option<Hit> {
        if self.config.is_ignored(name) {
            return Some(Hit::Ignored);
        }
        for e in &self.config.entities {
            if e.name == name || e.aliases.iter().any(|al| al == name) {
                return Some(Hit::Name {
                    key: e.name.clone(),
                    kind: e.kind.into(),
                    stands_for: None,
                    place: None,
                });
            }
        }
        let g = &*GAZETTEER;
        let undotted;
        let found = match g.lookup(name) {
            Some(k) => Some(k),
            None if name.contains('’') => {
                undotted = name.replace('’', "'");
                g.lookup(&undotted)
            }
            None if name.contains('.') && words == 1 => {
                undotted = name.replace('.', "");
                g.lookup(&undotted)
            }
            None => None,
        };
        if let Some(Known {
            key,
            kind,
            place,
            stands_for,
        }) = found
        {
            return Some(Hit::Name {
                key: key.to_string(),
                kind: *kind,
                stands_for: stands_for.map(str::to_string),
                place: *place,
            });
        }
        if words <= 2
            && let Some(d) = g.demonym(name)
        {
            return Some(Hit::Demonym {
                key: d.key,
                country: d.country,
            });
        }
        None
    }

    /// The longest lookup hit starting at `a`, ending at most at `b`.
    fn longest(&self, a: usize, b: usize) -> Option<(usize, Hit)> {
        let mut best = None;
        let mut name = String::new();
        for e in a + 1..=b {
            if e > a + 1 {
                if !self.toks[e - 1].glued || self.toks[e - 2].poss {
                    break;
                }
                name.push(' ');
            }
            let text = self.text(e - 1);
            if text.contains('’') {
                name.push_str(&text.replace('’', "'"));
            } else {
                name.push_str(text);
            }
            if let Some(hit) = self.lookup_name(&name, e - a) {
                best = Some((e, hit));
            }
            // Go on only while some known name starts so.
            if e - a >= self.config_words && !GAZETTEER.is_prefix(&name) {
                break;
            }
        }
        best
    }

    fn read_run(&mut self, a: usize, b: usize, joined: bool) {
        // "Team Latvia": a country's team.
        if b >= a + 2
            && self.text(a) == "Team"
            && let Some(Hit::Name {
                key,
                kind: EntityKind::Place,
                place: Some(PlaceKind::Country),
                stands_for: None,
            }) = self.lookup(a + 1, b)
        {
            let team = format!("{key} national team");
            self.push(
                a + 1,
                b,
                EntityKind::Place,
                KindSource::Known,
                Some(key),
                None,
                false,
                None,
            );
            self.push(
                a,
                b,
                EntityKind::Organization,
                KindSource::Structure,
                Some(team),
                None,
                false,
                None,
            );
            return;
        }
        let mut a = a;
        let mut initial_role: Option<(usize, usize)> = None;
        // Leading "The" is not part of the name unless the name needs it.
        // Sentence-initial common words ("However", "Despite", "In").
        while a < b {
            let t = &self.toks[a];
            let text = self.text(a);
            if text == "I" || (text.chars().count() == 1 && !t.upper_dotted) {
                a += 1;
                continue;
            }
            if !t.initial && !self.heading {
                // Pronouns and function words are never names, wherever they stand
                // ("... right They 've been"), nor shouted common words ("AND").
                let lower = text.to_lowercase();
                if (words::is_function(&lower) || (t.upper && GAZETTEER.is_common(&lower)))
                    && !self.known_start(a, b)
                {
                    a += 1;
                    continue;
                }
            }
            if t.initial || self.heading {
                if self.known_start(a, b) {
                    break;
                }
                if (words::is_title(text) || words::is_of_head(text)) && a + 1 < b {
                    break;
                }
                let lower = text.to_lowercase();
                if a + 1 < b && words::is_role_noun(&lower) && !self.heading {
                    // "Analyst Gustav Gressel": a role noun capitalized by the sentence.
                    initial_role = Some((a, a + 1));
                    a += 1;
                    continue;
                }
                // A name even so when it says something ("Frank said") or owns
                // something ("Putin's aides").
                let name_like = b == a + 1
                    && !words::is_function(&lower)
                    && (t.poss || (GAZETTEER.is_first_name(text) && self.speech_after(a)));
                if words::is_function(&lower) || (GAZETTEER.is_common(&lower) && !name_like) {
                    a += 1;
                    continue;
                }
                if self.heading && b == a + 1 && !t.upper {
                    a += 1;
                    continue;
                }
            }
            break;
        }
        if a >= b {
            return;
        }
        // Initials alone ("E. coli"), caption labels ("Image:"), currencies ("US$").
        if (a..b).all(|i| self.toks[i].upper_dotted && self.text(i).len() <= 2) {
            return;
        }
        if b == a + 1 && b < self.toks.len() && !self.toks[b].glued {
            let next = self.text(b);
            let lower = self.text(a).to_lowercase();
            if (next == ":" && GAZETTEER.is_common(&lower))
                || (next == "$" && self.toks[b].span.start == self.toks[a].span.end)
            {
                return;
            }
        }
        let whole = b - a;
        let last = self.text(b - 1).to_string();
        // Organizations and places by their head word are one name, whole.
        // Events are not names of people, organizations or places ("the Korean War").
        // Only the places they name are kept ("the Vietnam War").
        if whole >= 2 && words::is_event_head(&last) && self.lookup(a, b).is_none() {
            self.nested_places(a, b);
            return;
        }
        if (joined || words::is_org_head(&last) || words::is_place_head(&last))
            && whole >= 2
            && (words::is_org_head(&last) || !words::is_title(self.text(a)))
            && self.lookup(a, b).is_none()
        {
            let mut start = a;
            let first_text = self.text(start);
            if first_text == "The" || first_text == "the" {
                start += 1;
            }
            // "U.S. Department of Agriculture": the country, then its agency.
            // "US West Coast": the country, then a region of it.
            if !joined_at_start(self, start, b)
                && (words::is_government_head(&last) || words::is_place_head(&last))
                && let Some((
                    e,
                    Hit::Name {
                        key,
                        kind,
                        place,
                        stands_for,
                    },
                )) = self.longest(start, b)
                && e < b
                && stands_for.is_none()
                && matches!(place, Some(PlaceKind::Country))
                && kind == EntityKind::Place
            {
                self.push(
                    start,
                    e,
                    kind,
                    KindSource::Known,
                    Some(key),
                    None,
                    false,
                    None,
                );
                if words::is_government_head(&last) {
                    // The agency's mention spans the country that owns it; it
                    // is known by its own name.
                    let own = normalize(&self.joined(e, b));
                    self.push(
                        start,
                        b,
                        EntityKind::Organization,
                        KindSource::HeadWord,
                        Some(own),
                        None,
                        false,
                        None,
                    );
                } else {
                    self.push(
                        e,
                        b,
                        EntityKind::Place,
                        KindSource::HeadWord,
                        None,
                        None,
                        false,
                        None,
                    );
                }
                return;
            }
            if start < b {
                let kind = if words::is_place_head(&last)
                    || (joined && words::is_place_of_head(self.text(start)))
                {
                    EntityKind::Place
                } else {
                    EntityKind::Organization
                };
                if kind == EntityKind::Organization {
                    self.nested(start, b);
                } else {
                    self.eponym(start, b);
                }
                self.push(
                    start,
                    b,
                    kind,
                    KindSource::HeadWord,
                    None,
                    None,
                    false,
                    None,
                );
                return;
            }
        }
        // Otherwise read the run left to right.
        let mut p = a;
        let mut role: Option<(usize, usize)> = initial_role;
        let mut pending: Option<usize> = None;
        while p < b {
            if let Some((e, hit)) = self.longest(p, b) {
                // "Lloyd Austin": a known city or a first name after a first name
                // belongs to the person's name.
                // "Vladimir Putin", "Lena Marsh": a city name, then an unknown word.
                if pending.is_none()
                    && e == p + 1
                    && p + 1 < b
                    && self.toks[p + 1].glued
                    && matches!(
                        hit,
                        Hit::Name {
                            kind: EntityKind::Place,
                            place: Some(PlaceKind::City),
                            stands_for: None,
                            ..
                        }
                    )
                    && self.longest(p + 1, b).is_none()
                    && !words::is_org_head(self.text(p + 1))
                    && !words::is_place_head(self.text(p + 1))
                    && !words::is_title(self.text(p + 1))
                {
                    pending = Some(p);
                    p += 1;
                    continue;
                }
                if let Some(u) = pending
                    && e == p + 1
                    && !self.toks[p].upper
                    && match &hit {
                        Hit::Name {
                            kind: EntityKind::Place,
                            place: Some(PlaceKind::City | PlaceKind::State | PlaceKind::Region),
                            stands_for,
                            ..
                        } => stands_for.is_none() || p == u + 1,
                        _ => false,
                    }
                {
                    p += 1;
                    continue;
                }
                // A first name followed by a capitalized word is a person,
                // even when the rest is a known place ("Lloyd Austin").
                if self.person_start(p, b, e) {
                    if pending.is_none() {
                        pending = Some(p);
                    }
                    p += 1;
                    continue;
                }
                if let Some(u) = pending.take() {
                    self.unknown(u, p, role.take());
                }
                match hit {
                    Hit::Ignored => {}
                    Hit::Demonym { key, country } => {
                        if country {
                            self.push(
                                p,
                                e,
                                EntityKind::Place,
                                KindSource::Known,
                                Some(key.to_string()),
                                None,
                                true,
                                None,
                            );
                        }
                    }
                    Hit::Name {
                        key,
                        kind,
                        stands_for,
                        place,
                    } => {
                        let mut kind = kind;
                        let mut source = KindSource::Known;
                        // A city name followed by a speech verb is a person ("Austin told").
                        if e - p == 1
                            && matches!(place, Some(PlaceKind::City))
                            && stands_for.is_none()
                        {
                            if self.speech_after(e - 1) {
                                kind = EntityKind::Person;
                                source = KindSource::Speech;
                            } else if GAZETTEER.is_surname(self.text(p))
                                && self.surname_in_block(self.text(p))
                                && !self.locative_before(p)
                                && !self.place_after(p)
                            {
                                kind = EntityKind::Person;
                                source = KindSource::NamedBefore;
                            }
                        }
                        let mut key = if kind == EntityKind::Person {
                            normalize(&self.joined(p, e))
                        } else {
                            key
                        };
                        // "Belgium defeated Panama 3 – 0": national teams.
                        if self.sports
                            && kind == EntityKind::Place
                            && (GAZETTEER.is_country(&key)
                                || (e - p == 1 && matches!(place, Some(PlaceKind::Region))))
                            && stands_for.is_none()
                            && !(p > 0
                                && (matches!(self.text(p - 1), "in" | "at" | "from" | "of")
                                    || (self.text(p - 1) == "to" && !self.lost_to(p - 1))))
                        {
                            kind = EntityKind::Organization;
                            source = KindSource::Structure;
                            key = format!("{key} national team");
                        }
                        role = None;
                        if kind == EntityKind::Organization && e - p >= 2 {
                            // "New York Times": the place a known organization is named after.
                            self.leading_place(p, e);
                        }
                        self.push(p, e, kind, source, Some(key), None, false, stands_for);
                    }
                }
                p = e;
                continue;
            }
            let text = self.text(p);
            // "Vornholt Chairman Ada Lindqvist", "Ravens QB Tom Ekholm": a
            // title between two names ends the first, the body the person
            // holds the title in, and opens the person's name.
            // Not in a title-case heading, where every word is capitalised,
            // nor after "&", nor before a common word ("Senior Gardener").
            if let Some(u) = pending
                && !self.heading
                && words::is_title(text)
                && p + 1 < b
                && self.toks[p + 1].cap
                && !words::is_title(self.text(p + 1))
                && !words::is_title(self.text(p - 1))
                && !matches!(self.text(p - 1), "&" | "and")
                && !GAZETTEER.is_first_name(self.text(u))
                && (GAZETTEER.is_first_name(self.text(p + 1))
                    || !GAZETTEER.is_common(&self.text(p + 1).to_lowercase()))
            {
                self.title_holder(u, p);
                pending = None;
                role = Some((p, p + 1));
                p += 1;
                continue;
            }
            if pending.is_none() && words::is_title(text) && p + 1 < b {
                // Titles before a name: "Defense Secretary", "Lt. Gen.", "Secretary of State".
                let start = role.map_or(p, |r| r.0);
                role = Some((start, p + 1));
                p += 1;
                continue;
            }
            if pending.is_none() && role.is_some() && text == "of" && p + 2 < b {
                // "Secretary of State Antony Blinken": the word after "of" is part of the title.
                role = role.map(|r| (r.0, p + 2));
                p += 2;
                continue;
            }
            if self.config.is_ignored(text) {
                if let Some(u) = pending.take() {
                    self.unknown(u, p, role.take());
                }
                p += 1;
                continue;
            }
            if pending.is_none() {
                pending = Some(p);
            }
            p += 1;
        }
        if let Some(u) = pending {
            self.unknown(u, b, role);
        }
    }

    /// The body a title is held in, written before the title ("Vornholt" in
    /// "Vornholt Chairman Ada Lindqvist"): a place by its head word, else an
    /// organization.
    fn title_holder(&mut self, a: usize, b: usize) {
        let mut a = a;
        while a < b && matches!(self.text(a), "The" | "the") {
            a += 1;
        }
        if a >= b {
            return;
        }
        let last = self.text(b - 1);
        // "Water Secretary": one common word before a title is part of it.
        if b == a + 1 && GAZETTEER.is_common(&last.to_lowercase()) && !plural_form(last) {
            return;
        }
        if words::is_place_head(last) || words::is_org_head(last) || words::is_org_suffix(last) {
            self.unknown(a, b, None);
        } else {
            self.push(
                a,
                b,
                EntityKind::Organization,
                KindSource::Structure,
                None,
                None,
                false,
                None,
            );
        }
    }

    /// Names inside an organization's name: a known place after "of" or at
    /// the start ("University of Helsinki", "Norlanda Herald") and a person
    /// the organization is named after ("Ida Vornholt Foundation").
    fn nested(&mut self, a: usize, b: usize) {
        if self.person_start(a, b, a + 1)
            && a + 2 < b
            && !words::is_org_head(self.text(a + 1))
            && !matches!(self.text(a + 2), "of" | "for")
        {
            let key = normalize(&self.joined(a, a + 2));
            self.push(
                a,
                a + 2,
                EntityKind::Person,
                KindSource::FullName,
                Some(key),
                None,
                false,
                None,
            );
            return;
        }
        if !self.eponym(a, b) {
            self.nested_places(a, b);
        }
    }

    /// "Brantley Foundation", "Weddell Bay": a surname, not itself a known name,
    /// before the rest of the name of what is named after that person.
    fn eponym(&mut self, a: usize, b: usize) -> bool {
        if a + 1 >= b || !self.toks[a + 1].glued || self.toks[a].poss {
            return false;
        }
        let word = self.text(a);
        let next = self.text(a + 1);
        let lower = word.to_lowercase();
        let named = self.toks[a].word
            && self.toks[a].cap
            && !self.toks[a].upper
            && !matches!(next, "of" | "for" | "&" | "and")
            // A company's legal name is not an homage ("Harlow Dynamics Inc.").
            && !words::is_org_suffix(self.text(b - 1))
            && !words::is_org_head(word)
            && !words::is_place_head(word)
            && !words::is_title(word)
            && !words::is_direction(word)
            && !words::is_function(&lower)
            && (self.surnames.contains(word)
                || (GAZETTEER.is_surname(word) && !GAZETTEER.is_common(&lower)))
            && self.longest(a, b).is_none();
        if named {
            self.push(
                a,
                a + 1,
                EntityKind::Person,
                KindSource::Structure,
                None,
                None,
                false,
                None,
            );
        }
        named
    }

    /// Known places at the start of a name or after "of", "for", "in", "at".
    fn nested_places(&mut self, a: usize, b: usize) {
        let mut i = a;
        while i < b {
            let opens = i == a
                || matches!(self.text(i - 1), "of" | "for" | "in" | "at")
                || (i >= a + 2
                    && self.text(i - 1) == "the"
                    && matches!(self.text(i - 2), "of" | "for" | "in" | "at"));
            // "Northern Ohio", "South Varnholm"
            if opens
                && words::is_direction_adjective(self.text(i))
                && i + 1 < b
                && let Some((
                    e,
                    Hit::Name {
                        kind: EntityKind::Place,
                        ..
                    },
                )) = self.longest(i + 1, b)
                && !(i == a && e == b)
            {
                let key = self.joined(i, e);
                self.push(
                    i,
                    e,
                    EntityKind::Place,
                    KindSource::Known,
                    Some(key),
                    None,
                    false,
                    None,
                );
                i = e;
                continue;
            }
            if opens
                && let Some((
                    e,
                    Hit::Name {
                        key,
                        kind: EntityKind::Place,
                        stands_for,
                        ..
                    },
                )) = self.longest(i, b)
                && !(i == a && e == b)
                && !(i == a && e < b && words::is_place_head(self.text(e)))
            {
                // "Oregon Valley University", "Tainan City Kite Festival":
                // the state or city with the word that names it as such.
                if e + 1 < b
                    && self.toks[e].glued
                    && matches!(
                        (self.longest(i, e), self.text(e)),
                        (
                            Some((
                                _,
                                Hit::Name {
                                    place: Some(PlaceKind::State | PlaceKind::City),
                                    ..
                                }
                            )),
                            "State"
                        ) | (
                            Some((
                                _,
                                Hit::Name {
                                    place: Some(PlaceKind::City),
                                    ..
                                }
                            )),
                            "City"
                        )
                    )
                {
                    let key = self.joined(i, e + 1);
                    self.push(
                        i,
                        e + 1,
                        EntityKind::Place,
                        KindSource::Known,
                        Some(key),
                        None,
                        false,
                        None,
                    );
                    i = e + 1;
                    continue;
                }
                self.push(
                    i,
                    e,
                    EntityKind::Place,
                    KindSource::Known,
                    Some(key),
                    None,
                    false,
                    stands_for,
                );
                i = e;
                continue;
            }
            // "Metro Halifax Convention Centre", "University of Ohio Dayton":
            // a city, state or country inside the name.
            if !opens
                && let Some((
                    e,
                    Hit::Name {
                        key,
                        kind: EntityKind::Place,
                        stands_for: None,
                        place: Some(PlaceKind::City | PlaceKind::State | PlaceKind::Country),
                    },
                )) = self.longest(i, b)
                && self.toks[i].glued
            {
                self.push(
                    i,
                    e,
                    EntityKind::Place,
                    KindSource::Known,
                    Some(key),
                    None,
                    false,
                    None,
                );
                i = e;
                continue;
            }
            i += 1;
        }
    }

    /// "lost 1 – 2 to England", "fell to Spain": the "to" at `i` names the
    /// side that won.
    fn lost_to(&self, i: usize) -> bool {
        i > 0 && {
            let before = self.text(i - 1);
            before.bytes().all(|c| c.is_ascii_digit())
                || matches!(
                    before,
                    "lost" | "lose" | "loses" | "losing" | "fell" | "falls"
                )
        }
    }

    /// A known place that begins the name `a..b` and is shorter than it.
    fn leading_place(&mut self, a: usize, b: usize) {
        for e in (a + 1..b).rev() {
            if let Some(Hit::Name {
                key,
                kind: EntityKind::Place,
                stands_for: None,
                ..
            }) = self.lookup(a, e)
            {
                self.push(
                    a,
                    e,
                    EntityKind::Place,
                    KindSource::Known,
                    Some(key),
                    None,
                    false,
                    None,
                );
                return;
            }
        }
    }

    /// True when a known name or a first-name person starts at `a`.
    fn known_start(&self, a: usize, b: usize) -> bool {
        if let Some((e, hit)) = self.longest(a, b) {
            return !matches!(hit, Hit::Ignored) || e < a;
        }
        self.person_start(a, b, a + 1)
    }

    /// A first name, then a capitalized word that is not itself a known name
    /// reaching past it.
    fn person_start(&self, p: usize, b: usize, known_end: usize) -> bool {
        if p + 1 >= b || known_end > p + 1 {
            return false;
        }
        let first = self.text(p);
        if !GAZETTEER.is_first_name(first) {
            return false;
        }
        if self.lookup(p, p + 1).is_some_and(|h| {
            matches!(
                h,
                Hit::Name {
                    place: Some(PlaceKind::Country),
                    ..
                }
            ) || known_end > p + 1
        }) {
            return false;
        }
        let next = &self.toks[p + 1];
        let next_text = self.text(p + 1);
        let next_lower = next_text.to_lowercase();
        let plausible = !GAZETTEER.is_common(&first.to_lowercase())
            || (next_text.chars().count() >= 2
                && !words::is_function(&next_lower)
                && !GAZETTEER.is_common(&next_lower));
        plausible
            && !words::is_function(&first.to_lowercase())
            && next.glued
            && next.word
            && next.cap
            && !words::is_org_head(next_text)
    }

    /// "the Biden administration": a person's name before what is named after them.
    fn eponym_after(&self, i: usize) -> bool {
        self.toks.get(i + 1).is_some_and(|t| {
            t.word && t.glued && words::is_eponym_noun(&self.block[t.span.clone()])
        })
    }

    /// Tokens `a..b` stand in a list of places: ", <known place>" follows, or a
    /// place name and a comma come right before.
    /// Tokens `a..b` stand in a list of organizations ("Ubisoft, Microsoft,
    /// and PlayStation"): a known organization follows after a comma, or an
    /// organization and a comma come right before.
    fn in_org_list(&self, a: usize, b: usize) -> bool {
        let ends = |i: usize| {
            self.toks
                .get(i)
                .is_none_or(|t| !t.word || matches!(&self.block[t.span.clone()], "and" | "or"))
        };
        let after = b + 1 < self.toks.len()
            && self.text(b) == ","
            && !self.toks[b - 1].poss
            && self.toks[b + 1].cap
            && match self.longest(b + 1, self.toks.len().min(b + 5)) {
                Some((
                    e,
                    Hit::Name {
                        kind: EntityKind::Organization,
                        ..
                    },
                )) => !self.toks[e - 1].poss && ends(e),
                _ => false,
            };
        let before = a >= 1
            && self.text(a - 1) == ","
            && !self.toks[b - 1].poss
            && ends(b)
            && self.out.last().is_some_and(|m| {
                m.kind == EntityKind::Organization
                    && !m.demonym
                    && self.toks[a - 1].span.start == m.span.end
            });
        after || before
    }

    fn in_place_list(&self, a: usize, b: usize) -> bool {
        // The list ends there: punctuation or the end of the block follows.
        let ends = |i: usize| self.toks.get(i).is_none_or(|t| !t.word);
        let after = b + 1 < self.toks.len()
            && self.text(b) == ","
            && self.toks[b + 1].cap
            && match self.longest(b + 1, self.toks.len().min(b + 4)) {
                Some((
                    e,
                    Hit::Name {
                        kind: EntityKind::Place,
                        ..
                    },
                )) => !self.toks[e - 1].poss && ends(e),
                _ => false,
            };
        let before = a >= 1
            && self.text(a - 1) == ","
            && !self.toks[b - 1].poss
            && ends(b)
            && self.out.last().is_some_and(|m| {
                m.kind == EntityKind::Place
                    && !m.demonym
                    && self.toks[a - 1].span.start == m.span.end
            });
        after || before
    }

    /// A preposition of place right before token `i` ("in Austin", "to Paris").
    fn locative_before(&self, i: usize) -> bool {
        i > 0 && self.toks[i].glued && {
            let t = &self.toks[i - 1];
            t.word
                && matches!(
                    &self.block[t.span.clone()],
                    "in" | "at"
                        | "from"
                        | "to"
                        | "near"
                        | "of"
                        | "across"
                        | "outside"
                        | "into"
                        | "toward"
                        | "towards"
                        | "via"
                        | "around"
                        | "throughout"
                        | "within"
                )
        }
    }

    /// ", Texas" or a lower-case noun after a city name ("Paris, France", "Austin police").
    fn place_after(&self, i: usize) -> bool {
        let Some(next) = self.toks.get(i + 1) else {
            return false;
        };
        let text = &self.block[next.span.clone()];
        if text == "," {
            return self
                .toks
                .get(i + 2)
                .is_some_and(|t| t.cap && GAZETTEER.lookup(&self.block[t.span.clone()]).is_some());
        }
        next.word
            && next.glued
            && text.chars().next().is_some_and(char::is_lowercase)
            && !words::is_speech_verb(text)
            && !matches!(
                text,
                "and" | "or" | "was" | "is" | "has" | "had" | "who" | "also"
            )
    }

    /// A capitalized word that is never a name nor part of one: a weekday or
    /// month, a clock word, a number in words, a contraction.
    fn not_name_word(&self, i: usize) -> bool {
        let text = self.text(i);
        // Months that are also first names stay with the name ("June Halvorsen").
        let named_month = matches!(text, "April" | "May" | "June" | "August");
        (words::is_calendar(text) && !named_month)
            || words::is_clock_word(text)
            || words::is_number_word(text)
            || words::is_contraction(text)
    }

    fn speech_after(&self, i: usize) -> bool {
        self.toks
            .get(i + 1)
            .is_some_and(|t| t.word && words::is_speech_verb(&self.block[t.span.clone()]))
    }

    /// A run of capitalized words the gazetteer does not know.
    fn unknown(&mut self, a: usize, b: usize, role: Option<(usize, usize)>) {
        let mut a = a;
        while a < b {
            let text = self.text(a);
            let t = &self.toks[a];
            if text == "The"
                || text == "the"
                || text == "of"
                || (text.len() == 1 && !t.upper_dotted)
            {
                a += 1;
            } else {
                break;
            }
        }
        // Ages, numbers in words and dates around a name are not part of it
        // ("Nineteen-year-old", "Forty-two", "Fri Oct", "AM CT").
        while a < b && self.not_name_word(a) {
            a += 1;
        }
        let mut b = b;
        while b > a
            && (matches!(self.text(b - 1), "of" | "for" | "and" | "the")
                || self.not_name_word(b - 1))
        {
            b -= 1;
        }
        if a >= b {
            return;
        }
        let n = b - a;
        let first = self.text(a).to_string();
        let last = self.text(b - 1).to_string();
        let first_name = GAZETTEER.is_first_name(&first);
        // In title-case headings, only names that cannot be ordinary words:
        // a first name and more, rare words only ("Oren Dalmi"), or an acronym.
        if self.heading {
            // A title-case heading capitalises every word, so a person's name
            // runs on into the words after it ("John Lindqvist Wins Again In
            // Brenvik"): it ends at the first ordinary word after the first
            // two, and what follows is read on its own.
            let ordinary = |i: usize| {
                let lower = self.text(i).to_lowercase();
                GAZETTEER.is_common(&lower) || words::is_function(&lower)
            };
            if n >= 3
                && first_name
                && let Some(cut) = (a + 2..b).find(|&i| ordinary(i))
            {
                let next = (cut..b).find(|&i| !ordinary(i));
                self.unknown(a, cut, role);
                if let Some(next) = next {
                    self.unknown(next, b, None);
                }
                return;
            }
            let rare = (a..b).all(|i| {
                let lower = self.text(i).to_lowercase();
                self.toks[i].word
                    && !GAZETTEER.is_common(&lower)
                    && !words::is_function(&lower)
                    && !words::is_title(self.text(i))
            });
            let acronym = n == 1 && self.toks[a].upper;
            let accepted = if n >= 2 {
                first_name || rare
            } else {
                acronym && rare
            };
            if !accepted {
                return;
            }
        }
        if n == 1 && first.contains(['-', '‐']) && first.split(['-', '‐']).all(words::is_direction)
        {
            // "East-West", "North-South"
            return;
        }
        if n == 1 && b < self.toks.len() && self.toks[b].glued && self.toks[b].word {
            let next = self.text(b);
            let next_lower = next.chars().next().is_some_and(char::is_lowercase);
            // "Muslim community", "Paralympic sport": adjectives of faith, creed or games.
            if next_lower && words::is_creed_adjective(&first) {
                return;
            }
            // "Formica fusca": a genus before its species.
            if next_lower && !GAZETTEER.is_common(next) && words::looks_latin(next) {
                return;
            }
        }
        if n == 1 && words::is_stop_acronym(&first) {
            return;
        }
        if n == 1 && (words::is_title(&first) || words::is_calendar(&first)) {
            return;
        }
        // "Oregon Valley University Simon Ličen": an organization, then a person.
        if n >= 4
            && let Some(h) = (a + 1..b - 2).find(|&i| {
                words::is_org_head(self.text(i))
                    && b - i == 3
                    && GAZETTEER.is_first_name(self.text(i + 1))
                    && self.toks[i + 2].cap
                    && !words::is_org_head(self.text(i + 2))
            })
        {
            self.unknown(a, h + 1, None);
            self.unknown(h + 1, b, role);
            return;
        }
        let before = self.role_before(a);
        let role_text = role
            .map(|(s, e)| {
                self.block[self.toks[s].span.start..self.toks[e - 1].span.end].to_string()
            })
            .or(before);
        let all_caps = n == 1 && self.toks[a].upper;
        let last_common = GAZETTEER.is_common(&last.to_lowercase());
        let the_before = a > 0 && self.toks[a].glued && matches!(self.text(a - 1), "the" | "The");
        let direction_of_place = n >= 2
            && (a..b - 1).all(|i| words::is_direction_adjective(self.text(i)))
            && matches!(
                self.lookup(b - 1, b),
                Some(Hit::Name {
                    kind: EntityKind::Place,
                    ..
                })
            );
        // "Pelham Independent School District": an organization's head inside the name.
        let inner_head = n >= 3
            && words::is_place_of_head(&last)
            && (a + 1..b - 1).any(|i| words::is_org_head(self.text(i)));
        use KindSource as S;
        let (kind, source) = if words::is_foreign_place_head(&first) && n >= 2 {
            // "Kibbutz Ramot", "Masjid Al-Noor"
            (EntityKind::Place, S::HeadWord)
        } else if words::is_org_suffix(&last)
            || words::is_org_head(&last)
            || inner_head
            || words::is_foreign_org_head(&first)
        {
            (EntityKind::Organization, S::HeadWord)
        } else if words::is_place_head(&last) || words::is_direction(&last) || direction_of_place {
            // "Harbour East", "the West"
            (EntityKind::Place, S::HeadWord)
        } else if let Some(kind) = (role_text.is_none())
            .then(|| self.category_before(a))
            .flatten()
        {
            // "the religious schools Santa Chiara", "religions such as Wicca"
            (kind, S::Category)
        } else if role_text.is_some() || self.nickname(a) {
            (EntityKind::Person, S::Role)
        } else if first_name && n >= 2 {
            (EntityKind::Person, S::FullName)
        } else if all_caps || (n == 1 && camel_case(&first)) {
            (EntityKind::Organization, S::Shape)
        } else if self.affiliation(a, b) {
            (EntityKind::Organization, S::Affiliation)
        } else if self.in_place_list(a, b) || self.campus(a) {
            // "Bogliasco, Italy", "Kibbutz Ramot, Tiberias"
            (EntityKind::Place, S::List)
        } else if n == 1 && self.in_org_list(a, b) {
            (EntityKind::Organization, S::List)
        } else if n >= 2 {
            if (a..b).all(|i| self.toks[i].upper)
                || (self.toks[a].upper && !self.toks[a].upper_dotted && first.len() >= 3)
            {
                // "UNC Greensboro", "ANDRILL Project": an acronym opens an organization's name.
                (EntityKind::Organization, S::Shape)
            } else if !first_name
                && self.place_before(a)
                && !(a..b).any(|i| words::is_event_head(self.text(i)))
            {
                (EntityKind::Place, S::Preposition)
            } else if GAZETTEER.is_surname(&last) {
                (EntityKind::Person, S::NameWord)
            } else if !last_common {
                (EntityKind::Person, S::Guess)
            } else {
                (EntityKind::Organization, S::Guess)
            }
        } else if the_before && self.eponym_after(a) {
            (EntityKind::Person, S::Structure)
        } else if the_before && GAZETTEER.is_surname(&first) {
            (EntityKind::Person, S::NameWord)
        } else if the_before {
            if words::is_direction(&first) {
                (EntityKind::Place, S::HeadWord)
            } else {
                (EntityKind::Organization, S::Guess)
            }
        } else if self.surname_in_block(&first) {
            (EntityKind::Person, S::NamedBefore)
        } else if self.speech_after(a) {
            (EntityKind::Person, S::Speech)
        } else if self.place_before(a) {
            // "in Brenford", "near Oskeby": a preposition of place outweighs a
            // word that is also a surname.
            (EntityKind::Place, S::Preposition)
        } else if words::is_direction(&first) {
            (EntityKind::Place, S::HeadWord)
        } else if first_name || GAZETTEER.is_surname(&first) {
            (EntityKind::Person, S::NameWord)
        } else if self.goal_before(a) {
            (EntityKind::Place, S::Preposition)
        } else if let Some(kind) = self.coordinated(a) {
            // "the religious schools Santa Chiara and Immacolata"
            (kind, S::Coordinated)
        } else if last_common {
            (EntityKind::Organization, S::Guess)
        } else {
            (EntityKind::Person, S::Guess)
        };
        let role_text = if kind == EntityKind::Person {
            role_text.or_else(|| if n >= 2 { self.apposition(b) } else { None })
        } else {
            None
        };
        if kind == EntityKind::Organization && n >= 2 {
            // "Harbour Lights", "Manitoba Stargazers": the place they are named
            // after; "Vornholt Studio": the person.
            if !self.eponym(a, b) {
                self.nested_places(a, b);
            }
        }
        self.push(a, b, kind, source, None, role_text, false, None);
    }

    /// The kind a lower-case category noun gives the name after it, right
    /// before it ("the company Hitwise") or before "such as" ("bands such as
    /// The Copper Lanterns").
    fn category_before(&self, a: usize) -> Option<EntityKind> {
        let mut i = a;
        if i > 0 && matches!(self.text(i - 1), "the" | "The") {
            i -= 1;
        }
        let noun = |j: usize| {
            let t = &self.toks[j];
            if !t.word || t.cap {
                return None;
            }
            let word = &self.block[t.span.clone()];
            // "photographers ... such as Wilma Sorensen": people.
            let singular = word.strip_suffix('s').unwrap_or(word);
            if words::is_role_noun(word) || words::is_role_noun(singular) {
                return Some(EntityKind::Person);
            }
            words::category_kind(word)
        };
        if i == 0 {
            return None;
        }
        if self.text(i - 1) == "as" && i >= 2 && self.text(i - 2) == "such" {
            // Back over the category's words to its noun: "publishers who are
            // open to the concept, such as".
            let stop = i.saturating_sub(12);
            return (stop..i - 2).rev().find_map(noun);
        }
        if matches!(
            self.text(i - 1),
            "including" | "included" | "include" | "includes"
        ) {
            // "fan-based groups included The Manitoba Stargazers", but not
            // "the organization including Tom Vandermeer".
            if self.person_start(a, self.toks.len(), a + 1) {
                return None;
            }
            let stop = i.saturating_sub(4);
            return (stop..i - 1).rev().find_map(noun);
        }
        if self.text(i - 1) == "as"
            && let Some(such) = (i.saturating_sub(5)..i - 1)
                .rev()
                .find(|&j| self.text(j) == "such")
        {
            // "such bands as The Copper Lanterns"
            return (such + 1..i - 1).rev().find_map(noun);
        }
        if self.toks[i].glued || i < a {
            noun(i - 1)
        } else {
            None
        }
    }

    /// "Victor Leung of Citizens First", "Demosisto's Julian Park": what a person
    /// belongs to, by "of" after their name or a possessive before it.
    fn affiliation(&self, a: usize, b: usize) -> bool {
        let of_person = a >= 2
            && self.text(a - 1) == "of"
            && self.toks[a - 1].glued
            && self.out.last().is_some_and(|m| {
                m.kind == EntityKind::Person
                    && !m.demonym
                    && m.text.contains(' ')
                    && m.span.end == self.toks[a - 2].span.end
            });
        let before_person = self.toks[b - 1].poss
            && self.toks.get(b).is_some_and(|t| {
                let text = &self.block[t.span.clone()];
                t.word
                    && t.cap
                    && !words::is_title(text)
                    && (GAZETTEER.is_first_name(text)
                        || !GAZETTEER.is_common(&text.to_lowercase())
                            && self.toks.get(b + 1).is_some_and(|u| {
                                u.word
                                    && u.cap
                                    && u.glued
                                    && !words::is_title(&self.block[u.span.clone()])
                            }))
            });
        of_person || before_person
    }

    /// "University of North Carolina at Maple Ridge": the place where an
    /// organization named just before stands.
    fn campus(&self, a: usize) -> bool {
        a >= 2
            && self.text(a - 1) == "at"
            && self.toks[a].glued
            && self.toks[a - 1].glued
            && self.out.last().is_some_and(|m| {
                m.kind == EntityKind::Organization && m.span.end == self.toks[a - 2].span.end
            })
    }

    /// "they called me The Sailor": a name given to a person.
    fn nickname(&self, a: usize) -> bool {
        let mut i = a;
        if i > 0 && matches!(self.text(i - 1), "the" | "The") {
            i -= 1;
        }
        i >= 2
            && matches!(
                self.text(i - 1),
                "him" | "her" | "me" | "them" | "us" | "himself" | "herself" | "myself"
            )
            && matches!(
                self.text(i - 2),
                "call" | "calls" | "called" | "calling" | "dubbed" | "nicknamed"
            )
    }

    /// The kind of the name this one is joined to by "and" or "or".
    fn coordinated(&self, a: usize) -> Option<EntityKind> {
        if a < 2 || !matches!(self.text(a - 1), "and" | "or") {
            return None;
        }
        let stop = self.toks[a - 2].span.end;
        self.out
            .last()
            .filter(|m| !m.demonym && m.span.end == stop)
            .map(|m| m.kind)
    }

    fn surname_in_block(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    fn place_before(&self, a: usize) -> bool {
        a > 0 && self.toks[a].glued && {
            let t = &self.toks[a - 1];
            let word = &self.block[t.span.clone()];
            t.word
                && (matches!(
                    word,
                    "in" | "near" | "across" | "outside" | "into" | "throughout" | "inside"
                )
                    // "the town of Yeoncheon", "the Municipality of Bogliasco", "next to Genova"
                    || (a >= 2
                        && self.toks[a - 1].glued
                        && match word {
                            "of" => words::is_settlement_noun(&self.text(a - 2).to_lowercase()),
                            "to" => self.text(a - 2) == "next",
                            _ => false,
                        }))
        }
    }

    /// "at", "from" or "to" right before a name that nothing else types:
    /// where one goes, comes from or is ("flew to Brenford"), but not "according
    /// to" or a speech verb's addressee ("said to").
    fn goal_before(&self, a: usize) -> bool {
        if a == 0 || !self.toks[a].glued || !self.toks[a - 1].word {
            return false;
        }
        match self.text(a - 1) {
            "at" | "from" => true,
            "to" => {
                a < 2
                    || !(matches!(
                        self.text(a - 2),
                        "according" | "due" | "thanks" | "next" | "close" | "up" | "married"
                    ) || words::is_speech_verb(self.text(a - 2)))
            }
            _ => false,
        }
    }

    /// A lower-case role word right before a name ("spokesperson Dmitry Peskov").
    fn role_before(&self, a: usize) -> Option<String> {
        if a == 0 || !self.toks[a].glued {
            return None;
        }
        let t = &self.toks[a - 1];
        let text = &self.block[t.span.clone()];
        (t.word && words::is_role_noun(text)).then(|| text.to_string())
    }

    /// ", former British military intelligence officer and senior lecturer at X"
    fn apposition(&self, b: usize) -> Option<String> {
        let toks = self.toks;
        if b >= toks.len() || self.text(b) != "," {
            return None;
        }
        let start = b + 1;
        let mut end = start;
        let mut has_role = false;
        while end < toks.len() && end < start + 16 {
            let text = self.text(end);
            if !toks[end].word && !matches!(text, "-" | "’" | "'") {
                break;
            }
            if toks[end].sentence_start && end > start {
                break;
            }
            if end == start {
                let lower = text.to_lowercase();
                if words::is_apposition_blocker(&lower) {
                    return None;
                }
            }
            if words::is_role_noun(&text.to_lowercase()) {
                has_role = true;
            }
            end += 1;
        }
        if !has_role || end == start {
            return None;
        }
        let mut s = start;
        while s < end && matches!(self.text(s), "a" | "an" | "the" | "A" | "An" | "The") {
            s += 1;
        }
        if s >= end {
            return None;
        }
        Some(self.block[toks[s].span.start..toks[end - 1].span.end].to_string())
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        a: usize,
        b: usize,
        kind: EntityKind,
        kind_source: KindSource,
        key: Option<String>,
        role: Option<String>,
        demonym: bool,
        stands_for: Option<String>,
    ) {
        let span = self.toks[a].span.start..self.toks[b - 1].span.end;
        let text = self.block[span.clone()].to_string();
        let key = key.unwrap_or_else(|| normalize(&text));
        if self.config.is_ignored(&text) {
            return;
        }
        if kind == EntityKind::Person
            && let Some((_, last)) = text.rsplit_once(' ')
        {
            self.surnames.insert(last.to_string());
        }
        self.out.push(Mention {
            span,
            text: text.into(),
            kind,
            kind_source,
            key: key.into(),
            demonym,
            role: role.map(Into::into),
            stands_for: stands_for.map(Into::into),
        });
    }
}

/// True when the run's name is "X of Y" right from its first word.
fn joined_at_start(rec: &Recognizer<'_>, start: usize, b: usize) -> bool {
    start + 1 < b && matches!(rec.text(start + 1), "of" | "for")
}

/// A word written as a regular English plural ("Owls", "Rangers"), not a
/// word that merely ends in s ("Glass", "Status").
fn plural_form(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")
}

/// True for a head word of organization names ("Church", "University").
pub fn is_org_head_word(word: &str) -> bool {
    words::is_org_head(word)
}

/// "LibriVox", "wikiHow", "YouTube": a capital after a lower-case letter
/// (but not "McKenzie", "MacDonald", "DeVos", "O'Reilly").
fn camel_case(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let inner = chars
        .windows(2)
        .position(|w| w[0].is_lowercase() && w[1].is_uppercase());
    match inner {
        None => false,
        Some(i) => {
            let prefix: String = chars[..=i].iter().collect();
            !matches!(
                prefix.as_str(),
                "Mc" | "Mac" | "De" | "Di" | "Da" | "La" | "Le" | "Van" | "Von"
            )
        }
    }
}

/// The normalized form of a name: single spaces, straight apostrophes, no leading "the".
pub fn normalize(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for (i, w) in text.split_whitespace().enumerate() {
        if i == 0 && (w == "the" || w == "The") {
            continue;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(w);
    }
    s.replace('’', "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each name of `sentence` with its kind and the source of that kind.
    fn sources_in(sentence: &str) -> Vec<(String, EntityKind, KindSource)> {
        let config = Config::default();
        let sentences = crate::analysis::text::sentences(sentence);
        find_mentions(sentence, BlockKind::Prose, &sentences, &config)
            .into_iter()
            .map(|m| (m.text.to_string(), m.kind, m.kind_source))
            .collect()
    }

    fn source_of(sentence: &str, name: &str) -> KindSource {
        let found = sources_in(sentence);
        found
            .iter()
            .find(|(text, ..)| text == name)
            .unwrap_or_else(|| panic!("no {name} in {found:?}"))
            .2
    }

    #[test]
    fn the_rules_record_the_cue_that_decided_a_kind() {
        use KindSource as S;
        let cases = [
            ("Officials met in Norway on Monday.", "Norway", S::Known),
            (
                "She joined the Brenvik Foundation last year.",
                "Brenvik Foundation",
                S::HeadWord,
            ),
            ("They met Dr. Varnholm on Monday.", "Varnholm", S::Role),
            (
                "She sold it to the company Quellmar.",
                "Quellmar",
                S::Category,
            ),
            ("The talks were held in Oskavar.", "Oskavar", S::Preposition),
            (
                "Quellmar said the talks would resume.",
                "Quellmar",
                S::Speech,
            ),
        ];
        for (sentence, name, source) in cases {
            assert_eq!(source_of(sentence, name), source, "{sentence}");
        }
    }

    #[test]
    fn a_name_nothing_types_is_a_guess() {
        // No title, head word, category, preposition or lookup: a default.
        assert_eq!(
            sources_in("They visited Varnholm last year."),
            [(
                "Varnholm".to_string(),
                EntityKind::Person,
                KindSource::Guess
            )]
        );
    }

    #[test]
    fn a_title_between_two_names_ends_the_first() {
        use KindSource as S;
        let person = EntityKind::Person;
        let org = EntityKind::Organization;
        let found = sources_in;
        assert_eq!(
            found("Fans cheered as Brenvik Chairman Ada Lindqvist spoke."),
            [
                ("Brenvik".to_string(), org, S::Structure),
                ("Ada Lindqvist".to_string(), person, S::Role),
            ]
        );
        assert_eq!(
            found("Fans cheered as Falkhaven Owls QB Tom Ekholm ran."),
            [
                ("Falkhaven Owls".to_string(), org, S::Structure),
                ("Tom Ekholm".to_string(), person, S::Role),
            ]
        );
        // Quiet: a common word after the title is no one's name.
        assert_eq!(
            found("Fans cheered as Brenvik Chairman Award winners spoke.")
                .iter()
                .filter(|(_, k, _)| *k == person)
                .count(),
            0
        );
        // Quiet: one common word before the title is part of it.
        assert_eq!(
            found("Fans cheered as Water Secretary Ada Lindqvist spoke."),
            [("Ada Lindqvist".to_string(), person, S::Role)]
        );
        // Quiet: a title after a first name is a part of the person's name.
        let names: Vec<String> = found("Fans cheered as John King Lindqvist spoke.")
            .into_iter()
            .map(|(t, ..)| t)
            .collect();
        assert_eq!(names, ["John King Lindqvist"]);
        assert!(plural_form("Owls") && !plural_form("Glass") && !plural_form("Status"));
    }

    /// The names of `heading` read as a heading block.
    fn heading_names(heading: &str) -> Vec<(String, EntityKind)> {
        let config = Config::default();
        let sentences = crate::analysis::text::sentences(heading);
        find_mentions(heading, BlockKind::Heading, &sentences, &config)
            .into_iter()
            .map(|m| (m.text.to_string(), m.kind))
            .collect()
    }

    #[test]
    fn a_name_in_a_title_case_heading_ends_at_an_ordinary_word() {
        assert_eq!(
            heading_names("John Lindqvist Wins Again In Brenvik"),
            [("John Lindqvist".to_string(), EntityKind::Person)]
        );
        // Quiet: a name of three rare words stays whole.
        assert_eq!(
            heading_names("John Maren Lindqvist Speaks"),
            [("John Maren Lindqvist".to_string(), EntityKind::Person)]
        );
    }

    #[test]
    fn every_source_is_listed_once_with_its_own_name() {
        let names: HashSet<&str> = KindSource::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(names.len(), KindSource::ALL.len());
    }
}
