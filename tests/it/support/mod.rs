//! A small JSON-RPC client that drives the real `marginalia` binary over
//! stdio: Content-Length framing, reads with timeouts, and automatic answers
//! to the server's own requests.

#![allow(dead_code)]

pub mod articles;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long to wait for anything before a test fails.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// A running server.
pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Messages seen but not yet consumed: notifications, server requests,
    /// and responses that came before the one awaited.
    pub seen: Vec<Value>,
    /// Everything the server wrote to stderr so far.
    pub stderr: Arc<Mutex<String>>,
    /// The `window/logMessage` notices so far, one a line after their kind.
    pub notices: Arc<Mutex<String>>,
    /// The `initialize` result.
    pub initialize_result: Value,
}

/// Writes a file (creating its folders) and returns its URI.
pub fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, contents).unwrap();
    uri(&path)
}

/// A size field of `/proc/<pid>/status` in KiB, such as `VmRSS` (resident
/// now) or `VmHWM` (the peak); `None` once the process is gone.
pub fn proc_status_kib(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// The URI of a file.
pub fn uri(path: &Path) -> String {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// The frame a client writes for one message body.
pub fn frame(body: &str) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body.as_bytes());
    out
}

/// Client capabilities used by most tests.
pub fn capabilities(utf8: bool) -> Value {
    let encodings = if utf8 {
        json!(["utf-8", "utf-16"])
    } else {
        json!(["utf-16"])
    };
    json!({
        "general": {"positionEncodings": encodings},
        "window": {"workDoneProgress": true},
        "workspace": {
            "didChangeWatchedFiles": {"dynamicRegistration": true},
            "workspaceEdit": {"documentChanges": true, "resourceOperations": ["create"]},
            "configuration": true
        },
        "textDocument": {"publishDiagnostics": {"relatedInformation": true}}
    })
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length:") {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Client {
    /// Starts the server in `root` and initializes it.
    pub fn start(root: &Path, capabilities: Value, options: Value) -> Client {
        Client::start_command(Client::command(), root, capabilities, options)
    }

    /// Starts the server with `command` in `root` and initializes it.
    pub fn start_command(
        command: Command,
        root: &Path,
        capabilities: Value,
        options: Value,
    ) -> Client {
        let mut client = Client::spawn_command(command);
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "workspaceFolders": [{"uri": uri(root), "name": "desk"}],
                "capabilities": capabilities,
                "initializationOptions": options,
            }),
        );
        client.initialize_result = result["result"].clone();
        client.notify("initialized", json!({}));
        client
    }

    /// The command that runs the server.
    /// Without a cache, so that each test sees a fresh analysis and leaves
    /// nothing in the user's cache folder (`cache_cli` turns it on).
    pub fn command() -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_marginalia"));
        command.arg("lsp").env("MARGINALIA_NO_CACHE", "1");
        command
    }

    /// Starts the server without initializing it.
    pub fn spawn() -> Client {
        Client::spawn_command(Client::command())
    }

    /// Starts a server with `command` (which must run `marginalia lsp`, perhaps
    /// through a shell) without initializing it.
    pub fn spawn_command(mut command: Command) -> Client {
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the server starts");
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, incoming) = mpsc::channel();
        let notices = Arc::new(Mutex::new(String::new()));
        let notice_sink = notices.clone();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if message["method"] == "window/logMessage" {
                    let kind = match message["params"]["type"].as_i64() {
                        Some(1) => "error",
                        Some(2) => "warning",
                        Some(3) => "info",
                        _ => "log",
                    };
                    let text = message["params"]["message"].as_str().unwrap_or("");
                    notice_sink
                        .lock()
                        .unwrap()
                        .push_str(&format!("[{kind}] {text}\n"));
                }
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        let log = Arc::new(Mutex::new(String::new()));
        let sink = log.clone();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stderr);
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 {
                sink.lock().unwrap().push_str(&line);
                line.clear();
            }
        });
        Client {
            stdin: child.stdin.take(),
            child,
            incoming,
            next_id: 1,
            seen: Vec::new(),
            stderr: log,
            notices,
            initialize_result: Value::Null,
        }
    }

    /// Writes raw bytes to the server.
    pub fn write_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        stdin.write_all(bytes).expect("write to the server");
        stdin.flush().expect("flush");
    }

    /// Sends one message.
    pub fn send(&mut self, message: &Value) {
        let body = serde_json::to_string(message).unwrap();
        self.write_raw(&frame(&body));
    }

    /// Sends a notification.
    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Receives the next message, answering the server's requests on the way.
    fn receive(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.incoming.recv_timeout(left) {
            Ok(message) => {
                if message.get("method").is_some() && message.get("id").is_some() {
                    let id = message["id"].clone();
                    self.send(&json!({"jsonrpc": "2.0", "id": id, "result": null}));
                }
                Some(message)
            }
            Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => None,
        }
    }

    /// Sends a request and waits for its response (the whole response object).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.response(&json!(id))
    }

    /// Waits for the response with this id, looking first at what was
    /// already seen: the server answers concurrent requests in any order,
    /// so it may have come while another response was awaited.
    pub fn response(&mut self, id: &Value) -> Value {
        self.wait_for(TIMEOUT, |m| {
            m.get("method").is_none() && m.get("id") == Some(id)
        })
        .unwrap_or_else(|| panic!("no response to request {id}"))
    }

    /// Waits for a message matching `pred`,
    /// looking first at what was already seen. Returns `None` after `timeout`.
    pub fn wait_for(&mut self, timeout: Duration, pred: impl Fn(&Value) -> bool) -> Option<Value> {
        if let Some(i) = self.seen.iter().position(&pred) {
            return Some(self.seen.remove(i));
        }
        let deadline = Instant::now() + timeout;
        loop {
            let message = self.receive(deadline)?;
            if pred(&message) {
                return Some(message);
            }
            self.seen.push(message);
        }
    }

    /// Waits for diagnostics of `uri` that satisfy `pred`.
    pub fn diagnostics(
        &mut self,
        uri: &str,
        pred: impl Fn(&[Value]) -> bool,
    ) -> Option<Vec<Value>> {
        let found = self.wait_for(TIMEOUT, |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && pred(
                    m["params"]["diagnostics"]
                        .as_array()
                        .map_or(&[][..], Vec::as_slice),
                )
        })?;
        found["params"]["diagnostics"].as_array().cloned()
    }

    /// Opens a document.
    pub fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
    }

    /// Sends one incremental change.
    pub fn change(&mut self, uri: &str, version: i32, range: [(u32, u32); 2], text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{
                    "range": {
                        "start": {"line": range[0].0, "character": range[0].1},
                        "end": {"line": range[1].0, "character": range[1].1}
                    },
                    "text": text
                }]
            }),
        );
    }

    /// The server's copy of an open document.
    pub fn text(&mut self, uri: &str) -> Value {
        self.request(
            "marginalia/documentText",
            json!({"textDocument": {"uri": uri}}),
        )["result"]
            .clone()
    }

    /// Hover at a position (the `result`).
    pub fn hover(&mut self, uri: &str, line: u32, character: u32) -> Value {
        self.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        )["result"]
            .clone()
    }

    /// Sends shutdown and exit; returns how long the process took to end after exit.
    pub fn shutdown_and_exit(mut self) -> (Duration, Option<i32>) {
        let response = self.request("shutdown", Value::Null);
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", Value::Null);
        let sent = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return (sent.elapsed(), status.code());
            }
            if sent.elapsed() > Duration::from_secs(10) {
                let _ = self.child.kill();
                return (sent.elapsed(), None);
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Closes the server's stdin, as a client that goes away does.
    pub fn close_stdin(&mut self) {
        self.stdin = None;
    }

    /// Waits up to `timeout` for the process to end; its exit code, or `None`
    /// if it is still running (or was ended by a signal).
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<i32> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        None
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Everything the server has said so far: its stderr, then its
    /// `window/logMessage` notices.
    pub fn log(&self) -> String {
        format!("{}{}", self.stderr.lock().unwrap(), self.notices())
    }

    /// The server's `window/logMessage` notices so far, one a line, each
    /// after its kind: `[info] indexed 3 articles in 2 ms`.
    pub fn notices(&self) -> String {
        self.notices.lock().unwrap().clone()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The documents the desk analyses, sorted: (URI, version if open, length in bytes).
pub fn desk(client: &mut Client) -> Vec<(String, Option<i64>, u64)> {
    let response = client.request("marginalia/desk", Value::Null);
    let mut entries: Vec<(String, Option<i64>, u64)> = response["result"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|e| {
            (
                e["uri"].as_str().unwrap_or_default().to_string(),
                e["version"].as_i64(),
                e["length"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    entries.sort();
    entries
}

/// Waits for the end of a workspace indexing run; the `$/progress` message.
pub fn wait_for_index(client: &mut Client) -> Value {
    wait_for_index_within(client, TIMEOUT)
}

/// Waits up to `timeout` for the end of a workspace indexing run.
pub fn wait_for_index_within(client: &mut Client, timeout: Duration) -> Value {
    client
        .wait_for(timeout, |m| {
            m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end"
        })
        .expect("indexing ends")
}

/// A temporary folder for the tests that write many files: in memory
/// (`/dev/shm`) where the machine has it, since writing and removing
/// 100,000 small files on a shared disk takes minutes; elsewhere the usual
/// temporary folder. What the tests check does not depend on where it is.
pub fn scratch_dir() -> tempfile::TempDir {
    let memory = Path::new("/dev/shm");
    if memory.is_dir()
        && let Ok(dir) = tempfile::Builder::new()
            .prefix("marginalia-")
            .tempdir_in(memory)
    {
        return dir;
    }
    tempfile::tempdir().expect("a temporary folder")
}
