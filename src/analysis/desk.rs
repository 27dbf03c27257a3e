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

use super::claims::ClaimContext;
pub use super::claims::ClaimKey;
use super::config::Config;
use super::document::{AnalyzedChunk, ChunkFigure, DocumentAnalysis};
use super::findings::{self, Finding, Related, RuleInput};
use super::model::{Figure, Mention};
use super::resolve::{self, EntityTable, MentionRef};
use super::source::{self, Text};
use super::text::DocFormat;

/// One article of the desk.
#[derive(Debug, Clone)]
pub struct DeskDocument {
    /// The article's path or URI, as the caller names it.
    pub path: String,
    /// The text that was analysed.
    pub text: Text,
    /// Its analysis.
    pub analysis: Arc<DocumentAnalysis>,
}

impl DeskDocument {
    /// The article's date: from front matter, when it has one.
    pub fn date(&self) -> Option<&str> {
        self.analysis.metadata.date.as_deref()
    }

    /// Its figures with their claims, absolute spans, in order.
    pub fn figures(&self) -> impl Iterator<Item = DeskFigure> + '_ {
        self.analysis.figures().map(DeskFigure::from)
    }

    /// Its figure `index`.
    pub fn figure(&self, index: usize) -> Option<DeskFigure> {
        self.analysis.figure_in_chunk(index).map(DeskFigure::from)
    }
}

/// The articles of a folder, kept in a stable order (by path). Cloning a
/// desk shares its articles until one of the copies changes.
#[derive(Debug, Clone, Default)]
pub struct Desk {
    documents: Arc<BTreeMap<String, DeskDocument>>,
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
        Arc::make_mut(&mut self.documents).insert(
            path.to_string(),
            DeskDocument {
                path: path.to_string(),
                text,
                analysis,
            },
        );
    }

    /// Removes an article; returns whether it was there.
    pub fn remove(&mut self, path: &str) -> bool {
        self.documents.contains_key(path)
            && Arc::make_mut(&mut self.documents).remove(path).is_some()
    }

    /// The article at `path`.
    pub fn get(&self, path: &str) -> Option<&DeskDocument> {
        self.documents.get(path)
    }

    /// The articles, in path order. Indices into this order are the `doc`
    /// numbers used by [`DeskReport`].
    pub fn documents(&self) -> impl Iterator<Item = &DeskDocument> {
        self.documents.values()
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
    /// - arithmetic is checked again only around that run;
    /// - findings elsewhere are kept, with their spans moved.
    ///
    /// Adding or removing an article, or another `config`, starts afresh.
    /// The result is the same as [`Desk::report`]'s.
    pub fn report_with(&self, config: &Config, cache: &mut ReportCache) -> DeskReport {
        let docs: Vec<&DeskDocument> = self.documents.values().collect();
        let fresh = cache.config.as_ref() != Some(config)
            || cache.paths.len() != docs.len()
            || cache.paths.iter().zip(&docs).any(|(p, d)| *p != d.path);
        if fresh {
            *cache = ReportCache {
                config: Some(config.clone()),
                paths: Arc::new(docs.iter().map(|d| d.path.clone()).collect()),
                doc_keys: vec![Vec::new(); docs.len()],
                arithmetic: vec![Vec::new(); docs.len()],
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

        let entities = match &cache.entities {
            Some(before)
                if edits.iter().all(|(d, e)| {
                    !e.fresh
                        && old(*d).is_some_and(|a| {
                            resolve::same_names(
                                a.mentions_of_chunks(e.chunks_old.clone()),
                                analyses[*d].mentions_of_chunks(e.chunks_new.clone()),
                            )
                        })
                }) =>
            {
                before.clone()
            }
            _ => {
                let lists: Vec<Vec<&Mention>> = analyses
                    .iter()
                    .map(|a| a.mentions_of_chunks(0..a.chunks.len()).collect())
                    .collect();
                Arc::new(resolve::resolve(&lists, config))
            }
        };
        let input = RuleInput {
            docs: &docs,
            entities: &entities,
        };

        // Claims: the figures of each change leave their groups and the new
        // ones join; every group they touch is compared again. When the
        // figures only moved, their groups keep their findings.
        let mut touched: BTreeSet<usize> = edits.iter().map(|(d, _)| *d).collect();
        let mut affected: HashSet<ClaimKey> = HashSet::new();
        // Per changed article: its edit, and the spans of the figures in
        // it before and after, when those only moved.
        type Spans = Vec<Range<usize>>;
        let mut moved: Vec<(usize, &Edit, Spans, Spans)> = Vec::new();
        for (d, edit) in &edits {
            let d = *d;
            let now = &analyses[d];
            let before = old(d);
            let same_date = before.is_some_and(|b| b.metadata.date == now.metadata.date);
            let whole = edit.fresh || !same_date;
            let (chunks_old, chunks_new) = if whole {
                (0..before.map_or(0, |b| b.chunks.len()), 0..now.chunks.len())
            } else {
                (edit.chunks_old.clone(), edit.chunks_new.clone())
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
                let spans = |f: &[ChunkFigure<'_>]| f.iter().map(|f| f.placed().span).collect();
                moved.push((d, edit, spans(&leaving), spans(&joining)));
                continue;
            }
            let first_old = before.map_or(0, |b| figures_before(b, chunks_old.start));
            let first_new = figures_before(now, chunks_new.start);
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
            // The figures after the change are numbered anew.
            if leaving.len() != joining.len() {
                for (key, _) in keys.iter() {
                    if let Some(group) = cache.claims.get_mut(key) {
                        for member in group.members.iter_mut() {
                            if member.0 == d && member.1 >= old_range.end {
                                member.1 = member.1 - leaving.len() + joining.len();
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
            if !whole {
                moved.push((d, edit, Vec::new(), Vec::new()));
            }
        }
        // Groups that were not compared again keep their findings; the
        // spans of the changed articles move.
        for (d, edit, before, now) in &moved {
            let place = |span: &Range<usize>| -> Range<usize> {
                if let Some(placed) = edit.place(span) {
                    return placed;
                }
                match before.binary_search_by_key(&span.start, |s| s.start) {
                    Ok(i) if before[i] == *span => now[i].clone(),
                    _ => span.clone(),
                }
            };
            for (key, _) in &cache.doc_keys[*d] {
                if affected.contains(key) {
                    continue;
                }
                let Some(group) = cache.claims.get_mut(key) else {
                    continue;
                };
                for finding in &mut group.findings {
                    let mut changed = false;
                    if finding.doc == *d {
                        let span = place(&finding.span);
                        changed |= span != finding.span;
                        finding.span = span;
                    }
                    if finding.related.iter().any(|r| r.doc == *d) {
                        let related: Vec<Related> = finding
                            .related
                            .iter()
                            .map(|r| {
                                let mut r = r.clone();
                                if r.doc == *d {
                                    r.span = place(&r.span);
                                }
                                r
                            })
                            .collect();
                        if *related != *finding.related {
                            changed = true;
                            finding.related = related.into();
                        }
                    }
                    if changed {
                        touched.insert(finding.doc);
                    }
                }
            }
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
            let mut found = findings::claim_findings(&input, &members, config);
            found.sort_by_key(|f| f.doc);
            group.findings = found;
        }

        for (d, edit) in &edits {
            let whole =
                edit.fresh || old(*d).is_none_or(|b| b.metadata.date != analyses[*d].metadata.date);
            cache.arithmetic[*d] = if whole {
                let figures: Vec<DeskFigure> = docs[*d].figures().collect();
                findings::document_findings(&input, *d, &figures, docs[*d].text.as_str(), config)
            } else {
                arithmetic_around(&input, *d, edit, &cache.arithmetic[*d], config)
            };
        }

        // Spelling variants are few: found again over the whole desk each time.
        let mut names: BTreeMap<usize, Vec<Finding>> = BTreeMap::new();
        for finding in findings::name_findings(&input, config) {
            names.entry(finding.doc).or_default().push(finding);
        }
        touched.extend(cache.name_docs.iter().copied());
        touched.extend(names.keys().copied());

        for &d in &touched {
            let mut all: Vec<Finding> = Vec::new();
            for (key, _) in &cache.doc_keys[d] {
                if let Some(group) = cache.claims.get(key) {
                    let from = group.findings.partition_point(|f| f.doc < d);
                    let to = group.findings.partition_point(|f| f.doc <= d);
                    all.extend_from_slice(&group.findings[from..to]);
                }
            }
            all.extend_from_slice(&cache.arithmetic[d]);
            all.extend(names.remove(&d).unwrap_or_default());
            all.shrink_to_fit();
            findings::sort(&mut all);
            if *cache.findings[d] != all {
                cache.findings[d] = Arc::new(all);
            }
        }
        cache.name_docs = touched
            .iter()
            .copied()
            .filter(|&d| {
                cache.findings[d]
                    .iter()
                    .any(|f| f.rule == findings::SPELLING_VARIANT)
            })
            .collect();
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

/// How many figures the chunks before chunk `chunk` hold.
fn figures_before(analysis: &DocumentAnalysis, chunk: usize) -> usize {
    match analysis.chunks.get(chunk) {
        Some(c) => c.figures_before,
        None => analysis.figure_count(),
    }
}

/// The arithmetic findings of article `doc` after `edit`, from those before
/// it: the findings near the edit are found again over the chunks around
/// it, the others are kept, moved. Every check relates figures and text
/// within [`findings::ARITHMETIC_REACH`] bytes of the finding, within their
/// lines, and lines never cross chunks; so this is what checking the whole
/// article would find.
fn arithmetic_around(
    input: &RuleInput<'_>,
    doc: usize,
    edit: &Edit,
    before: &[Finding],
    config: &Config,
) -> Vec<Finding> {
    let reach = findings::ARITHMETIC_REACH;
    let document = input.docs[doc];
    let analysis = &document.analysis;
    let near = |r: &Range<usize>, by: usize| r.start.saturating_sub(by)..r.end.saturating_add(by);
    let (old_core, core) = (
        near(&edit.bytes_old, 2 * reach),
        near(&edit.bytes_new, 2 * reach),
    );
    let around = near(&edit.bytes_new, 4 * reach);
    let from = analysis
        .chunks
        .partition_point(|c| c.span.end <= around.start);
    let to = analysis
        .chunks
        .partition_point(|c| c.span.start < around.end);
    let mut out: Vec<Finding> = before
        .iter()
        .filter(|f| !old_core.contains(&f.span.start))
        .filter_map(|f| {
            let mut f = f.clone();
            f.span = edit.place(&f.span)?;
            f.related = f
                .related
                .iter()
                .map(|r| {
                    let mut r = r.clone();
                    r.span = edit.place(&r.span)?;
                    Some(r)
                })
                .collect::<Option<Vec<Related>>>()?
                .into();
            Some(f)
        })
        .collect();
    if from < to {
        let start = analysis.chunks[from].span.start;
        let end = analysis.chunks[to - 1].span.end;
        let Some(text) = document.text.slice(start..end) else {
            return out;
        };
        let figures: Vec<DeskFigure> = analysis
            .figures_of_chunks(from..to)
            .map(|f| {
                let mut f = DeskFigure::from(f);
                f.figure.span = f.figure.span.start - start..f.figure.span.end - start;
                f.figure.counted_span = f
                    .figure
                    .counted_span
                    .map(|s| s.start - start..s.end - start);
                f
            })
            .collect();
        for mut f in findings::document_findings(input, doc, &figures, &text, config) {
            f.span = f.span.start + start..f.span.end + start;
            if !core.contains(&f.span.start) {
                continue;
            }
            f.related = f
                .related
                .iter()
                .map(|r| {
                    let mut r = r.clone();
                    r.span = r.span.start + start..r.span.end + start;
                    r
                })
                .collect::<Vec<Related>>()
                .into();
            out.push(f);
        }
    }
    out.shrink_to_fit();
    out
}

/// Where an article's last analysed version and its new one differ: the
/// chunks between those both share, in place or shifted by the same amount.
#[derive(Debug)]
struct Edit {
    /// The article is new to the report: there is no last version.
    fresh: bool,
    /// The differing chunks of the last version and of the new one.
    chunks_old: Range<usize>,
    chunks_new: Range<usize>,
    /// The bytes they cover, with the gaps around them.
    bytes_old: Range<usize>,
    bytes_new: Range<usize>,
}

impl Edit {
    fn whole(now: &DocumentAnalysis) -> Edit {
        Edit {
            fresh: true,
            chunks_old: 0..0,
            chunks_new: 0..now.chunks.len(),
            bytes_old: 0..0,
            bytes_new: 0..now.len,
        }
    }

    fn between(old: &DocumentAnalysis, new: &DocumentAnalysis) -> Edit {
        let (a, b) = (&old.chunks, &new.chunks);
        let n = a.len().min(b.len());
        let mut prefix = 0;
        while prefix < n
            && Arc::ptr_eq(&a[prefix].analysis, &b[prefix].analysis)
            && a[prefix].span == b[prefix].span
        {
            prefix += 1;
        }
        let mut suffix = 0;
        while suffix < n - prefix && {
            let (x, y) = (&a[a.len() - 1 - suffix], &b[b.len() - 1 - suffix]);
            Arc::ptr_eq(&x.analysis, &y.analysis)
                && old.len - x.span.start == new.len - y.span.start
                && old.len - x.span.end == new.len - y.span.end
        } {
            suffix += 1;
        }
        let start = if prefix == 0 {
            0
        } else {
            a[prefix - 1].span.end
        };
        let end = |chunks: &[AnalyzedChunk], len: usize| {
            if suffix == 0 {
                len
            } else {
                chunks[chunks.len() - suffix].span.start
            }
        };
        Edit {
            fresh: false,
            chunks_old: prefix..a.len() - suffix,
            chunks_new: prefix..b.len() - suffix,
            bytes_old: start..end(a, old.len),
            bytes_new: start..end(b, new.len),
        }
    }

    /// Where a span of the last version stands in the new one, unless it
    /// lies (partly) in the changed bytes.
    fn place(&self, span: &Range<usize>) -> Option<Range<usize>> {
        if span.end <= self.bytes_old.start {
            Some(span.clone())
        } else if span.start >= self.bytes_old.end {
            let by = |x: usize| x - self.bytes_old.end + self.bytes_new.end;
            Some(by(span.start)..by(span.end))
        } else {
            None
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
    claims: HashMap<ClaimKey, ClaimGroup>,
    /// For each article, its claims, with how many of its figures make
    /// each, sorted (a short list: most articles make few claims).
    doc_keys: Vec<Vec<(ClaimKey, usize)>>,
    arithmetic: Vec<Vec<Finding>>,
    name_docs: BTreeSet<usize>,
    findings: Vec<Arc<Vec<Finding>>>,
}

/// The figures of one claim, as (document, figure index) in desk order, and
/// the findings among them, ordered by document.
#[derive(Debug, Default)]
struct ClaimGroup {
    members: Vec<(usize, usize)>,
    findings: Vec<Finding>,
}

/// A figure of the desk with its claim.
#[derive(Debug, Clone)]
pub struct DeskFigure {
    /// The figure, with absolute spans.
    pub figure: Figure,
    /// Its sentence's context.
    pub context: ClaimContext,
    /// The claim it makes, if it is comparable.
    pub claim: Option<ClaimKey>,
}

impl From<ChunkFigure<'_>> for DeskFigure {
    fn from(f: ChunkFigure<'_>) -> DeskFigure {
        DeskFigure {
            figure: f.placed(),
            context: f.context.clone(),
            claim: f.key.cloned(),
        }
    }
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
    /// Findings per document, sorted by position. A document's list is
    /// shared with the previous report when it did not change.
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
        r.span_from(
            self.analyses
                .get(r.doc)
                .and_then(|a| a.mention_span(r.index))
                .map_or(0, |s| s.start),
        )
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
