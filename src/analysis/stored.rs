//! The stored form of an article's analysis: plain data that serde can write
//! and read back, so that an article whose text has not changed need not be
//! analysed again. What is derived from other fields (chunk fingerprints,
//! running counts, claim keys) is not stored but made again on reading.
//!
//! This module only converts; where and how the bytes are kept is up to the
//! caller (`crate::cache` keeps them in files).

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::claims::{ClaimContext, ClaimKey, Frame, Scope};
use super::document::{ChunkAnalysis, DocumentAnalysis};
use super::model::{Figure, Mention};
use super::text::{Block, BlockKind, ChunkSpan, DocFormat, Metadata};

/// An article's analysis as it is stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredDocument {
    format: DocFormat,
    metadata: Metadata,
    len: usize,
    chunks: Vec<StoredChunk>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct StoredChunk {
    start: usize,
    end: usize,
    blocks: Vec<Block>,
    sentences: Vec<(Range<usize>, BlockKind)>,
    mentions: Vec<Mention>,
    figures: Vec<Figure>,
    claims: Vec<StoredContext>,
}

/// A [`ClaimContext`], written field by field: adding a field to it stops
/// this from compiling until the field is stored too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct StoredContext(#[serde(with = "ContextFields")] ClaimContext);

#[derive(Serialize, Deserialize)]
#[serde(remote = "ClaimContext")]
struct ContextFields {
    subject: Option<Arc<str>>,
    target: Option<Arc<str>>,
    event: Option<Arc<str>>,
    date: Option<Arc<str>>,
    hypothetical: bool,
    distributive: bool,
    toll: Option<Arc<str>>,
    partial: bool,
    provisional: bool,
    population: bool,
    when: Option<Arc<str>>,
    predicate: Option<Arc<str>>,
    magnitude: bool,
    frame: Option<Frame>,
    scope: Option<Arc<Scope>>,
    sentence: Range<usize>,
}

impl StoredDocument {
    /// The stored form of `analysis`.
    pub fn of(analysis: &DocumentAnalysis) -> StoredDocument {
        StoredDocument {
            format: analysis.format,
            metadata: analysis.metadata.clone(),
            len: analysis.len,
            chunks: analysis
                .chunks
                .iter()
                .map(|chunk| {
                    let a = &chunk.analysis;
                    StoredChunk {
                        start: chunk.span.start,
                        end: chunk.span.end,
                        blocks: a.blocks.clone(),
                        sentences: a.sentences.clone(),
                        mentions: a.mentions.clone(),
                        figures: a.figures.clone(),
                        claims: a.claims.iter().cloned().map(StoredContext).collect(),
                    }
                })
                .collect(),
        }
    }

    /// The analysis of `text` this stores, or `None` when it cannot be the
    /// analysis of `text` (another length or format, chunks that do not fit).
    pub fn into_analysis(self, text: &str, format: DocFormat) -> Option<DocumentAnalysis> {
        if self.len != text.len() || self.format != format {
            return None;
        }
        let parts = self
            .chunks
            .into_iter()
            .map(|chunk| {
                if chunk.claims.len() != chunk.figures.len() {
                    return None;
                }
                let claims: Vec<ClaimContext> = chunk.claims.into_iter().map(|c| c.0).collect();
                let keys = chunk
                    .figures
                    .iter()
                    .zip(&claims)
                    .map(|(f, c)| ClaimKey::of(f, c))
                    .collect();
                let span = ChunkSpan {
                    start: chunk.start,
                    end: chunk.end,
                };
                let analysis = ChunkAnalysis {
                    blocks: chunk.blocks,
                    sentences: chunk.sentences,
                    mentions: chunk.mentions,
                    figures: chunk.figures,
                    claims,
                    keys,
                };
                Some((span, analysis))
            })
            .collect::<Option<Vec<_>>>()?;
        DocumentAnalysis::assemble(text, format, self.metadata, parts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::config::Config;

    const ARTICLE: &str = "Minister Ada Brenner said on Monday that 1,200 volunteers had \
        arrived in Korvale, about 40 km from the border.\n\nBrenner said at least \
        $3.5 million had been raised, up from 2% of the target a year ago.\n";

    fn same(a: &DocumentAnalysis, b: &DocumentAnalysis) {
        assert_eq!(a.format, b.format);
        assert_eq!(a.metadata, b.metadata);
        assert_eq!(a.len, b.len);
        assert_eq!(a.chunks.len(), b.chunks.len());
        for (x, y) in a.chunks.iter().zip(&b.chunks) {
            assert_eq!(x.span, y.span);
            assert_eq!(x.fingerprint, y.fingerprint);
            assert_eq!(x.mentions_before, y.mentions_before);
            assert_eq!(x.figures_before, y.figures_before);
            assert_eq!(*x.analysis, *y.analysis);
        }
    }

    #[test]
    fn a_stored_analysis_reads_back_as_the_fresh_one() {
        let config = Config::default();
        for format in [DocFormat::Plain, DocFormat::Markdown] {
            let fresh = DocumentAnalysis::new(ARTICLE, format, &config);
            assert!(fresh.figure_count() >= 3 && fresh.mention_count() >= 2);
            let bytes = postcard::to_stdvec(&StoredDocument::of(&fresh)).unwrap();
            let stored: StoredDocument = postcard::from_bytes(&bytes).unwrap();
            same(&fresh, &stored.into_analysis(ARTICLE, format).unwrap());
        }
    }

    #[test]
    fn a_stored_analysis_of_other_text_is_refused() {
        let config = Config::default();
        let stored = StoredDocument::of(&DocumentAnalysis::new(ARTICLE, DocFormat::Plain, &config));
        assert!(
            stored
                .clone()
                .into_analysis("Short.", DocFormat::Plain)
                .is_none()
        );
        assert!(
            stored
                .clone()
                .into_analysis(ARTICLE, DocFormat::Markdown)
                .is_none()
        );
        // The same length, but a chunk boundary inside a multi-byte char.
        let shifted = format!("é{}", &ARTICLE[2..]);
        let mut bent = stored;
        bent.chunks[0].end = 1;
        assert!(bent.into_analysis(&shifted, DocFormat::Plain).is_none());
    }
}
