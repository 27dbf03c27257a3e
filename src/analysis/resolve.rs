//! Entity identity: which mentions, within an article and across the desk,
//! name the same person, organization or place.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use super::config::Config;
use super::document::Anchor;
use super::entities::gazetteer::GAZETTEER;
use super::model::{EntityKind, Mention};

/// A mention's place in the desk.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MentionRef {
    /// Index of the document in the desk's input order.
    pub doc: usize,
    /// Index of the mention among the document's mentions.
    pub index: usize,
    /// The bytes meant, relative to the mention's start: all of it, or one
    /// word of it for a [`Spelling`]. The desk report gives the absolute span.
    pub part: Range<usize>,
}

impl MentionRef {
    /// What a finding about it points at.
    pub fn anchor(&self) -> Anchor {
        Anchor::mention(self.index, self.part.clone())
    }
}

/// One spelling of an entity's name and how often it is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spelling {
    /// The spelling as written.
    pub text: String,
    /// The mentions that use it.
    pub mentions: Vec<MentionRef>,
}

/// A person, organization or place, with every mention of it in the desk.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Stable identifier within one resolution (`E1`, `E2`, ...).
    pub id: String,
    /// What it is.
    pub kind: EntityKind,
    /// The name it is best known by.
    pub canonical: String,
    /// Other names it goes by in the desk (surname, acronym, variants).
    pub aliases: Vec<String>,
    /// Roles the text gives it.
    pub roles: Vec<String>,
    /// For a metonym, the index of the entity it stands for.
    pub refers_to: Option<usize>,
    /// Every mention, in desk order.
    pub mentions: Vec<MentionRef>,
    /// Spellings of one and the same name that differ ("Zelenskyy", "Zelensky").
    /// Empty or one element when there is no variation.
    pub spellings: Vec<Spelling>,
    /// The preferred spelling among `spellings`, from config or the majority.
    pub preferred: Option<String>,
    /// The user's note, for entities declared in `marginalia.toml`.
    pub note: Option<String>,
}

/// The result of resolving a desk's mentions into entities.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntityTable {
    /// Every entity. Shared with the tables made before it as long as it
    /// does not change.
    pub entities: Vec<Arc<Entity>>,
    /// For each document, for each of its mentions, the index of its entity.
    pub by_doc: Vec<Arc<Vec<usize>>>,
}

/// Words of a name, without possessive endings.
fn name_words(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|w| {
            w.strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w)
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The words of a person's name that identify them: without titles or roles
/// written before it ("City Councilman Ada Lind" -> "Ada Lind"), middle
/// initials ("Ada K. Lind") or a generational suffix ("Jr.").
fn person_words<'a>(words: &[&'a str]) -> Vec<&'a str> {
    use super::entities::words::{is_role_noun, is_title};
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        if words.len() - i <= 2 {
            break;
        }
        if is_title(w) || is_role_noun(&w.to_lowercase()) {
            start = i + 1;
        }
    }
    let rest = &words[start..];
    let mut end = rest.len();
    while end > 2
        && matches!(
            rest[end - 1],
            "Jr" | "Jr." | "Sr" | "Sr." | "II" | "III" | "IV"
        )
    {
        end -= 1;
    }
    let rest = &rest[..end];
    let n = rest.len();
    rest.iter()
        .enumerate()
        .filter(|&(i, w)| {
            let initial = w.chars().count() == 2
                && w.ends_with('.')
                && w.chars().next().is_some_and(char::is_uppercase);
            !(i > 0 && i + 1 < n && initial)
        })
        .map(|(_, w)| *w)
        .collect()
}

/// The name of a street without its street word ("Lind Ave" -> "Lind").
fn street_stem(key: &str) -> Option<&str> {
    let (stem, last) = key.rsplit_once(' ')?;
    matches!(
        last,
        "Avenue"
            | "Ave"
            | "Ave."
            | "Street"
            | "St"
            | "St."
            | "Road"
            | "Rd"
            | "Rd."
            | "Boulevard"
            | "Blvd"
            | "Blvd."
            | "Lane"
            | "Drive"
    )
    .then_some(stem)
    .filter(|s| !s.is_empty())
}

/// Levenshtein distance on characters, stopping early above `max`.
fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut best = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            best = best.min(cur[j]);
        }
        if best > max {
            return max + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Two spellings of one word: long enough, same first letter, one edit apart
/// (two in long words that end alike). Not two forms of one word ("Raveler",
/// "Ravelers"), not a difference of case or hyphen alone, not two ordinary
/// words that look alike.
fn variant_words(a: &str, b: &str) -> bool {
    // Typography is not spelling: "O’Brien" and "O'Brien" are one spelling.
    let (a, b) = (a.replace('’', "'"), b.replace('’', "'"));
    if a == b || a.chars().count() < 5 || b.chars().count() < 5 {
        return false;
    }
    if a.chars().next() != b.chars().next() {
        return false;
    }
    let plain = |w: &str| -> String {
        w.chars()
            .filter(|c| !matches!(c, '-' | '‐' | '\''))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (la, lb) = (plain(&a), plain(&b));
    if la == lb
        || inflection(&la, &lb)
        || inflection(&lb, &la)
        || adjective_of(&la, &lb)
        || adjective_of(&lb, &la)
    {
        return false;
    }
    if GAZETTEER.is_common(&la) && GAZETTEER.is_common(&lb) {
        return false;
    }
    match edit_distance(&la, &lb, 2) {
        1 => true,
        2 => {
            let long = la.chars().count() >= 8 && lb.chars().count() >= 8;
            let tail = |w: &str| w.chars().rev().take(2).collect::<String>();
            long && tail(&la) == tail(&lb)
        }
        _ => false,
    }
}

/// `b` is `a` with a plural or possessive ending ("raveler", "ravelers").
fn inflection(a: &str, b: &str) -> bool {
    b.strip_prefix(a)
        .is_some_and(|rest| matches!(rest, "s" | "es" | "'s" | "s'"))
        || (a.ends_with('y') && b.strip_prefix(&a[..a.len() - 1]) == Some("ies"))
}

/// `b` is the adjective or demonym of the place `a` ("Varnholm",
/// "Varnholmian"; "Norlanda", "Norlandan"; "Tarq", "Tarqi").
fn adjective_of(a: &str, b: &str) -> bool {
    b.strip_prefix(a)
        .is_some_and(|rest| matches!(rest, "n" | "an" | "ian" | "i" | "ese" | "ish"))
}

/// The desk's keys with every spelling the user listed as a variant written
/// the preferred way ("Brenfort" -> "Brenford", "Ada Lind Berg" ->
/// "Ada Lind-Berg"). `None` when the key has no listed variant.
fn preferred_key(key: &str, config: &Config) -> Option<String> {
    let mut out = key.to_string();
    for (preferred, variants) in &config.preferred_spellings {
        for v in variants {
            if v.is_empty() || v == preferred {
                continue;
            }
            out = replace_words(&out, v, preferred);
        }
    }
    (out != key).then_some(out)
}

/// `text` with each whole-word occurrence of `from` replaced by `to`.
fn replace_words(text: &str, from: &str, to: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(from) {
        let before_ok = rest[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
            && (i > 0 || out.chars().next_back().is_none_or(|c| !c.is_alphanumeric()));
        let after = &rest[i + from.len()..];
        let after_ok = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
        out.push_str(&rest[..i]);
        if before_ok && after_ok {
            out.push_str(to);
        } else {
            out.push_str(from);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Two person names that differ only in the spelling of one long word.
fn variant_names(a: &str, b: &str) -> bool {
    let wa: Vec<&str> = a.split(' ').collect();
    let wb: Vec<&str> = b.split(' ').collect();
    if wa.len() != wb.len() {
        return false;
    }
    let mut differing = 0;
    for (x, y) in wa.iter().zip(&wb) {
        if x != y {
            if !variant_words(x, y) {
                return false;
            }
            differing += 1;
        }
    }
    differing == 1
}

fn bucket(word: &str) -> String {
    word.chars().take(3).flat_map(char::to_lowercase).collect()
}

/// What a mention is taken to name before entities are numbered.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Ident {
    Person(String),
    Thing(String),
}

impl Ident {
    /// The name it is known by.
    pub fn key(&self) -> &str {
        match self {
            Ident::Person(k) | Ident::Thing(k) => k,
        }
    }
}

/// Union-find over identities.
pub(crate) struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    /// `n` identities, each on its own.
    pub fn new(n: usize) -> Groups {
        Groups {
            parent: (0..n).collect(),
        }
    }

    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins two groups; the older identity (smaller index) stays the root.
    pub fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (root, child) = if a < b { (a, b) } else { (b, a) };
            self.parent[child] = root;
        }
    }
}

/// The initials of a name's capitalized words ("University of Southern
/// Indiana" -> "USI"), or the capitals of a one-word name ("LibriVox" -> "LV").
fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() == 1 {
        return name.chars().filter(|c| c.is_uppercase()).collect();
    }
    words
        .iter()
        .filter(|w| !matches!(**w, "of" | "for" | "the" | "and" | "on" | "in" | "at" | "&"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

pub(crate) fn kind_slot(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
    }
}

/// How much one mention's reading weighs in its entity's kind. A bare word
/// read as a person when nothing said what it is weighs least; a reading the
/// gazetteer, a full name or a head word supports weighs more.
fn vote_weight(ident: &Ident, m: &Mention) -> usize {
    match ident {
        Ident::Person(k) if !k.contains(' ') => {
            if m.role.is_some() {
                3
            } else {
                1
            }
        }
        Ident::Person(_) => 3,
        Ident::Thing(k) => {
            let known = GAZETTEER.lookup(k).is_some_and(|g| g.kind == m.kind);
            if known || k.contains(' ') { 3 } else { 2 }
        }
    }
}

fn is_acronym(key: &str) -> bool {
    let n = key.chars().count();
    (2..=6).contains(&n) && key.chars().all(|c| c.is_ascii_uppercase())
}

/// The words of a person's full name as a mention gives it, when it gives
/// one (two words or more, once titles and initials are dropped).
fn full_words(m: &Mention) -> Option<Vec<&str>> {
    if m.kind != EntityKind::Person || m.demonym {
        return None;
    }
    let words = person_words(&name_words(&m.key));
    (words.len() >= 2).then_some(words)
}

/// The full person names an article writes, one per mention, each with the
/// words the desk finds it by: its surname, and its first word when that is
/// likely a family name written first ("Ri Sol Chan", "Ri Dok-han").
pub(crate) fn article_full_names(mentions: &[&Mention]) -> Vec<FullName> {
    mentions
        .iter()
        .filter_map(|m| full_words(m))
        .map(|words| {
            let family_first = words.len() >= 3 || words[words.len() - 1].contains('-');
            let keys = if family_first {
                vec![words[0].to_string(), words[words.len() - 1].to_string()]
            } else {
                vec![words[words.len() - 1].to_string()]
            };
            FullName {
                full: words.join(" "),
                keys,
            }
        })
        .collect()
}

/// A full person name written once, with the words the desk finds it by.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct FullName {
    pub full: String,
    pub keys: Vec<String>,
}

/// The person names the config declares, which are taken as written.
pub(crate) fn user_persons(config: &Config) -> HashSet<&str> {
    config
        .entities
        .iter()
        .filter(|u| EntityKind::from(u.kind) == EntityKind::Person)
        .map(|u| u.name.as_str())
        .collect()
}

/// One identity an article names, with what its mentions there say of it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LocalIdent {
    pub ident: Ident,
    /// Its mentions, by number in the article, in order.
    pub mentions: Vec<u32>,
    /// The kind its first mention reads as (a demonym reads as a place).
    pub first_kind: EntityKind,
    /// Whether its first mention is a demonym.
    pub demonym: bool,
    /// Its mentions' votes for each kind (see [`vote_weight`]).
    pub votes: [usize; 3],
    /// A hash of how its mentions are written (text, length, role, what a
    /// metonym stands for): an entity reads them all.
    pub written: u64,
    /// What an entity reads of its mentions, in their order.
    pub writing: Writing,
}

/// What an entity's name, aliases and roles are made of, read from a run
/// of its mentions in order. The runs of consecutive stretches of mentions
/// join into the run of all of them ([`Writing::then`]), so an entity can
/// be described from each article's identities without reading every
/// mention again.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Writing {
    /// Each way the mentions that are not demonyms are written, once, in
    /// order of first use.
    pub texts: Vec<Arc<str>>,
    /// The key of the last mention (not a demonym, not an acronym) of the
    /// most words, with its number of words.
    pub longest: Option<(usize, Arc<str>)>,
    /// The roles the mentions give, once each, in order.
    pub roles: Vec<Arc<str>>,
    /// What the first metonym among them stands for.
    pub stands_for: Option<Arc<str>>,
}

impl Writing {
    /// Reads one more mention, after those read so far.
    pub fn add(&mut self, m: &Mention) {
        if !m.demonym {
            push_distinct(&mut self.texts, &m.text);
            if !is_acronym(&m.key) {
                let words = m.key.split(' ').count();
                if self.longest.as_ref().is_none_or(|(n, _)| words >= *n) {
                    self.longest = Some((words, m.key.clone()));
                }
            }
        }
        if let Some(role) = &m.role {
            push_distinct(&mut self.roles, role);
        }
        if self.stands_for.is_none() {
            self.stands_for = m.stands_for.clone();
        }
    }

    /// Reads the mentions `next` has read, after those read so far.
    pub fn then(&mut self, next: &Writing) {
        for t in &next.texts {
            push_distinct(&mut self.texts, t);
        }
        if let Some((words, key)) = &next.longest
            && self.longest.as_ref().is_none_or(|(n, _)| words >= n)
        {
            self.longest = Some((*words, key.clone()));
        }
        for r in &next.roles {
            push_distinct(&mut self.roles, r);
        }
        if self.stands_for.is_none() {
            self.stands_for = next.stands_for.clone();
        }
    }
}

/// Adds `item` to `list` unless it is there already.
fn push_distinct(list: &mut Vec<Arc<str>>, item: &Arc<str>) {
    if !list.iter().any(|x| Arc::ptr_eq(x, item) || **x == **item) {
        list.push(item.clone());
    }
}

/// What an article's mentions name, resolved within the article and against
/// the desk's full names.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct ArticleIdents {
    /// The identities, in order of first mention.
    pub idents: Vec<LocalIdent>,
    /// For each mention, its identity in `idents`.
    pub of_mention: Vec<u32>,
    /// The bare words that were looked up among the desk's full names: the
    /// article must be identified again when those change.
    pub lookups: Vec<String>,
}

/// Identifies an article's mentions.
pub(crate) fn identify_article(
    mentions: &[&Mention],
    desk: &DeskNames,
    user_persons: &HashSet<&str>,
) -> ArticleIdents {
    // Full names of this article by surname, then by first word.
    let mut local: HashMap<&str, Vec<String>> = HashMap::new();
    let mut local_first: HashMap<&str, Vec<String>> = HashMap::new();
    for m in mentions {
        if let Some(words) = full_words(m) {
            let full = words.join(" ");
            for (map, w) in [
                (&mut local, words[words.len() - 1]),
                (&mut local_first, words[0]),
            ] {
                let list = map.entry(w).or_default();
                if !list.contains(&full) {
                    list.push(full.clone());
                }
            }
        }
    }
    for (w, fulls) in local_first {
        local.entry(w).or_insert(fulls);
    }
    let mut out = ArticleIdents {
        of_mention: Vec::with_capacity(mentions.len()),
        ..ArticleIdents::default()
    };
    let mut index: HashMap<Ident, u32> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let mut looked_up = None;
        let ident = identify(m, &local, desk, user_persons, &mut looked_up);
        if let Some(word) = looked_up
            && !out.lookups.contains(&word)
        {
            out.lookups.push(word);
        }
        let weight = vote_weight(&ident, m);
        let kind = match ident {
            Ident::Person(_) => EntityKind::Person,
            Ident::Thing(_) if m.demonym => EntityKind::Place,
            Ident::Thing(_) => m.kind,
        };
        let id = *index.entry(ident.clone()).or_insert_with(|| {
            out.idents.push(LocalIdent {
                ident,
                mentions: Vec::new(),
                first_kind: if m.demonym { EntityKind::Place } else { m.kind },
                demonym: m.demonym,
                votes: [0; 3],
                written: 0,
                writing: Writing::default(),
            });
            (out.idents.len() - 1) as u32
        });
        let local = &mut out.idents[id as usize];
        local.mentions.push(i as u32);
        local.votes[kind_slot(kind)] += weight;
        local.written = {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (local.written, &*m.text, m.span.len(), m.demonym).hash(&mut h);
            (m.role.as_deref(), m.stands_for.as_deref()).hash(&mut h);
            h.finish()
        };
        local.writing.add(m);
        out.of_mention.push(id);
    }
    out
}

/// Joins the identities that the desk as a whole says are one: the user's
/// `[spellings]`, spelling variants of person names, a bare word read as a
/// person here and as a thing elsewhere, streets, and a full name that ends
/// one longer full name. `idents` are in order of first mention in the
/// desk, with whether that first mention is a demonym.
pub(crate) fn join_across_desk(
    idents: &[&Ident],
    demonym_ident: &[bool],
    config: &Config,
    groups: &mut Groups,
) {
    // What the user says wins: a listed variant is its preferred spelling,
    // whatever either was read as.
    if !config.preferred_spellings.is_empty() {
        let mut by_key: HashMap<&str, usize> = HashMap::new();
        for (i, ident) in idents.iter().enumerate() {
            by_key.entry(ident.key()).or_insert(i);
        }
        for (i, ident) in idents.iter().enumerate() {
            if let Some(p) = preferred_key(ident.key(), config)
                && let Some(&j) = by_key.get(p.as_str())
            {
                groups.union(i, j);
            }
        }
    }
    // Spelling variants of person names ("Ada Lindqvist" / "Ada Lindkvist").
    let mut shapes: HashMap<(String, usize), Vec<usize>> = HashMap::new();
    for (i, ident) in idents.iter().enumerate() {
        if let Ident::Person(key) = ident {
            let words: Vec<&str> = key.split(' ').collect();
            let n = words.len();
            let mut keys = vec![(words[0].to_lowercase(), n)];
            if n > 1 {
                keys.push((words[n - 1].to_lowercase(), n));
            } else {
                keys.push((bucket(words[0]), 0));
            }
            for k in keys {
                let list = shapes.entry(k).or_default();
                for &j in list.iter() {
                    if let Ident::Person(other) = idents[j]
                        && variant_names(other, key)
                    {
                        groups.union(i, j);
                    }
                }
                list.push(i);
            }
        }
    }
    // So are two spellings of one unknown single-word place or organization
    // ("Varnholm" / "Varnhollm"): transliterations differ between outlets.
    // Names the gazetteer knows are spelled as it spells them.
    let mut thing_shapes: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, ident) in idents.iter().enumerate() {
        if let Ident::Thing(key) = ident
            && !key.contains(' ')
            && !demonym_ident[i]
            && GAZETTEER.lookup(key).is_none()
        {
            let list = thing_shapes.entry(bucket(key)).or_default();
            for &j in list.iter() {
                if let Ident::Thing(other) = idents[j]
                    && variant_words(other, key)
                {
                    groups.union(i, j);
                }
            }
            list.push(i);
        }
    }
    // A bare word read as a person only because nothing said otherwise, and
    // read as a place or an organization elsewhere in the desk, is that
    // thing: its mentions vote on what it is. (Within one article the same
    // holds, and this covers it.)
    let mut desk_things: HashMap<&str, usize> = HashMap::new();
    for (i, ident) in idents.iter().enumerate() {
        if let Ident::Thing(k) = ident
            && !k.contains(' ')
            && !demonym_ident[i]
        {
            desk_things.entry(k.as_str()).or_insert(i);
        }
    }
    for (i, ident) in idents.iter().enumerate() {
        if let Ident::Person(k) = ident
            && !k.contains(' ')
            && let Some(&j) = desk_things.get(k.as_str())
        {
            groups.union(i, j);
        }
    }
    // "Lind Avenue" and "Lind Ave": one street.
    let mut streets: HashMap<&str, usize> = HashMap::new();
    for (i, ident) in idents.iter().enumerate() {
        if let Ident::Thing(k) = ident
            && let Some(stem) = street_stem(k)
        {
            match streets.get(stem) {
                Some(&j) => groups.union(i, j),
                None => {
                    streets.insert(stem, i);
                }
            }
        }
    }
    // A full name that ends a longer full name of the desk ("Joseph Lind",
    // "Ada Joseph Lind") names the same person when only one longer name fits.
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, ident) in idents.iter().enumerate() {
        if let Ident::Person(k) = ident
            && let Some((_, last)) = k.rsplit_once(' ')
        {
            by_last.entry(last).or_default().push(i);
        }
    }
    for list in by_last.values() {
        for &i in list {
            let Ident::Person(short) = idents[i] else {
                continue;
            };
            let longer: Vec<usize> = list
                .iter()
                .copied()
                .filter(|&j| match idents[j] {
                    Ident::Person(long) => {
                        long.len() > short.len()
                            && long.ends_with(short.as_str())
                            && long[..long.len() - short.len()].ends_with(' ')
                    }
                    Ident::Thing(_) => false,
                })
                .collect();
            if longer.len() == 1 {
                groups.union(i, longer[0]);
            }
        }
    }
}

/// The pairs of identities that one article says are one, given as the
/// numbers in `ids` (its distinct identities, by any numbering that `ident`
/// and `first_kind` read): a bare word and the street of that name; "Church
/// of Scientology" and "Scientology"; a name and its acronym; a shortened
/// organization name and the one longer name it fits. `first_kind` is the
/// kind of the identity's first mention in the desk.
pub(crate) fn article_links<'a>(
    ids: &[usize],
    ident: impl Fn(usize) -> &'a Ident,
    first_kind: impl Fn(usize) -> EntityKind,
) -> Vec<(usize, usize)> {
    let mut links = Vec::new();
    // "Lind Avenue" and, in the same article, a bare "Lind": one street.
    let here: HashMap<&str, usize> = ids
        .iter()
        .filter_map(|&i| match ident(i) {
            Ident::Thing(k) => street_stem(k).map(|stem| (stem, i)),
            Ident::Person(_) => None,
        })
        .collect();
    if !here.is_empty() {
        for &i in ids {
            if let Some(&j) = here.get(ident(i).key()) {
                links.push((i, j));
            }
        }
    }
    let by_key: HashMap<&str, usize> = ids
        .iter()
        .filter_map(|&i| match ident(i) {
            Ident::Thing(k) => Some((k.as_str(), i)),
            Ident::Person(_) => None,
        })
        .collect();
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for (&key, &i) in &by_key {
        if let Some((head, rest)) = key.split_once(" of ")
            && !head.contains(' ')
            && super::entities::is_org_head_word(head)
            && let Some(&j) = by_key.get(rest)
            && first_kind(j) == EntityKind::Organization
        {
            links.push((i, j));
        }
        if !is_acronym(key) && first_kind(i) != EntityKind::Person {
            let ini = initials(key);
            if ini.chars().count() >= 2 {
                by_initials.entry(ini).or_default().push(i);
            }
        }
    }
    // "Ida Vornholt Foundation" = "Ida Vornholt Foundation for the Fine Crafts";
    // "the Church" = "the Church of Scientology" when only one fits.
    let mut heads: HashMap<&str, Vec<usize>> = HashMap::new();
    for (&key, &i) in &by_key {
        if first_kind(i) != EntityKind::Organization {
            continue;
        }
        let words: Vec<&str> = key.split(' ').collect();
        if let Some(cut) = words.iter().position(|w| matches!(*w, "of" | "for"))
            && cut >= 2
            && let Some(&j) = by_key.get(words[..cut].join(" ").as_str())
        {
            links.push((i, j));
        }
        if words.len() >= 2 {
            let head = if words.len() >= 3 && words[1] == "of" {
                words[0]
            } else {
                words[words.len() - 1]
            };
            if super::entities::is_org_head_word(head) {
                heads.entry(head).or_default().push(i);
            }
        }
    }
    for (&key, &i) in &by_key {
        if let Some(list) = heads.get(key)
            && list.len() == 1
        {
            links.push((i, list[0]));
        }
    }
    for (&key, &i) in &by_key {
        if is_acronym(key)
            && let Some(list) = by_initials.get(key)
            && list.len() == 1
        {
            links.push((i, list[0]));
        }
    }
    links
}

/// What an entity is: the `[[entity]]` kind when the user declares it, else
/// the kind most of its mentions read as (`votes`), the first mention's on
/// a tie.
pub(crate) fn entity_kind(
    root: &Ident,
    first_kind: EntityKind,
    votes: [usize; 3],
    config: &Config,
) -> EntityKind {
    if let Some(u) = config.entities.iter().find(|u| u.name == root.key()) {
        return EntityKind::from(u.kind);
    }
    let first = match root {
        Ident::Person(_) => EntityKind::Person,
        Ident::Thing(_) => first_kind,
    };
    let mut best = first;
    for kind in [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
    ] {
        if votes[kind_slot(kind)] > votes[kind_slot(best)] {
            best = kind;
        }
    }
    best
}

/// Entity number `e` (counting from 0), named by `root`, with `mentions`
/// (desk order: document, index, mention). Returns it with the country its
/// first metonym stands for, which [`Entity::refers_to`] is to point at.
pub(crate) fn make_entity(
    e: usize,
    root: &Ident,
    kind: EntityKind,
    mentions: &[(usize, usize, &Mention)],
    config: &Config,
) -> (Entity, Option<String>) {
    let mut writing = Writing::default();
    for &(_, _, m) in mentions {
        writing.add(m);
    }
    let refs = mentions
        .iter()
        .map(|&(doc, index, m)| MentionRef {
            doc,
            index,
            part: 0..m.span.len(),
        })
        .collect();
    let mut entity = described(e, root, kind, &writing, refs, config);
    let only: Vec<&Mention> = mentions.iter().map(|&(_, _, m)| m).collect();
    spell(&mut entity, &writing, &only, config);
    (entity, writing.stands_for.as_deref().map(str::to_string))
}

/// What [`make_entity`] makes of the same mentions, given as how they are
/// written (`writing`) and where they are (`mentions`), without reading
/// them: `None` when the entity may have spellings, which are read from
/// every mention.
pub(crate) fn entity_from_writing(
    e: usize,
    root: &Ident,
    kind: EntityKind,
    writing: &Writing,
    mentions: Vec<MentionRef>,
    config: &Config,
) -> Option<(Entity, Option<String>)> {
    if !config.preferred_spellings.is_empty() || has_variant(&writing_words(writing), writing) {
        return None;
    }
    let entity = described(e, root, kind, writing, mentions, config);
    Some((entity, writing.stands_for.as_deref().map(str::to_string)))
}

/// The entity before its spellings are read: its number, kind, canonical
/// name, aliases, roles, the user's note and its mentions.
fn described(
    e: usize,
    root: &Ident,
    kind: EntityKind,
    writing: &Writing,
    mentions: Vec<MentionRef>,
    config: &Config,
) -> Entity {
    let canonical = root.key().to_string();
    let note = config
        .entities
        .iter()
        .find(|u| u.name == canonical)
        .and_then(|u| u.note.clone());
    let mut entity = Entity {
        id: format!("E{}", e + 1),
        kind,
        canonical,
        aliases: Vec::new(),
        roles: writing.roles.iter().map(|r| r.to_string()).collect(),
        refers_to: None,
        mentions,
        spellings: Vec::new(),
        preferred: None,
        note,
    };
    name(&mut entity, writing, config);
    entity
}

/// Resolves the mentions of every document, in document order. Spans are
/// not read: they may be relative to anything.
///
/// This is the whole computation at once; the desk keeps its table up to
/// date article by article with [`super::name_index::NameIndex`], which
/// gives the same table.
pub fn resolve(docs: &[Vec<&Mention>], config: &Config) -> EntityTable {
    let mut desk = DeskNames::default();
    for mentions in docs {
        for name in article_full_names(mentions) {
            desk.add(&name);
        }
    }
    let user_persons = user_persons(config);
    let articles: Vec<ArticleIdents> = docs
        .iter()
        .map(|mentions| identify_article(mentions, &desk, &user_persons))
        .collect();

    // Identities of the desk, numbered by first mention.
    let mut ident_index: HashMap<&Ident, usize> = HashMap::new();
    let mut idents: Vec<&Ident> = Vec::new();
    let mut first_kind: Vec<EntityKind> = Vec::new();
    let mut demonym_ident: Vec<bool> = Vec::new();
    let mut votes: Vec<[usize; 3]> = Vec::new();
    let mut per_doc: Vec<Vec<usize>> = Vec::with_capacity(docs.len());
    for article in &articles {
        let mut ids = Vec::with_capacity(article.idents.len());
        for local in &article.idents {
            let id = *ident_index.entry(&local.ident).or_insert_with(|| {
                idents.push(&local.ident);
                first_kind.push(local.first_kind);
                demonym_ident.push(local.demonym);
                votes.push([0; 3]);
                idents.len() - 1
            });
            for (total, v) in votes[id].iter_mut().zip(local.votes) {
                *total += v;
            }
            ids.push(id);
        }
        per_doc.push(ids);
    }

    // Identities that name the same entity.
    let mut groups = Groups::new(idents.len());
    join_across_desk(&idents, &demonym_ident, config, &mut groups);
    for ids in &per_doc {
        let mut distinct = ids.clone();
        distinct.sort_unstable();
        for (i, j) in article_links(&distinct, |i| idents[i], |i| first_kind[i]) {
            groups.union(i, j);
        }
    }
    let mut group_votes: HashMap<usize, [usize; 3]> = HashMap::new();
    for (i, v) in votes.iter().enumerate() {
        let total = group_votes.entry(groups.find(i)).or_default();
        for (t, v) in total.iter_mut().zip(v) {
            *t += v;
        }
    }

    // Entities, numbered by first mention in desk order.
    let mut entity_of_root: HashMap<usize, usize> = HashMap::new();
    let mut members: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    let mut by_doc: Vec<Vec<usize>> = Vec::with_capacity(docs.len());
    for (doc, article) in articles.iter().enumerate() {
        let mut ids = Vec::with_capacity(article.of_mention.len());
        for (index, &local) in article.of_mention.iter().enumerate() {
            let root = groups.find(per_doc[doc][local as usize]);
            let e = *entity_of_root.entry(root).or_insert_with(|| {
                members.push(Vec::new());
                roots.push(root);
                members.len() - 1
            });
            members[e].push((doc, index));
            ids.push(e);
        }
        by_doc.push(ids);
    }
    let mut table = EntityTable {
        entities: Vec::with_capacity(members.len()),
        by_doc: by_doc.into_iter().map(Arc::new).collect(),
    };
    let mut stands_for = Vec::with_capacity(members.len());
    for (e, list) in members.iter().enumerate() {
        let root = roots[e];
        let kind = entity_kind(idents[root], first_kind[root], group_votes[&root], config);
        let mentions: Vec<(usize, usize, &Mention)> = list
            .iter()
            .map(|&(doc, index)| (doc, index, docs[doc][index]))
            .collect();
        let (entity, target) = make_entity(e, idents[root], kind, &mentions, config);
        table.entities.push(Arc::new(entity));
        stands_for.push(target);
    }
    // Metonyms point at the country they stand for.
    for (e, target) in stands_for.iter().enumerate() {
        if let Some(target) = target {
            let refers_to = ident_index
                .get(&Ident::Thing(target.clone()))
                .map(|&i| groups.find(i))
                .and_then(|root| entity_of_root.get(&root).copied())
                .filter(|&t| t != e);
            if refers_to.is_some() {
                Arc::make_mut(&mut table.entities[e]).refers_to = refers_to;
            }
        }
    }
    table
}

/// Whether two lists of mentions name the same things in the same order,
/// wherever they stand: resolution reads everything about a mention but its
/// span, so a desk whose articles changed only in this way resolves the same.
pub fn same_names<'a>(
    a: impl IntoIterator<Item = &'a Mention>,
    b: impl IntoIterator<Item = &'a Mention>,
) -> bool {
    // Mentions of a reused chunk share their strings: compare pointers first.
    fn same(x: &Arc<str>, y: &Arc<str>) -> bool {
        Arc::ptr_eq(x, y) || x == y
    }
    fn same_option(x: &Option<Arc<str>>, y: &Option<Arc<str>>) -> bool {
        match (x, y) {
            (Some(x), Some(y)) => same(x, y),
            (None, None) => true,
            _ => false,
        }
    }
    let (mut a, mut b) = (a.into_iter(), b.into_iter());
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y))
                if same(&x.text, &y.text)
                    && x.kind == y.kind
                    && same(&x.key, &y.key)
                    && x.demonym == y.demonym
                    && same_option(&x.role, &y.role)
                    && same_option(&x.stands_for, &y.stands_for) => {}
            _ => return false,
        }
    }
}

/// The desk's full person names, for a bare word to find its person: by
/// surname (or first word), by the first three letters of that, and how
/// often each is written. Names can be added and taken away again, article
/// by article.
#[derive(Debug, Default)]
pub(crate) struct DeskNames {
    by_surname: HashMap<String, HashMap<String, usize>>,
    by_bucket: HashMap<String, HashMap<String, usize>>,
    count: HashMap<String, usize>,
}

impl DeskNames {
    /// Counts one writing of `name`.
    pub fn add(&mut self, name: &FullName) {
        *self.count.entry(name.full.clone()).or_default() += 1;
        for w in &name.keys {
            for (map, key) in [
                (&mut self.by_surname, w.clone()),
                (&mut self.by_bucket, bucket(w)),
            ] {
                *map.entry(key)
                    .or_default()
                    .entry(name.full.clone())
                    .or_default() += 1;
            }
        }
    }

    /// Takes one writing of `name` away again.
    pub fn remove(&mut self, name: &FullName) {
        fn take(map: &mut HashMap<String, usize>, key: &str) -> bool {
            if let Some(n) = map.get_mut(key) {
                *n -= 1;
                if *n == 0 {
                    map.remove(key);
                }
            }
            map.is_empty()
        }
        take(&mut self.count, &name.full);
        for w in &name.keys {
            for (map, key) in [
                (&mut self.by_surname, w.clone()),
                (&mut self.by_bucket, bucket(w)),
            ] {
                if let Some(fulls) = map.get_mut(&key)
                    && take(fulls, &name.full)
                {
                    map.remove(&key);
                }
            }
        }
    }

    /// The one full name among `fulls` that the desk writes at least three
    /// times as often as any other: the person a bare shared word means.
    fn dominant(&self, fulls: &HashMap<String, usize>) -> Option<String> {
        let mut ranked: Vec<(usize, &String)> = fulls
            .keys()
            .map(|f| (self.count.get(f).copied().unwrap_or(0), f))
            .collect();
        ranked.sort_unstable_by(|a, b| b.cmp(a));
        match ranked.as_slice() {
            [(_, only)] => Some((*only).clone()),
            [(a, top), (b, _), ..] if *a >= 3 * *b.max(&1) => Some((*top).clone()),
            _ => None,
        }
    }
}

/// The bucket a looked-up word falls in among [`DeskNames`]'s.
pub(crate) fn lookup_bucket(word: &str) -> String {
    bucket(word)
}

fn identify(
    m: &Mention,
    local: &HashMap<&str, Vec<String>>,
    desk: &DeskNames,
    user_persons: &HashSet<&str>,
    looked_up: &mut Option<String>,
) -> Ident {
    if m.demonym {
        return Ident::Thing(m.key.to_string());
    }
    if m.kind == EntityKind::Person && user_persons.contains(&*m.key) {
        return Ident::Person(m.key.to_string());
    }
    let words = name_words(&m.key);
    if words.len() >= 2 {
        return if m.kind == EntityKind::Person {
            Ident::Person(person_words(&words).join(" "))
        } else {
            Ident::Thing(m.key.to_string())
        };
    }
    let Some(&word) = words.first() else {
        return Ident::Thing(m.key.to_string());
    };
    // A word the gazetteer knows as a country, a region or an organization,
    // read so here, does not join a person who shares a word with it: its
    // other mentions decide what it is. (Town names are often surnames too.)
    if m.kind != EntityKind::Person
        && GAZETTEER.lookup(word).is_some_and(|k| {
            k.kind != EntityKind::Person
                && k.place != Some(super::entities::gazetteer::PlaceKind::City)
        })
    {
        return Ident::Thing(m.key.to_string());
    }
    // A town read as a place joins a person of that surname only when the
    // full name reads as a person's, from a known first name ("Lloyd Varnholm"):
    // a hotel or a tourist office named after the town does not take it.
    let town_read_as_place = m.kind != EntityKind::Person && GAZETTEER.lookup(word).is_some();
    // A surname (or first word) of a full name introduced in the same article.
    if let Some(full) = local.get(word) {
        let reads_as_person = |name: &str| {
            name.split(' ')
                .next()
                .is_some_and(|first| first != word && GAZETTEER.is_first_name(first))
        };
        if !town_read_as_place || reads_as_person(&full[0]) {
            // Several people share it: the first introduced wins.
            return Ident::Person(full[0].clone());
        }
    }
    if m.kind != EntityKind::Person || m.stands_for.is_some() {
        return Ident::Thing(m.key.to_string());
    }
    *looked_up = Some(word.to_string());
    // Across the desk only when exactly one person has that name.
    if let Some(fulls) = desk.by_surname.get(word) {
        return Ident::Person(desk.dominant(fulls).unwrap_or_else(|| word.to_string()));
    }
    if let Some(fulls) = desk.by_bucket.get(&bucket(word)) {
        let matches: Vec<&String> = fulls
            .keys()
            .filter(|f| {
                let fw: Vec<&str> = f.split(' ').collect();
                [fw[0], fw[fw.len() - 1]]
                    .iter()
                    .any(|w| variant_words(w, word))
            })
            .collect();
        if matches.len() == 1 {
            return Ident::Person(matches[0].clone());
        }
    }
    Ident::Person(word.to_string())
}

/// Each way the entity's name is written, once, in order of first use, as
/// words: an entity named a thousand times is usually written two or three
/// ways.
fn written(writing: &Writing) -> Vec<String> {
    writing
        .texts
        .iter()
        .map(|t| name_words(t).join(" "))
        .collect()
}

/// Fills the canonical name and the aliases from how the entity's mentions
/// are written.
fn name(entity: &mut Entity, writing: &Writing, config: &Config) {
    let written = written(writing);
    if entity.kind == EntityKind::Person {
        // The fullest name, as first written.
        let fullest = written.iter().map(|t| t.split(' ').count()).max();
        if let Some(words) = fullest
            && words >= entity.canonical.split(' ').count()
            && let Some(first_full) = written.iter().find(|t| t.split(' ').count() == words)
            && !config.entities.iter().any(|u| u.name == entity.canonical)
        {
            entity.canonical = first_full.replace('’', "'");
        }
    }
    if entity.kind != EntityKind::Person
        && !config.entities.iter().any(|u| u.name == entity.canonical)
        && let Some((words, longest)) = &writing.longest
        && *words > entity.canonical.split(' ').count()
    {
        entity.canonical = longest.to_string();
    }
    let mut aliases: Vec<String> = Vec::new();
    for t in &written {
        let t = super::entities::normalize(t);
        if t != entity.canonical && !aliases.contains(&t) {
            aliases.push(t);
        }
    }
    entity.aliases = aliases;
}

/// A word of a mention as its spellings are compared: without a
/// possessive ending.
fn bare_word(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

/// The distinct words of the mentions that are not demonyms, in order of
/// first use: those of each way of writing them, in order of first use.
fn writing_words(writing: &Writing) -> Vec<&str> {
    let mut words: Vec<&str> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for t in &writing.texts {
        for w in t.split(' ') {
            let bare = bare_word(w);
            if seen.insert(bare) {
                words.push(bare);
            }
        }
    }
    words
}

/// The words among `words` (distinct, in order of first use) that are
/// spellings of one word: the first word that has a variant, with all its
/// variants, in order; none when no two are. Words written together in
/// one mention are different words ("Stefan Stefanov"), never spellings of
/// each other.
fn spelling_words<'a>(words: &[&'a str], writing: &Writing) -> Vec<&'a str> {
    if words.len() > 64 {
        return Vec::new();
    }
    let mut together: HashSet<(String, String)> = HashSet::new();
    for t in &written(writing) {
        let ws: Vec<&str> = t.split(' ').collect();
        for (i, x) in ws.iter().enumerate() {
            for y in &ws[i + 1..] {
                together.insert((x.to_string(), y.to_string()));
                together.insert((y.to_string(), x.to_string()));
            }
        }
    }
    let variants = |x: &str, y: &str| {
        variant_words(x, y) && !together.contains(&(x.to_string(), y.to_string()))
    };
    let Some(first) =
        (0..words.len()).find(|&i| (0..words.len()).any(|j| variants(words[i], words[j])))
    else {
        return Vec::new();
    };
    let base = words[first];
    words
        .iter()
        .copied()
        .filter(|w| *w == base || variants(base, w))
        .collect()
}

/// Whether the entity written as `writing` has spellings.
fn has_variant(words: &[&str], writing: &Writing) -> bool {
    !spelling_words(words, writing).is_empty()
}

/// Fills the spellings and the preferred spelling from the entity's
/// `mentions` (in the order of [`Entity::mentions`]), written as `writing`
/// says.
fn spell(entity: &mut Entity, writing: &Writing, mentions: &[&Mention], config: &Config) {
    // Spellings the user listed: every use of a variant, and of the
    // preferred spelling, wherever the engine would have put them.
    if let Some((preferred, found)) = user_spellings(entity, mentions, config) {
        entity.preferred = Some(preferred);
        entity.spellings = found;
        return;
    }
    // Spelling variants of one word of the name: the first word that has a
    // variant, with all its variants, each with every mention that uses it.
    let words = writing_words(writing);
    let chosen = spelling_words(&words, writing);
    if chosen.is_empty() {
        return;
    }
    let mut spellings: Vec<Spelling> = chosen
        .into_iter()
        .map(|w| Spelling {
            text: w.to_string(),
            mentions: Vec::new(),
        })
        .collect();
    let position: HashMap<&str, usize> = spellings
        .iter()
        .enumerate()
        .map(|(i, s)| (s.text.as_str(), i))
        .collect();
    let mut uses: Vec<Vec<MentionRef>> = vec![Vec::new(); spellings.len()];
    for (r, m) in entity.mentions.iter().zip(mentions) {
        if m.demonym {
            continue;
        }
        let mut offset = 0;
        for w in m.text.split(' ') {
            let bare = bare_word(w);
            if let Some(&i) = position.get(bare) {
                uses[i].push(MentionRef {
                    doc: r.doc,
                    index: r.index,
                    part: offset..offset + bare.len(),
                });
            }
            offset += w.len() + 1;
        }
    }
    for (s, u) in spellings.iter_mut().zip(uses) {
        s.mentions = u;
    }
    if spellings.len() >= 2 {
        let from_config = spellings.iter().find_map(|s| {
            config
                .preferred_for(&s.text)
                .map(str::to_string)
                .or_else(|| {
                    config
                        .preferred_spellings
                        .contains_key(&s.text)
                        .then(|| s.text.clone())
                })
        });
        let majority = spellings
            .iter()
            .enumerate()
            .max_by_key(|(i, s)| (s.mentions.len(), std::cmp::Reverse(*i)))
            .map(|(_, s)| s.text.clone());
        entity.preferred = from_config.or(majority);
        entity.spellings = spellings;
    }
}

/// The uses of a spelling the user listed under `[spellings]` among an
/// entity's mentions, in order of first use (the preferred spelling last
/// and without mentions when it is not used). `None` when no listed variant is used.
fn user_spellings(
    entity: &Entity,
    mentions: &[&Mention],
    config: &Config,
) -> Option<(String, Vec<Spelling>)> {
    for (preferred, variants) in &config.preferred_spellings {
        let mut found: Vec<Spelling> = Vec::new();
        for (r, m) in entity.mentions.iter().zip(mentions) {
            if m.demonym {
                continue;
            }
            for (i, spelling) in std::iter::once(preferred).chain(variants).enumerate() {
                if i > 0 && spelling == preferred {
                    continue;
                }
                for at in word_matches(&m.text, spelling) {
                    let place = MentionRef {
                        doc: r.doc,
                        index: r.index,
                        part: at..at + spelling.len(),
                    };
                    match found.iter_mut().find(|s| s.text == *spelling) {
                        Some(s) => s.mentions.push(place),
                        None => found.push(Spelling {
                            text: spelling.clone(),
                            mentions: vec![place],
                        }),
                    }
                }
            }
        }
        if found.iter().any(|s| s.text != *preferred) {
            if !found.iter().any(|s| s.text == *preferred) {
                found.push(Spelling {
                    text: preferred.clone(),
                    mentions: Vec::new(),
                });
            }
            return Some((preferred.clone(), found));
        }
    }
    None
}

/// Where `word` stands in `text` as whole words, by byte offset.
fn word_matches(text: &str, word: &str) -> Vec<usize> {
    if word.is_empty() {
        return Vec::new();
    }
    text.match_indices(word)
        .filter(|&(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric() && c != '-')
                && after.is_none_or(|c| !c.is_alphanumeric() && c != '-')
        })
        .map(|(i, _)| i)
        .collect()
}
