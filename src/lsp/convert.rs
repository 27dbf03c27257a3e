//! Positions: the analysis's byte offsets to and from LSP line/character
//! positions in the negotiated encoding, over a [`Rope`].
//!
//! Only `\n`, `\r\n` and `\r` break lines (ropey is built with `cr_lines` and
//! without `unicode_lines`). Every conversion clamps: a line past the end maps
//! to the end of the text, a character past the end of its line maps to the
//! end of the line, and a position inside a character (a UTF-8 continuation
//! byte, the second half of a surrogate pair) maps to the start of it.

use ropey::Rope;

/// How the `character` of a position counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PositionEncoding {
    /// UTF-8 code units (bytes).
    Utf8,
    /// UTF-16 code units: the protocol's default.
    #[default]
    Utf16,
}

impl PositionEncoding {
    /// Picks UTF-8 when the client offers it, else UTF-16 (which every client supports).
    pub fn negotiate<'a>(offered: impl IntoIterator<Item = &'a str>) -> PositionEncoding {
        if offered.into_iter().any(|kind| kind == "utf-8") {
            PositionEncoding::Utf8
        } else {
            PositionEncoding::Utf16
        }
    }

    /// The protocol's name for the encoding.
    pub fn as_str(self) -> &'static str {
        match self {
            PositionEncoding::Utf8 => "utf-8",
            PositionEncoding::Utf16 => "utf-16",
        }
    }
}

/// A zero-based line and a character offset within it, in some encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct LineCol {
    /// Zero-based line.
    pub line: u32,
    /// Zero-based offset within the line, in code units of the encoding.
    pub character: u32,
}

impl LineCol {
    /// A line and a character.
    pub fn new(line: u32, character: u32) -> LineCol {
        LineCol { line, character }
    }
}

/// The number of chars of the line break that ends `line` (0, 1 or 2).
fn line_break_chars(rope: &Rope, line: usize) -> usize {
    let slice = rope.line(line);
    let len = slice.len_chars();
    if len == 0 {
        return 0;
    }
    match slice.char(len - 1) {
        '\n' if len >= 2 && slice.char(len - 2) == '\r' => 2,
        '\n' | '\r' => 1,
        _ => 0,
    }
}

/// The byte offset of a position, clamped into the text.
pub fn offset(rope: &Rope, position: LineCol, encoding: PositionEncoding) -> usize {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return rope.len_bytes();
    }
    let line_start = rope.line_to_char(line);
    let content_chars = rope.line(line).len_chars() - line_break_chars(rope, line);
    let line_end = line_start + content_chars;
    let character = position.character as usize;
    let char_index = match encoding {
        PositionEncoding::Utf8 => {
            let start_byte = rope.char_to_byte(line_start);
            let end_byte = rope.char_to_byte(line_end);
            rope.byte_to_char((start_byte + character).min(end_byte))
        }
        PositionEncoding::Utf16 => {
            let start_cu = rope.char_to_utf16_cu(line_start);
            let end_cu = rope.char_to_utf16_cu(line_end);
            rope.utf16_cu_to_char((start_cu + character).min(end_cu))
        }
    };
    rope.char_to_byte(char_index)
}

/// The position of a byte offset, clamped into the text; an offset inside a
/// character counts as the start of that character.
pub fn position(rope: &Rope, offset: usize, encoding: PositionEncoding) -> LineCol {
    let offset = offset.min(rope.len_bytes());
    let char_index = rope.byte_to_char(offset);
    let line = rope.char_to_line(char_index);
    let line_start = rope.line_to_char(line);
    let character = match encoding {
        PositionEncoding::Utf8 => rope.char_to_byte(char_index) - rope.char_to_byte(line_start),
        PositionEncoding::Utf16 => {
            rope.char_to_utf16_cu(char_index) - rope.char_to_utf16_cu(line_start)
        }
    };
    LineCol {
        line: line as u32,
        character: character as u32,
    }
}

/// Both ends of a byte range as positions.
pub fn range(
    rope: &Rope,
    span: &std::ops::Range<usize>,
    encoding: PositionEncoding,
) -> (LineCol, LineCol) {
    (
        position(rope, span.start, encoding),
        position(rope, span.end, encoding),
    )
}

/// A byte range from two positions; reversed ends are put in order.
pub fn span(
    rope: &Rope,
    start: LineCol,
    end: LineCol,
    encoding: PositionEncoding,
) -> std::ops::Range<usize> {
    let a = offset(rope, start, encoding);
    let b = offset(rope, end, encoding);
    a.min(b)..a.max(b)
}

/// Replaces the text between two positions (clamped) with `text`. Returns the
/// byte range that was replaced, in the text before the edit.
pub fn replace(
    rope: &mut Rope,
    start: LineCol,
    end: LineCol,
    text: &str,
    encoding: PositionEncoding,
) -> std::ops::Range<usize> {
    let bytes = span(rope, start, end, encoding);
    let chars = rope.byte_to_char(bytes.start)..rope.byte_to_char(bytes.end);
    rope.remove(chars.clone());
    rope.insert(chars.start, text);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use PositionEncoding::{Utf8, Utf16};

    fn round_trip(text: &str, encoding: PositionEncoding) {
        let rope = Rope::from_str(text);
        for (offset_in, _) in text.char_indices().chain([(text.len(), ' ')]) {
            if text[..offset_in].ends_with('\r') && text[offset_in..].starts_with('\n') {
                // Between \r and \n is no position of its own.
                continue;
            }
            let pos = position(&rope, offset_in, encoding);
            assert_eq!(
                offset(&rope, pos, encoding),
                offset_in,
                "{text:?} at {offset_in}"
            );
        }
    }

    #[test]
    fn ascii_positions() {
        let rope = Rope::from_str("ab\ncd");
        assert_eq!(position(&rope, 4, Utf16), LineCol::new(1, 1));
        assert_eq!(offset(&rope, LineCol::new(1, 1), Utf16), 4);
        assert_eq!(offset(&rope, LineCol::new(0, 2), Utf8), 2);
    }

    #[test]
    fn curly_quote_and_accent_count_per_encoding() {
        // ’ is 3 bytes and 1 UTF-16 unit; é is 2 bytes and 1 unit.
        let text = "Kim’s café, Seoul";
        let rope = Rope::from_str(text);
        let seoul = text.find("Seoul").unwrap();
        assert_eq!(position(&rope, seoul, Utf16), LineCol::new(0, 12));
        assert_eq!(position(&rope, seoul, Utf8), LineCol::new(0, 15));
        assert_eq!(offset(&rope, LineCol::new(0, 12), Utf16), seoul);
        assert_eq!(offset(&rope, LineCol::new(0, 15), Utf8), seoul);
        round_trip(text, Utf16);
        round_trip(text, Utf8);
    }

    #[test]
    fn emoji_outside_the_bmp_is_two_utf16_units() {
        let text = "🇰🇵 3,000 troops 😀 Russia";
        let rope = Rope::from_str(text);
        let russia = text.find("Russia").unwrap();
        // Two regional indicators (2 units each) + " 3,000 troops " + 😀 (2) + " ".
        assert_eq!(
            position(&rope, russia, Utf16),
            LineCol::new(0, 4 + 14 + 2 + 1)
        );
        assert_eq!(
            position(&rope, russia, Utf8),
            LineCol::new(0, russia as u32)
        );
        round_trip(text, Utf16);
        round_trip(text, Utf8);
    }

    #[test]
    fn inside_a_character_rounds_down() {
        let text = "a😀b";
        let rope = Rope::from_str(text);
        // UTF-16 unit 2 is the low surrogate of 😀: the emoji starts at byte 1.
        assert_eq!(offset(&rope, LineCol::new(0, 2), Utf16), 1);
        // Byte 3 is inside the emoji.
        assert_eq!(offset(&rope, LineCol::new(0, 3), Utf8), 1);
        assert_eq!(position(&rope, 3, Utf8), LineCol::new(0, 1));
    }

    #[test]
    fn crlf_is_one_line_break() {
        let text = "one\r\ntwo\rthree\nfour";
        let rope = Rope::from_str(text);
        assert_eq!(rope.len_lines(), 4);
        assert_eq!(
            position(&rope, text.find("two").unwrap(), Utf16),
            LineCol::new(1, 0)
        );
        assert_eq!(
            position(&rope, text.find("three").unwrap(), Utf16),
            LineCol::new(2, 0)
        );
        assert_eq!(
            position(&rope, text.find("four").unwrap(), Utf8),
            LineCol::new(3, 0)
        );
        // Past the end of "one" clamps before the \r\n, not into it.
        assert_eq!(offset(&rope, LineCol::new(0, 99), Utf16), 3);
        assert_eq!(
            offset(&rope, LineCol::new(1, 99), Utf8),
            text.find("\rthree").unwrap()
        );
        round_trip(text, Utf16);
        round_trip(text, Utf8);
    }

    #[test]
    fn only_lsp_line_breaks_count() {
        // U+2028 and NEL are not line breaks for the protocol.
        let text = "a\u{2028}b\u{85}c\nd";
        let rope = Rope::from_str(text);
        assert_eq!(rope.len_lines(), 2);
        assert_eq!(
            position(&rope, text.find('d').unwrap(), Utf16),
            LineCol::new(1, 0)
        );
        assert_eq!(
            position(&rope, text.find('c').unwrap(), Utf16),
            LineCol::new(0, 4)
        );
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let text = "short\nlines";
        let rope = Rope::from_str(text);
        assert_eq!(offset(&rope, LineCol::new(7, 3), Utf16), text.len());
        assert_eq!(
            offset(&rope, LineCol::new(u32::MAX, u32::MAX), Utf8),
            text.len()
        );
        assert_eq!(offset(&rope, LineCol::new(0, u32::MAX), Utf16), 5);
        assert_eq!(position(&rope, 999, Utf16), LineCol::new(1, 5));
        let empty = Rope::new();
        assert_eq!(offset(&empty, LineCol::new(3, 3), Utf16), 0);
        assert_eq!(position(&empty, 3, Utf8), LineCol::new(0, 0));
    }

    #[test]
    fn replace_edits_in_the_encoding() {
        let mut rope = Rope::from_str("😀 é\r\nx");
        replace(
            &mut rope,
            LineCol::new(0, 3),
            LineCol::new(0, 4),
            "e",
            Utf16,
        );
        assert_eq!(rope.to_string(), "😀 e\r\nx");
        replace(&mut rope, LineCol::new(1, 0), LineCol::new(0, 5), "!", Utf8);
        // Reversed ends are ordered; (0,5) in UTF-8 is after "😀 " (5 bytes).
        assert_eq!(rope.to_string(), "😀 !x");
    }

    #[test]
    fn negotiation_prefers_utf8_when_offered() {
        assert_eq!(PositionEncoding::negotiate(["utf-16", "utf-8"]), Utf8);
        assert_eq!(PositionEncoding::negotiate(["utf-32", "utf-16"]), Utf16);
        assert_eq!(PositionEncoding::negotiate([]), Utf16);
    }
}
