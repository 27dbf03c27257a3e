//! Editor features as plain functions over the desk report: byte offsets and
//! document numbers in, plain data out. Nothing here knows the protocol; the
//! handlers convert positions and render the results.

pub mod actions;
pub mod completion;
pub mod config_edit;
pub mod hints;
pub mod hover;
pub mod navigation;
pub mod symbols;
pub mod tokens;

use std::ops::Range;

use crate::analysis::desk::{Desk, DeskReport};

/// A place in the desk.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Location {
    /// Document number in the report.
    pub doc: usize,
    /// Byte span in that document.
    pub span: Range<usize>,
}

/// What the features read: the desk and its report, in the same document order.
#[derive(Debug, Clone, Copy)]
pub struct DeskView<'a> {
    /// The desk.
    pub desk: &'a Desk,
    /// Its report.
    pub report: &'a DeskReport,
}

impl<'a> DeskView<'a> {
    /// The text of a document.
    pub fn text(&self, doc: usize) -> &'a str {
        self.report
            .paths
            .get(doc)
            .and_then(|p| self.desk.get(p))
            .map_or("", |d| d.text.as_str())
    }

    /// The date of a document, from front matter.
    pub fn date(&self, doc: usize) -> Option<&'a str> {
        self.report
            .paths
            .get(doc)
            .and_then(|p| self.desk.get(p))
            .and_then(|d| d.date())
    }

    /// The entity number of the mention at an offset, with the mention's index.
    pub fn entity_at(&self, doc: usize, offset: usize) -> Option<(usize, usize)> {
        let (index, _) = self.report.mention_at(doc, offset)?;
        let entity = *self.report.entities.by_doc.get(doc)?.get(index)?;
        Some((entity, index))
    }
}

/// The zero-based line of a byte offset; `\n`, `\r\n` and `\r` break lines.
pub fn line_of(text: &str, offset: usize) -> usize {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut line = 0;
    for i in 0..end {
        match bytes[i] {
            b'\n' => line += 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => line += 1,
            _ => {}
        }
    }
    line
}

/// The line around a span, trimmed and shortened to about `max` characters
/// around the span, on one line.
pub fn snippet(text: &str, span: &Range<usize>, max: usize) -> String {
    let start = span.start.min(text.len());
    let end = span.end.clamp(start, text.len());
    let middle = &text[start..end];
    let room = max.saturating_sub(middle.chars().count()) / 2;
    // Only as far as the room on each side (one more, to know whether to
    // cut), never the whole line: a line may be the whole article.
    let line_break = |c: &char| !matches!(c, '\n' | '\r');
    let before: Vec<char> = text[..start]
        .chars()
        .rev()
        .take_while(line_break)
        .take(room + 1)
        .collect();
    let after: Vec<char> = text[end..]
        .chars()
        .take_while(line_break)
        .take(room + 1)
        .collect();
    let mut out = String::new();
    if before.len() > room {
        out.push('…');
    }
    out.extend(before.iter().take(room).rev());
    out.push_str(middle);
    out.extend(after.iter().take(room));
    if after.len() > room {
        out.push('…');
    }
    out.trim().to_string()
}

/// The file name of a path or URI.
pub fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_every_kind_of_break_once() {
        let text = "a\r\nb\rc\nd";
        assert_eq!(line_of(text, text.find('d').unwrap()), 3);
        assert_eq!(line_of(text, 1), 0);
        assert_eq!(line_of(text, 99), 3);
    }

    #[test]
    fn snippets_stay_on_their_line_and_shorten_around_the_span() {
        let text =
            "first line\nKim Jong Un’s troops reached Kursk by November, officials said.\nlast";
        let kim = text.find("Kursk").unwrap();
        assert_eq!(snippet(text, &(kim..kim + 5), 20), "…eached Kursk by Nov…");
        assert_eq!(snippet(text, &(0..5), 80), "first line");
        let long = format!("{}Kursk{}", "é".repeat(5000), "ü".repeat(5000));
        let kursk = long.find("Kursk").unwrap();
        let expected = format!("…{}Kursk{}…", "é".repeat(7), "ü".repeat(7));
        assert_eq!(snippet(&long, &(kursk..kursk + 5), 20), expected);
        assert_eq!(snippet("ab\rKursk\r\ncd", &(3..8), 20), "Kursk");
    }
}

#[cfg(test)]
mod fixture_tests;
