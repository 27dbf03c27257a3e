//! The desk: every article of a folder analysed together, so that names and
//! claims connect across articles.
//!
//! An article's mentions and figures stay in its chunks' analyses, with spans
//! relative to their chunk; the desk reads them through
//! [`DocumentAnalysis`]'s running counts and never copies them out. So
//! after an edit, an article joins the desk at no cost that grows with its
//! length, and [`Desk::report_with`] redoes only what the edited chunks can
//! affect.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

pub use super::claims::ClaimKey;
use super::config::Config;
use super::document::{AnalyzedChunk, Anchor, Changed, ChunkFigure, DocumentAnalysis};
use super::findings::{self, Finding, Related};
pub use super::inputs::{DeskDocument, DeskFigure};
use super::inputs::{Neighbourhood, RuleInput};
use super::model::Mention;
use super::name_index::NameIndex;
use super::resolve::{self, EntityTable, MentionRef};
use super::source::{self, Text};
use super::text::DocFormat;

/// The articles of a folder, kept in a stable order (by path). Cloning a
/// desk shares its articles until one of the copies changes.
///
/// A copy is made on every keystroke (the server's snapshot keeps the last
/// desk), so the map holds shared keys and shared articles: copying it
/// copies pointers, and no article's path or text is copied or freed.
#[derive(Debug, Clone, Default)]
pub struct Desk {
    documents: Arc<BTreeMap<Arc<str>, Arc<DeskDocument>>>,
}

impl Desk {
    /// An empty desk.
    pub fn new() -> Desk {
        Desk::default()
    }

    /// Adds or replaces an article, reusing the analysis of its unchanged chunks.
    pub fn upsert(&mut self, path: &str, text: &str, format: DocFormat, config: &Config) {
        let previous = self.documents.get(path).map(|d| d.analysis.clone());
        let analysis = DocumentAnalysis::reanalyze(text, format, config, previous.as_deref());
        self.insert_analysed(path, source::text(text), Arc::new(analysis));
    }

    /// Adds or replaces an article whose analysis was made elsewhere.
    pub fn insert_analysed(&mut self, path: &str, text: Text, analysis: Arc<DocumentAnalysis>) {
        let document = Arc::new(DeskDocument {
            path: path.to_string(),
            text,
            analysis,
        });
        let documents = Arc::make_mut(&mut self.documents);
        match documents.get_mut(path) {
            Some(slot) => *slot = document,
            None => {
                documents.insert(path.into(), document);
            }
        }
    }

    /// Removes an article; returns whether it was there.
    pub fn remove(&mut self, path: &str) -> bool {
        self.documents.contains_key(path)
            && Arc::make_mut(&mut self.documents).remove(path).is_some()
    }

    /// The article at `path`.
    pub fn get(&self, path: &str) -> Option<&DeskDocument> {
        self.documents.get(path).map(Arc::as_ref)
    }

    /// The articles, in path order. Indices into this order are the `doc`
    /// numbers used by [`DeskReport`].
    pub fn documents(&self) -> impl Iterator<Item = &DeskDocument> {
        self.documents.values().map(Arc::as_ref)
    }

    /// How many articles the desk holds.
    pub fn len(&self) -> usize {
        self.documents.len()
    }

    /// True when the desk holds no article.
    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }

    /// Resolves entities, groups claims and runs every rule.
    pub fn report(&self, config: &Config) -> DeskReport {
        self.report_with(config, &mut ReportCache::default())
    }

    /// Like [`Desk::report`], but redoes only what the articles that changed
    /// since the report `cache` remembers can affect. An article's change is
    /// the run of chunks between those it shares with its last version, and:
    /// - entities are resolved again only when the names in that run changed,
    ///   not merely moved;
    /// - claims are compared again only for the claims of the figures in
    ///   that run, and only when those figures changed;
    /// - the rules that read a neighbourhood (arithmetic) are run again
    ///   only around that run.
    ///
    /// Findings point at figures and mentions by number, so the findings
    /// elsewhere are kept as they are: an article's list is made again only
    /// when one of its findings changed, or when figures were added or
    /// removed before some of them. Adding or removing an article, or
    /// another `config`, starts afresh. The result is the same as
    /// [`Desk::report`]'s.
    pub fn report_with(&self, config: &Config, cache: &mut ReportCache) -> DeskReport {
        let docs: Vec<&DeskDocument> = self.documents().collect();
        let fresh = cache.config.as_ref() != Some(config)
            || cache.paths.len() != docs.len()
            || cache.paths.iter().zip(&docs).any(|(p, d)| *p != d.path);
        if fresh {
            *cache = ReportCache {
                config: Some(config.clone()),
                paths: Arc::new(docs.iter().map(|d| d.path.clone()).collect()),
                doc_keys: vec![Vec::new(); docs.len()],
                neighbourhood: docs.iter().map(|_| Arc::new(Vec::new())).collect(),
                findings: docs.iter().map(|_| Arc::new(Vec::new())).collect(),
                ..ReportCache::default()
            };
        }
        let analyses: Vec<Arc<DocumentAnalysis>> =
            docs.iter().map(|d| d.analysis.clone()).collect();
        let edits: Vec<(usize, Edit)> = (0..docs.len())
            .filter_map(|d| match cache.analyses.get(d) {
                Some(before) if Arc::ptr_eq(before, &analyses[d]) => None,
                Some(before) => Some((d, Edit::between(before, &analyses[d]))),
                None => Some((d, Edit::whole(&analyses[d]))),
            })
            .collect();
        let old = |d: usize| cache.analyses.get(d).map(|a| a.as_ref());
        // An article new to the report, or whose date changed (every claim
        // and finding of it says the date), is taken whole.
        let whole = |d: usize, edit: &Edit| {
            edit.fresh || old(d).is_none_or(|b| b.metadata.date != analyses[d].metadata.date)
        };

        // Entities: only the articles whose names changed, not merely
        // moved, are identified again, and only the entities they touch
        // are built again (`NameIndex`).
        let names_changed: Vec<usize> = edits
            .iter()
            .filter(|(d, e)| {
                e.fresh
                    || !old(*d).is_some_and(|a| {
                        resolve::same_names(
                            a.mentions_of_chunks(e.changed.chunks_old.clone()),
                            analyses[*d].mentions_of_chunks(e.changed.chunks_new.clone()),
                        )
                    })
            })
            .map(|(d, _)| *d)
            .collect();
        let entities = match &cache.entities {
            Some(before) if names_changed.is_empty() => before.clone(),
            _ => {
                let all: Vec<&DocumentAnalysis> = analyses.iter().map(|a| a.as_ref()).collect();
                cache.name_index.update(&all, &names_changed, config)
            }
        };
        let input = RuleInput {
            docs: &docs,
            entities: &entities,
            config,
        };

        // Claims: the figures of each change leave their groups and the new
        // ones join; every group they touch is compared again. When the
        // figures only moved, nothing changes: findings point at figures by
        // number.
        let mut touched: BTreeSet<usize> = BTreeSet::new();
        let mut affected: HashSet<ClaimKey> = HashSet::new();
        for (d, edit) in &edits {
            let d = *d;
            let now = &analyses[d];
            let before = old(d);
            let whole = whole(d, edit);
            let (chunks_old, chunks_new) = if whole {
                (0..before.map_or(0, |b| b.chunks.len()), 0..now.chunks.len())
            } else {
                (
                    edit.changed.chunks_old.clone(),
                    edit.changed.chunks_new.clone(),
                )
            };
            let leaving: Vec<ChunkFigure<'_>> = before
                .map(|b| b.figures_of_chunks(chunks_old.clone()).collect())
                .unwrap_or_default();
            let joining: Vec<ChunkFigure<'_>> = now.figures_of_chunks(chunks_new.clone()).collect();
            if !whole
                && leaving.len() == joining.len()
                && leaving
                    .iter()
                    .zip(&joining)
                    .all(|(a, b)| same_but_place(a, b))
            {
                continue;
            }
            touched.insert(d);
            let first_old = before.map_or(0, |b| b.counts_before(chunks_old.start).0);
            let first_new = now.counts_before(chunks_new.start).0;
            let old_range = first_old..first_old + leaving.len();
            let keys = &mut cache.doc_keys[d];
            for key in leaving.iter().filter_map(|f| f.key) {
                if let Some(group) = cache.claims.get_mut(key) {
                    group
                        .members
                        .retain(|&(doc, i)| doc != d || !old_range.contains(&i));
                    affected.insert(key.clone());
                }
                if let Ok(i) = keys.binary_search_by(|(k, _)| k.cmp(key)) {
                    keys[i].1 -= 1;
                    if keys[i].1 == 0 {
                        keys.remove(i);
                    }
                }
            }
            // The figures after the change are numbered anew, in the groups
            // and in the findings that point at them.
            if leaving.len() != joining.len() {
                let renumber = Renumber {
                    doc: d,
                    from: old_range.end,
                    figures: joining.len() as isize - leaving.len() as isize,
                };
                for (key, _) in keys.iter() {
                    if let Some(group) = cache.claims.get_mut(key) {
                        for member in group.members.iter_mut().filter(|m| m.0 == d) {
                            member.1 = renumber.figure(member.1);
                        }
                        for finding in &mut group.findings {
                            if renumber.finding(finding) {
                                touched.insert(finding.doc);
                            }
                        }
                    }
                }
            }
            for (j, f) in joining.iter().enumerate() {
                let Some(key) = f.key else {
                    continue;
                };
                if !cache.claims.contains_key(key) {
                    cache.claims.insert(key.clone(), ClaimGroup::default());
                }
                if let Some(group) = cache.claims.get_mut(key) {
                    group.members.push((d, first_new + j));
                }
                if !affected.contains(key) {
                    affected.insert(key.clone());
                }
                match keys.binary_search_by(|(k, _)| k.cmp(key)) {
                    Ok(i) => keys[i].1 += 1,
                    Err(i) => keys.insert(i, (key.clone(), 1)),
                }
            }
            keys.shrink_to_fit();
        }
        for key in &affected {
            let Some(group) = cache.claims.get_mut(key) else {
                continue;
            };
            if group.members.is_empty() {
                cache.claims.remove(key);
                continue;
            }
            group.members.sort_unstable();
            // Only the changed articles left the group, and they are touched
            // already: the members now are every other article concerned.
            touched.extend(group.members.iter().map(|&(doc, _)| doc));
            let figures: Vec<(usize, DeskFigure)> = group
                .members
                .iter()
                .filter_map(|&(doc, i)| Some((doc, docs[doc].figure(i)?)))
                .collect();
            let members: Vec<(usize, &DeskFigure)> =
                figures.iter().map(|(doc, f)| (*doc, f)).collect();
            let mut found = findings::claim_findings(&input, &members);
            found.sort_by_key(|f| f.doc);
            group.findings = found;
        }

        for (d, edit) in &edits {
            let d = *d;
            let local = match old(d) {
                Some(before) if !whole(d, edit) => {
                    neighbourhood_around(&input, d, &edit.changed, before, &cache.neighbourhood[d])
                }
                _ => {
                    let mut found = Neighbourhood::of_chunks(docs[d], 0..analyses[d].chunks.len())
                        .map(|hood| findings::neighbourhood_findings(&input, d, &hood))
                        .unwrap_or_default();
                    findings::sort(&mut found);
                    Arc::new(found)
                }
            };
            if !Arc::ptr_eq(&local, &cache.neighbourhood[d]) {
                touched.insert(d);
                cache.neighbourhood[d] = local;
            }
        }

        // Spelling variants say only what the entities and the articles'
        // dates say: when both are as they were, so are the variants.
        // Otherwise they are found again over the whole desk (they are
        // few), and only the articles whose variants changed are touched.
        let names_kept = cache
            .entities
            .as_ref()
            .is_some_and(|before| Arc::ptr_eq(before, &entities))
            && edits.iter().all(|(d, edit)| !whole(*d, edit));
        if !names_kept {
            let mut names: BTreeMap<usize, Vec<Finding>> = BTreeMap::new();
            for finding in findings::name_findings(&input) {
                names.entry(finding.doc).or_default().push(finding);
            }
            for d in cache.names.keys().chain(names.keys()) {
                if cache.names.get(d) != names.get(d) {
                    touched.insert(*d);
                }
            }
            cache.names = names;
        }

        for &d in &touched {
            let mut all: Vec<Finding> = Vec::new();
            for (key, _) in &cache.doc_keys[d] {
                if let Some(group) = cache.claims.get(key) {
                    let from = group.findings.partition_point(|f| f.doc < d);
                    let to = group.findings.partition_point(|f| f.doc <= d);
                    all.extend_from_slice(&group.findings[from..to]);
                }
            }
            all.extend_from_slice(&cache.neighbourhood[d]);
            all.extend(cache.names.get(&d).into_iter().flatten().cloned());
            all.shrink_to_fit();
            findings::sort(&mut all);
            if *cache.findings[d] != all {
                cache.findings[d] = Arc::new(all);
            }
        }
        cache.analyses = analyses.clone();
        cache.entities = Some(entities.clone());
        DeskReport {
            paths: cache.paths.clone(),
            analyses,
            entities,
            findings: cache.findings.clone(),
        }
    }
}

/// A change of how many figures an article has: figures numbered `from` on
/// (in the old numbering) are now numbered `figures` more.
struct Renumber {
    doc: usize,
    from: usize,
    figures: isize,
}

impl Renumber {
    fn figure(&self, n: usize) -> usize {
        if n >= self.from {
            n.saturating_add_signed(self.figures)
        } else {
            n
        }
    }

    fn anchor(&self, doc: usize, at: &Anchor) -> Option<Anchor> {
        match at.figure_number() {
            Some(n) if doc == self.doc && n >= self.from => Some(Anchor::figure(self.figure(n))),
            _ => None,
        }
    }

    /// Renumbers what `finding` points at; whether anything changed.
    fn finding(&self, finding: &mut Finding) -> bool {
        let mut changed = false;
        if let Some(at) = self.anchor(finding.doc, &finding.at) {
            finding.at = at;
            changed = true;
        }
        if finding
            .related
            .iter()
            .any(|r| self.anchor(r.doc, &r.at).is_some())
        {
            finding.related = finding
                .related
                .iter()
                .map(|r| Related {
                    at: self.anchor(r.doc, &r.at).unwrap_or_else(|| r.at.clone()),
                    ..r.clone()
                })
                .collect();
            changed = true;
        }
        changed
    }
}

/// The findings of the neighbourhood rules in article `doc` after the
/// change `changed` of its analysis `old`, from those before it (`before`,
/// in report order: by figure). The findings near the change are found
/// again over the chunks around it, the others are kept, renumbered if
/// figures were added or removed. Every such rule relates figures within
/// [`findings::NEIGHBOURHOOD_REACH`] bytes of the finding and reads their
/// sentences, and sentences never cross chunks; so this is what checking
/// the whole article would find. When nothing changed, `before` itself is
/// returned.
fn neighbourhood_around(
    input: &RuleInput<'_>,
    doc: usize,
    changed: &Changed,
    old: &DocumentAnalysis,
    before: &Arc<Vec<Finding>>,
) -> Arc<Vec<Finding>> {
    let reach = findings::NEIGHBOURHOOD_REACH;
    let document = input.docs[doc];
    let analysis = &document.analysis;
    let near = |r: &Range<usize>, by: usize| r.start.saturating_sub(by)..r.end.saturating_add(by);
    let (old_core, core) = (
        near(&changed.bytes_old, 2 * reach),
        near(&changed.bytes_new, 2 * reach),
    );
    // The findings whose figure stands in the core, before the change and
    // after it, by number.
    let first_at = |a: &DocumentAnalysis, offset: usize| {
        let c = a.chunks.partition_point(|c| c.span.end <= offset);
        let (mut n, _) = a.counts_before(c);
        while a
            .figure_in_chunk(n)
            .is_some_and(|f| f.offset + f.figure.span.start < offset)
        {
            n += 1;
        }
        n
    };
    let figure = |f: &Finding| f.at.figure_number().unwrap_or(usize::MAX);
    let (old_lo, old_hi) = (first_at(old, old_core.start), first_at(old, old_core.end));
    let (new_lo, new_hi) = (first_at(analysis, core.start), first_at(analysis, core.end));
    let kept_before = before.partition_point(|f| figure(f) < old_lo);
    let kept_after = before.partition_point(|f| figure(f) < old_hi);

    let around = near(&changed.bytes_new, 4 * reach);
    let from = analysis
        .chunks
        .partition_point(|c| c.span.end <= around.start);
    let to = analysis
        .chunks
        .partition_point(|c| c.span.start < around.end);
    let mut found: Vec<Finding> = Vec::new();
    if from < to {
        let Some(hood) = Neighbourhood::of_chunks(document, from..to) else {
            return before.clone();
        };
        found = findings::neighbourhood_findings(input, doc, &hood)
            .into_iter()
            .filter(|f| (new_lo..new_hi).contains(&figure(f)))
            .collect();
        findings::sort(&mut found);
    }
    // The figures after the change keep their order: they are numbered
    // anew by how many figures the article gained or lost.
    let renumber = Renumber {
        doc,
        from: old.counts_before(changed.chunks_old.end).0,
        figures: analysis.figure_count() as isize - old.figure_count() as isize,
    };
    if renumber.figures == 0 && found[..] == before[kept_before..kept_after] {
        return before.clone();
    }
    let mut out: Vec<Finding> =
        Vec::with_capacity(before.len() - (kept_after - kept_before) + found.len());
    out.extend_from_slice(&before[..kept_before]);
    out.extend(found);
    out.extend(before[kept_after..].iter().map(|f| {
        let mut f = f.clone();
        renumber.finding(&mut f);
        f
    }));
    Arc::new(out)
}

/// Where an article's last analysed version and its new one differ.
#[derive(Debug)]
struct Edit {
    /// The article is new to the report: there is no last version.
    fresh: bool,
    changed: Changed,
}

impl Edit {
    fn whole(now: &DocumentAnalysis) -> Edit {
        Edit {
            fresh: true,
            changed: Changed {
                chunks_old: 0..0,
                chunks_new: 0..now.chunks.len(),
                bytes_old: 0..0,
                bytes_new: 0..now.len,
            },
        }
    }

    fn between(old: &DocumentAnalysis, new: &DocumentAnalysis) -> Edit {
        Edit {
            fresh: false,
            changed: new.changed_since(old),
        }
    }
}

/// Whether two figures say the same, wherever they stand.
fn same_but_place(x: &ChunkFigure<'_>, y: &ChunkFigure<'_>) -> bool {
    let (a, b) = (x.figure, y.figure);
    let bits = |v: Option<f64>| v.map(f64::to_bits);
    a.value.to_bits() == b.value.to_bits()
        && bits(a.low) == bits(b.low)
        && bits(a.high) == bits(b.high)
        && a.qualifier == b.qualifier
        && a.unit == b.unit
        && a.counted == b.counted
        && a.counted_span.as_ref().map(Range::len) == b.counted_span.as_ref().map(Range::len)
        && a.per == b.per
        && a.spelled == b.spelled
        && a.role == b.role
        && x.context == y.context
        && x.key == y.key
}

/// What [`Desk::report_with`] remembers of the last report it made, to redo
/// only what changed. Start with `ReportCache::default()`.
#[derive(Debug, Default)]
pub struct ReportCache {
    config: Option<Config>,
    paths: Arc<Vec<String>>,
    analyses: Vec<Arc<DocumentAnalysis>>,
    entities: Option<Arc<EntityTable>>,
    name_index: NameIndex,
    claims: HashMap<ClaimKey, ClaimGroup>,
    /// For each article, its claims, with how many of its figures make
    /// each, sorted (a short list: most articles make few claims).
    doc_keys: Vec<Vec<(ClaimKey, usize)>>,
    /// The findings of the rules that read a neighbourhood, by article.
    neighbourhood: Vec<Arc<Vec<Finding>>>,
    /// Spelling findings, by article.
    names: BTreeMap<usize, Vec<Finding>>,
    findings: Vec<Arc<Vec<Finding>>>,
}

/// The figures of one claim, as (document, figure index) in desk order, and
/// the findings among them, ordered by document.
#[derive(Debug, Default)]
struct ClaimGroup {
    members: Vec<(usize, usize)>,
    findings: Vec<Finding>,
}

/// Everything the desk knows, indexed by document number (path order).
#[derive(Debug, Clone)]
pub struct DeskReport {
    /// Paths, by document number.
    pub paths: Arc<Vec<String>>,
    /// The analyses the report was made from, by document number.
    pub analyses: Vec<Arc<DocumentAnalysis>>,
    /// Entities and which mention belongs to which.
    pub entities: Arc<EntityTable>,
    /// Findings per document, ordered by what they point at (figures, then
    /// mentions, by number), which an edit elsewhere does not change;
    /// [`DeskReport::findings_in_order`] gives them by position. A
    /// document's list is shared with the previous report when it did not
    /// change.
    pub findings: Vec<Arc<Vec<Finding>>>,
}

impl DeskReport {
    /// The document number of a path.
    pub fn doc_index(&self, path: &str) -> Option<usize> {
        self.paths.iter().position(|p| p == path)
    }

    /// A document's mentions, absolute spans, in order.
    pub fn mentions(&self, doc: usize) -> impl Iterator<Item = Mention> + '_ {
        self.analyses
            .get(doc)
            .into_iter()
            .flat_map(|a| a.mentions())
    }

    /// Mention `index` of a document.
    pub fn mention(&self, doc: usize, index: usize) -> Option<Mention> {
        self.analyses.get(doc)?.mention(index)
    }

    /// How many mentions a document has.
    pub fn mention_count(&self, doc: usize) -> usize {
        self.analyses.get(doc).map_or(0, |a| a.mention_count())
    }

    /// A document's figures with their claims, absolute spans, in order.
    pub fn figures(&self, doc: usize) -> impl Iterator<Item = DeskFigure> + '_ {
        self.analyses
            .get(doc)
            .into_iter()
            .flat_map(|a| a.figures().map(DeskFigure::from))
    }

    /// The absolute span of a mention (or of the word of it) that an entity lists.
    pub fn span(&self, r: &MentionRef) -> Range<usize> {
        self.span_of(r.doc, &r.anchor()).unwrap_or_default()
    }

    /// The absolute span of what a finding of document `doc` points at.
    pub fn span_of(&self, doc: usize, at: &Anchor) -> Option<Range<usize>> {
        self.analyses.get(doc)?.span_of(at)
    }

    /// A document's findings with their spans, in the order of their spans
    /// (then of their rules): the order to show them in.
    pub fn findings_in_order(&self, doc: usize) -> Vec<(Range<usize>, &Finding)> {
        let mut out: Vec<(Range<usize>, &Finding)> = self
            .findings
            .get(doc)
            .into_iter()
            .flat_map(|list| list.iter())
            .filter_map(|f| Some((self.span_of(doc, &f.at)?, f)))
            .collect();
        out.sort_by(|(a, x), (b, y)| (a.start, x.rule).cmp(&(b.start, y.rule)));
        out
    }

    /// The mention at a byte offset of a document, with its index.
    pub fn mention_at(&self, doc: usize, offset: usize) -> Option<(usize, Mention)> {
        let a = self.analyses.get(doc)?;
        let index = item_at(
            a,
            offset,
            |c| (c.mentions_before, &c.analysis.mentions),
            |m| &m.span,
        )?;
        Some((index, a.mention(index)?))
    }

    /// The figure at a byte offset of a document, with its index.
    pub fn figure_at(&self, doc: usize, offset: usize) -> Option<(usize, DeskFigure)> {
        let a = self.analyses.get(doc)?;
        let index = item_at(
            a,
            offset,
            |c| (c.figures_before, &c.analysis.figures),
            |f| &f.span,
        )?;
        Some((index, a.figure_in_chunk(index)?.into()))
    }
}

/// The number of the first item (mention or figure, as `items` gives a
/// chunk's) whose span holds `offset`, ends included.
fn item_at<T>(
    analysis: &DocumentAnalysis,
    offset: usize,
    items: impl Fn(&AnalyzedChunk) -> (usize, &Vec<T>),
    span: impl Fn(&T) -> &Range<usize>,
) -> Option<usize> {
    let first = analysis.chunks.partition_point(|c| c.span.end < offset);
    analysis.chunks[first..]
        .iter()
        .take_while(|c| c.span.start <= offset)
        .find_map(|c| {
            let (before, list) = items(c);
            let at = offset - c.span.start;
            let i = list.iter().position(|x| contains(span(x), at))?;
            Some(before + i)
        })
}

fn contains(span: &Range<usize>, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}
