//! Entity identity: which mentions, within an article and across the desk,
//! name the same person, organization or place.

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

/// Resolves the mentions of every document (absolute spans, in document order).
pub fn resolve(docs: &[Vec<Mention>], config: &Config) -> EntityTable {
    let _ = config;
    let mut table = EntityTable::default();
    for (doc, mentions) in docs.iter().enumerate() {
        let mut ids = Vec::new();
        for (index, m) in mentions.iter().enumerate() {
            let found = table
                .entities
                .iter()
                .position(|e| e.canonical == m.key && e.kind == m.kind);
            let entity = found.unwrap_or_else(|| {
                table.entities.push(Entity {
                    id: format!("E{}", table.entities.len() + 1),
                    kind: m.kind,
                    canonical: m.key.clone(),
                    aliases: Vec::new(),
                    roles: Vec::new(),
                    refers_to: None,
                    mentions: Vec::new(),
                    spellings: Vec::new(),
                    preferred: None,
                    note: None,
                });
                table.entities.len() - 1
            });
            table.entities[entity].mentions.push(MentionRef {
                doc,
                index,
                span: m.span.clone(),
            });
            ids.push(entity);
        }
        table.by_doc.push(ids);
    }
    table
}
