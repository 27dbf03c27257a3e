//! Analysis of one article, chunk by chunk, reusing the chunks that did not change.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use super::claims::{self, ClaimContext};
use super::config::Config;
use super::entities;
use super::figures;
use super::model::{Figure, Mention};
use super::text::{self, BlockKind, ChunkSpan, DocFormat, Metadata};

/// The analysis of one chunk, with spans relative to the chunk. It depends only
/// on the chunk's text, its format and the configuration, so it can be reused
/// whenever the same text appears again.
#[derive(Debug, Clone, PartialEq)]
pub struct ChunkAnalysis {
    /// Blocks of prose, relative to the chunk.
    pub blocks: Vec<text::Block>,
    /// Sentences, relative to the chunk, each with the kind of its block.
    pub sentences: Vec<(Range<usize>, BlockKind)>,
    /// Names, in order.
    pub mentions: Vec<Mention>,
    /// Figures, in order.
    pub figures: Vec<Figure>,
    /// For each figure, what its sentence says about the claim it makes.
    pub claims: Vec<ClaimContext>,
}

/// Analyses one chunk of text on its own.
pub fn analyze_chunk(chunk: &str, format: DocFormat, config: &Config) -> ChunkAnalysis {
    let prose = text::prose(chunk, format);
    let mut sentences = Vec::new();
    let mut mentions = Vec::new();
    let mut figures = Vec::new();
    for block in &prose.blocks {
        let block_text = &prose.masked[block.range.clone()];
        let block_sentences: Vec<Range<usize>> = text::sentences(block_text);
        if block.kind != BlockKind::Boilerplate {
            let offset = block.range.start;
            for mut m in entities::find_mentions(block_text, block.kind, &block_sentences, config) {
                m.span = shift(&m.span, offset);
                mentions.push(m);
            }
            for mut f in figures::find_figures(block_text, &block_sentences) {
                f.span = shift(&f.span, offset);
                f.counted_span = f.counted_span.map(|s| shift(&s, offset));
                figures.push(f);
            }
        }
        sentences.extend(
            block_sentences
                .into_iter()
                .map(|s| (shift(&s, block.range.start), block.kind)),
        );
    }
    let claims = claims::contexts(&prose.masked, &sentences, &mentions, &figures);
    let mut analysis = ChunkAnalysis {
        blocks: prose.blocks,
        sentences,
        mentions,
        figures,
        claims,
    };
    // Kept for as long as the article is on the desk: no spare room.
    analysis.blocks.shrink_to_fit();
    analysis.sentences.shrink_to_fit();
    analysis.mentions.shrink_to_fit();
    analysis.figures.shrink_to_fit();
    analysis.claims.shrink_to_fit();
    analysis
}

fn shift(range: &Range<usize>, by: usize) -> Range<usize> {
    range.start + by..range.end + by
}

/// A chunk of a document together with its (shared) analysis.
#[derive(Debug, Clone)]
pub struct AnalyzedChunk {
    /// Where the chunk stands in the document.
    pub span: ChunkSpan,
    /// A hash of the chunk's text, to find it again after an edit.
    pub fingerprint: u64,
    /// The analysis, relative to `span.start`.
    pub analysis: Arc<ChunkAnalysis>,
}

/// The analysis of a whole article.
#[derive(Debug, Clone)]
pub struct DocumentAnalysis {
    /// How the article is written.
    pub format: DocFormat,
    /// Front matter.
    pub metadata: Metadata,
    /// The chunks, in order.
    pub chunks: Vec<AnalyzedChunk>,
    /// The length of the analysed text in bytes.
    pub len: usize,
}

fn fingerprint(chunk: &str, format: DocFormat) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    chunk.hash(&mut hasher);
    format.hash(&mut hasher);
    hasher.finish()
}

impl DocumentAnalysis {
    /// Analyses `text` from scratch.
    pub fn new(text: &str, format: DocFormat, config: &Config) -> DocumentAnalysis {
        Self::reanalyze(text, format, config, None)
    }

    /// Analyses `text`, reusing every chunk of `previous` whose text is unchanged.
    /// `previous` must have been made with the same configuration.
    pub fn reanalyze(
        text: &str,
        format: DocFormat,
        config: &Config,
        previous: Option<&DocumentAnalysis>,
    ) -> DocumentAnalysis {
        let (metadata, spans) = text::split_chunks(text, format);
        let mut reusable: HashMap<u64, Arc<ChunkAnalysis>> = HashMap::new();
        if let Some(prev) = previous.filter(|p| p.format == format) {
            for chunk in &prev.chunks {
                reusable.insert(chunk.fingerprint, chunk.analysis.clone());
            }
        }
        let chunks = spans
            .into_iter()
            .map(|span| {
                let chunk_text = &text[span.start..span.end];
                let fp = fingerprint(chunk_text, format);
                let analysis = reusable
                    .get(&fp)
                    .cloned()
                    .unwrap_or_else(|| Arc::new(analyze_chunk(chunk_text, format, config)));
                AnalyzedChunk {
                    span,
                    fingerprint: fp,
                    analysis,
                }
            })
            .collect();
        DocumentAnalysis {
            format,
            metadata,
            chunks,
            len: text.len(),
        }
    }

    /// Analyses `text`, which is `previous_text` (the text `self` was made
    /// from) with the bytes `old` replaced: they are the bytes `new` of `text`
    /// (`old.start == new.start`). Only the chunks next to the change are split
    /// and analysed again; the others are reused, shifted. When the change
    /// could move chunk boundaries further away (front matter, code fences)
    /// this is [`DocumentAnalysis::reanalyze`]. The result is the same either way.
    pub fn reanalyze_edit(
        &self,
        previous_text: &str,
        text: &str,
        old: Range<usize>,
        new: Range<usize>,
        config: &Config,
    ) -> DocumentAnalysis {
        let full = || Self::reanalyze(text, self.format, config, Some(self));
        let consistent = previous_text.len() == self.len
            && old.start == new.start
            && old.start <= old.end
            && new.start <= new.end
            && old.end <= previous_text.len()
            && new.end <= text.len()
            && previous_text.len() - old.end == text.len() - new.end;
        if !consistent {
            return full();
        }
        // The chunks touching the change, and one more on each side.
        let first = self.chunks.partition_point(|c| c.span.end < old.start);
        let last = self.chunks.partition_point(|c| c.span.start <= old.end);
        let lo = first.saturating_sub(1);
        let hi = (last + 1).min(self.chunks.len());
        let window_start = if lo == 0 {
            0
        } else {
            self.chunks[lo - 1].span.end
        };
        let old_window_end = if hi == self.chunks.len() {
            self.len
        } else {
            self.chunks[hi].span.start
        };
        if window_start > old.start || old_window_end < old.end {
            return full();
        }
        let new_window_end = old_window_end - old.end + new.end;
        let (Some(old_window), Some(window)) = (
            previous_text.get(window_start..old_window_end),
            text.get(window_start..new_window_end),
        ) else {
            return full();
        };
        if self.format == DocFormat::Markdown {
            let fence = |s: &str| s.contains("```") || s.contains("~~~");
            if fence(old_window)
                || fence(window)
                || (window_start > 0 && text::front_matter(window).1 != 0)
            {
                return full();
            }
        }
        let (window_metadata, spans) = text::split_chunks(window, self.format);
        let metadata = if window_start == 0 {
            window_metadata
        } else {
            self.metadata.clone()
        };
        let reusable: HashMap<u64, Arc<ChunkAnalysis>> = self.chunks[lo..hi]
            .iter()
            .map(|c| (c.fingerprint, c.analysis.clone()))
            .collect();
        let mut chunks = Vec::with_capacity(self.chunks.len() - (hi - lo) + spans.len());
        chunks.extend_from_slice(&self.chunks[..lo]);
        for span in spans {
            let span = ChunkSpan {
                start: span.start + window_start,
                end: span.end + window_start,
            };
            let chunk_text = &text[span.start..span.end];
            let fp = fingerprint(chunk_text, self.format);
            let analysis = reusable
                .get(&fp)
                .cloned()
                .unwrap_or_else(|| Arc::new(analyze_chunk(chunk_text, self.format, config)));
            chunks.push(AnalyzedChunk {
                span,
                fingerprint: fp,
                analysis,
            });
        }
        chunks.extend(self.chunks[hi..].iter().map(|c| AnalyzedChunk {
            span: ChunkSpan {
                start: c.span.start - old.end + new.end,
                end: c.span.end - old.end + new.end,
            },
            fingerprint: c.fingerprint,
            analysis: c.analysis.clone(),
        }));
        DocumentAnalysis {
            format: self.format,
            metadata,
            chunks,
            len: text.len(),
        }
    }

    /// Every mention with absolute spans, in order.
    pub fn mentions(&self) -> impl Iterator<Item = Mention> + '_ {
        self.chunks.iter().flat_map(|c| {
            c.analysis.mentions.iter().map(move |m| {
                let mut m = m.clone();
                m.span = shift(&m.span, c.span.start);
                m
            })
        })
    }

    /// Every figure with absolute spans, with its claim context, in order.
    pub fn figures(&self) -> impl Iterator<Item = (Figure, &ClaimContext)> + '_ {
        self.chunks.iter().flat_map(|c| {
            c.analysis
                .figures
                .iter()
                .zip(&c.analysis.claims)
                .map(move |(f, ctx)| {
                    let mut f = f.clone();
                    f.span = shift(&f.span, c.span.start);
                    f.counted_span = f.counted_span.map(|s| shift(&s, c.span.start));
                    (f, ctx)
                })
        })
    }

    /// Every sentence with absolute spans.
    pub fn sentences(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.chunks.iter().flat_map(|c| {
            c.analysis
                .sentences
                .iter()
                .map(move |(s, _)| shift(s, c.span.start))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(a: &DocumentAnalysis) -> Vec<(usize, usize, u64)> {
        a.chunks
            .iter()
            .map(|c| (c.span.start, c.span.end, c.fingerprint))
            .collect()
    }

    /// Applies `replacement` at `range` both ways and compares with a full analysis.
    fn check(before: &str, range: Range<usize>, replacement: &str, format: DocFormat) {
        let config = Config::default();
        let previous = DocumentAnalysis::new(before, format, &config);
        let mut after = before.to_string();
        after.replace_range(range.clone(), replacement);
        let new = range.start..range.start + replacement.len();
        let edited = previous.reanalyze_edit(before, &after, range.clone(), new, &config);
        let full = DocumentAnalysis::new(&after, format, &config);
        assert_eq!(
            spans(&edited),
            spans(&full),
            "{before:?} {range:?} {replacement:?}"
        );
        assert_eq!(edited.metadata, full.metadata);
        assert_eq!(edited.len, full.len);
    }

    #[test]
    fn an_edit_reanalyses_like_the_whole_text() {
        let markdown = "---\ntitle: T\ndate: 2024-11-05\n---\n\n# Head\n\nFirst para\nstill first.\r\n\r\nSecond para.\n\n```\ncode\n\nmore\n```\n\nLast  \n";
        let plain = "One line.\r\nTwo line.\n\n  Three.\rFour.\n";
        for (text, format) in [(markdown, DocFormat::Markdown), (plain, DocFormat::Plain)] {
            let boundaries: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for (i, &start) in boundaries.iter().enumerate() {
                for &end in boundaries[i..].iter().take(4) {
                    for replacement in ["", "x", "\n", "\n\n", "```", "---\n", " "] {
                        check(text, start..end, replacement, format);
                    }
                }
            }
        }
    }
}
