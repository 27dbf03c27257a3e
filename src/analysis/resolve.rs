//! Entity identity: which mentions, within an article and across the desk,
//! name the same person, organization or place.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::config::Config;
use super::model::{EntityKind, Mention};

/// A mention's place in the desk.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MentionRef {
    /// Index of the document in the desk's input order.
    pub doc: usize,
    /// Index of the mention among the document's mentions.
    pub index: usize,
    /// Absolute byte span of the mention.
    pub span: Range<usize>,
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

/// Two spellings of one word: long enough, same first letter, at most two edits apart.
fn variant_words(a: &str, b: &str) -> bool {
    a != b
        && a.chars().count() >= 5
        && b.chars().count() >= 5
        && a.chars().next() == b.chars().next()
        && edit_distance(&a.to_lowercase(), &b.to_lowercase(), 2) <= 2
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

struct Builder<'a> {
    config: &'a Config,
    table: EntityTable,
    by_ident: HashMap<Ident, usize>,
    /// Person entities by (first word, word count), to find spelling variants.
    person_shapes: HashMap<(String, usize), Vec<usize>>,
    stands_for: Vec<Option<String>>,
}

impl Builder<'_> {
    fn entity(&mut self, ident: &Ident, m: &Mention) -> usize {
        if let Some(&e) = self.by_ident.get(ident) {
            return e;
        }
        if let Ident::Person(key) = ident {
            let words: Vec<&str> = key.split(' ').collect();
            let shape = (words[0].to_lowercase(), words.len());
            let shape_alt = (
                words.last().map(|w| w.to_lowercase()).unwrap_or_default(),
                words.len(),
            );
            let found = [&shape, &shape_alt]
                .into_iter()
                .filter_map(|s| self.person_shapes.get(s))
                .flatten()
                .copied()
                .find(|&e| variant_names(&self.table.entities[e].canonical, key));
            if let Some(e) = found {
                self.by_ident.insert(ident.clone(), e);
                return e;
            }
            let e = self.push(m, EntityKind::Person, key.clone());
            self.person_shapes.entry(shape).or_default().push(e);
            if words.len() > 1 {
                self.person_shapes.entry(shape_alt).or_default().push(e);
            }
            self.by_ident.insert(ident.clone(), e);
            return e;
        }
        let Ident::Thing(key) = ident else {
            return 0;
        };
        let kind = if m.demonym { EntityKind::Place } else { m.kind };
        let e = self.push(m, kind, key.clone());
        self.stands_for[e] = m.stands_for.clone();
        self.by_ident.insert(ident.clone(), e);
        e
    }

    fn push(&mut self, _m: &Mention, kind: EntityKind, canonical: String) -> usize {
        let note = self
            .config
            .entities
            .iter()
            .find(|u| u.name == canonical)
            .and_then(|u| u.note.clone());
        self.table.entities.push(Entity {
            id: format!("E{}", self.table.entities.len() + 1),
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
        self.stands_for.push(None);
        self.table.entities.len() - 1
    }
}

/// Resolves the mentions of every document (absolute spans, in document order).
pub fn resolve(docs: &[Vec<Mention>], config: &Config) -> EntityTable {
    // Every full person name of the desk, by surname and by first word.
    let mut desk_names: HashMap<String, HashSet<String>> = HashMap::new();
    let mut desk_buckets: HashMap<String, HashSet<String>> = HashMap::new();
    for m in docs.iter().flatten() {
        if m.kind != EntityKind::Person || m.demonym {
            continue;
        }
        let words = name_words(&m.key);
        if words.len() < 2 {
            continue;
        }
        let full = words.join(" ");
        for w in [words[0], words[words.len() - 1]] {
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

    let mut b = Builder {
        config,
        table: EntityTable::default(),
        by_ident: HashMap::new(),
        person_shapes: HashMap::new(),
        stands_for: Vec::new(),
    };
    for (doc, mentions) in docs.iter().enumerate() {
        // Full names of this article, by each of their outer words.
        let mut local: HashMap<&str, Vec<String>> = HashMap::new();
        for m in mentions {
            if m.kind == EntityKind::Person && !m.demonym {
                let words = name_words(&m.key);
                if words.len() >= 2 {
                    let full = words.join(" ");
                    for w in [words[0], words[words.len() - 1]] {
                        let list = local.entry(w).or_default();
                        if !list.contains(&full) {
                            list.push(full.clone());
                        }
                    }
                }
            }
        }
        let mut ids = Vec::with_capacity(mentions.len());
        for (index, m) in mentions.iter().enumerate() {
            let ident = identify(m, &local, &desk_names, &desk_buckets, &user_persons);
            let e = b.entity(&ident, m);
            let entity = &mut b.table.entities[e];
            entity.mentions.push(MentionRef {
                doc,
                index,
                span: m.span.clone(),
            });
            if let Some(role) = &m.role
                && !entity.roles.contains(role)
            {
                entity.roles.push(role.clone());
            }
            ids.push(e);
        }
        b.table.by_doc.push(ids);
    }
    let Builder {
        mut table,
        by_ident,
        stands_for,
        ..
    } = b;
    // Metonyms point at the country they stand for.
    for (e, target) in stands_for.iter().enumerate() {
        if let Some(target) = target {
            table.entities[e].refers_to = by_ident
                .get(&Ident::Thing(target.clone()))
                .copied()
                .filter(|&t| t != e);
        }
    }
    for e in 0..table.entities.len() {
        finish(&mut table, e, docs, config);
    }
    table
}

fn identify(
    m: &Mention,
    local: &HashMap<&str, Vec<String>>,
    desk_names: &HashMap<String, HashSet<String>>,
    desk_buckets: &HashMap<String, HashSet<String>>,
    user_persons: &HashSet<&str>,
) -> Ident {
    if m.demonym {
        return Ident::Thing(m.key.clone());
    }
    if m.kind == EntityKind::Person && user_persons.contains(m.key.as_str()) {
        return Ident::Person(m.key.clone());
    }
    let words = name_words(&m.key);
    if words.len() >= 2 {
        return if m.kind == EntityKind::Person {
            Ident::Person(words.join(" "))
        } else {
            Ident::Thing(m.key.clone())
        };
    }
    let Some(&word) = words.first() else {
        return Ident::Thing(m.key.clone());
    };
    // A surname (or first word) of a full name introduced in the same article.
    if let Some(full) = local.get(word) {
        // Several people share it: the first introduced wins.
        return Ident::Person(full[0].clone());
    }
    if m.kind != EntityKind::Person || m.stands_for.is_some() {
        return Ident::Thing(m.key.clone());
    }
    // Across the desk only when exactly one person has that name.
    if let Some(fulls) = desk_names.get(word) {
        if fulls.len() == 1 {
            return Ident::Person(fulls.iter().next().cloned().unwrap_or_default());
        }
        return Ident::Person(word.to_string());
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
fn finish(table: &mut EntityTable, e: usize, docs: &[Vec<Mention>], config: &Config) {
    let entity = &mut table.entities[e];
    let mentions: Vec<&Mention> = entity
        .mentions
        .iter()
        .filter_map(|r| docs.get(r.doc).and_then(|d| d.get(r.index)))
        .collect();
    if entity.kind == EntityKind::Person {
        // The fullest name, as first written.
        if let Some(full) = mentions
            .iter()
            .filter(|m| !m.demonym)
            .map(|m| name_words(&m.text).join(" ").replace('’', "'"))
            .max_by_key(|t| (t.split(' ').count(), std::cmp::Reverse(0)))
            && full.split(' ').count() >= entity.canonical.split(' ').count()
        {
            let first_full = mentions
                .iter()
                .filter(|m| !m.demonym)
                .map(|m| name_words(&m.text).join(" ").replace('’', "'"))
                .find(|t| t.split(' ').count() == full.split(' ').count())
                .unwrap_or(full);
            if !config.entities.iter().any(|u| u.name == entity.canonical) {
                entity.canonical = first_full;
            }
        }
    }
    let mut aliases: Vec<String> = Vec::new();
    for m in &mentions {
        if m.demonym {
            continue;
        }
        let t = super::entities::normalize(&name_words(&m.text).join(" "));
        if t != entity.canonical && !aliases.contains(&t) {
            aliases.push(t);
        }
    }
    entity.aliases = aliases;

    // Spelling variants of one word of the name.
    let mut words: Vec<(String, MentionRef)> = Vec::new();
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
            let start = m.span.start + offset;
            words.push((
                bare.to_string(),
                MentionRef {
                    doc: r.doc,
                    index: r.index,
                    span: start..start + bare.len(),
                },
            ));
            offset += w.len() + 1;
        }
    }
    let mut spellings: Vec<Spelling> = Vec::new();
    for (w, r) in &words {
        if let Some(s) = spellings.iter_mut().find(|s| s.text == *w) {
            s.mentions.push(r.clone());
        } else if spellings.is_empty() || spellings.iter().any(|s| variant_words(&s.text, w)) {
            if spellings.is_empty() {
                // Only words that vary somewhere are kept.
                let varies = words.iter().any(|(o, _)| variant_words(o, w));
                if !varies {
                    continue;
                }
            }
            spellings.push(Spelling {
                text: w.clone(),
                mentions: vec![r.clone()],
            });
        }
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
