//! Analysis of one article, chunk by chunk, reusing the chunks that did not change.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use super::claims::{self, ClaimContext, ClaimKey};
use super::config::Config;
use super::entities;
use super::figures;
use super::model::{Figure, Mention};
use super::source::Source;
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
    /// For each figure, the claim it makes, if it is comparable.
    pub keys: Vec<Option<ClaimKey>>,
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
    let keys = figures
        .iter()
        .zip(&claims)
        .map(|(f, c)| ClaimKey::of(f, c))
        .collect();
    let mut analysis = ChunkAnalysis {
        blocks: prose.blocks,
        sentences,
        mentions,
        figures,
        claims,
        keys,
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
    /// How many mentions the chunks before this one have.
    pub mentions_before: usize,
    /// How many figures the chunks before this one have.
    pub figures_before: usize,
}

/// A figure as its chunk holds it, with what the chunk says of its claim.
#[derive(Debug, Clone, Copy)]
pub struct ChunkFigure<'a> {
    /// The figure, with spans relative to its chunk.
    pub figure: &'a Figure,
    /// Its sentence's context.
    pub context: &'a ClaimContext,
    /// The claim it makes, if it is comparable.
    pub key: Option<&'a ClaimKey>,
    /// Where its chunk starts in the article.
    pub offset: usize,
    /// Its number among the article's figures.
    pub index: usize,
}

/// Something in an article that a finding points at, by its number among
/// the article's figures or mentions rather than by its bytes: an edit
/// elsewhere in the article leaves it as it is. Ordered figures first, then
/// mentions, each by number. Numbers are kept in 32 bits (a finding's list
/// holds many of them); one that does not fit points at nothing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Anchor {
    /// Figure number `n` (the span of its number).
    Figure(u32),
    /// The bytes `start..end`, relative to its start, of mention number `index`.
    Mention { index: u32, start: u32, end: u32 },
}

fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Anchor {
    /// Figure number `n`.
    pub fn figure(n: usize) -> Anchor {
        Anchor::Figure(narrow(n))
    }

    /// The bytes `part` (relative to its start) of mention number `index`.
    pub fn mention(index: usize, part: Range<usize>) -> Anchor {
        Anchor::Mention {
            index: narrow(index),
            start: narrow(part.start),
            end: narrow(part.end),
        }
    }

    /// The figure's number, for an anchor on a figure.
    pub fn figure_number(&self) -> Option<usize> {
        match self {
            Anchor::Figure(n) => Some(*n as usize),
            Anchor::Mention { .. } => None,
        }
    }
}

/// Where two analyses of an article differ: the chunks between those both
/// share, in place or shifted by the same amount from the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    /// The differing chunks of the old analysis and of the new one.
    pub chunks_old: Range<usize>,
    pub chunks_new: Range<usize>,
    /// The bytes they cover, with the gaps around them.
    pub bytes_old: Range<usize>,
    pub bytes_new: Range<usize>,
}

impl ChunkFigure<'_> {
    /// The figure with absolute spans.
    pub fn placed(&self) -> Figure {
        let mut f = self.figure.clone();
        f.span = shift(&f.span, self.offset);
        f.counted_span = f.counted_span.map(|s| shift(&s, self.offset));
        f
    }
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
                    mentions_before: 0,
                    figures_before: 0,
                }
            })
            .collect();
        DocumentAnalysis::counted(format, metadata, chunks, text.len())
    }

    /// The analysis of `text` from chunk analyses made earlier (read back
    /// from a store): each chunk's span in `text`, in order, with its
    /// analysis. `None` when the spans do not fit the text: out of order,
    /// past its end or off a char boundary.
    pub fn assemble(
        text: &str,
        format: DocFormat,
        metadata: Metadata,
        parts: Vec<(ChunkSpan, ChunkAnalysis)>,
    ) -> Option<DocumentAnalysis> {
        let mut end = 0;
        let mut chunks = Vec::with_capacity(parts.len());
        for (span, analysis) in parts {
            if span.start < end || span.end < span.start {
                return None;
            }
            let chunk_text = text.get(span.start..span.end)?;
            end = span.end;
            chunks.push(AnalyzedChunk {
                span,
                fingerprint: fingerprint(chunk_text, format),
                analysis: Arc::new(analysis),
                mentions_before: 0,
                figures_before: 0,
            });
        }
        Some(DocumentAnalysis::counted(
            format,
            metadata,
            chunks,
            text.len(),
        ))
    }

    /// A document of `chunks`, with their running counts filled in.
    pub fn counted(
        format: DocFormat,
        metadata: Metadata,
        mut chunks: Vec<AnalyzedChunk>,
        len: usize,
    ) -> DocumentAnalysis {
        let (mut mentions, mut figures) = (0, 0);
        for chunk in &mut chunks {
            chunk.mentions_before = mentions;
            chunk.figures_before = figures;
            mentions += chunk.analysis.mentions.len();
            figures += chunk.analysis.figures.len();
        }
        DocumentAnalysis {
            format,
            metadata,
            chunks,
            len,
        }
    }

    /// Analyses `text`, which is `previous_text` (the text `self` was made
    /// from) with the bytes `old` replaced: they are the bytes `new` of `text`
    /// (`old.start == new.start`). Only the chunks next to the change are split
    /// and analysed again, reading only their part of either text; the others
    /// are reused, shifted. When the change could move chunk boundaries
    /// further away (front matter, code fences) this is
    /// [`DocumentAnalysis::reanalyze`] over the whole text. The result is the
    /// same either way.
    pub fn reanalyze_edit(
        &self,
        previous_text: &dyn Source,
        text: &dyn Source,
        old: Range<usize>,
        new: Range<usize>,
        config: &Config,
    ) -> DocumentAnalysis {
        let full = || Self::reanalyze(text.as_str(), self.format, config, Some(self));
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
        // An edit near the start can change the dateline, which dates the
        // whole article.
        if window_start > old.start
            || old_window_end < old.end
            || window_start < text::DATELINE_REACH
        {
            return full();
        }
        let new_window_end = old_window_end - old.end + new.end;
        let (Some(old_window), Some(window)) = (
            previous_text.slice(window_start..old_window_end),
            text.slice(window_start..new_window_end),
        ) else {
            return full();
        };
        if self.format == DocFormat::Markdown {
            let fence = |s: &str| s.contains("```") || s.contains("~~~");
            if fence(&old_window)
                || fence(&window)
                || (window_start > 0 && text::front_matter(&window).1 != 0)
            {
                return full();
            }
        }
        let (window_metadata, spans) = text::split_chunks(&window, self.format);
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
            let chunk_text = &window[span.start..span.end];
            let fp = fingerprint(chunk_text, self.format);
            let analysis = reusable
                .get(&fp)
                .cloned()
                .unwrap_or_else(|| Arc::new(analyze_chunk(chunk_text, self.format, config)));
            chunks.push(AnalyzedChunk {
                span: ChunkSpan {
                    start: span.start + window_start,
                    end: span.end + window_start,
                },
                fingerprint: fp,
                analysis,
                mentions_before: 0,
                figures_before: 0,
            });
        }
        chunks.extend(self.chunks[hi..].iter().map(|c| AnalyzedChunk {
            span: ChunkSpan {
                start: c.span.start - old.end + new.end,
                end: c.span.end - old.end + new.end,
            },
            ..c.clone()
        }));
        DocumentAnalysis::counted(self.format, metadata, chunks, text.len())
    }

    /// How many mentions the article has.
    pub fn mention_count(&self) -> usize {
        self.chunks
            .last()
            .map_or(0, |c| c.mentions_before + c.analysis.mentions.len())
    }

    /// How many figures the article has.
    pub fn figure_count(&self) -> usize {
        self.chunks
            .last()
            .map_or(0, |c| c.figures_before + c.analysis.figures.len())
    }

    /// Mention `index`, as its chunk holds it (span relative to the chunk),
    /// with the chunk's offset in the article.
    pub fn mention_in_chunk(&self, index: usize) -> Option<(&Mention, usize)> {
        let c = self
            .chunks
            .partition_point(|c| c.mentions_before + c.analysis.mentions.len() <= index);
        let chunk = self.chunks.get(c)?;
        let m = chunk.analysis.mentions.get(index - chunk.mentions_before)?;
        Some((m, chunk.span.start))
    }

    /// Mention `index`, with its absolute span.
    pub fn mention(&self, index: usize) -> Option<Mention> {
        let (m, offset) = self.mention_in_chunk(index)?;
        let mut m = m.clone();
        m.span = shift(&m.span, offset);
        Some(m)
    }

    /// The absolute span of mention `index`.
    pub fn mention_span(&self, index: usize) -> Option<Range<usize>> {
        let (m, offset) = self.mention_in_chunk(index)?;
        Some(shift(&m.span, offset))
    }

    /// Figure `index` as its chunk holds it (spans relative to the chunk),
    /// with its claim context and key and the chunk's offset in the article.
    pub fn figure_in_chunk(&self, index: usize) -> Option<ChunkFigure<'_>> {
        let c = self
            .chunks
            .partition_point(|c| c.figures_before + c.analysis.figures.len() <= index);
        let chunk = self.chunks.get(c)?;
        let i = index.checked_sub(chunk.figures_before)?;
        Some(ChunkFigure {
            figure: chunk.analysis.figures.get(i)?,
            context: chunk.analysis.claims.get(i)?,
            key: chunk.analysis.keys.get(i)?.as_ref(),
            offset: chunk.span.start,
            index,
        })
    }

    /// The absolute span of what `at` points at, if the article has it.
    pub fn span_of(&self, at: &Anchor) -> Option<Range<usize>> {
        match *at {
            Anchor::Figure(n) => {
                let f = self.figure_in_chunk(n as usize)?;
                Some(shift(&f.figure.span, f.offset))
            }
            Anchor::Mention { index, start, end } => {
                let at = self.mention_span(index as usize)?.start;
                Some(at + start as usize..at + end as usize)
            }
        }
    }

    /// The figures and the mentions before chunk `chunk`, as numbers.
    pub fn counts_before(&self, chunk: usize) -> (usize, usize) {
        match self.chunks.get(chunk) {
            Some(c) => (c.figures_before, c.mentions_before),
            None => (self.figure_count(), self.mention_count()),
        }
    }

    /// Where `self` differs from `old`, an earlier analysis of the article.
    /// Shared chunks are found by identity, so this reads no text.
    pub fn changed_since(&self, old: &DocumentAnalysis) -> Changed {
        let (a, b) = (&old.chunks, &self.chunks);
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
                && old.len - x.span.start == self.len - y.span.start
                && old.len - x.span.end == self.len - y.span.end
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
        Changed {
            chunks_old: prefix..a.len() - suffix,
            chunks_new: prefix..b.len() - suffix,
            bytes_old: start..end(a, old.len),
            bytes_new: start..end(b, self.len),
        }
    }

    /// The mentions of chunks `chunks`, as the chunks hold them.
    pub fn mentions_of_chunks(&self, chunks: Range<usize>) -> impl Iterator<Item = &Mention> + '_ {
        self.chunks[chunks]
            .iter()
            .flat_map(|c| c.analysis.mentions.iter())
    }

    /// The figures of chunks `chunks`, as the chunks hold them.
    pub fn figures_of_chunks(
        &self,
        chunks: Range<usize>,
    ) -> impl Iterator<Item = ChunkFigure<'_>> + '_ {
        self.chunks[chunks].iter().flat_map(|c| {
            let a = &c.analysis;
            a.figures
                .iter()
                .zip(&a.claims)
                .zip(&a.keys)
                .enumerate()
                .map(move |(i, ((figure, context), key))| ChunkFigure {
                    figure,
                    context,
                    key: key.as_ref(),
                    offset: c.span.start,
                    index: c.figures_before + i,
                })
        })
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

    /// Every figure, as its chunk holds it, in order.
    pub fn figures(&self) -> impl Iterator<Item = ChunkFigure<'_>> + '_ {
        self.figures_of_chunks(0..self.chunks.len())
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
        let edited = previous.reanalyze_edit(&before, &after.as_str(), range.clone(), new, &config);
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
