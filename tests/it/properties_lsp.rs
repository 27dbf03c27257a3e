//! Property tests over the language server's document layer: protocol
//! positions and byte offsets convert both ways in UTF-8 and UTF-16, and
//! edits sent as protocol ranges leave the server's text and analysis exactly
//! as if the edited article had been opened afresh.
//!
//! Positions are computed here by a reference written for the tests (lines
//! broken by `\n`, `\r\n` and a lone `\r`, as LSP defines them; characters
//! counted in bytes or with `char::len_utf16`), not by `lsp::convert`.

use marginalia::analysis::config::Config;
use marginalia::analysis::document::DocumentAnalysis;
use marginalia::lsp::convert::{self, LineCol, PositionEncoding};
use marginalia::lsp::state::{Change, EditOutcome, Workspace};
use proptest::prelude::*;
use ropey::Rope;

use crate::support::articles;

use articles::{FRAGMENTS, article, format};

// ---------------------------------------------------------------------------
// The reference
// ---------------------------------------------------------------------------

/// Whether byte `offset` falls between the `\r` and the `\n` of a CRLF:
/// a char boundary, but no position of its own in the protocol.
fn inside_crlf(text: &str, offset: usize) -> bool {
    offset > 0 && text[..offset].ends_with('\r') && text[offset..].starts_with('\n')
}

/// Every byte offset a protocol position can name: the char boundaries,
/// the end included, except inside a CRLF.
fn positionable(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .filter(|&i| !inside_crlf(text, i))
        .collect()
}

/// The byte offsets where lines start: 0, then after every `\n`, every `\r\n`
/// and every `\r` not followed by `\n`.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for (i, &b) in bytes.iter().enumerate() {
        let breaks = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if breaks {
            starts.push(i + 1);
        }
    }
    starts
}

/// Where line `line`'s content ends (before its line break).
fn content_end(text: &str, starts: &[usize], line: usize) -> usize {
    let end = starts.get(line + 1).copied().unwrap_or(text.len());
    let content = &text[starts[line]..end];
    let trimmed = content
        .strip_suffix("\r\n")
        .or_else(|| content.strip_suffix('\n'))
        .or_else(|| content.strip_suffix('\r'))
        .unwrap_or(content);
    starts[line] + trimmed.len()
}

/// Code units of `s` in an encoding.
fn units(s: &str, encoding: PositionEncoding) -> usize {
    match encoding {
        PositionEncoding::Utf8 => s.len(),
        PositionEncoding::Utf16 => s.chars().map(char::len_utf16).sum(),
    }
}

/// The protocol position of a positionable byte offset.
fn reference_position(text: &str, offset: usize, encoding: PositionEncoding) -> LineCol {
    let starts = line_starts(text);
    let line = starts.partition_point(|&s| s <= offset) - 1;
    LineCol::new(
        line as u32,
        units(&text[starts[line]..offset], encoding) as u32,
    )
}

/// The byte offset a position names, clamped the way the server documents:
/// a line past the end is the end of the text, a character past the end of
/// its line is the end of the line's content, and a character inside a
/// code point is the start of that code point.
fn reference_offset(text: &str, position: LineCol, encoding: PositionEncoding) -> usize {
    let starts = line_starts(text);
    let line = position.line as usize;
    if line >= starts.len() {
        return text.len();
    }
    let start = starts[line];
    let end = content_end(text, &starts, line);
    let mut best = start;
    let mut counted = 0usize;
    for (i, c) in text[start..end].char_indices() {
        if counted > position.character as usize {
            break;
        }
        best = start + i;
        counted += match encoding {
            PositionEncoding::Utf8 => c.len_utf8(),
            PositionEncoding::Utf16 => c.len_utf16(),
        };
    }
    if counted <= position.character as usize {
        best = end;
    }
    best
}

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

fn encoding() -> impl Strategy<Value = PositionEncoding> {
    prop_oneof![Just(PositionEncoding::Utf8), Just(PositionEncoding::Utf16)]
}

/// Text built for positions: every kind of line break, characters of one to
/// four bytes, combining marks and news fragments, in any order.
fn tricky_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(&[
                "\n", "\r\n", "\r", "\r\r\n", "\n\r", "😀", "🇰🇵", "👩‍👩‍👧", "e\u{301}",
                "’", "é", "\u{2028}", "\u{85}", "a", " ", "Kim", "3,000",
            ][..]).prop_map(str::to_string),
            2 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
            1 => any::<char>().prop_map(|c| c.to_string()),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

/// An article with non-ASCII text, emoji outside the BMP and both CRLF and
/// LF line ends, whatever the generated parts hold.
fn edited_article() -> impl Strategy<Value = String> {
    (article(60), article(40)).prop_map(|(a, b)| {
        format!("{a}\r\nNorth Korea sent 3,000 troops 🪖 to Russia, Kim Jong Un’s café said.\n{b}")
    })
}

/// Text to insert: empty, a fragment, an article piece, or line breaks and
/// emoji on their own.
fn inserted() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just(String::new()),
        3 => prop::sample::select(&["\r\n", "\n", "\r", "🪖", "’", "😀\r\n", "\r\n\r\n# Kim", " 12,000 "][..])
            .prop_map(str::to_string),
        4 => article(5),
    ]
}

/// One change, as indices into the positionable offsets of the text at the
/// time it is applied (taken modulo their number), or a whole-text replacement.
#[derive(Debug, Clone)]
enum EditSpec {
    Range(usize, usize, String),
    Whole(String),
}

fn edit_spec() -> impl Strategy<Value = EditSpec> {
    prop_oneof![
        12 => (any::<usize>(), any::<usize>(), inserted())
            .prop_map(|(a, b, text)| EditSpec::Range(a, b, text)),
        1 => article(20).prop_map(EditSpec::Whole),
    ]
}

/// One `didChange`: one to three changes, and whether the analysis is
/// brought up to date afterwards (before the next edit).
fn step() -> impl Strategy<Value = (Vec<EditSpec>, bool)> {
    (prop::collection::vec(edit_spec(), 1..4), any::<bool>())
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

/// What an analysis found, comparable across runs (Debug, so that NaN
/// values compare equal to themselves).
fn analysis_summary(analysis: &DocumentAnalysis) -> [String; 5] {
    [
        format!("{:?}", analysis.mentions().collect::<Vec<_>>()),
        format!(
            "{:?}",
            analysis.figures().map(|f| f.placed()).collect::<Vec<_>>()
        ),
        format!("{:?}", analysis.sentences().collect::<Vec<_>>()),
        format!(
            "{:?}",
            analysis.chunks.iter().map(|c| c.span).collect::<Vec<_>>()
        ),
        format!("{:?}", analysis.metadata),
    ]
}

fn workspace_summary(workspace: &Workspace, key: &str) -> ([String; 5], String, String) {
    let snapshot = workspace.refresh();
    let doc = snapshot.desk.get(key).expect("the document is on the desk");
    let index = snapshot
        .report
        .doc_index(key)
        .expect("the document is reported");
    (
        analysis_summary(&doc.analysis),
        format!("{:?}", snapshot.report.mentions(index).collect::<Vec<_>>()),
        format!("{:?}", snapshot.report.findings[index]),
    )
}

const KEY: &str = "file:///desk/a.md";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Edits sent as protocol ranges (several per `didChange`, with or
    /// without an analysis in between) leave the same text as splicing the
    /// model string, and the same analysis and report as opening the result.
    #[test]
    fn lsp_edits_equal_a_fresh_open(
        start in edited_article(),
        steps in prop::collection::vec(step(), 1..7),
        format in format(),
        encoding in encoding(),
    ) {
        let config = Config::default();
        let workspace = Workspace::new(config.clone(), encoding);
        workspace.open(KEY, &start, 1, format);
        workspace.refresh();
        let mut model = start;
        let mut version = 1;
        for (specs, refresh) in &steps {
            let mut changes = Vec::new();
            for spec in specs {
                match spec {
                    EditSpec::Range(a, b, text) => {
                        let offsets = positionable(&model);
                        let x = offsets[a % offsets.len()];
                        let y = offsets[b % offsets.len()];
                        changes.push(Change {
                            range: Some((
                                reference_position(&model, x, encoding),
                                reference_position(&model, y, encoding),
                            )),
                            text: text.clone(),
                        });
                        let (from, to) = (x.min(y), x.max(y));
                        model.replace_range(from..to, text);
                    }
                    EditSpec::Whole(text) => {
                        changes.push(Change { range: None, text: text.clone() });
                        model = text.clone();
                    }
                }
            }
            version += 1;
            prop_assert_eq!(workspace.change(KEY, version, &changes), EditOutcome::Applied);
            prop_assert_eq!(workspace.text(KEY), Some((model.clone(), version)));
            if *refresh {
                workspace.refresh();
            }
        }
        let fresh = Workspace::new(config.clone(), encoding);
        fresh.open(KEY, &model, version, format);
        let (edited_analysis, edited_mentions, edited_findings) =
            workspace_summary(&workspace, KEY);
        let (fresh_analysis, fresh_mentions, fresh_findings) = workspace_summary(&fresh, KEY);
        prop_assert_eq!(
            &edited_analysis,
            &analysis_summary(&DocumentAnalysis::new(&model, format, &config))
        );
        prop_assert_eq!(edited_analysis, fresh_analysis);
        prop_assert_eq!(edited_mentions, fresh_mentions);
        prop_assert_eq!(edited_findings, fresh_findings);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    /// Every positionable offset converts to the reference position and back
    /// to itself, in both encodings; the line count is the reference's.
    #[test]
    fn positions_round_trip(text in tricky_text(), encoding in encoding()) {
        let rope = Rope::from_str(&text);
        prop_assert_eq!(rope.len_lines(), line_starts(&text).len());
        for o in positionable(&text) {
            let position = convert::position(&rope, o, encoding);
            prop_assert_eq!(position, reference_position(&text, o, encoding), "offset {}", o);
            prop_assert_eq!(convert::offset(&rope, position, encoding), o, "offset {}", o);
        }
        // Between the \r and the \n of a CRLF: the position of the \n, which
        // names the end of the line's content, just before the \r.
        for o in (1..text.len()).filter(|&o| text.is_char_boundary(o) && inside_crlf(&text, o)) {
            let position = convert::position(&rope, o, encoding);
            prop_assert_eq!(convert::offset(&rope, position, encoding), o - 1);
        }
    }

    /// Any byte offset (inside a code point, past the end) gives the position
    /// of the code point it falls in, and any position (inside a surrogate
    /// pair or a UTF-8 sequence, past the end of a line or of the text)
    /// names the char boundary the reference clamps it to.
    #[test]
    fn positions_clamp_to_char_boundaries(
        text in tricky_text(),
        encoding in encoding(),
        beyond in 0u32..6,
    ) {
        let rope = Rope::from_str(&text);
        for o in 0..=text.len() + 3 {
            let mut floor = o.min(text.len());
            while !text.is_char_boundary(floor) {
                floor -= 1;
            }
            prop_assert_eq!(
                convert::position(&rope, o, encoding),
                convert::position(&rope, floor, encoding),
                "offset {}", o
            );
        }
        let starts = line_starts(&text);
        for line in 0..starts.len() as u32 + 2 {
            let width = starts
                .get(line as usize)
                .map(|&s| units(&text[s..content_end(&text, &starts, line as usize)], encoding))
                .unwrap_or(0) as u32;
            for character in (0..=width + beyond).chain([u32::MAX]) {
                let position = LineCol::new(line, character);
                let o = convert::offset(&rope, position, encoding);
                prop_assert!(text.is_char_boundary(o), "{:?} gave {}", position, o);
                prop_assert_eq!(o, reference_offset(&text, position, encoding), "{:?}", position);
            }
        }
    }
}
