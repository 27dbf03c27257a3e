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
    /// Every entity.
    pub entities: Vec<Entity>,
    /// For each document, for each of its mentions, the index of its entity.
    pub by_doc: Vec<Vec<usize>>,
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
    if la == lb || inflection(&la, &lb) || inflection(&lb, &la) {
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
enum Ident {
    Person(String),
    Thing(String),
}

/// Union-find over identities.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins two groups; the older identity (smaller index) stays the root.
    fn union(&mut self, a: usize, b: usize) {
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

fn kind_slot(kind: EntityKind) -> usize {
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

/// Resolves the mentions of every document, in document order. Spans are
/// not read: they may be relative to anything.
pub fn resolve(docs: &[Vec<&Mention>], config: &Config) -> EntityTable {
    // Every full person name of the desk, by surname and by first word.
    let mut desk_names: HashMap<String, HashSet<String>> = HashMap::new();
    let mut desk_buckets: HashMap<String, HashSet<String>> = HashMap::new();
    // How often each full name is written.
    let mut full_count: HashMap<String, usize> = HashMap::new();
    for m in docs.iter().flat_map(|d| d.iter()) {
        if m.kind != EntityKind::Person || m.demonym {
            continue;
        }
        let words = person_words(&name_words(&m.key));
        if words.len() < 2 {
            continue;
        }
        let full = words.join(" ");
        *full_count.entry(full.clone()).or_default() += 1;
        // Across articles, a name is found by its surname; by its first word
        // only when that is likely a family name written first ("Kim Jong Un",
        // "Kim Yong-bok").
        let family_first = words.len() >= 3 || words[words.len() - 1].contains('-');
        let keys: &[&str] = if family_first {
            &[words[0], words[words.len() - 1]]
        } else {
            &[words[words.len() - 1]]
        };
        for &w in keys {
            desk_names
                .entry(w.to_string())
                .or_default()
                .insert(full.clone());
            desk_buckets
                .entry(bucket(w))
                .or_default()
                .insert(full.clone());
        }
    }
    let user_persons: HashSet<&str> = config
        .entities
        .iter()
        .filter(|u| EntityKind::from(u.kind) == EntityKind::Person)
        .map(|u| u.name.as_str())
        .collect();

    // 1. What each mention names, as an identity.
    let mut idents: Vec<Ident> = Vec::new();
    let mut ident_index: HashMap<Ident, usize> = HashMap::new();
    let mut first_kind: Vec<EntityKind> = Vec::new();
    let mut demonym_ident: Vec<bool> = Vec::new();
    let mut per_doc: Vec<Vec<usize>> = Vec::with_capacity(docs.len());
    for mentions in docs {
        // Full names of this article by surname, then by first word.
        let mut local: HashMap<&str, Vec<String>> = HashMap::new();
        let mut local_first: HashMap<&str, Vec<String>> = HashMap::new();
        for m in mentions.iter() {
            if m.kind == EntityKind::Person && !m.demonym {
                let words = person_words(&name_words(&m.key));
                if words.len() >= 2 {
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
        }
        for (w, fulls) in local_first {
            local.entry(w).or_insert(fulls);
        }
        let mut ids = Vec::with_capacity(mentions.len());
        for m in mentions.iter() {
            let ident = identify(
                m,
                &local,
                &DeskNames {
                    by_surname: &desk_names,
                    by_bucket: &desk_buckets,
                    count: &full_count,
                },
                &user_persons,
            );
            let id = *ident_index.entry(ident.clone()).or_insert_with(|| {
                idents.push(ident);
                first_kind.push(if m.demonym { EntityKind::Place } else { m.kind });
                demonym_ident.push(m.demonym);
                idents.len() - 1
            });
            ids.push(id);
        }
        per_doc.push(ids);
    }

    // 2. Identities that name the same entity.
    let mut groups = Groups {
        parent: (0..idents.len()).collect(),
    };
    // What the user says wins: a listed variant is its preferred spelling,
    // whatever either was read as.
    if !config.preferred_spellings.is_empty() {
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for (i, ident) in idents.iter().enumerate() {
            let (Ident::Person(k) | Ident::Thing(k)) = ident;
            by_key.entry(k.clone()).or_insert(i);
        }
        for (i, ident) in idents.iter().enumerate() {
            let (Ident::Person(k) | Ident::Thing(k)) = ident;
            if let Some(p) = preferred_key(k, config)
                && let Some(&j) = by_key.get(&p)
            {
                groups.union(i, j);
            }
        }
    }
    // Spelling variants of person names ("Volodymyr Zelenskyy" / "Volodymyr Zelensky").
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
                    if let Ident::Person(other) = &idents[j]
                        && variant_names(other, key)
                    {
                        groups.union(i, j);
                    }
                }
                list.push(i);
            }
        }
    }
    // A bare word read as a person only because nothing said otherwise, and
    // read as a place or an organization elsewhere in the desk, is that
    // thing: its mentions vote on what it is.
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
    // "Lind Avenue", "Lind Ave" and, in the same article, a bare "Lind": one
    // street.
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
    for ids in &per_doc {
        let here: HashMap<&str, usize> = ids
            .iter()
            .filter_map(|&i| match &idents[i] {
                Ident::Thing(k) => street_stem(k).map(|stem| (stem, i)),
                Ident::Person(_) => None,
            })
            .collect();
        for &i in ids {
            let (Ident::Person(k) | Ident::Thing(k)) = &idents[i];
            if let Some(&j) = here.get(k.as_str()) {
                groups.union(i, j);
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
            let Ident::Person(short) = &idents[i] else {
                continue;
            };
            let longer: Vec<usize> = list
                .iter()
                .copied()
                .filter(|&j| match &idents[j] {
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
    // One word read once as a person and once as something else in the same
    // article ("such as O'Reilly", "O'Reilly's latest tome") names one entity;
    // its mentions vote on what it is.
    for ids in &per_doc {
        let mut things: HashMap<&str, usize> = HashMap::new();
        for &i in ids {
            if let Ident::Thing(k) = &idents[i]
                && !k.contains(' ')
            {
                things.entry(k.as_str()).or_insert(i);
            }
        }
        for &i in ids {
            if let Ident::Person(k) = &idents[i]
                && let Some(&j) = things.get(k.as_str())
                && !demonym_ident[j]
            {
                groups.union(i, j);
            }
        }
    }
    // "Church of Scientology" and "Scientology"; acronyms of longer names.
    for ids in &per_doc {
        let mut things: Vec<usize> = ids
            .iter()
            .copied()
            .filter(|&i| matches!(idents[i], Ident::Thing(_)))
            .collect();
        things.sort_unstable();
        things.dedup();
        let by_key: HashMap<&str, usize> = things
            .iter()
            .filter_map(|&i| match &idents[i] {
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
                && first_kind[j] == EntityKind::Organization
            {
                groups.union(i, j);
            }
            if !is_acronym(key) && first_kind[i] != EntityKind::Person {
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
            if first_kind[i] != EntityKind::Organization {
                continue;
            }
            let words: Vec<&str> = key.split(' ').collect();
            if let Some(cut) = words.iter().position(|w| matches!(*w, "of" | "for"))
                && cut >= 2
                && let Some(&j) = by_key.get(words[..cut].join(" ").as_str())
            {
                groups.union(i, j);
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
                groups.union(i, list[0]);
            }
        }
        for (&key, &i) in &by_key {
            if is_acronym(key)
                && let Some(list) = by_initials.get(key)
                && list.len() == 1
            {
                groups.union(i, list[0]);
            }
        }
    }

    // What each group of things is: the kind most of its mentions read as,
    // the first mention's kind on a tie.
    let mut votes: HashMap<usize, [usize; 3]> = HashMap::new();
    for (doc, mentions) in docs.iter().enumerate() {
        for (index, m) in mentions.iter().enumerate() {
            let id = per_doc[doc][index];
            let root = groups.find(id);
            let kind = match idents[id] {
                Ident::Person(_) => EntityKind::Person,
                Ident::Thing(_) if m.demonym => EntityKind::Place,
                Ident::Thing(_) => m.kind,
            };
            votes.entry(root).or_default()[kind_slot(kind)] += vote_weight(&idents[id], m);
        }
    }
    let thing_kind = |root: usize| {
        let (Ident::Person(k) | Ident::Thing(k)) = &idents[root];
        if let Some(u) = config.entities.iter().find(|u| u.name == *k) {
            return EntityKind::from(u.kind);
        }
        let first = match idents[root] {
            Ident::Person(_) => EntityKind::Person,
            Ident::Thing(_) => first_kind[root],
        };
        let Some(v) = votes.get(&root) else {
            return first;
        };
        let mut best = first;
        for kind in [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
        ] {
            if v[kind_slot(kind)] > v[kind_slot(best)] {
                best = kind;
            }
        }
        best
    };

    // 3. Entities, numbered by first mention in desk order.
    let mut table = EntityTable::default();
    let mut entity_of_root: HashMap<usize, usize> = HashMap::new();
    let mut stands_for: Vec<Option<String>> = Vec::new();
    for (doc, mentions) in docs.iter().enumerate() {
        let mut ids = Vec::with_capacity(mentions.len());
        for (index, m) in mentions.iter().enumerate() {
            let root = groups.find(per_doc[doc][index]);
            let e = *entity_of_root.entry(root).or_insert_with(|| {
                let kind = thing_kind(root);
                let canonical = match &idents[root] {
                    Ident::Person(k) | Ident::Thing(k) => k.clone(),
                };
                let note = config
                    .entities
                    .iter()
                    .find(|u| u.name == canonical)
                    .and_then(|u| u.note.clone());
                table.entities.push(Entity {
                    id: format!("E{}", table.entities.len() + 1),
                    kind,
                    canonical,
                    aliases: Vec::new(),
                    roles: Vec::new(),
                    refers_to: None,
                    mentions: Vec::new(),
                    spellings: Vec::new(),
                    preferred: None,
                    note,
                });
                stands_for.push(None);
                table.entities.len() - 1
            });
            let entity = &mut table.entities[e];
            entity.mentions.push(MentionRef {
                doc,
                index,
                part: 0..m.span.len(),
            });
            if let Some(role) = &m.role
                && !entity.roles.iter().any(|r| **r == **role)
            {
                entity.roles.push(role.to_string());
            }
            if stands_for[e].is_none() {
                stands_for[e] = m.stands_for.as_deref().map(str::to_string);
            }
            ids.push(e);
        }
        table.by_doc.push(ids);
    }
    // Metonyms point at the country they stand for.
    for (e, target) in stands_for.iter().enumerate() {
        if let Some(target) = target {
            table.entities[e].refers_to = ident_index
                .get(&Ident::Thing(target.clone()))
                .map(|&i| groups.find(i))
                .and_then(|root| entity_of_root.get(&root).copied())
                .filter(|&t| t != e);
        }
    }
    for e in 0..table.entities.len() {
        finish(&mut table, e, docs, config);
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

/// The desk's full person names, for a bare word to find its person.
struct DeskNames<'a> {
    by_surname: &'a HashMap<String, HashSet<String>>,
    by_bucket: &'a HashMap<String, HashSet<String>>,
    count: &'a HashMap<String, usize>,
}

impl DeskNames<'_> {
    /// The one full name among `fulls` that the desk writes at least three
    /// times as often as any other: the person a bare shared word means.
    fn dominant(&self, fulls: &HashSet<String>) -> Option<String> {
        let mut ranked: Vec<(usize, &String)> = fulls
            .iter()
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

fn identify(
    m: &Mention,
    local: &HashMap<&str, Vec<String>>,
    desk: &DeskNames<'_>,
    user_persons: &HashSet<&str>,
) -> Ident {
    let desk_names = desk.by_surname;
    let desk_buckets = desk.by_bucket;
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
    // A surname (or first word) of a full name introduced in the same article.
    if let Some(full) = local.get(word) {
        // Several people share it: the first introduced wins.
        return Ident::Person(full[0].clone());
    }
    if m.kind != EntityKind::Person || m.stands_for.is_some() {
        return Ident::Thing(m.key.to_string());
    }
    // Across the desk only when exactly one person has that name.
    if let Some(fulls) = desk_names.get(word) {
        return Ident::Person(desk.dominant(fulls).unwrap_or_else(|| word.to_string()));
    }
    if let Some(fulls) = desk_buckets.get(&bucket(word)) {
        let matches: Vec<&String> = fulls
            .iter()
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

/// Fills canonical name, aliases, spellings and the preferred spelling.
fn finish(table: &mut EntityTable, e: usize, docs: &[Vec<&Mention>], config: &Config) {
    let entity = &mut table.entities[e];
    let mentions: Vec<&Mention> = entity
        .mentions
        .iter()
        .filter_map(|r| docs.get(r.doc).and_then(|d| d.get(r.index)).copied())
        .collect();
    // Each way the name is written, once, in order of first use: an entity
    // named a thousand times is usually written two or three ways.
    let mut seen: HashSet<&str> = HashSet::new();
    let written: Vec<String> = mentions
        .iter()
        .filter(|m| !m.demonym && seen.insert(&m.text))
        .map(|m| name_words(&m.text).join(" "))
        .collect();
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
        && let Some(longest) = mentions
            .iter()
            .filter(|m| !m.demonym && !is_acronym(&m.key))
            .map(|m| &*m.key)
            .max_by_key(|k| k.split(' ').count())
        && longest.split(' ').count() > entity.canonical.split(' ').count()
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

    // Spellings the user listed: every use of a variant, and of the
    // preferred spelling, wherever the engine would have put them.
    if let Some((preferred, found)) = user_spellings(entity, &mentions, config) {
        entity.preferred = Some(preferred);
        entity.spellings = found;
        return;
    }
    // Spelling variants of one word of the name: the distinct words, in
    // order of first use, each with every mention that uses it.
    let mut distinct: Vec<Spelling> = Vec::new();
    let mut position: HashMap<&str, usize> = HashMap::new();
    for (r, m) in entity.mentions.iter().zip(&mentions) {
        if m.demonym {
            continue;
        }
        let mut offset = 0;
        for w in m.text.split(' ') {
            let bare = w
                .strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w);
            let place = MentionRef {
                doc: r.doc,
                index: r.index,
                part: offset..offset + bare.len(),
            };
            match position.get(bare) {
                Some(&i) => distinct[i].mentions.push(place),
                None => {
                    position.insert(bare, distinct.len());
                    distinct.push(Spelling {
                        text: bare.to_string(),
                        mentions: vec![place],
                    });
                }
            }
            offset += w.len() + 1;
        }
    }
    // Words written together in one mention are different words ("Stefan
    // Stefanov"), never spellings of each other.
    let mut together: HashSet<(String, String)> = HashSet::new();
    for t in &written {
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
    // The first word that has a variant, with all its variants.
    let mut spellings: Vec<Spelling> = Vec::new();
    if distinct.len() <= 64
        && let Some(first) = (0..distinct.len())
            .find(|&i| (0..distinct.len()).any(|j| variants(&distinct[i].text, &distinct[j].text)))
    {
        let base = distinct[first].text.clone();
        spellings = distinct
            .into_iter()
            .filter(|s| s.text == base || variants(&base, &s.text))
            .collect();
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
