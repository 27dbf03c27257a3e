//! What the editor shows is what the server found. The server leaves out
//! publications that would not change what the editor shows (findings that
//! only moved with an edit on another line); this checks, over random edits to
//! two articles, that the diagnostics the editor holds after each round (the
//! last ones published for each document) are exactly those a fresh server
//! would publish for the same texts.

use std::collections::BTreeMap;

use marginalia::analysis::config::Config;
use marginalia::analysis::text::DocFormat;
use marginalia::lsp::convert::{LineCol, PositionEncoding};
use marginalia::lsp::server::diagnostics_to_publish;
use marginalia::lsp::state::{Change, Workspace};
use proptest::prelude::*;

/// Lines that conflict with each other, across and within the articles.
const LINES: &[&str] = &[
    "North Korea sent 3,000 troops to Russia.",
    "North Korea sent 11,000 troops to Russia, officials said.",
    "Zelenskyy spoke. Zelensky said 400 were killed and 3,600 injured, a total of 5,000 casualties.",
    "Nothing to see here, just prose about the weather.",
    "Officials met on Tuesday.",
    "Kim’s army 🪖 and the North Korean troops.",
    "",
];

const INSERTS: &[&str] = &[
    "x",
    "",
    " ",
    "\n",
    "\r\n",
    "é",
    "🪖",
    "11,000",
    "3,000 troops",
    "\n\n",
];

const KEYS: [&str; 2] = ["file:///desk/a.md", "file:///desk/b.md"];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(LINES), prop::bool::ANY), 1..7).prop_map(|lines| {
        lines
            .into_iter()
            .map(|(line, crlf)| format!("{line}{}", if crlf { "\r\n" } else { "\n" }))
            .collect()
    })
}

/// The protocol position of a byte offset, counted independently of the
/// server: lines end at `\n`, `\r\n` or `\r`; columns are UTF-8 bytes.
fn position(text: &str, offset: usize) -> LineCol {
    let before = &text[..offset];
    let mut line = 0;
    let mut start = 0;
    let bytes = before.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                line += 1;
                i += 2;
                start = i;
                continue;
            }
            // A `\r` right before the offset may be the first half of `\r\n`.
            b'\r' if i + 1 == bytes.len() && text.as_bytes().get(offset) == Some(&b'\n') => {}
            b'\r' | b'\n' => {
                line += 1;
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    LineCol::new(line, (offset - start) as u32)
}

/// Snaps `at` down to a char boundary that does not split a `\r\n`.
fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at)
        || (at > 0 && text.as_bytes()[at - 1] == b'\r' && text.as_bytes().get(at) == Some(&b'\n'))
    {
        at -= 1;
    }
    at
}

/// Diagnostics by document, as JSON text, leaving out empty lists.
type Shown = BTreeMap<String, String>;

fn apply(shown: &mut Shown, workspace: &Workspace) {
    for params in diagnostics_to_publish(workspace) {
        let key = params.uri.as_str().to_string();
        if params.diagnostics.is_empty() {
            shown.remove(&key);
        } else {
            let json = serde_json::to_string(&params.diagnostics).expect("diagnostics as JSON");
            shown.insert(key, json);
        }
    }
}

fn fresh(texts: &[String; 2]) -> Shown {
    let workspace = Workspace::new(Config::default(), PositionEncoding::Utf8);
    for (key, text) in KEYS.iter().zip(texts) {
        workspace.open(key, text, 1, DocFormat::Markdown);
    }
    let mut shown = Shown::new();
    apply(&mut shown, &workspace);
    shown
}

/// One edit: in which article, where (any number, folded into the text),
/// how many bytes it replaces and with what.
type Edit = (usize, usize, usize, &'static str);

/// Applies each round of edits, then publishes, and checks after each round
/// that the editor holds what a fresh server would publish.
fn check_rounds(texts: [String; 2], rounds: &[Vec<Edit>]) -> Result<(), TestCaseError> {
    let workspace = Workspace::new(Config::default(), PositionEncoding::Utf8);
    let mut texts = texts;
    for (key, text) in KEYS.iter().zip(&texts) {
        workspace.open(key, text, 1, DocFormat::Markdown);
    }
    let mut shown = Shown::new();
    apply(&mut shown, &workspace);
    let mut version = 1;
    for (round, edits) in rounds.iter().enumerate() {
        for (doc, at, len, insert) in edits {
            let text = &texts[*doc];
            let start = boundary(text, at % (text.len() + 1));
            let end = boundary(text, start + len);
            let end = end.max(start);
            let change = Change {
                range: Some((position(text, start), position(text, end))),
                text: insert.to_string(),
            };
            let mut edited = text.clone();
            edited.replace_range(start..end, insert);
            version += 1;
            workspace.change(KEYS[*doc], version, &[change]);
            prop_assert_eq!(
                workspace.text(KEYS[*doc]).map(|(t, _)| t),
                Some(edited.clone())
            );
            texts[*doc] = edited;
        }
        apply(&mut shown, &workspace);
        prop_assert_eq!(
            &shown,
            &fresh(&texts),
            "after round {} of {:?}",
            round,
            rounds
        );
    }
    Ok(())
}

fn edit() -> impl Strategy<Value = Edit> {
    (
        0..2usize,
        any::<usize>(),
        0..4usize,
        prop::sample::select(INSERTS),
    )
}

/// Articles of several paragraphs, so that an edit changes one chunk and
/// leaves the others before and after it.
fn paragraphs() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::collection::vec(prop::sample::select(LINES), 1..4),
            prop::bool::ANY,
        ),
        1..10,
    )
    .prop_map(|paragraphs| {
        paragraphs
            .into_iter()
            .map(|(lines, crlf)| {
                let end = if crlf { "\r\n\r\n" } else { "\n\n" };
                format!("{}{end}", lines.join(" "))
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_editor_shows_what_a_fresh_server_would(
        a in article(),
        b in article(),
        edits in prop::collection::vec(edit(), 1..12),
    ) {
        let rounds: Vec<Vec<Edit>> = edits.into_iter().map(|e| vec![e]).collect();
        check_rounds([a, b], &rounds)?;
    }

    /// The same over articles of several paragraphs, with rounds of several
    /// edits between publications (as when diagnostics wait for typing to
    /// pause).
    #[test]
    fn the_editor_shows_what_a_fresh_server_would_over_paragraphs(
        a in paragraphs(),
        b in paragraphs(),
        rounds in prop::collection::vec(prop::collection::vec(edit(), 1..4), 1..10),
    ) {
        check_rounds([a, b], &rounds)?;
    }
}
