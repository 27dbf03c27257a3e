//! What the rules read: the desk's articles, their figures with the claims
//! they make, the sentences around them and the entities.
//!
//! These types sit below both the desk, which makes them, and the rules in
//! [`super::findings`], which read them, so neither imports the other's
//! internals.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use super::claims::{ClaimContext, ClaimKey};
use super::config::Config;
use super::document::{ChunkFigure, DocumentAnalysis};
use super::model::Figure;
use super::resolve::EntityTable;
use super::source::Text;

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

/// A figure of the desk with its claim.
#[derive(Debug, Clone)]
pub struct DeskFigure {
    /// The figure, with absolute spans.
    pub figure: Figure,
    /// Its sentence's context.
    pub context: ClaimContext,
    /// The claim it makes, if it is comparable.
    pub claim: Option<ClaimKey>,
    /// Its number among its article's figures.
    pub index: usize,
    /// Its sentence, in the article.
    pub sentence: Range<usize>,
}

impl DeskFigure {
    /// Its claim's label, with the place its sentence gives a toll: "toll:
    /// dead: people in Kelbrano".
    pub fn claim_label(&self) -> Option<String> {
        let scope = self.context.scope.as_deref().map(|s| s.suffix());
        Some(self.claim.as_ref()?.label() + scope.as_deref().unwrap_or(""))
    }
}

impl From<ChunkFigure<'_>> for DeskFigure {
    fn from(f: ChunkFigure<'_>) -> DeskFigure {
        DeskFigure {
            sentence: f.offset + f.context.sentence.start..f.offset + f.context.sentence.end,
            figure: f.placed(),
            context: f.context.clone(),
            claim: f.key.cloned(),
            index: f.index,
        }
    }
}

/// What every rule may read: the articles, the entities and the settings.
pub struct RuleInput<'a> {
    /// The articles, by document number.
    pub docs: &'a [&'a DeskDocument],
    /// Which mention belongs to which entity.
    pub entities: &'a EntityTable,
    /// The settings the report is made with.
    pub config: &'a Config,
}

impl RuleInput<'_> {
    /// The date of a statement: the sentence's own date, else the article's.
    pub fn date_of(&self, doc: usize, figure: &DeskFigure) -> Option<String> {
        figure
            .context
            .date
            .as_deref()
            .or_else(|| self.docs[doc].date())
            .map(str::to_string)
    }
}

/// A run of whole chunks of one article: its text, its figures and its
/// sentences, with spans relative to the run's text. A sentence never
/// crosses chunks, so every figure's sentence is in the run.
pub struct Neighbourhood<'a> {
    /// The text of the run.
    pub text: Cow<'a, str>,
    /// Its figures, in order.
    pub figures: Vec<DeskFigure>,
    /// Its sentences, in order, as the chunks' analyses split them.
    pub sentences: Vec<Range<usize>>,
}

impl<'a> Neighbourhood<'a> {
    /// The chunks `chunks` of `document`; `None` when its text cannot be
    /// read there.
    pub fn of_chunks(document: &'a DeskDocument, chunks: Range<usize>) -> Option<Self> {
        let analysis = &document.analysis;
        let run = analysis.chunks.get(chunks.clone())?;
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            return Some(Neighbourhood {
                text: Cow::Borrowed(""),
                figures: Vec::new(),
                sentences: Vec::new(),
            });
        };
        let start = first.span.start;
        let text = document.text.slice(start..last.span.end)?;
        let shift = |s: &Range<usize>, by: usize| s.start + by - start..s.end + by - start;
        let figures = analysis
            .figures_of_chunks(chunks)
            .map(|f| {
                let mut f = DeskFigure::from(f);
                f.figure.span = shift(&f.figure.span, 0);
                f.figure.counted_span = f.figure.counted_span.map(|s| shift(&s, 0));
                f
            })
            .collect();
        let sentences = run
            .iter()
            .flat_map(|c| {
                c.analysis
                    .sentences
                    .iter()
                    .map(move |(s, _)| shift(s, c.span.start))
            })
            .collect();
        Some(Neighbourhood {
            text,
            figures,
            sentences,
        })
    }

    /// The sentence that holds `span`, if any.
    pub fn sentence_of(&self, span: &Range<usize>) -> Option<Range<usize>> {
        let i = self.sentences.partition_point(|s| s.end < span.end);
        self.sentences
            .get(i)
            .filter(|s| s.start <= span.start && span.end <= s.end)
            .cloned()
    }

    /// Whether two figures stand in one sentence.
    pub fn same_sentence(&self, a: &Figure, b: &Figure) -> bool {
        self.sentence_of(&a.span)
            .is_some_and(|s| s.start <= b.span.start && b.span.end <= s.end)
    }
}
