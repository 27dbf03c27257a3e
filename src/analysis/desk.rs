//! The desk: every article of a folder analysed together, so that names and
//! claims connect across articles.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use super::claims::{ClaimContext, comparable};
use super::config::Config;
use super::document::DocumentAnalysis;
use super::findings::{self, Finding, RuleInput};
use super::model::{Figure, FigureRole, Mention};
use super::resolve::{self, EntityTable};
use super::text::DocFormat;

/// One article of the desk.
#[derive(Debug, Clone)]
pub struct DeskDocument {
    /// The article's path or URI, as the caller names it.
    pub path: String,
    /// The text that was analysed.
    pub text: Arc<str>,
    /// Its analysis.
    pub analysis: Arc<DocumentAnalysis>,
    /// Its mentions with absolute spans, computed once when it joins the desk.
    pub mentions: Arc<Vec<Mention>>,
    /// Its figures with their claims, computed once when it joins the desk.
    pub figures: Arc<Vec<DeskFigure>>,
}

impl DeskDocument {
    /// The article's date: from front matter, when it has one.
    pub fn date(&self) -> Option<&str> {
        self.analysis.metadata.date.as_deref()
    }
}

/// The articles of a folder, kept in a stable order (by path).
#[derive(Debug, Clone, Default)]
pub struct Desk {
    documents: BTreeMap<String, DeskDocument>,
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
        self.insert_analysed(path, Arc::from(text), Arc::new(analysis));
    }

    /// Adds or replaces an article whose analysis was made elsewhere.
    pub fn insert_analysed(&mut self, path: &str, text: Arc<str>, analysis: Arc<DocumentAnalysis>) {
        // Exact sizes: a desk of many short articles would otherwise keep
        // room for four of each in every one.
        let mut mentions: Vec<Mention> = Vec::with_capacity(
            analysis
                .chunks
                .iter()
                .map(|c| c.analysis.mentions.len())
                .sum(),
        );
        mentions.extend(analysis.mentions());
        let mut figures: Vec<DeskFigure> = Vec::with_capacity(
            analysis
                .chunks
                .iter()
                .map(|c| c.analysis.figures.len())
                .sum(),
        );
        figures.extend(analysis.figures().map(|(figure, context)| DeskFigure {
            claim: ClaimKey::of(&figure, context),
            context: context.clone(),
            figure,
        }));
        let (mentions, figures) = (Arc::new(mentions), Arc::new(figures));
        self.documents.insert(
            path.to_string(),
            DeskDocument {
                path: path.to_string(),
                text,
                analysis,
                mentions,
                figures,
            },
        );
    }

    /// Removes an article; returns whether it was there.
    pub fn remove(&mut self, path: &str) -> bool {
        self.documents.remove(path).is_some()
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
    /// since the report `cache` remembers can affect:
    /// - entities are resolved again only when some article's names changed,
    ///   not merely moved;
    /// - claims are compared again only for the claims those articles make
    ///   or made;
    /// - an article's arithmetic is checked again only when it changed;
    /// - an article's findings are rebuilt only when one of the above touched them.
    ///
    /// Articles are compared by identity (each [`Desk::insert_analysed`]
    /// makes a new one). Adding or removing an article, or another `config`,
    /// starts afresh. The result is the same as [`Desk::report`]'s.
    pub fn report_with(&self, config: &Config, cache: &mut ReportCache) -> DeskReport {
        let docs: Vec<&DeskDocument> = self.documents.values().collect();
        let fresh = cache.config.as_ref() != Some(config)
            || cache.paths.len() != docs.len()
            || cache.paths.iter().zip(&docs).any(|(p, d)| *p != d.path);
        if fresh {
            *cache = ReportCache {
                config: Some(config.clone()),
                paths: Arc::new(docs.iter().map(|d| d.path.clone()).collect()),
                dates: vec![None; docs.len()],
                document_findings: vec![Vec::new(); docs.len()],
                findings: docs.iter().map(|_| Arc::new(Vec::new())).collect(),
                ..ReportCache::default()
            };
        }
        let changed: Vec<usize> = (0..docs.len())
            .filter(|&d| {
                fresh
                    || !Arc::ptr_eq(&cache.mentions[d], &docs[d].mentions)
                    || !Arc::ptr_eq(&cache.figures[d], &docs[d].figures)
            })
            .collect();
        let mentions: Vec<Arc<Vec<Mention>>> = docs.iter().map(|d| d.mentions.clone()).collect();
        let figures: Vec<Arc<Vec<DeskFigure>>> = docs.iter().map(|d| d.figures.clone()).collect();

        let entities = match &cache.entities {
            Some(before)
                if changed
                    .iter()
                    .all(|&d| resolve::same_names(&cache.mentions[d], &mentions[d])) =>
            {
                if changed.is_empty() {
                    before.clone()
                } else {
                    let mut table = EntityTable::clone(before);
                    for &d in &changed {
                        resolve::move_spans(&mut table, d, &cache.mentions[d], &mentions[d]);
                    }
                    Arc::new(table)
                }
            }
            _ => Arc::new(resolve::resolve(&mentions, config)),
        };
        let input = RuleInput {
            docs: &docs,
            entities: &entities,
            figures: &figures,
        };

        // Claims: take the changed articles' figures out of their groups and
        // put the new ones in; every group touched is compared again. When an
        // article's figures only moved (an edit elsewhere in it), its groups
        // keep their findings, with the spans moved.
        let mut touched: BTreeSet<usize> = changed.iter().copied().collect();
        let mut affected: HashSet<ClaimKey> = HashSet::new();
        let mut moved: Vec<(usize, HashSet<&ClaimKey>)> = Vec::new();
        for &d in &changed {
            let before = cache.figures.get(d).map(|f| f.as_slice()).unwrap_or(&[]);
            let now = figures[d].as_slice();
            let date = docs[d].date();
            let same_date = !fresh && cache.dates[d].as_deref() == date;
            cache.dates[d] = date.map(str::to_string);
            if same_date
                && before.len() == now.len()
                && before.iter().zip(now).all(|(a, b)| a.same_but_place(b))
            {
                moved.push((d, now.iter().filter_map(|f| f.claim.as_ref()).collect()));
                continue;
            }
            let gone: HashSet<&ClaimKey> = before.iter().filter_map(|f| f.claim.as_ref()).collect();
            for key in gone {
                if let Some(group) = cache.claims.get_mut(key) {
                    group.members.retain(|&(doc, _)| doc != d);
                    affected.insert(key.clone());
                }
            }
            for (i, f) in figures[d].iter().enumerate() {
                let Some(key) = &f.claim else {
                    continue;
                };
                if !cache.claims.contains_key(key) {
                    cache.claims.insert(key.clone(), ClaimGroup::default());
                }
                let Some(group) = cache.claims.get_mut(key) else {
                    continue;
                };
                if !affected.contains(key) {
                    affected.insert(key.clone());
                }
                group.members.push((d, i));
            }
        }
        for (d, keys) in &moved {
            let (before, now) = (&cache.figures[*d], &figures[*d]);
            let place = |span: &mut Range<usize>| {
                if let Ok(i) = before.binary_search_by_key(&span.start, |f| f.figure.span.start)
                    && before[i].figure.span == *span
                {
                    *span = now[i].figure.span.clone();
                }
            };
            for key in keys.iter().filter(|k| !affected.contains(**k)) {
                let Some(group) = cache.claims.get_mut(*key) else {
                    continue;
                };
                touched.extend(group.members.iter().map(|&(doc, _)| doc));
                for finding in &mut group.findings {
                    if finding.doc == *d {
                        place(&mut finding.span);
                    }
                    for related in finding.related.iter_mut().filter(|r| r.doc == *d) {
                        place(&mut related.span);
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
            let members: Vec<(usize, &DeskFigure)> = group
                .members
                .iter()
                .map(|&(doc, i)| (doc, &figures[doc][i]))
                .collect();
            let mut found = findings::claim_findings(&input, &members, config);
            found.sort_by_key(|f| f.doc);
            group.findings = found;
        }

        for &d in &changed {
            cache.document_findings[d] = findings::document_findings(&input, d, config);
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
            let keys: BTreeSet<&ClaimKey> =
                figures[d].iter().filter_map(|f| f.claim.as_ref()).collect();
            for key in keys {
                if let Some(group) = cache.claims.get(key) {
                    let from = group.findings.partition_point(|f| f.doc < d);
                    let to = group.findings.partition_point(|f| f.doc <= d);
                    all.extend_from_slice(&group.findings[from..to]);
                }
            }
            all.extend_from_slice(&cache.document_findings[d]);
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
        cache.mentions = mentions.clone();
        cache.figures = figures.clone();
        cache.entities = Some(entities.clone());
        DeskReport {
            paths: cache.paths.clone(),
            mentions,
            entities,
            figures,
            findings: cache.findings.clone(),
        }
    }
}

/// What [`Desk::report_with`] remembers of the last report it made, to redo
/// only what changed. Start with `ReportCache::default()`.
#[derive(Debug, Default)]
pub struct ReportCache {
    config: Option<Config>,
    paths: Arc<Vec<String>>,
    mentions: Vec<Arc<Vec<Mention>>>,
    figures: Vec<Arc<Vec<DeskFigure>>>,
    dates: Vec<Option<String>>,
    entities: Option<Arc<EntityTable>>,
    claims: HashMap<ClaimKey, ClaimGroup>,
    document_findings: Vec<Vec<Finding>>,
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

/// What identifies a claim across articles: who, what is counted, in what unit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimKey {
    /// The key of the subject entity.
    pub subject: Arc<str>,
    /// The normalized counted thing.
    pub counted: Arc<str>,
    /// The unit label.
    pub unit: String,
    /// Increments are only compared with increments.
    pub increment: bool,
}

impl ClaimKey {
    /// The claim a figure makes, when it has a subject and a counted thing and
    /// is a count (not a plan, a rate or a reference to an earlier estimate).
    pub fn of(figure: &Figure, context: &ClaimContext) -> Option<ClaimKey> {
        if !comparable(figure, context) {
            return None;
        }
        Some(ClaimKey {
            subject: context.subject.clone()?,
            counted: figure.counted.clone()?,
            unit: figure.unit.label(),
            increment: figure.role == FigureRole::Increment,
        })
    }

    /// A short readable label: "North Korea: troops".
    pub fn label(&self) -> String {
        let increment = if self.increment { " (additional)" } else { "" };
        format!("{}: {}{}", self.subject, self.counted, increment)
    }
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

impl DeskFigure {
    /// Whether two figures say the same, wherever they stand.
    fn same_but_place(&self, other: &DeskFigure) -> bool {
        let (a, b) = (&self.figure, &other.figure);
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
            && self.context == other.context
            && self.claim == other.claim
    }
}

/// Everything the desk knows, indexed by document number (path order).
#[derive(Debug, Clone)]
pub struct DeskReport {
    /// Paths, by document number.
    pub paths: Arc<Vec<String>>,
    /// Mentions per document, absolute spans.
    pub mentions: Vec<Arc<Vec<Mention>>>,
    /// Entities and which mention belongs to which.
    pub entities: Arc<EntityTable>,
    /// Figures per document.
    pub figures: Vec<Arc<Vec<DeskFigure>>>,
    /// Findings per document, sorted by position. A document's list is
    /// shared with the previous report when it did not change.
    pub findings: Vec<Arc<Vec<Finding>>>,
}

impl DeskReport {
    /// The document number of a path.
    pub fn doc_index(&self, path: &str) -> Option<usize> {
        self.paths.iter().position(|p| p == path)
    }

    /// The mention at a byte offset of a document, with its index.
    pub fn mention_at(&self, doc: usize, offset: usize) -> Option<(usize, &Mention)> {
        self.mentions
            .get(doc)?
            .iter()
            .enumerate()
            .find(|(_, m)| contains(&m.span, offset))
    }

    /// The figure at a byte offset of a document, with its index.
    pub fn figure_at(&self, doc: usize, offset: usize) -> Option<(usize, &DeskFigure)> {
        self.figures
            .get(doc)?
            .iter()
            .enumerate()
            .find(|(_, f)| contains(&f.figure.span, offset))
    }
}

fn contains(span: &Range<usize>, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}
