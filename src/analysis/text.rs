//! Turning an article's raw text into prose: front matter, chunks, blocks and sentences.
//!
//! Everything here works in byte offsets into the original text. Non-prose
//! bytes (Markdown syntax, code, link targets, HTML tags) are *masked*: replaced
//! by spaces in a copy of the text that has exactly the same length, so that
//! offsets found in the masked copy are offsets into the original.

use std::ops::Range;

use crate::analysis::lexicon;

use serde::{Deserialize, Serialize};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// How an article is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocFormat {
    /// Plain text: every line break ends a paragraph.
    Plain,
    /// CommonMark with YAML front matter.
    Markdown,
}

impl DocFormat {
    /// The format for a file extension (`txt`, `md`, `markdown`), if it is an article.
    pub fn from_extension(ext: &str) -> Option<DocFormat> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(DocFormat::Plain),
            "md" | "markdown" | "mdown" | "mkd" => Some(DocFormat::Markdown),
            _ => None,
        }
    }

    /// The format for a path or URI, judged by its extension; plain text when unknown.
    pub fn from_path(path: &str) -> DocFormat {
        path.rsplit_once('.')
            .and_then(|(_, ext)| DocFormat::from_extension(ext))
            .unwrap_or(DocFormat::Plain)
    }
}

/// An article's metadata from YAML front matter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// `title:`
    pub title: Option<String>,
    /// `date:`, normalized to `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) when it can be read.
    pub date: Option<String>,
    /// `source:`
    pub source: Option<String>,
    /// `author:`
    pub author: Option<String>,
}

/// What a block of prose is, which changes how names are recognized in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BlockKind {
    /// Ordinary running text.
    Prose,
    /// A heading, or a short title-case line in plain text.
    Heading,
    /// An item of a list.
    ListItem,
    /// Page debris: breadcrumbs, image file names, newsletter boxes, copyright lines.
    Boilerplate,
}

/// A block of prose inside a chunk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Byte range, relative to the chunk.
    pub range: Range<usize>,
    /// What the block is.
    pub kind: BlockKind,
}

/// A chunk: the unit of incremental reanalysis. In plain text it is a line, in
/// Markdown a run of lines between blank lines (fenced code kept whole).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkSpan {
    /// Byte range in the document.
    pub start: usize,
    /// End of the byte range in the document (exclusive).
    pub end: usize,
}

/// Splits a document into front matter and chunks.
///
/// Returns the metadata and the chunk spans. The chunks do not overlap and are
/// in order; blank space between them belongs to none.
pub fn split_chunks(text: &str, format: DocFormat) -> (Metadata, Vec<ChunkSpan>) {
    match format {
        DocFormat::Plain => {
            let metadata = Metadata {
                date: dateline(text),
                ..Metadata::default()
            };
            (metadata, plain_chunks(text))
        }
        DocFormat::Markdown => {
            let (metadata, body_start) = front_matter(text);
            (metadata, markdown_chunks(text, body_start))
        }
    }
}

fn line_ranges(text: &str, from: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let mut end = start;
        while end < bytes.len() && bytes[end] != b'\n' && bytes[end] != b'\r' {
            end += 1;
        }
        pos = end;
        if pos < bytes.len() && bytes[pos] == b'\r' {
            pos += 1;
        }
        if pos < bytes.len() && bytes[pos] == b'\n' {
            pos += 1;
        }
        Some(start..end)
    })
}

fn plain_chunks(text: &str) -> Vec<ChunkSpan> {
    line_ranges(text, 0)
        .filter_map(|line| trim_span(text, line))
        .collect()
}

fn trim_span(text: &str, range: Range<usize>) -> Option<ChunkSpan> {
    let slice = &text[range.clone()];
    let trimmed_start = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return None;
    }
    let start = range.start + trimmed_start;
    Some(ChunkSpan {
        start,
        end: start + trimmed.len(),
    })
}

fn fence_marker(line: &str) -> Option<(char, usize)> {
    let trimmed = line.trim_start();
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let first = trimmed.chars().next()?;
    if first != '`' && first != '~' {
        return None;
    }
    let count = trimmed.chars().take_while(|&c| c == first).count();
    (count >= 3).then_some((first, count))
}

fn markdown_chunks(text: &str, body_start: usize) -> Vec<ChunkSpan> {
    let mut chunks = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    let mut fence: Option<(char, usize)> = None;
    for line in line_ranges(text, body_start) {
        let content = &text[line.clone()];
        if let Some((ch, count)) = fence {
            // Inside a fenced block: everything belongs to the current chunk.
            if let Some(c) = current.as_mut() {
                c.1 = line.end;
            }
            if let Some((close_ch, close_count)) = fence_marker(content)
                && close_ch == ch
                && close_count >= count
                && content.trim().chars().all(|c| c == ch)
            {
                fence = None;
            }
            continue;
        }
        if content.trim().is_empty() {
            if let Some((s, e)) = current.take() {
                chunks.extend(trim_span(text, s..e));
            }
            continue;
        }
        if let Some(marker) = fence_marker(content) {
            fence = Some(marker);
        }
        match current.as_mut() {
            Some(c) => c.1 = line.end,
            None => current = Some((line.start, line.end)),
        }
    }
    if let Some((s, e)) = current {
        chunks.extend(trim_span(text, s..e));
    }
    chunks
}

/// Reads YAML front matter (`---` ... `---`) at the start of a Markdown file.
/// Returns the metadata and the offset where the body starts.
pub fn front_matter(text: &str) -> (Metadata, usize) {
    let mut metadata = Metadata::default();
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - body.len();
    let mut lines = line_ranges(text, bom);
    let Some(first) = lines.next() else {
        return (metadata, 0);
    };
    if text[first].trim_end() != "---" {
        metadata.date = dateline(body);
        return (metadata, 0);
    }
    for line in lines {
        let content = &text[line.clone()];
        if content.trim_end() == "---" || content.trim_end() == "..." {
            let mut end = line.end;
            let bytes = text.as_bytes();
            if end < bytes.len() && bytes[end] == b'\r' {
                end += 1;
            }
            if end < bytes.len() && bytes[end] == b'\n' {
                end += 1;
            }
            return (metadata, end);
        }
        if let Some((key, value)) = content.split_once(':') {
            let value = unquote(value.trim());
            if value.is_empty() {
                continue;
            }
            match key.trim().to_ascii_lowercase().as_str() {
                "title" => metadata.title = Some(value.to_string()),
                "date" | "published" => metadata.date = Some(normalize_date(value)),
                "source" | "publisher" | "outlet" => metadata.source = Some(value.to_string()),
                "author" | "byline" => metadata.author = Some(value.to_string()),
                _ => {}
            }
        }
    }
    // No closing fence: not front matter after all.
    let metadata = Metadata {
        date: dateline(body),
        ..Metadata::default()
    };
    (metadata, 0)
}

/// How many bytes at the start of an article [`dateline`] reads.
pub const DATELINE_REACH: usize = 640;

/// The date of an article without front matter, from a dateline among its
/// first lines: a short line with a month name, a day and a year
/// ("Thursday, November 14th, 2019", "21 April 2017 Last updated at 08:10 GMT").
///
/// Only the first [`DATELINE_REACH`] bytes are read, so that an edit after
/// them cannot change the date.
pub fn dateline(text: &str) -> Option<String> {
    let mut reach = DATELINE_REACH.min(text.len());
    while !text.is_char_boundary(reach) {
        reach -= 1;
    }
    let head = &text[..reach];
    // Lines that end inside the head only.
    let complete = match head.rfind('\n') {
        Some(i) if reach < text.len() => &head[..i],
        _ => head,
    };
    for line in complete.lines().take(3) {
        if line.len() > 120 {
            continue;
        }
        let words: Vec<&str> = line
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() || words.len() > 12 {
            continue;
        }
        let month = words.iter().position(|w| month_number(w).is_some());
        let year = words.iter().position(|w| {
            w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1900..2100).contains(&y))
        });
        let (Some(m), Some(y)) = (month, year) else {
            continue;
        };
        let day = |w: &str| {
            let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
            let suffix = &w[digits.len()..];
            let ordinal = matches!(
                suffix.to_ascii_lowercase().as_str(),
                "" | "st" | "nd" | "rd" | "th"
            );
            digits
                .parse::<u32>()
                .ok()
                .filter(|d| ordinal && (1..=31).contains(d))
        };
        // The day stands next to the month: "November 14th", "06 MARCH".
        let near = [m + 1, m.wrapping_sub(1)];
        let Some(d) = near
            .iter()
            .filter_map(|&i| words.get(i))
            .find_map(|w| day(w))
        else {
            continue;
        };
        let month = month_number(words[m])?;
        return Some(format!("{}-{month:02}-{d:02}", words[y]));
    }
    None
}

fn unquote(value: &str) -> &str {
    let v = value.trim();
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

/// Normalizes a date written as `2024-10-23`, `2024-10-23T10:00Z`, `2024/10/23`
/// or `October 23, 2024` to ISO form. Anything else is returned trimmed.
pub fn normalize_date(value: &str) -> String {
    let v = value.trim();
    let digits: Vec<&str> = v.split(['-', '/', 'T', ' ']).take(3).collect();
    if digits.len() == 3
        && digits[0].len() == 4
        && digits
            .iter()
            .all(|d| d.chars().all(|c| c.is_ascii_digit()) && !d.is_empty())
    {
        return format!(
            "{}-{:0>2}-{:0>2}",
            digits[0],
            digits[1].trim_start_matches('0'),
            digits[2].trim_start_matches('0')
        );
    }
    let words: Vec<&str> = v.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    if words.len() == 3
        && let (Some(m), Ok(d), Ok(y)) = (
            month_number(words[0]),
            words[1].parse::<u32>(),
            words[2].parse::<u32>(),
        )
    {
        return format!("{y:04}-{m:02}-{d:02}");
    }
    v.to_string()
}

/// The number of a month name or its abbreviation (`Jan`, `January`).
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    lexicon::CALENDAR
        .months
        .iter()
        .position(|m| m.name == w || (w.len() >= 3 && m.name.starts_with(&w) && w.len() <= 4))
        .map(|i| i as u32 + 1)
}

/// The prose of one chunk: a masked copy of the chunk's text and its blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prose {
    /// The chunk's text with non-prose bytes replaced by spaces; same length.
    pub masked: String,
    /// Blocks of prose, in order, relative to the chunk.
    pub blocks: Vec<Block>,
}

/// Masks a chunk and finds its blocks.
pub fn prose(chunk: &str, format: DocFormat) -> Prose {
    match format {
        DocFormat::Plain => plain_prose(chunk),
        DocFormat::Markdown => markdown_prose(chunk),
    }
}

fn plain_prose(chunk: &str) -> Prose {
    let kind = classify_plain_line(chunk);
    let masked = chunk.to_string();
    Prose {
        blocks: vec![Block {
            range: 0..chunk.len(),
            kind,
        }],
        masked,
    }
}

fn classify_plain_line(line: &str) -> BlockKind {
    let trimmed = line.trim();
    let lower = trimmed.to_lowercase();
    if trimmed.contains(" » ")
        || trimmed.starts_with("Home »")
        || trimmed.contains(" > ") && lower.starts_with("home")
    {
        return BlockKind::Boilerplate;
    }
    if is_file_name(trimmed) {
        return BlockKind::Boilerplate;
    }
    let words = trimmed.split_whitespace().count();
    if lexicon::BOILERPLATE_MARKERS
        .entries()
        .any(|m| lower.contains(m))
        && (words <= 25 || lower.contains("©"))
    {
        return BlockKind::Boilerplate;
    }
    if trimmed.starts_with("- ") || trimmed.starts_with("* ") || trimmed.starts_with("• ") {
        return BlockKind::ListItem;
    }
    let ends_like_sentence =
        trimmed.ends_with('.') || trimmed.ends_with('"') || trimmed.ends_with('”');
    if words <= 14 && !ends_like_sentence && is_title_case(trimmed) {
        return BlockKind::Heading;
    }
    if words <= 14 && trimmed.ends_with('?') && is_title_case(trimmed) {
        return BlockKind::Heading;
    }
    BlockKind::Prose
}

/// A line that is only a file name such as `img_3748-1.jpg`.
pub fn is_file_name(s: &str) -> bool {
    let s = s.trim();
    if s.contains(char::is_whitespace) {
        return false;
    }
    let Some((stem, ext)) = s.rsplit_once('.') else {
        return false;
    };
    !stem.is_empty() && lexicon::FILE_EXTENSIONS.contains(&ext.to_ascii_lowercase())
}

/// Most words of the line start with a capital letter (short function words aside).
fn is_title_case(line: &str) -> bool {
    let mut total = 0;
    let mut capital = 0;
    for word in line.split_whitespace() {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        total += 1;
        if lexicon::TITLE_CASE_SMALL_WORDS.contains(&w.to_lowercase()) && total > 1 {
            capital += 1;
            continue;
        }
        if w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            capital += 1;
        }
    }
    total > 0 && capital == total
}

fn mask_range(masked: &mut [u8], range: Range<usize>) {
    for b in &mut masked[range] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

fn markdown_prose(chunk: &str) -> Prose {
    // Start fully masked, then reveal the text of prose events.
    let mut masked = chunk.as_bytes().to_vec();
    mask_range(&mut masked, 0..chunk.len());
    let mut blocks = Vec::new();
    let mut stack: Vec<(BlockKind, usize)> = Vec::new();
    let mut code_depth = 0usize;
    let mut image_depth = 0usize;
    let mut item_depth = 0usize;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION.difference(Options::ENABLE_SMART_PUNCTUATION);
    for (event, range) in Parser::new_ext(chunk, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Paragraph) => {
                let kind = if item_depth > 0 {
                    BlockKind::ListItem
                } else {
                    BlockKind::Prose
                };
                stack.push((kind, range.start));
            }
            Event::Start(Tag::Heading { .. }) => stack.push((BlockKind::Heading, range.start)),
            Event::Start(Tag::TableCell) => stack.push((BlockKind::ListItem, range.start)),
            Event::Start(Tag::Item) => item_depth += 1,
            Event::End(TagEnd::Item) => item_depth = item_depth.saturating_sub(1),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell) => {
                if let Some((kind, start)) = stack.pop() {
                    blocks.push(Block {
                        range: start..range.end.max(start),
                        kind,
                    });
                }
            }
            Event::Start(Tag::CodeBlock(_)) => code_depth += 1,
            Event::End(TagEnd::CodeBlock) => code_depth = code_depth.saturating_sub(1),
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            // Escapes and entities make the event text differ from the
            // source; reveal the source bytes either way, they are prose.
            Event::Text(_) if code_depth == 0 && image_depth == 0 && range.end <= chunk.len() => {
                masked[range.clone()].copy_from_slice(&chunk.as_bytes()[range]);
            }
            _ => {}
        }
    }
    // Tight list items have no paragraph: they are reported as text inside an
    // item with no enclosing block. Catch those by scanning for revealed text
    // outside every block.
    blocks.sort_by_key(|b| b.range.start);
    let mut extra = Vec::new();
    let mut covered = 0usize;
    for block in blocks
        .iter()
        .map(|b| b.range.clone())
        .chain(std::iter::once(chunk.len()..chunk.len()))
    {
        if block.start > covered {
            for line in line_ranges_in(&masked, covered, block.start) {
                if masked[line.clone()]
                    .iter()
                    .any(|b| !b.is_ascii_whitespace())
                {
                    extra.push(Block {
                        range: line,
                        kind: BlockKind::ListItem,
                    });
                }
            }
        }
        covered = covered.max(block.end);
    }
    blocks.extend(extra);
    blocks.sort_by_key(|b| b.range.start);
    for block in &mut blocks {
        if block.kind == BlockKind::Prose {
            let text = String::from_utf8_lossy(&masked[block.range.clone()]);
            let kind = classify_plain_line(&text);
            if kind == BlockKind::Boilerplate || kind == BlockKind::Heading {
                block.kind = kind;
            }
        }
    }
    // Masking only ever writes ASCII spaces over whole runs of bytes outside
    // revealed text events, and events end on char boundaries, so this is UTF-8.
    let masked = String::from_utf8(masked).unwrap_or_else(|e| {
        let bytes = e.into_bytes();
        bytes
            .iter()
            .map(|&b| if b.is_ascii() { b as char } else { ' ' })
            .collect()
    });
    Prose { masked, blocks }
}

fn line_ranges_in(bytes: &[u8], from: usize, to: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = from;
    for (i, &b) in bytes.iter().enumerate().take(to).skip(from) {
        if b == b'\n' {
            out.push(start..i);
            start = i + 1;
        }
    }
    if start < to {
        out.push(start..to);
    }
    out
}

/// Splits a block of prose into sentence ranges (relative to `text`).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'.' || b == b'!' || b == b'?' {
            // Extend over repeated terminators and closing quotes/brackets.
            let mut end = i + 1;
            while end < bytes.len() {
                let rest = &text[end..];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '”' | '’') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            let followed_by_space =
                end >= bytes.len() || text[end..].starts_with(char::is_whitespace);
            if followed_by_space && (b != b'.' || period_ends_sentence(text, i, end)) {
                push_trimmed(text, start..end, &mut out);
                start = end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start..bytes.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let start = range.start + lead;
        out.push(start..start + trimmed.len());
    }
}

fn period_ends_sentence(text: &str, period: usize, after: usize) -> bool {
    let before = &text[..period];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &before[word_start..];
    let next_word: &str = text[after..]
        .trim_start()
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let next_first = next_word.chars().next();
    // A lower-case continuation never starts a sentence.
    if next_first.is_some_and(|c| c.is_lowercase()) {
        return false;
    }
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    if lexicon::SENTENCE_ABBREVIATIONS.contains(&lower)
        || lexicon::CALENDAR.is_month_abbreviation(&lower)
    {
        return false;
    }
    // Single initials ("J. R. R. Tolkien") and dotted acronyms ("U.S.").
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let is_dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
    if is_initial {
        return false;
    }
    if is_dotted {
        let starter = next_word.trim_matches(|c: char| !c.is_alphanumeric());
        return lexicon::SENTENCE_STARTERS.contains(starter);
    }
    true
}

/// The nearest character boundary at or before `at`, which may lie past the
/// end (`str::floor_char_boundary` needs a newer compiler than ours).
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest character boundary at or after `at`, at most the end.
pub fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_texts(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn sentences_survive_abbreviations_and_decimals() {
        let text = "U.S. officials met Lt. Gen. Kyrylo Budanov. He spoke at the University of St. Andrews about 1.2 million troops. Dr. Ann Lee agreed! Then the U.S. The end.";
        assert_eq!(
            sentence_texts(text),
            vec![
                "U.S. officials met Lt. Gen. Kyrylo Budanov.",
                "He spoke at the University of St. Andrews about 1.2 million troops.",
                "Dr. Ann Lee agreed!",
                "Then the U.S.",
                "The end."
            ]
        );
    }

    #[test]
    fn sentence_ends_inside_closing_quote() {
        let text = "He said “it is over.” Then he left.";
        assert_eq!(
            sentence_texts(text),
            vec!["He said “it is over.”", "Then he left."]
        );
    }

    #[test]
    fn plain_text_lines_are_chunks_and_debris_is_boilerplate() {
        let text = "Home » World news\r\n\r\nRussia Needs Soldiers\nimg_3748-1.jpg\nNorth Korea sent troops.\n";
        let (_, chunks) = split_chunks(text, DocFormat::Plain);
        let kinds: Vec<_> = chunks
            .iter()
            .map(|c| prose(&text[c.start..c.end], DocFormat::Plain).blocks[0].kind)
            .collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Boilerplate,
                BlockKind::Heading,
                BlockKind::Boilerplate,
                BlockKind::Prose
            ]
        );
    }

    #[test]
    fn markdown_front_matter_and_masking() {
        let text = "---\ntitle: \"Troops\"\ndate: 2024-10-23\nsource: Wire\n---\n# Heading Here\n\nSee `code` and [the link](http://x.com/Kim) ![Kim](kim.png) <b>bold</b>.\n\n```\nNorth Korea 3000\n\nmore code\n```\n";
        let (meta, chunks) = split_chunks(text, DocFormat::Markdown);
        assert_eq!(meta.title.as_deref(), Some("Troops"));
        assert_eq!(meta.date.as_deref(), Some("2024-10-23"));
        assert_eq!(chunks.len(), 3, "{chunks:?}");
        let para = &text[chunks[1].start..chunks[1].end];
        let p = prose(para, DocFormat::Markdown);
        assert_eq!(p.masked.len(), para.len());
        assert!(p.masked.contains("See"));
        assert!(p.masked.contains("the link"));
        assert!(!p.masked.contains("code"));
        assert!(!p.masked.contains("http"));
        assert!(!p.masked.contains("kim.png"));
        assert!(!p.masked.contains('<'));
        let code = &text[chunks[2].start..chunks[2].end];
        assert!(prose(code, DocFormat::Markdown).masked.trim().is_empty());
    }

    #[test]
    fn datelines_date_articles_without_front_matter() {
        assert_eq!(
            dateline("Head\nThursday, November 14th, 2019\nBody."),
            Some("2019-11-14".into())
        );
        assert_eq!(
            dateline("21 April 2017 Last updated at 08:10 GMT\nHead"),
            Some("2017-04-21".into())
        );
        assert_eq!(
            dateline("Wed Mar 6, 2019 9:05AM GMT"),
            Some("2019-03-06".into())
        );
        // A headline that names a year but no day is no dateline.
        assert_eq!(
            dateline("Quake hits region struck in May 2004\nBody."),
            None
        );
        assert_eq!(
            dateline(
                "A long first sentence that mentions July 4, 2013 in passing while it tells the news."
            ),
            None
        );
    }

    #[test]
    fn dates_normalize() {
        assert_eq!(normalize_date("2024-10-3"), "2024-10-03");
        assert_eq!(normalize_date("October 23, 2024"), "2024-10-23");
        assert_eq!(normalize_date("2025-03-27T08:00:00Z"), "2025-03-27");
    }
}
