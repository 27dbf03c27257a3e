//! Whole sessions fed to the in-memory server (`marginalia::lsp::fuzz_session`),
//! the way the `lsp_messages` fuzz target drives it: each must end by itself
//! once its input is exhausted, without panicking, whatever the input holds.

use std::sync::mpsc;
use std::time::Duration;

use marginalia::lsp::session::{SessionEnd, fuzz_session};

use crate::support::frame;

/// Generous: a session ends long before this unless something hangs.
const BOUND: Duration = Duration::from_secs(60);

fn stream(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

/// Runs a session on its own thread; fails if it does not return within
/// [`BOUND`] or if it had to be abandoned at its own time limit.
fn session_ends(input: Vec<u8>) {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(fuzz_session(&input));
    });
    match rx.recv_timeout(BOUND) {
        Ok(end) => assert_eq!(end, SessionEnd::Finished, "the session was abandoned"),
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("the session did not return"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the session panicked"),
    }
}

const INITIALIZE: &str = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-16"]}},"rootUri":"file:///desk"}}"#;
const INITIALIZED: &str = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
const OPEN: &str = r##"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///desk/a.md","languageId":"markdown","version":1,"text":"# Troops\r\n\r\nNorth Korea sent 3,000 troops to Russia. 🪖 Kim Jong Un’s army.\r\nKim said 3,000 soldiers.\n"}}}"##;
const SHUTDOWN: &str = r#"{"jsonrpc":"2.0","id":99,"method":"shutdown"}"#;
const EXIT: &str = r#"{"jsonrpc":"2.0","method":"exit"}"#;

fn handshake() -> Vec<u8> {
    stream(&[&frame(INITIALIZE), &frame(INITIALIZED), &frame(OPEN)])
}

#[test]
fn a_valid_session_ends_at_exit() {
    let edit = r#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///desk/a.md","version":2},"contentChanges":[{"range":{"start":{"line":2,"character":17},"end":{"line":2,"character":22}},"text":"4,500 😀\r\n"}]}}"#;
    let hover = r#"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///desk/a.md"},"position":{"line":2,"character":2}}}"#;
    let rename = r#"{"jsonrpc":"2.0","id":3,"method":"textDocument/rename","params":{"textDocument":{"uri":"file:///desk/a.md"},"position":{"line":3,"character":1},"newName":"Kim Jong-un"}}"#;
    let tokens = r#"{"jsonrpc":"2.0","id":4,"method":"textDocument/semanticTokens/full","params":{"textDocument":{"uri":"file:///desk/a.md"}}}"#;
    session_ends(stream(&[
        &handshake(),
        &frame(edit),
        &frame(hover),
        &frame(rename),
        &frame(tokens),
        &frame(SHUTDOWN),
        &frame(EXIT),
    ]));
}

#[test]
fn the_client_hanging_up_ends_the_session() {
    let hover = r#"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///desk/a.md"},"position":{"line":2,"character":20}}}"#;
    session_ends(stream(&[&handshake(), &frame(hover)]));
    session_ends(Vec::new());
}

#[test]
fn garbage_headers_are_skipped() {
    session_ends(stream(&[
        b"Content-Type: text/plain\r\n\r\n",
        b"Content-Length: lots\r\n\r\n{}",
        b"Content-Length: 99999999999999999999999\r\n\r\n",
        &handshake(),
        b"\r\n\r\n\xff\xfe\r\nContent-Length: -1\r\n\r\n",
        &frame(SHUTDOWN),
        &frame(EXIT),
    ]));
}

#[test]
fn a_truncated_frame_ends_the_input() {
    let hover = r#"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///desk/a.md"},"position":{"line":2,"character":20}}}"#;
    let whole = frame(hover);
    session_ends(stream(&[&handshake(), &whole[..whole.len() - 10]]));
    session_ends(stream(&[
        &handshake(),
        b"Content-Length: 4000\r\n\r\n{\"jsonrpc\"",
    ]));
    session_ends(stream(&[&handshake(), b"Content-Length: 12\r\n"]));
}

#[test]
fn invalid_json_is_answered_and_serving_goes_on() {
    session_ends(stream(&[
        &handshake(),
        &frame("{\"jsonrpc\":"),
        &frame("[1,2,3]"),
        &frame("null"),
        &frame(r#"{"jsonrpc":"2.0","id":{},"method":"hover"}"#),
        &frame(r#"{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":"😀"}"#),
        &frame(
            r#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///desk/a.md","version":0},"contentChanges":[{"range":{"start":{"line":99,"character":1},"end":{"line":0,"character":4294967295}},"text":"x"}]}}"#,
        ),
        &frame(SHUTDOWN),
        &frame(EXIT),
    ]));
}

#[test]
fn requests_before_initialize_are_refused() {
    let hover = r#"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///desk/a.md"},"position":{"line":0,"character":0}}}"#;
    session_ends(stream(&[
        &frame(hover),
        &frame(OPEN),
        &frame(SHUTDOWN),
        &handshake(),
        &frame(hover),
    ]));
    session_ends(stream(&[&frame(EXIT), &handshake()]));
}

/// `workspace/executeCommand` would write `marginalia.toml` in the workspace
/// folder; in memory it is checked and not written. (No `exit` at the end:
/// it would cancel the command before it runs.)
#[test]
fn an_in_memory_session_writes_no_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_str().unwrap().to_string();
    let config = format!("{root}/marginalia.toml");
    let initialize = serde_json::json!({
        "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"capabilities": {}, "rootUri": format!("file://{root}")}
    });
    let write = serde_json::json!({
        "jsonrpc": "2.0", "id": 2, "method": "workspace/executeCommand",
        "params": {"command": "marginalia.writeConfig", "arguments": [config, "debounce_ms = 1\n"]}
    });
    session_ends(stream(&[
        &frame(&initialize.to_string()),
        &frame(INITIALIZED),
        &frame(&write.to_string()),
    ]));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
