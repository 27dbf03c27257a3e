//! The desk's entities kept up to date article by article. Each article's
//! mentions are identified within the article (against the desk's full
//! names, for a bare surname) and the result is kept; the desk merges the
//! articles through an index of *forms*, the identities their mentions name
//! ("Ada Lind", a bare "Lind", "Lind Avenue", an acronym), each with the
//! articles that use it. After an edit only the articles whose names changed
//! are identified again, with those that looked up a full name the edit adds
//! or removes; an entity is built again only when one of its forms gained,
//! lost or changed mentions, or its forms are grouped otherwise. The table
//! is what [`resolve::resolve`] makes of the whole desk.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use super::config::Config;
use super::document::DocumentAnalysis;
use super::model::{EntityKind, Mention};
use super::resolve::{
    self, ArticleIdents, DeskNames, Entity, EntityTable, FullName, Groups, Ident, LocalIdent,
    MentionRef, Writing,
};

/// One form of the desk, with what the articles that use it say of it.
#[derive(Debug)]
struct Form {
    ident: Ident,
    /// Each article that uses it, with its number among that article's
    /// identities.
    docs: BTreeMap<usize, u32>,
    /// Its mentions' votes for each kind, over the desk.
    votes: [usize; 3],
    /// The kind its first mention in the desk reads as.
    first_kind: EntityKind,
    /// Whether its first mention in the desk is a demonym.
    demonym: bool,
}

/// The desk's names, article by article, and the entity table made of them.
/// Start with `NameIndex::default()`; a desk of another size starts afresh.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// Each article's identities.
    articles: Vec<Arc<ArticleIdents>>,
    /// Each article's full person names, sorted.
    names: Vec<Vec<FullName>>,
    /// The desk's full person names.
    desk: DeskNames,
    /// The articles that looked each bare word up among the desk's names,
    /// by the word and by its bucket.
    lookups: HashMap<String, BTreeSet<usize>>,
    buckets: HashMap<String, BTreeSet<usize>>,
    /// Forms, by identity and by number; a removed form leaves a hole that
    /// a later form fills.
    ids: HashMap<Ident, usize>,
    forms: Vec<Option<Form>>,
    free: Vec<usize>,
    /// For each article, the form of each of its identities.
    doc_forms: Vec<Vec<usize>>,
    /// For each article, the pairs of forms it says are one.
    links: Vec<Vec<(usize, usize)>>,
    /// The last table, with each entity's forms (sorted) and the country
    /// its first metonym stands for, and each form's entity in it.
    table: Arc<EntityTable>,
    members: Vec<Vec<usize>>,
    stands_for: Vec<Option<String>>,
    entity_of: Vec<usize>,
}

impl NameIndex {
    /// The entity table of the desk `docs` (in desk order), given that only
    /// the names of the articles `changed` may differ from the last call.
    pub fn update(
        &mut self,
        docs: &[&DocumentAnalysis],
        changed: &[usize],
        config: &Config,
    ) -> Arc<EntityTable> {
        let n = docs.len();
        let everything: Vec<usize>;
        let changed = if self.articles.len() != n || self.table.by_doc.len() != n {
            *self = NameIndex {
                articles: vec![Arc::default(); n],
                names: vec![Vec::new(); n],
                doc_forms: vec![Vec::new(); n],
                links: vec![Vec::new(); n],
                table: Arc::new(EntityTable {
                    entities: Vec::new(),
                    by_doc: vec![Arc::default(); n],
                }),
                ..NameIndex::default()
            };
            everything = (0..n).collect();
            &everything[..]
        } else {
            changed
        };
        let mentions_of = |d: usize| -> Vec<&Mention> {
            docs[d]
                .mentions_of_chunks(0..docs[d].chunks.len())
                .collect()
        };

        // 1. The desk's full names: those of the changed articles leave and
        //    join again. A bare word that was looked up under a name whose
        //    count changed may now mean another person.
        let mut words: HashSet<String> = HashSet::new();
        let mut lists: HashMap<usize, Vec<&Mention>> = HashMap::new();
        for &d in changed {
            let mentions = mentions_of(d);
            let mut names = resolve::article_full_names(&mentions);
            names.sort_unstable();
            if names != self.names[d] {
                let mut delta: HashMap<&FullName, isize> = HashMap::new();
                for name in &self.names[d] {
                    *delta.entry(name).or_default() -= 1;
                    self.desk.remove(name);
                }
                for name in &names {
                    *delta.entry(name).or_default() += 1;
                    self.desk.add(name);
                }
                for (name, _) in delta.into_iter().filter(|(_, c)| *c != 0) {
                    words.extend(name.keys.iter().cloned());
                }
                self.names[d] = names;
            }
            lists.insert(d, mentions);
        }
        let changed_set: HashSet<usize> = changed.iter().copied().collect();
        let mut redo: BTreeSet<usize> = changed.iter().copied().collect();
        for w in &words {
            redo.extend(self.lookups.get(w).into_iter().flatten());
            let b = resolve::lookup_bucket(w);
            redo.extend(self.buckets.get(&b).into_iter().flatten());
        }

        // 2. The articles to identify again; the forms whose mentions
        //    changed are dirty.
        let user_persons = resolve::user_persons(config);
        let mut dirty: HashSet<usize> = HashSet::new();
        let mut relink: BTreeSet<usize> = BTreeSet::new();
        let mut redone: Vec<usize> = Vec::new();
        for &d in &redo {
            let mentions = lists.remove(&d).unwrap_or_else(|| mentions_of(d));
            let new = resolve::identify_article(&mentions, &self.desk, &user_persons);
            let old = self.articles[d].clone();
            if !changed_set.contains(&d) && *old == new {
                continue;
            }
            redone.push(d);
            for w in &old.lookups {
                forget(&mut self.lookups, w.clone(), d);
                forget(&mut self.buckets, resolve::lookup_bucket(w), d);
            }
            for w in &new.lookups {
                self.lookups.entry(w.clone()).or_default().insert(d);
                let b = resolve::lookup_bucket(w);
                self.buckets.entry(b).or_default().insert(d);
            }
            let old_by_ident: HashMap<&Ident, &LocalIdent> =
                old.idents.iter().map(|l| (&l.ident, l)).collect();
            let new_by_ident: HashMap<&Ident, &LocalIdent> =
                new.idents.iter().map(|l| (&l.ident, l)).collect();
            for (l, local) in old.idents.iter().enumerate() {
                let f = self.doc_forms[d][l];
                if let Some(form) = self.forms[f].as_mut() {
                    form.docs.remove(&d);
                    for (total, v) in form.votes.iter_mut().zip(local.votes) {
                        *total -= v;
                    }
                }
                if new_by_ident.get(&local.ident) != Some(&local) {
                    dirty.insert(f);
                }
            }
            let mut here = Vec::with_capacity(new.idents.len());
            for (l, local) in new.idents.iter().enumerate() {
                let f = match self.ids.get(&local.ident) {
                    Some(&f) => f,
                    None => {
                        let form = Form {
                            ident: local.ident.clone(),
                            docs: BTreeMap::new(),
                            votes: [0; 3],
                            first_kind: local.first_kind,
                            demonym: local.demonym,
                        };
                        let f = match self.free.pop() {
                            Some(f) => {
                                self.forms[f] = Some(form);
                                f
                            }
                            None => {
                                self.forms.push(Some(form));
                                self.forms.len() - 1
                            }
                        };
                        self.ids.insert(local.ident.clone(), f);
                        f
                    }
                };
                if let Some(form) = self.forms[f].as_mut() {
                    form.docs.insert(d, l as u32);
                    for (total, v) in form.votes.iter_mut().zip(local.votes) {
                        *total += v;
                    }
                }
                if old_by_ident.get(&local.ident) != Some(&local) {
                    dirty.insert(f);
                }
                here.push(f);
            }
            self.doc_forms[d] = here;
            self.articles[d] = Arc::new(new);
            relink.insert(d);
        }
        // Forms no article uses any more go; the others take the kind of
        // their first mention in the desk, which the links of the articles
        // that use them read.
        let mut freed = Vec::new();
        for &f in &dirty {
            let Some(form) = self.forms[f].as_mut() else {
                continue;
            };
            let Some((&d, &l)) = form.docs.iter().next() else {
                self.ids.remove(&form.ident);
                self.forms[f] = None;
                freed.push(f);
                continue;
            };
            let first = &self.articles[d].idents[l as usize];
            if form.first_kind != first.first_kind {
                relink.extend(form.docs.keys().copied());
            }
            form.first_kind = first.first_kind;
            form.demonym = first.demonym;
        }
        for &d in &relink {
            let forms = &self.forms;
            let ident = |f: usize| match &forms[f] {
                Some(form) => &form.ident,
                None => &NO_IDENT,
            };
            let kind = |f: usize| {
                forms[f]
                    .as_ref()
                    .map_or(EntityKind::Place, |x| x.first_kind)
            };
            self.links[d] = resolve::article_links(&self.doc_forms[d], ident, kind);
        }

        // 3. The forms in order of first mention in the desk, joined.
        let mut order: Vec<(usize, u32, usize)> = self
            .forms
            .iter()
            .enumerate()
            .filter_map(|(f, form)| {
                let (&d, &l) = form.as_ref()?.docs.iter().next()?;
                let first = *self.articles[d].idents[l as usize].mentions.first()?;
                Some((d, first, f))
            })
            .collect();
        order.sort_unstable();
        let mut dense = vec![usize::MAX; self.forms.len()];
        let mut idents: Vec<&Ident> = Vec::with_capacity(order.len());
        let mut first_kind = Vec::with_capacity(order.len());
        let mut demonym = Vec::with_capacity(order.len());
        for (i, &(_, _, f)) in order.iter().enumerate() {
            dense[f] = i;
            if let Some(form) = &self.forms[f] {
                idents.push(&form.ident);
                first_kind.push(form.first_kind);
                demonym.push(form.demonym);
            }
        }
        let mut groups = Groups::new(idents.len());
        resolve::join_across_desk(&idents, &demonym, config, &mut groups);
        for &(a, b) in self.links.iter().flatten() {
            if dense[a] != usize::MAX && dense[b] != usize::MAX {
                groups.union(dense[a], dense[b]);
            }
        }

        // 4. Entities, numbered by first mention: a group's first form is
        //    its root. Those whose forms and mentions are as they were are
        //    kept, renumbered if they moved.
        let mut entity_of_root = vec![usize::MAX; idents.len()];
        let mut members: Vec<Vec<usize>> = Vec::new();
        let mut roots: Vec<usize> = Vec::new();
        for i in 0..idents.len() {
            let root = groups.find(i);
            if root == i {
                entity_of_root[i] = members.len();
                members.push(Vec::new());
                roots.push(i);
            }
            members[entity_of_root[root]].push(order[i].2);
        }
        let mut entity_of = vec![usize::MAX; self.forms.len()];
        for (e, list) in members.iter_mut().enumerate() {
            list.sort_unstable();
            for &f in list.iter() {
                entity_of[f] = e;
            }
        }
        let old = self.table.clone();
        let redone_set: BTreeSet<usize> = redone.iter().copied().collect();
        let mut entities: Vec<Arc<Entity>> = Vec::with_capacity(members.len());
        let mut stands_for: Vec<Option<String>> = Vec::with_capacity(members.len());
        for (e, list) in members.iter().enumerate() {
            let root = roots[e];
            let mut votes = [0; 3];
            for form in list.iter().filter_map(|&f| self.forms[f].as_ref()) {
                for (total, v) in votes.iter_mut().zip(form.votes) {
                    *total += v;
                }
            }
            let kind = resolve::entity_kind(idents[root], first_kind[root], votes, config);
            let before = self.entity_of.get(order[root].2).copied().filter(|&b| {
                self.members.get(b) == Some(list)
                    && list.iter().all(|f| !dirty.contains(f))
                    && old.entities[b].kind == kind
            });
            if let Some(b) = before {
                let mut entity = old.entities[b].clone();
                if b != e {
                    Arc::make_mut(&mut entity).id = format!("E{}", e + 1);
                }
                entities.push(entity);
                stands_for.push(self.stands_for[b].clone());
                continue;
            }
            // The same forms as before: only the mentions of the articles
            // identified again are read, the others are where they were.
            let same_forms = self
                .entity_of
                .get(order[root].2)
                .copied()
                .filter(|&b| self.members.get(b) == Some(list));
            if let Some(b) = same_forms
                && let Some((entity, target)) = patched(
                    &old.entities[b],
                    Built {
                        e,
                        root: idents[root],
                        kind,
                        list,
                    },
                    &self.forms,
                    &self.articles,
                    docs,
                    &redone_set,
                    config,
                )
            {
                entities.push(Arc::new(entity));
                stands_for.push(target);
                continue;
            }
            let mut at: Vec<(usize, u32)> = Vec::new();
            for form in list.iter().filter_map(|&f| self.forms[f].as_ref()) {
                for (&d, &l) in &form.docs {
                    let local = &self.articles[d].idents[l as usize];
                    at.extend(local.mentions.iter().map(|&i| (d, i)));
                }
            }
            at.sort_unstable();
            let mentions: Vec<(usize, usize, &Mention)> = at
                .iter()
                .filter_map(|&(d, i)| {
                    let (m, _) = docs[d].mention_in_chunk(i as usize)?;
                    Some((d, i as usize, m))
                })
                .collect();
            let (entity, target) = resolve::make_entity(e, idents[root], kind, &mentions, config);
            entities.push(Arc::new(entity));
            stands_for.push(target);
        }
        // Metonyms point at the country they stand for.
        for (e, target) in stands_for.iter().enumerate() {
            let refers_to = target
                .as_ref()
                .and_then(|t| self.ids.get(&Ident::Thing(t.clone())))
                .and_then(|&f| entity_of.get(f).copied())
                .filter(|&t| t != e && t != usize::MAX);
            if entities[e].refers_to != refers_to {
                Arc::make_mut(&mut entities[e]).refers_to = refers_to;
            }
        }

        // 5. Which entity each mention is, again for the articles that were
        //    identified again and those with a form whose entity moved.
        let mut by_doc = old.by_doc.clone();
        let mut again: BTreeSet<usize> = redone.into_iter().collect();
        for (f, &e) in entity_of.iter().enumerate() {
            if self.entity_of.get(f) != Some(&e)
                && let Some(form) = &self.forms[f]
            {
                again.extend(form.docs.keys().copied());
            }
        }
        for d in again {
            let forms = &self.doc_forms[d];
            by_doc[d] = Arc::new(
                self.articles[d]
                    .of_mention
                    .iter()
                    .map(|&l| entity_of[forms[l as usize]])
                    .collect(),
            );
        }
        self.table = Arc::new(EntityTable { entities, by_doc });
        self.members = members;
        self.stands_for = stands_for;
        self.entity_of = entity_of;
        for f in freed {
            self.free.push(f);
        }
        self.table.clone()
    }
}

/// The entity to build: its number, the identity that names it, its kind
/// and its forms.
struct Built<'a> {
    e: usize,
    root: &'a Ident,
    kind: EntityKind,
    list: &'a [usize],
}

/// The entity `built`, made from the last table's entity `old` of the same
/// forms: the mentions of the articles not in `redone` are taken from it as
/// they are, and its name and roles are read from how each article writes
/// it (each article's identities keep that). `None` when it has spellings,
/// which only every mention says.
fn patched(
    old: &Entity,
    built: Built<'_>,
    forms: &[Option<Form>],
    articles: &[Arc<ArticleIdents>],
    docs: &[&DocumentAnalysis],
    redone: &BTreeSet<usize>,
    config: &Config,
) -> Option<(Entity, Option<String>)> {
    // Each article of the entity, with its identities there, in desk order.
    let mut places: Vec<(usize, u32)> = built
        .list
        .iter()
        .filter_map(|&f| forms[f].as_ref())
        .flat_map(|form| form.docs.iter().map(|(&d, &l)| (d, l)))
        .collect();
    places.sort_unstable();
    let mut writing = Writing::default();
    let mut fresh: Vec<MentionRef> = Vec::new();
    let mut at = 0;
    while at < places.len() {
        let d = places[at].0;
        let end = at + places[at..].iter().take_while(|p| p.0 == d).count();
        let locals = places[at..end]
            .iter()
            .map(|&(_, l)| &articles[d].idents[l as usize]);
        let again = redone.contains(&d);
        if end - at == 1 && !again {
            writing.then(&articles[d].idents[places[at].1 as usize].writing);
        } else {
            // Several of its identities in one article: their mentions in order.
            let mut indices: Vec<u32> = locals.flat_map(|l| l.mentions.iter().copied()).collect();
            indices.sort_unstable();
            for i in indices {
                let (m, _) = docs[d].mention_in_chunk(i as usize)?;
                writing.add(m);
                if again {
                    fresh.push(MentionRef {
                        doc: d,
                        index: i as usize,
                        part: 0..m.span.len(),
                    });
                }
            }
        }
        at = end;
    }
    // The kept mentions and those read again, merged in desk order.
    let mut mentions = Vec::with_capacity(old.mentions.len() + fresh.len());
    let mut fresh = fresh.into_iter().peekable();
    for r in old.mentions.iter().filter(|r| !redone.contains(&r.doc)) {
        while let Some(f) = fresh.next_if(|f| (f.doc, f.index) < (r.doc, r.index)) {
            mentions.push(f);
        }
        mentions.push(r.clone());
    }
    mentions.extend(fresh);
    resolve::entity_from_writing(built.e, built.root, built.kind, &writing, mentions, config)
}

/// What a removed form reads as, should a link still name it.
static NO_IDENT: Ident = Ident::Thing(String::new());

/// Takes `doc` out of the set at `key`, and the set when it empties.
fn forget(map: &mut HashMap<String, BTreeSet<usize>>, key: String, doc: usize) {
    if let Some(set) = map.get_mut(&key) {
        set.remove(&doc);
        if set.is_empty() {
            map.remove(&key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::DocFormat;

    /// Invented articles: people with roles named in full and by surname,
    /// a place and its adjective, an organization named long and short, a
    /// surname spelled two ways, a street and the bare word of its name.
    const ARTICLES: &[&str] = &[
        "Mayor Ada Vellmark said that Norvale had 4,000 workers. Vellmark added that \
         the Tessaly Works Council agreed. The Council met on Lind Avenue.",
        "Ada Vellmark spoke to Brenno Quist of the Tessaly Works Council. Quist said \
         Vellmark was right, and Vellmarck was not. Norvalean workers left Norvale.",
        "Brenno Quist, a spokesman, said the Council met at Lind. Vellmark declined \
         to comment. Quist added that Norvale had 3,000 workers.",
    ];

    fn table(index: &mut NameIndex, analyses: &[DocumentAnalysis], changed: &[usize]) -> String {
        let docs: Vec<&DocumentAnalysis> = analyses.iter().collect();
        format!("{:?}", index.update(&docs, changed, &Config::default()))
    }

    fn from_scratch(analyses: &[DocumentAnalysis]) -> String {
        let lists: Vec<Vec<&Mention>> = analyses
            .iter()
            .map(|a| a.mentions_of_chunks(0..a.chunks.len()).collect())
            .collect();
        format!("{:?}", resolve::resolve(&lists, &Config::default()))
    }

    /// A letter typed inside each capitalised word of each article in turn,
    /// then deleted again: after every keystroke the kept table is the one
    /// resolving the whole desk again gives, whether the entities it touches
    /// are patched or built again.
    #[test]
    fn a_letter_typed_inside_any_name_gives_the_table_from_scratch() {
        let config = Config::default();
        let analyse = |t: &str| DocumentAnalysis::new(t, DocFormat::Markdown, &config);
        let mut analyses: Vec<DocumentAnalysis> = ARTICLES.iter().map(|t| analyse(t)).collect();
        let mut index = NameIndex::default();
        assert_eq!(table(&mut index, &analyses, &[]), from_scratch(&analyses));
        for (d, text) in ARTICLES.iter().enumerate() {
            let starts: Vec<usize> = text
                .char_indices()
                .filter(|&(i, c)| c.is_uppercase() && (i == 0 || text[..i].ends_with(' ')))
                .map(|(i, _)| i)
                .collect();
            for start in starts {
                for typed in ["x", "-", " "] {
                    let edited = format!("{}{typed}{}", &text[..start + 2], &text[start + 2..]);
                    analyses[d] = analyse(&edited);
                    assert_eq!(
                        table(&mut index, &analyses, &[d]),
                        from_scratch(&analyses),
                        "after {edited:?}"
                    );
                    analyses[d] = analyse(text);
                    assert_eq!(table(&mut index, &analyses, &[d]), from_scratch(&analyses));
                }
            }
        }
    }

    /// An edit that leaves an entity's forms as they were keeps every
    /// mention of it in the other articles (the same mentions, in desk
    /// order), and reads the edited article's again.
    #[test]
    fn an_entity_of_the_same_forms_keeps_the_other_articles_mentions() {
        let config = Config::default();
        let analyse = |t: &str| DocumentAnalysis::new(t, DocFormat::Markdown, &config);
        let mut analyses: Vec<DocumentAnalysis> = ARTICLES.iter().map(|t| analyse(t)).collect();
        let mut index = NameIndex::default();
        table(&mut index, &analyses, &[]);
        // The second article's bare "Quist" becomes another name.
        let edited = ARTICLES[1].replace("Quist said", "Dorn said");
        analyses[1] = analyse(&edited);
        let docs: Vec<&DocumentAnalysis> = analyses.iter().collect();
        let now = index.update(&docs, &[1], &config);
        let quist = now
            .entities
            .iter()
            .find(|e| e.canonical == "Brenno Quist")
            .expect("the person");
        let docs_of: Vec<usize> = quist.mentions.iter().map(|r| r.doc).collect();
        assert_eq!(docs_of, [1, 2, 2]);
        assert_eq!(format!("{now:?}"), from_scratch(&analyses));
    }
}
