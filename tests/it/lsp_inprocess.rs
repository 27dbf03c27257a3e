//! The language server driven in-process over an in-memory duplex stream,
//! comparing whole responses: the same service the binary serves on stdio.

use marginalia::analysis::config::Config;
use marginalia::lsp::server::build_service;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::time::{Duration, timeout};

struct Peer {
    reader: BufReader<tokio::io::ReadHalf<DuplexStream>>,
    writer: tokio::io::WriteHalf<DuplexStream>,
}

impl Peer {
    fn start() -> Peer {
        let (service, socket, _core) = build_service(Config::default());
        let (client_end, server_end) = tokio::io::duplex(1 << 20);
        let (server_read, server_write) = tokio::io::split(server_end);
        tokio::spawn(
            tower_lsp_server::Server::new(server_read, server_write, socket).serve(service),
        );
        let (read, writer) = tokio::io::split(client_end);
        Peer {
            reader: BufReader::new(read),
            writer,
        }
    }

    async fn send(&mut self, message: Value) {
        let body = message.to_string();
        let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.writer.write_all(frame.as_bytes()).await.unwrap();
    }

    async fn receive(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.reader.read_line(&mut line).await.unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body).await.unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    /// The response to request `id`, skipping notifications.
    async fn response(&mut self, id: i64) -> Value {
        timeout(Duration::from_secs(20), async {
            loop {
                let message = self.receive().await;
                if message.get("method").is_none() && message["id"] == id {
                    return message;
                }
            }
        })
        .await
        .expect("a response in time")
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edits_in_utf8_round_trip_through_the_service() {
    let mut peer = Peer::start();
    peer.send(json!({
        "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"capabilities": {"general": {"positionEncodings": ["utf-8"]}}}
    }))
    .await;
    let initialize = peer.response(1).await;
    assert_eq!(
        initialize["result"]["capabilities"]["positionEncoding"],
        "utf-8"
    );
    peer.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
        .await;
    let uri = "untitled:desk/a.md";
    peer.send(json!({
        "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                   "text": "Zelenskyy 🇺🇦 said\r\n"}}
    }))
    .await;
    // Byte 10 is after "Zelenskyy "; the flag is 8 bytes.
    peer.send(json!({
        "jsonrpc": "2.0", "method": "textDocument/didChange",
        "params": {"textDocument": {"uri": uri, "version": 2},
                   "contentChanges": [{"range": {"start": {"line": 0, "character": 18},
                                                 "end": {"line": 0, "character": 18}},
                                       "text": " flag"}]}
    }))
    .await;
    peer.send(json!({
        "jsonrpc": "2.0", "id": 2, "method": "marginalia/documentText",
        "params": {"textDocument": {"uri": uri}}
    }))
    .await;
    assert_eq!(
        peer.response(2).await,
        json!({"jsonrpc": "2.0", "id": 2,
               "result": {"text": "Zelenskyy 🇺🇦 flag said\r\n", "version": 2}})
    );
    peer.send(json!({
        "jsonrpc": "2.0", "id": 3, "method": "textDocument/hover",
        "params": {"textDocument": {"uri": "untitled:nowhere.md"},
                   "position": {"line": 0, "character": 0}}
    }))
    .await;
    assert_eq!(
        peer.response(3).await,
        json!({"jsonrpc": "2.0", "id": 3, "result": null})
    );
}
