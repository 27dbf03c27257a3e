//! A stream of LSP messages, partly malformed, fed to the language server in
//! memory.
//!
//! `marginalia::lsp::fuzz_session(&[u8])` takes the raw bytes a client writes
//! to the server's stdin (headers and JSON bodies), serves them on an
//! in-memory transport until the input ends, drops whatever the server writes
//! back, and says how the session ended. A panic anywhere, or a session that
//! does not stop by itself within its time limit (a hang), is a finding. See
//! fuzz/README.md for the whole contract.
//!
//! The input is split on 0xFF bytes (never part of UTF-8 JSON). Each piece is
//! a message body framed with a correct `Content-Length` header, or, when it
//! starts with `!`, raw bytes written as they are (broken headers, truncated
//! frames). A valid handshake and an opened document come first, so that the
//! fuzzer reaches document edits without having to invent them.

#![no_main]

use libfuzzer_sys::fuzz_target;

const PROLOGUE: &[&str] = &[
    r##"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-8","utf-16"]}},"rootUri":"file:///desk"}}"##,
    r##"{"jsonrpc":"2.0","method":"initialized","params":{}}"##,
    r##"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///desk/a.md","languageId":"markdown","version":1,"text":"# Troops\n\nNorth Korea sent 3,000 troops to Russia. 🪖 Kim Jong Un’s army.\r\n"}}}"##,
];

const EPILOGUE: &[&str] = &[
    r##"{"jsonrpc":"2.0","id":9999,"method":"shutdown"}"##,
    r##"{"jsonrpc":"2.0","method":"exit"}"##,
];

fn frame(stream: &mut Vec<u8>, body: &[u8]) {
    stream.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
    stream.extend_from_slice(body);
}

fuzz_target!(|data: &[u8]| {
    let mut stream = Vec::new();
    for body in PROLOGUE {
        frame(&mut stream, body.as_bytes());
    }
    for piece in data.split(|&b| b == 0xff) {
        match piece.strip_prefix(b"!") {
            Some(raw) => stream.extend_from_slice(raw),
            None => frame(&mut stream, piece),
        }
    }
    for body in EPILOGUE {
        frame(&mut stream, body.as_bytes());
    }
    let end = marginalia::lsp::fuzz_session(&stream);
    assert_eq!(
        end,
        marginalia::lsp::session::SessionEnd::Finished,
        "the server did not stop by itself"
    );
});
