//! Framing in front of tower-lsp: stdin is read frame by frame and only
//! well-formed JSON-RPC messages are passed on. tower-lsp stops reading for
//! good after one undecodable message, so malformed input is answered here
//! (`-32700` parse error, `-32600` invalid request, with a null id) and the
//! server keeps serving. All output goes through one writer, a whole frame at
//! a time, so the answers never interleave with the server's messages.
//!
//! Messages that follow an `initialize` request are held back until it is
//! answered (or the server stops): tower-lsp does not serve anything while it
//! initializes, and a client that sends `initialized` right behind
//! `initialize` would otherwise stall it. An `initialize` sent as a
//! notification is never answered, so nothing waits for it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::{Value, json};
use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader,
};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::{Request, Response};

/// The largest message accepted; bigger ones are skipped.
const MAX_MESSAGE: usize = 256 * 1024 * 1024;

/// One frame read from the client.
enum Frame {
    /// A message body.
    Body(Vec<u8>),
    /// Headers without a usable Content-Length; skipped.
    Garbage,
}

/// Reads one frame; `None` at the end of input.
async fn read_frame(reader: &mut (impl AsyncBufRead + Unpin)) -> Option<Frame> {
    let mut length: Option<usize> = None;
    let mut saw_header = false;
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line).await {
            Ok(0) | Err(_) => return None,
            Ok(_) => {}
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if saw_header {
                break;
            }
            continue;
        }
        saw_header = true;
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok();
        }
    }
    let Some(length) = length.filter(|&l| l <= MAX_MESSAGE) else {
        return Some(Frame::Garbage);
    };
    let mut body = vec![0; length];
    match reader.read_exact(&mut body).await {
        Ok(_) => Some(Frame::Body(body)),
        Err(_) => None,
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

/// Whether `initialize` has been answered, or the server has stopped writing
/// and never will.
#[derive(Default)]
struct Initialized {
    done: AtomicBool,
    notify: tokio::sync::Notify,
}

impl Initialized {
    fn set(&self) {
        self.done.store(true, Ordering::SeqCst);
        self.notify.notify_waiters();
    }

    async fn wait(&self) {
        loop {
            let notified = self.notify.notified();
            if self.done.load(Ordering::SeqCst) {
                return;
            }
            notified.await;
        }
    }
}

/// Whether a body is an `initialize` request, which the server answers.
fn is_initialize_request(body: &[u8]) -> bool {
    serde_json::from_slice::<Value>(body).is_ok_and(|v| {
        v.get("method").and_then(Value::as_str) == Some("initialize") && v.get("id").is_some()
    })
}

fn is_response(body: &[u8]) -> bool {
    serde_json::from_slice::<Value>(body)
        .is_ok_and(|v| v.get("method").is_none() && v.get("id").is_some())
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

/// Copies client frames to the server, answering malformed ones through `errors`.
async fn pump_input(
    input: impl AsyncRead + Unpin,
    mut to_server: impl AsyncWrite + Unpin,
    errors: mpsc::UnboundedSender<Vec<u8>>,
    initialized: Arc<Initialized>,
) {
    let mut reader = BufReader::new(input);
    while let Some(f) = read_frame(&mut reader).await {
        match f {
            Frame::Body(body) => match check(&body) {
                Ok(()) => {
                    if to_server.write_all(&frame(&body)).await.is_err() {
                        return;
                    }
                    let _ = to_server.flush().await;
                    if is_initialize_request(&body) {
                        initialized.wait().await;
                    }
                }
                Err(answer) => {
                    let _ = errors.send(answer);
                }
            },
            Frame::Garbage => {
                eprintln!("marginalia: skipped a message without Content-Length");
            }
        }
    }
    let _ = to_server.shutdown().await;
}

/// Copies whole server frames and error answers to the output.
async fn pump_output(
    from_server: impl AsyncRead + Unpin,
    mut errors: mpsc::UnboundedReceiver<Vec<u8>>,
    mut output: impl AsyncWrite + Unpin,
    initialized: Arc<Initialized>,
) {
    let mut reader = BufReader::new(from_server);
    let mut server_open = true;
    loop {
        tokio::select! {
            f = read_frame(&mut reader), if server_open => match f {
                Some(Frame::Body(body)) => {
                    if !initialized.done.load(Ordering::SeqCst) && is_response(&body) {
                        // The first response of all answers `initialize`.
                        initialized.set();
                    }
                    if output.write_all(&frame(&body)).await.is_err() {
                        return;
                    }
                    let _ = output.flush().await;
                }
                Some(Frame::Garbage) => {}
                None => {
                    server_open = false;
                    // No answer to `initialize` can come any more.
                    initialized.set();
                }
            },
            e = errors.recv() => match e {
                Some(answer) => {
                    if output.write_all(&answer).await.is_err() {
                        return;
                    }
                    let _ = output.flush().await;
                }
                None if !server_open => return,
                None => {
                    // No more errors can come; drain the server.
                    while let Some(f) = read_frame(&mut reader).await {
                        if let Frame::Body(body) = f {
                            if output.write_all(&frame(&body)).await.is_err() {
                                return;
                            }
                            let _ = output.flush().await;
                        }
                    }
                    return;
                }
            },
        }
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
}

/// Puts the guard between a client's streams and a server.
pub fn guard(
    input: impl AsyncRead + Unpin + Send + 'static,
    output: impl AsyncWrite + Unpin + Send + 'static,
) -> Guarded {
    let (client_side_in, server_in) = tokio::io::duplex(1 << 16);
    let (server_out, client_side_out) = tokio::io::duplex(1 << 16);
    let (errors_tx, errors_rx) = mpsc::unbounded_channel();
    let initialized = Arc::new(Initialized::default());
    tokio::spawn(pump_input(
        input,
        client_side_in,
        errors_tx,
        initialized.clone(),
    ));
    let writer = tokio::spawn(pump_output(client_side_out, errors_rx, output, initialized));
    Guarded {
        input: server_in,
        output: server_out,
        writer,
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
}
