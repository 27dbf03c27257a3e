//! Framing in front of tower-lsp: stdin is read frame by frame and only
//! well-formed JSON-RPC messages are passed on. tower-lsp stops reading for
//! good after one undecodable message, so malformed input is answered here
//! (`-32700` parse error, `-32600` invalid request, with a null id) and the
//! server keeps serving. All output goes through one writer, a whole frame at
//! a time, so the answers never interleave with the server's messages.
//!
//! A wrong Content-Length does not derail the stream. Too small: the cut
//! body is a parse error, and the rest of it, up to the next header, is
//! skipped (a header is recognised even when a line starts with leftover
//! bytes). Too large: the body would swallow the frames behind it, so a
//! frame header inside a body ends the body there; this is unambiguous, as a
//! header line cannot occur inside JSON. A body that the input ends before is
//! dropped.
//!
//! Messages that follow an `initialize` request are held back until it is
//! answered (or the server stops writing): tower-lsp does not serve anything
//! while it initializes, and a client that sends `initialized` right behind
//! `initialize` would otherwise stall it. An `initialize` sent as a
//! notification is never answered, so nothing waits for it.

use std::sync::{Arc, LazyLock, Mutex};

use regex::bytes::Regex;
use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::{mpsc, oneshot};
use tower_lsp_server::jsonrpc::{Request, Response};

/// The largest message accepted; bigger ones are skipped.
const MAX_MESSAGE: usize = 256 * 1024 * 1024;

/// A header line longer than this is cut, keeping its end (where a header
/// may start after leftover bytes).
const MAX_LINE: usize = 64 * 1024;

/// How far back a new piece of body is searched for a header that began in
/// the piece before.
const HEADER_OVERLAP: usize = 128;

/// A Content-Length header line, possibly after leftover bytes.
static LENGTH_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)content-length[ \t]*:[ \t]*([0-9]+)[ \t]*$").expect("valid regex")
});

/// A Content-Length header line inside a body: the start of the next frame.
static HEADER_IN_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)content-length[ \t]*:[ \t]*[0-9]+[ \t]*\r?\n").expect("valid regex")
});

/// One frame read from a stream.
enum Frame {
    /// A message body.
    Body(Vec<u8>),
    /// Headers without a usable Content-Length; skipped.
    Garbage,
}

/// Reads frames from a byte stream.
struct FrameReader<R> {
    input: R,
    /// Bytes read but not yet taken.
    buf: Vec<u8>,
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    fn new(input: R) -> Self {
        FrameReader {
            input,
            buf: Vec::new(),
        }
    }

    /// Reads more input; false at the end of input (or on a read error).
    async fn fill(&mut self) -> bool {
        self.buf.reserve(64 * 1024);
        matches!(self.input.read_buf(&mut self.buf).await, Ok(n) if n > 0)
    }

    /// The next line without its line end; `None` at the end of input.
    async fn line(&mut self) -> Option<Vec<u8>> {
        let mut searched = 0;
        loop {
            if let Some(i) = self.buf[searched..].iter().position(|&b| b == b'\n') {
                let mut line: Vec<u8> = self.buf.drain(..=searched + i).collect();
                line.pop();
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Some(line);
            }
            if self.buf.len() > MAX_LINE {
                let cut = self.buf.len() - HEADER_OVERLAP;
                self.buf.drain(..cut);
            }
            searched = self.buf.len();
            if !self.fill().await {
                return None;
            }
        }
    }

    /// A body of `length` bytes, cut short where a frame header starts
    /// inside it (the header is left to be read next); `None` if the input
    /// ends first.
    async fn body(&mut self, length: usize) -> Option<Vec<u8>> {
        let mut body = Vec::with_capacity(length.min(1 << 20));
        loop {
            let take = (length - body.len()).min(self.buf.len());
            let scan_from = body.len().saturating_sub(HEADER_OVERLAP);
            body.extend(self.buf.drain(..take));
            if let Some(found) = HEADER_IN_BODY.find(&body[scan_from..]) {
                let rest = body.split_off(scan_from + found.start());
                eprintln!(
                    "marginalia: a message was shorter than its Content-Length of {length}: \
                     {} bytes before the next header",
                    body.len()
                );
                self.buf.splice(0..0, rest);
                return Some(body);
            }
            if body.len() == length {
                return Some(body);
            }
            if !self.fill().await {
                eprintln!(
                    "marginalia: the input ended inside a message ({} of {length} bytes)",
                    body.len()
                );
                return None;
            }
        }
    }

    /// Reads one frame; `None` at the end of input.
    async fn frame(&mut self) -> Option<Frame> {
        let mut length: Option<usize> = None;
        let mut saw_header = false;
        loop {
            let line = self.line().await?;
            if line.iter().all(u8::is_ascii_whitespace) {
                if saw_header {
                    break;
                }
                continue;
            }
            saw_header = true;
            if let Some(found) = LENGTH_LINE.captures(&line) {
                let whole = found.get(0).map_or(0..0, |m| m.range());
                if whole.start > 0 {
                    eprintln!("marginalia: skipped {} bytes before a header", whole.start);
                }
                length = std::str::from_utf8(&found[1])
                    .ok()
                    .and_then(|digits| digits.parse().ok());
            }
        }
        match length.filter(|&l| l <= MAX_MESSAGE) {
            Some(length) => self.body(length).await.map(Frame::Body),
            None => Some(Frame::Garbage),
        }
    }
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn error_frame(code: i64, message: &str) -> Vec<u8> {
    let body = json!({"jsonrpc": "2.0", "error": {"code": code, "message": message}, "id": null});
    frame(body.to_string().as_bytes())
}

/// The `initialize` request in flight: its id, and who waits for its answer.
#[derive(Default)]
struct PendingInitialize(Mutex<Option<(Value, oneshot::Sender<()>)>>);

impl PendingInitialize {
    /// Registers an `initialize` request; the receiver fires once it is answered.
    fn expect(&self, id: Value) -> oneshot::Receiver<()> {
        let (tx, rx) = oneshot::channel();
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some((id, tx));
        rx
    }

    /// The server stopped writing: no answer can come, so nothing waits for one.
    fn release(&self) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).take();
    }

    /// Notes a message from the server: the answer to `initialize` releases the input.
    fn seen(&self, body: &[u8]) {
        let mut pending = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let Some((id, _)) = pending.as_ref() else {
            return;
        };
        let answers = serde_json::from_slice::<Value>(body)
            .is_ok_and(|v| v.get("method").is_none() && v.get("id") == Some(id));
        if answers && let Some((_, tx)) = pending.take() {
            let _ = tx.send(());
        }
    }
}

/// The id of an `initialize` request.
fn initialize_id(body: &[u8]) -> Option<Value> {
    let value = serde_json::from_slice::<Value>(body).ok()?;
    if value.get("method").and_then(Value::as_str) != Some("initialize") {
        return None;
    }
    value.get("id").cloned()
}

/// What to do with a message body: pass it on, or answer with an error frame.
fn check(body: &[u8]) -> Result<(), Vec<u8>> {
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        eprintln!("marginalia: malformed message: {e}");
        error_frame(-32700, "Parse error")
    })?;
    let is_request = serde_json::from_value::<Request>(value.clone()).is_ok();
    let is_response = !is_request && serde_json::from_value::<Response>(value).is_ok();
    if is_request || is_response {
        Ok(())
    } else {
        eprintln!("marginalia: invalid message");
        Err(error_frame(-32600, "Invalid request"))
    }
}

/// Copies client frames to the server; malformed ones are answered through
/// `out`. Messages behind an `initialize` wait until it is answered.
async fn pump_input(
    input: impl AsyncRead + Unpin,
    mut to_server: impl AsyncWrite + Unpin,
    out: mpsc::UnboundedSender<Vec<u8>>,
    initialize: Arc<PendingInitialize>,
    closed: oneshot::Sender<()>,
) {
    let mut reader = FrameReader::new(input);
    while let Some(f) = reader.frame().await {
        match f {
            Frame::Body(body) => match check(&body) {
                Ok(()) => {
                    let answered = initialize_id(&body).map(|id| initialize.expect(id));
                    if to_server.write_all(&frame(&body)).await.is_err() {
                        break;
                    }
                    let _ = to_server.flush().await;
                    if let Some(answered) = answered {
                        let _ = answered.await;
                    }
                }
                Err(answer) => {
                    let _ = out.send(answer);
                }
            },
            Frame::Garbage => {
                eprintln!("marginalia: skipped a message without a usable Content-Length");
            }
        }
    }
    let _ = closed.send(());
    let _ = to_server.shutdown().await;
}

/// Copies whole frames from the server to `out`.
async fn pump_server(
    from_server: impl AsyncRead + Unpin,
    out: mpsc::UnboundedSender<Vec<u8>>,
    initialize: Arc<PendingInitialize>,
) {
    let mut reader = FrameReader::new(from_server);
    while let Some(f) = reader.frame().await {
        if let Frame::Body(body) = f {
            initialize.seen(&body);
            if out.send(frame(&body)).is_err() {
                break;
            }
        }
    }
    initialize.release();
}

/// Writes whole frames to the output until every sender is gone.
async fn write_output(
    mut frames: mpsc::UnboundedReceiver<Vec<u8>>,
    mut output: impl AsyncWrite + Unpin,
) {
    while let Some(bytes) = frames.recv().await {
        if output.write_all(&bytes).await.is_err() {
            return;
        }
        let _ = output.flush().await;
    }
}

/// The server's ends of the guarded transport, and the task that writes output.
pub struct Guarded {
    /// What the server reads.
    pub input: tokio::io::DuplexStream,
    /// What the server writes.
    pub output: tokio::io::DuplexStream,
    /// Ends once all output is written.
    pub writer: tokio::task::JoinHandle<()>,
    /// Fires when the client's input has ended.
    pub input_closed: oneshot::Receiver<()>,
}

/// Puts the guard between a client's streams and a server.
pub fn guard(
    input: impl AsyncRead + Unpin + Send + 'static,
    output: impl AsyncWrite + Unpin + Send + 'static,
) -> Guarded {
    let (client_side_in, server_in) = tokio::io::duplex(1 << 16);
    let (server_out, client_side_out) = tokio::io::duplex(1 << 16);
    let (out_tx, out_rx) = mpsc::unbounded_channel();
    let (closed_tx, closed_rx) = oneshot::channel();
    let initialize = Arc::new(PendingInitialize::default());
    tokio::spawn(pump_input(
        input,
        client_side_in,
        out_tx.clone(),
        initialize.clone(),
        closed_tx,
    ));
    tokio::spawn(pump_server(client_side_out, out_tx, initialize));
    let writer = tokio::spawn(write_output(out_rx, output));
    Guarded {
        input: server_in,
        output: server_out,
        writer,
        input_closed: closed_rx,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_well_formed_messages_pass() {
        assert!(check(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","id":1,"result":null}"#).is_ok());
        let parse = check(b"{\"jsonrpc\":").unwrap_err();
        assert!(String::from_utf8_lossy(&parse).contains("-32700"));
        let invalid = check(b"[1,2,3]").unwrap_err();
        assert!(String::from_utf8_lossy(&invalid).contains("-32600"));
    }

    fn frames(input: &[u8]) -> Vec<Option<String>> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async {
            let mut reader = FrameReader::new(input);
            let mut out = Vec::new();
            while let Some(f) = reader.frame().await {
                out.push(match f {
                    Frame::Body(body) => Some(String::from_utf8_lossy(&body).into_owned()),
                    Frame::Garbage => None,
                });
            }
            out
        })
    }

    #[test]
    fn wrong_lengths_find_the_next_header() {
        let ok = "Content-Length: 2\r\n\r\n{}";
        // Too small: the cut body, then the leftover bytes run into a header.
        let short = format!("Content-Length: 3\r\n\r\n[1,2]{ok}");
        assert_eq!(
            frames(short.as_bytes()),
            [Some("[1,".into()), Some("{}".into())]
        );
        // Too large: the body ends where the next header starts.
        let long = format!("Content-Length: 99\r\n\r\n[1,2]{ok}{ok}");
        assert_eq!(
            frames(long.as_bytes()),
            [Some("[1,2]".into()), Some("{}".into()), Some("{}".into())]
        );
        // Past the end of the input: dropped.
        assert_eq!(frames(b"Content-Length: 99\r\n\r\n[1,2]"), []);
        // No usable length, then binary junk without a line end.
        let mut junk = b"Content-Length: x\r\n\r\n\xff\xfe".to_vec();
        junk.extend_from_slice(ok.as_bytes());
        assert_eq!(frames(&junk), [None, Some("{}".into())]);
        // A header split across reads is still found inside a long body.
        let body = "x".repeat(200_000);
        let split = format!("Content-Length: 300000\r\n\r\n{body}{ok}");
        let got = frames(split.as_bytes());
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].as_deref().map(str::len), Some(200_000));
        // An endless line is cut, keeping its end.
        let endless = format!("{}{ok}", "y".repeat(1_000_000));
        assert_eq!(frames(endless.as_bytes()), [Some("{}".into())]);
    }
}
