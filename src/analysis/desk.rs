//! The desk: every article of a folder analysed together, so that names and
//! claims connect across articles.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use super::claims::{ClaimContext, comparable};
use super::config::Config;
use super::document::DocumentAnalysis;
use super::findings::{self, Finding};
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
        let mentions = Arc::new(analysis.mentions().collect());
        let figures = Arc::new(
            analysis
                .figures()
                .map(|(figure, context)| DeskFigure {
                    claim: ClaimKey::of(&figure, context),
                    context: context.clone(),
                    figure,
                })
                .collect(),
        );
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
        let docs: Vec<&DeskDocument> = self.documents.values().collect();
        let mentions: Vec<Arc<Vec<Mention>>> = docs.iter().map(|d| d.mentions.clone()).collect();
        let entities = resolve::resolve(&mentions, config);
        let figures: Vec<Arc<Vec<DeskFigure>>> = docs.iter().map(|d| d.figures.clone()).collect();
        let findings = findings::run(&docs, &entities, &figures, config);
        DeskReport {
            paths: docs.iter().map(|d| d.path.clone()).collect(),
            mentions,
            entities,
            figures,
            findings,
        }
    }
}

/// What identifies a claim across articles: who, what is counted, in what unit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimKey {
    /// The key of the subject entity.
    pub subject: String,
    /// The normalized counted thing.
    pub counted: String,
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

/// Everything the desk knows, indexed by document number (path order).
#[derive(Debug, Clone)]
pub struct DeskReport {
    /// Paths, by document number.
    pub paths: Vec<String>,
    /// Mentions per document, absolute spans.
    pub mentions: Vec<Arc<Vec<Mention>>>,
    /// Entities and which mention belongs to which.
    pub entities: EntityTable,
    /// Figures per document.
    pub figures: Vec<Arc<Vec<DeskFigure>>>,
    /// Findings per document.
    pub findings: Vec<Vec<Finding>>,
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
