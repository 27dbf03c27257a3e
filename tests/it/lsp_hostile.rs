//! Hostile input against the real language server over stdio: broken
//! framing and messages, positions and edits that point nowhere, bad files in
//! the workspace, a flood of edits, and writes to `marginalia.toml` that must
//! lose nothing. After each bad message the server has to prove that it still
//! serves by answering a request.
//!
//! Measurements are printed (run with `--nocapture` to see them).

use std::time::{Duration, Instant};

use crate::support::{self, Client, TIMEOUT, capabilities, frame, uri};
use serde_json::{Value, json};

const TROOPS: &str = "North Korea has deployed 3,000 troops to Russia.\n";

fn no_debounce() -> Value {
    json!({"debounce_ms": 0})
}

/// A request body.
fn request_body(id: i64, method: &str, params: Value) -> String {
    json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}).to_string()
}

/// Proves that the server still reads and answers requests.
fn assert_serves(client: &mut Client) {
    let answer = client.request("workspace/symbol", json!({"query": "Korea"}));
    assert!(answer.get("error").is_none(), "{answer}");
    assert!(answer["result"].is_array(), "{answer}");
}

/// Waits for the response to request `id`.
fn answer_to(client: &mut Client, id: i64) -> Value {
    client.response(&json!(id))
}

/// Waits for an error answer with a null id (to a message without a usable id).
fn null_id_error(client: &mut Client) -> Value {
    client
        .wait_for(TIMEOUT, |m| {
            m.get("error").is_some() && m.get("id") == Some(&Value::Null)
        })
        .expect("an error answer with a null id")
}

fn started() -> (tempfile::TempDir, Client) {
    let dir = tempfile::tempdir().unwrap();
    let client = Client::start(dir.path(), capabilities(false), no_debounce());
    (dir, client)
}

// --- Framing -------------------------------------------------------------------

#[test]
fn a_content_length_too_small_is_answered_and_the_next_message_is_served() {
    let (_dir, mut client) = started();
    // One byte short: the body is cut before its closing brace, and the
    // rest runs into the next frame's header with no line break between.
    let body = request_body(70, "workspace/symbol", json!({"query": "x"}));
    client.write_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len() - 1).as_bytes());
    client.write_raw(&frame(&request_body(
        71,
        "workspace/symbol",
        json!({"query": "y"}),
    )));
    assert_eq!(null_id_error(&mut client)["error"]["code"], -32700);
    assert!(answer_to(&mut client, 71)["result"].is_array());
    // Cut inside a two-byte character: what is left over is not UTF-8.
    let body = request_body(72, "workspace/symbol", json!({"query": "é"}));
    let cut = body.find('é').unwrap() + 1;
    client.write_raw(format!("Content-Length: {cut}\r\n\r\n{body}").as_bytes());
    client.write_raw(&frame(&request_body(
        73,
        "workspace/symbol",
        json!({"query": "z"}),
    )));
    assert_eq!(null_id_error(&mut client)["error"]["code"], -32700);
    assert!(answer_to(&mut client, 73)["result"].is_array());
    assert_serves(&mut client);
}

#[test]
fn a_content_length_too_large_does_not_swallow_the_messages_behind_it() {
    let (_dir, mut client) = started();
    // The body is complete and valid; the length claims 40 bytes more, which
    // would be taken from the frames behind it.
    let body = request_body(80, "workspace/symbol", json!({"query": "a"}));
    client.write_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len() + 40).as_bytes());
    client.write_raw(&frame(&request_body(
        81,
        "workspace/symbol",
        json!({"query": "b"}),
    )));
    client.write_raw(&frame(&request_body(
        82,
        "workspace/symbol",
        json!({"query": "c"}),
    )));
    for id in [80, 81, 82] {
        let answer = answer_to(&mut client, id);
        assert!(answer["result"].is_array(), "{id}: {answer}");
    }
    assert_serves(&mut client);
    assert!(client.log().contains("Content-Length"), "{}", client.log());
}

#[test]
fn a_content_length_too_large_then_shutdown_and_exit_ends_the_process() {
    let (_dir, mut client) = started();
    let body = request_body(90, "workspace/symbol", json!({"query": "a"}));
    // Claims a megabyte; nothing more will come but shutdown and exit.
    client.write_raw(format!("Content-Length: 1048576\r\n\r\n{body}").as_bytes());
    let (elapsed, code) = client.shutdown_and_exit();
    assert!(elapsed < Duration::from_secs(2), "took {elapsed:?}");
    assert_eq!(code, Some(0));
}

#[test]
fn a_body_cut_short_by_the_end_of_input_ends_the_process() {
    let (_dir, mut client) = started();
    client.write_raw(b"Content-Length: 1000\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 1");
    client.close_stdin();
    // No shutdown was asked for: exit code 1, and promptly.
    let started = Instant::now();
    assert_eq!(client.wait_exit(Duration::from_secs(5)), Some(1));
    assert!(started.elapsed() < Duration::from_secs(2));
    let log = client.log();
    assert!(!log.contains("panicked"), "{log}");
}

#[test]
fn frames_without_a_usable_content_length_are_skipped() {
    let (_dir, mut client) = started();
    let headers = [
        "Content-Length: abc\r\n".to_string(),
        "Content-Length: -5\r\n".to_string(),
        "Content-Length: 99999999999999999999999\r\n".to_string(),
        // Over the largest message accepted (256 MiB).
        format!("Content-Length: {}\r\n", 300 * 1024 * 1024),
        "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n".to_string(),
        "Content-Length 52\r\n".to_string(),
    ];
    for (i, header) in headers.iter().enumerate() {
        let id = 100 + 2 * i as i64;
        let body = request_body(id, "workspace/symbol", json!({"query": "lost"}));
        client.write_raw(format!("{header}\r\n{body}").as_bytes());
        client.write_raw(&frame(&request_body(
            id + 1,
            "workspace/symbol",
            json!({"query": "kept"}),
        )));
        let answer = answer_to(&mut client, id + 1);
        assert!(answer["result"].is_array(), "after {header:?}: {answer}");
    }
    // A body with no header at all, then a frame.
    client.write_raw(request_body(120, "workspace/symbol", json!({"query": ""})).as_bytes());
    client.write_raw(&frame(&request_body(
        121,
        "workspace/symbol",
        json!({"query": ""}),
    )));
    let answer = answer_to(&mut client, 121);
    assert!(answer["result"].is_array(), "{answer} {}", client.log());
    // Stray blank lines and lower-case header names are fine.
    client.write_raw(b"\r\n\r\n");
    let body = request_body(122, "workspace/symbol", json!({"query": ""}));
    client.write_raw(format!("content-length:{}\r\n\r\n{body}", body.len()).as_bytes());
    assert!(answer_to(&mut client, 122)["result"].is_array());
    assert_serves(&mut client);
}

#[test]
fn binary_garbage_between_frames_is_skipped() {
    let (_dir, mut client) = started();
    client.write_raw(b"\xff\xfe\x00\x01\x80garbage\r\n\xc3\r\n\r\n");
    client.write_raw(&frame(&request_body(
        130,
        "workspace/symbol",
        json!({"query": ""}),
    )));
    let answer = answer_to(&mut client, 130);
    assert!(answer["result"].is_array(), "{answer} {}", client.log());
    assert_serves(&mut client);
}

// --- Messages ------------------------------------------------------------------

#[test]
fn json_that_is_not_json_rpc_is_an_invalid_request() {
    let (_dir, mut client) = started();
    for body in [
        r#"{"hello": "world"}"#,
        r#"{"jsonrpc": "2.0", "id": 5, "method": 42}"#,
        r#"{"jsonrpc": "2.0", "id": {"nested": true}, "method": "workspace/symbol"}"#,
        r#""just a string""#,
        "null",
        "[]",
    ] {
        client.write_raw(&frame(body));
        let error = null_id_error(&mut client);
        assert_eq!(error["error"]["code"], -32600, "{body}: {error}");
        assert_serves(&mut client);
    }
}

#[test]
fn parameters_of_the_wrong_shape_are_invalid_params() {
    let (_dir, mut client) = started();
    let answer = client.request("textDocument/hover", json!("not an object"));
    assert_eq!(answer["error"]["code"], -32602, "{answer}");
    let answer = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "not a uri at all"}, "position": {"line": -1, "character": 0}}),
    );
    assert_eq!(answer["error"]["code"], -32602, "{answer}");
    // A notification of the wrong shape has no one to answer: it is dropped.
    client.notify("textDocument/didChange", json!({"textDocument": 5}));
    client.notify("textDocument/didOpen", json!([]));
    assert_serves(&mut client);
    std::thread::sleep(Duration::from_millis(100));
    let log = client.log();
    assert!(
        log.contains("bad didChange") && log.contains("bad didOpen"),
        "{log}"
    );
}

#[test]
fn unknown_requests_are_method_not_found_and_unknown_notifications_are_ignored() {
    let (_dir, mut client) = started();
    let answer = client.request("$/marginalia/unheardOf", json!({}));
    assert_eq!(answer["error"]["code"], -32601, "{answer}");
    let answer = client.request("textDocument/unheardOf", Value::Null);
    assert_eq!(answer["error"]["code"], -32601, "{answer}");
    client.notify("marginalia/unheardOf", json!({"x": 1}));
    client.notify("$/unheardOf", json!({}));
    client.notify("$/cancelRequest", json!({"id": 99999}));
    assert_serves(&mut client);
    // Nothing answered the notifications.
    assert!(
        client
            .wait_for(Duration::from_millis(200), |m| m.get("error").is_some())
            .is_none()
    );
}

#[test]
fn requests_before_initialize_are_refused_and_initialize_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::spawn();
    for method in ["workspace/symbol", "shutdown", "marginalia/desk"] {
        let params = if method == "workspace/symbol" {
            json!({"query": ""})
        } else {
            Value::Null
        };
        let answer = client.request(method, params);
        assert_eq!(answer["error"]["code"], -32002, "{method}: {answer}");
    }
    // Dropped: the server is not initialized.
    let early = uri(&dir.path().join("early.md"));
    client.open(&early, "markdown", "too early");
    // Now a client that does not wait for the answer to initialize.
    client.send(&json!({
        "jsonrpc": "2.0", "id": 1000, "method": "initialize",
        "params": {"processId": null, "rootUri": uri(dir.path()), "capabilities": {}}
    }));
    client.notify("initialized", json!({}));
    let doc = uri(&dir.path().join("a.md"));
    client.open(&doc, "markdown", "on time");
    let initialize = client.response(&json!(1000));
    assert!(
        initialize["result"]["capabilities"].is_object(),
        "{initialize}"
    );
    assert_eq!(client.text(&doc)["text"], "on time");
    assert_eq!(client.text(&early), Value::Null);
    // A second initialize is refused.
    let again = client.request("initialize", json!({"capabilities": {}}));
    assert_eq!(again["error"]["code"], -32600, "{again}");
    assert_serves(&mut client);
}

// --- Positions and documents that point nowhere ----------------------------------

#[test]
fn positions_beyond_the_end_give_empty_or_clamped_results() {
    for utf8 in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let mut client = Client::start(dir.path(), capabilities(utf8), no_debounce());
        let doc = uri(&dir.path().join("a.md"));
        client.open(
            &doc,
            "markdown",
            &format!("{TROOPS}Kim Jong Un’s 😀 envoy\r\nNorth Korea"),
        );
        let far = [
            json!({"line": 2, "character": 4000}),
            json!({"line": 4000, "character": 0}),
            json!({"line": 0, "character": u32::MAX}),
            json!({"line": u32::MAX, "character": u32::MAX}),
        ];
        let id = json!({"uri": doc});
        for position in &far {
            let at = json!({"textDocument": id, "position": position});
            let with = |extra: Value| {
                let mut params = at.clone();
                params
                    .as_object_mut()
                    .unwrap()
                    .extend(extra.as_object().unwrap().clone());
                params
            };
            for (method, params) in [
                ("textDocument/hover", at.clone()),
                ("textDocument/definition", at.clone()),
                (
                    "textDocument/references",
                    with(json!({"context": {"includeDeclaration": true}})),
                ),
                ("textDocument/documentHighlight", at.clone()),
                ("textDocument/prepareRename", at.clone()),
                ("textDocument/rename", with(json!({"newName": "DPRK"}))),
                ("textDocument/completion", at.clone()),
            ] {
                let answer = client.request(method, params);
                assert!(
                    answer.get("error").is_none(),
                    "{method} at {position}: {answer}"
                );
                if let Some(items) = answer["result"].as_array() {
                    for item in items {
                        let line = item["range"]["start"]["line"].as_u64().unwrap_or(0);
                        assert!(line <= 2, "{method}: {item}");
                    }
                }
            }
            let range = json!({"start": {"line": 0, "character": 0}, "end": position});
            for method in [
                "textDocument/semanticTokens/range",
                "textDocument/inlayHint",
            ] {
                let answer = client.request(method, json!({"textDocument": id, "range": range}));
                assert!(
                    answer.get("error").is_none(),
                    "{method} to {position}: {answer}"
                );
            }
            let actions = client.request(
                "textDocument/codeAction",
                json!({"textDocument": id, "range": {"start": position, "end": position}, "context": {"diagnostics": []}}),
            );
            assert!(actions.get("error").is_none(), "{actions}");
        }
        // A range from the start to far beyond the end is the whole document;
        // a reversed one is the same range.
        let full = client.request(
            "textDocument/semanticTokens/full",
            json!({"textDocument": id}),
        );
        let beyond = client.request(
            "textDocument/semanticTokens/range",
            json!({"textDocument": id, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 4000, "character": 9}}}),
        );
        let reversed = client.request(
            "textDocument/semanticTokens/range",
            json!({"textDocument": id, "range": {"start": {"line": 4000, "character": 9}, "end": {"line": 0, "character": 0}}}),
        );
        assert!(
            !full["result"]["data"].as_array().unwrap().is_empty(),
            "{full}"
        );
        assert_eq!(beyond["result"]["data"], full["result"]["data"]);
        assert_eq!(reversed["result"]["data"], full["result"]["data"]);
        // The last name, with the position past the end of the last line,
        // clamps onto it.
        let last = client.hover(&doc, 2, 4000);
        let text = last["contents"]["value"].as_str().unwrap_or_default();
        assert!(text.contains("North Korea"), "{last}");
        assert!(!client.log().contains("failed"), "{}", client.log());
    }
}

#[test]
fn edits_and_closes_of_unknown_documents_are_ignored_and_logged() {
    let (dir, mut client) = started();
    let doc = uri(&dir.path().join("a.md"));
    client.open(&doc, "markdown", TROOPS);
    let ghost = uri(&dir.path().join("ghost.md"));
    client.change(&ghost, 2, [(0, 0), (0, 0)], "boo");
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": ghost}}),
    );
    // A full-text change to a document that was never opened does not open it.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": ghost, "version": 3}, "contentChanges": [{"text": "boo"}]}),
    );
    // Not a file, not an article.
    client.change("untitled:Untitled-1", 2, [(0, 0), (0, 0)], "x");
    client.open("file:///tmp/notes.rs", "rust", "fn main() {}");
    assert_eq!(client.text(&ghost), Value::Null);
    let entries = support::desk(&mut client);
    assert_eq!(entries, vec![(doc.clone(), Some(1), TROOPS.len() as u64)]);
    std::thread::sleep(Duration::from_millis(100));
    let log = client.log();
    assert!(
        log.contains("edit to unknown document") && log.contains("ghost.md"),
        "{log}"
    );
    assert!(log.contains("not an article"), "{log}");
    assert_serves(&mut client);
}

// --- Bad files in the workspace --------------------------------------------------

/// A news-like line of about `bytes` bytes, without line breaks.
fn long_line(bytes: usize) -> String {
    const SENTENCES: &[&str] = &[
        "North Korea has sent at least 3,000 troops to Russia, according to officials in Seoul.",
        "Kim Jong Un’s army lost about 1,200 soldiers — “a heavy toll,” Zelensky said.",
        "The Pentagon estimated 12,000 troops in all; NATO put it at 11,000 in October 2024.",
    ];
    let mut text = String::with_capacity(bytes + 100);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(SENTENCES[i % SENTENCES.len()]);
        text.push(' ');
        i += 1;
    }
    text
}

#[test]
fn bad_files_in_the_workspace_are_skipped_and_the_rest_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let good = support::write(dir.path(), "good.md", TROOPS);
    // 50 MB, over the default max_file_size of 10 MB.
    let huge = long_line(50 * 1024 * 1024).replace(". ", ".\n\n");
    support::write(dir.path(), "desk/huge.md", &huge);
    support::write(
        dir.path(),
        "desk/binary.md",
        b"PK\x03\x04\0\0\x14\0 North Korea\0",
    );
    support::write(
        dir.path(),
        "desk/latin1.txt",
        b"Caf\xe9 au lait in Seoul.\n",
    );
    support::write(
        dir.path(),
        "desk/truncated.md",
        "Kim Jong Un 🪖".as_bytes().split_last().unwrap().1,
    );
    let one_line = long_line(1024 * 1024);
    let line = support::write(dir.path(), "desk/line.txt", &one_line);
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    let end = support::wait_for_index(&mut client);
    assert_eq!(end["params"]["value"]["message"], "2 articles", "{end}");
    let entries: Vec<String> = support::desk(&mut client)
        .into_iter()
        .map(|e| e.0)
        .collect();
    assert_eq!(entries, vec![line.clone(), good]);
    std::thread::sleep(Duration::from_millis(100));
    let log = client.log();
    for (name, reason) in [
        ("huge.md", "max_file_size"),
        ("binary.md", "binary"),
        ("latin1.txt", "UTF-8"),
        ("truncated.md", "UTF-8"),
    ] {
        assert!(
            log.lines().any(|l| l.contains(name) && l.contains(reason)),
            "{name}: {log}"
        );
    }
    // The single-line megabyte is served, far along its one line.
    let last = one_line.rfind("North Korea").unwrap();
    let column = one_line[..last].encode_utf16().count() as u32;
    let far = client.hover(&line, 0, column + 2);
    let text = far["contents"]["value"].as_str().unwrap_or_default();
    assert!(text.contains("North Korea"), "{far}");
    assert_serves(&mut client);
}

/// Peak memory allowed to the server for a desk, from BENCHMARKS.md. It was
/// 500 MB until the desk kept an index of name forms for incremental
/// resolution (peaks of 464 to 531 MB measured on 2026-12-01 on the
/// 100,000-article desk below); bringing it back down is open work.
const MEMORY_TARGET_KIB: u64 = 600 * 1024;

/// Writes `count` one-line articles in folders of a thousand; their paths.
fn one_line_articles(root: &std::path::Path, count: usize) -> Vec<std::path::PathBuf> {
    let mut paths = Vec::with_capacity(count);
    for i in 0..count {
        let folder = root.join(format!("{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&folder).unwrap();
        }
        let ext = if i % 2 == 0 { "md" } else { "txt" };
        let path = folder.join(format!("{i}.{ext}"));
        std::fs::write(
            &path,
            format!(
                "Article {i}: North Korea sent {} troops to Russia, officials said.\n",
                1000 + i % 7
            ),
        )
        .unwrap();
        paths.push(path);
    }
    paths
}

/// Indexes 100,000 one-line articles that all restate one claim with seven
/// values (the worst case of BENCHMARKS.md) and checks that they are all
/// served, then waits for every article's diagnostics.
/// Returns the server's peak resident memory in KiB.
fn hundred_thousand_articles() -> u64 {
    // On the disk, not in memory: files read faster than the server
    // analyses them raise its peak, and the target is for a desk on disk.
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    one_line_articles(&dir.path().join("desk"), 100_000);
    eprintln!("[measure] writing 100,000 files: {:.2?}", started.elapsed());
    let started = Instant::now();
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    let end = support::wait_for_index_within(&mut client, Duration::from_secs(300));
    let indexed = started.elapsed();
    assert_eq!(
        end["params"]["value"]["message"], "100000 articles",
        "{end}"
    );
    // A request waits for the analysis of the whole desk.
    let symbols = client.request("workspace/symbol", json!({"query": "Article 99999"}));
    assert!(symbols["result"].is_array(), "{symbols}");
    let answered = started.elapsed();
    let is_diagnostics = |m: &Value| m["method"] == "textDocument/publishDiagnostics";
    // Those that came before the answer are counted in one pass: taking
    // them one by one from the front of `seen` costs the test, not the
    // server, time quadratic in their number.
    let mut published = client.seen.iter().filter(|m| is_diagnostics(m)).count();
    client.seen.retain(|m| !is_diagnostics(m));
    while published < 100_000 {
        let diagnostics = client.wait_for(Duration::from_secs(60), is_diagnostics);
        assert!(diagnostics.is_some(), "{published} diagnostics so far");
        published += 1;
    }
    let peak = support::proc_status_kib(client.pid(), "VmHWM").expect("VmHWM");
    eprintln!(
        "[measure] 100,000 one-line articles: indexed in {indexed:.2?}, first answer after \
         {answered:.2?}, diagnostics of {published} articles after {:.2?}, peak RSS {peak} KiB",
        started.elapsed()
    );
    peak
}

/// Indexed, served, every article's diagnostics published, and the peak
/// resident memory within the target of BENCHMARKS.md (debug build).
#[test]
fn a_hundred_thousand_one_line_articles_stay_within_the_memory_target() {
    let peak = hundred_thousand_articles();
    assert!(
        peak < MEMORY_TARGET_KIB,
        "peak RSS {peak} KiB is over the target of {MEMORY_TARGET_KIB} KiB"
    );
}

/// The articles on disk under `root`, as URIs, sorted.
fn articles_on_disk(root: &std::path::Path) -> Vec<String> {
    fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "md" || e == "txt") {
                out.push(uri(&path));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, &mut out);
    out.sort();
    out
}

#[test]
fn files_deleted_and_renamed_while_indexing_leave_the_desk_as_the_disk_is() {
    let dir = support::scratch_dir();
    let desk_dir = dir.path().join("desk");
    let paths = one_line_articles(&desk_dir, 20_000);
    let started = Instant::now();
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    // While the server walks and reads: delete every seventh article and
    // rename every eleventh, telling the server as an editor would.
    let mut events = Vec::new();
    let mut all_events = Vec::new();
    for (i, path) in paths.iter().enumerate() {
        if i % 7 == 3 {
            events.push(json!({"uri": uri(path), "type": 3}));
            std::fs::remove_file(path).unwrap();
        } else if i % 11 == 5 {
            let renamed = path.with_file_name(format!("{i}-renamed.md"));
            events.push(json!({"uri": uri(path), "type": 3}));
            std::fs::rename(path, &renamed).unwrap();
            events.push(json!({"uri": uri(&renamed), "type": 1}));
        }
        if events.len() >= 200 || i + 1 == paths.len() {
            client.notify(
                "workspace/didChangeWatchedFiles",
                json!({"changes": events}),
            );
            all_events.append(&mut events);
        }
    }
    let changed = started.elapsed();
    let end = support::wait_for_index_within(&mut client, Duration::from_secs(120));
    eprintln!(
        "[measure] {} file events sent within {changed:.2?}; indexing ended after {:.2?} ({})",
        all_events.len(),
        started.elapsed(),
        end["params"]["value"]["message"]
    );
    let on_disk = articles_on_disk(&desk_dir);
    let desk = |client: &mut Client| -> Vec<String> {
        support::desk(client).into_iter().map(|e| e.0).collect()
    };
    let differences = |desk: &[String]| -> (Vec<String>, Vec<String>) {
        let stale = desk.iter().filter(|u| on_disk.binary_search(u).is_err());
        let missing = on_disk.iter().filter(|u| desk.binary_search(u).is_err());
        (stale.cloned().collect(), missing.cloned().collect())
    };
    assert!(client.is_running());
    let (stale, missing) = differences(&desk(&mut client));
    assert!(
        stale.is_empty() && missing.is_empty(),
        "after the events sent while indexing: {} not on disk ({:?}), {} missing ({:?})",
        stale.len(),
        stale.first(),
        missing.len(),
        missing.first()
    );
    // The same events once more change nothing.
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": all_events}),
    );
    assert_eq!(differences(&desk(&mut client)), (vec![], vec![]));
    assert!(!client.log().contains("panicked"), "{}", client.log());
    eprintln!("[measure] whole test body: {:.2?}", started.elapsed());
}

#[test]
fn a_folder_deleted_or_renamed_in_one_event_takes_its_articles_along() {
    let dir = tempfile::tempdir().unwrap();
    let desk_dir = dir.path().join("desk");
    one_line_articles(&desk_dir, 3000);
    support::write(dir.path(), "marginalia.toml", "exclude = [\"drafts/**\"]\n");
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    support::wait_for_index(&mut client);
    let desk = |client: &mut Client| -> Vec<String> {
        support::desk(client).into_iter().map(|e| e.0).collect()
    };
    assert_eq!(desk(&mut client).len(), 3000);
    // Editors report a deleted or renamed folder as one event for the folder.
    let gone = uri(&desk_dir.join("000"));
    std::fs::remove_dir_all(desk_dir.join("000")).unwrap();
    let old = uri(&desk_dir.join("001"));
    std::fs::rename(desk_dir.join("001"), desk_dir.join("moved")).unwrap();
    let moved = uri(&desk_dir.join("moved"));
    // Moved where the config's globs leave it out.
    let excluded_old = uri(&desk_dir.join("002"));
    std::fs::rename(desk_dir.join("002"), dir.path().join("drafts")).unwrap();
    let excluded_new = uri(&dir.path().join("drafts"));
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [
            {"uri": gone, "type": 3},
            {"uri": old, "type": 3},
            {"uri": moved, "type": 1},
            {"uri": excluded_old, "type": 3},
            {"uri": excluded_new, "type": 1},
        ]}),
    );
    let entries = desk(&mut client);
    assert_eq!(entries, articles_on_disk(&desk_dir));
    assert_eq!(entries.len(), 1000);
    assert!(entries[0].contains("/desk/moved/"), "{}", entries[0]);
}

// --- Load ----------------------------------------------------------------------

/// One `didChange` frame replacing a range of line/character positions.
fn change_frame(doc: &str, version: i32, range: [(u32, u32); 2], text: &str) -> Vec<u8> {
    frame(
        &json!({
            "jsonrpc": "2.0",
            "method": "textDocument/didChange",
            "params": {
                "textDocument": {"uri": doc, "version": version},
                "contentChanges": [{
                    "range": {
                        "start": {"line": range[0].0, "character": range[0].1},
                        "end": {"line": range[1].0, "character": range[1].1}
                    },
                    "text": text
                }]
            }
        })
        .to_string(),
    )
}

#[test]
fn a_thousand_edits_at_full_speed_end_in_the_right_text_and_memory_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    let pid = client.pid();
    let reference = uri(&dir.path().join("reference.md"));
    client.open(
        &reference,
        "markdown",
        "North Korea has deployed 11,000 troops to Russia.\n",
    );
    let doc = uri(&dir.path().join("edited.md"));
    client.open(&doc, "markdown", TROOPS);
    client
        .diagnostics(&doc, |d| d.iter().any(|d| d["code"] == "figure-conflict"))
        .expect("a conflict with the reference");
    assert!(client.hover(&doc, 0, 26)["contents"]["value"].is_string());
    std::thread::sleep(Duration::from_millis(500));
    let before = support::proc_status_kib(pid, "VmRSS").expect("VmRSS");

    // 1,000 edits, written in one go without reading: a second sentence typed
    // a character at a time, then the first sentence's figure rewritten
    // again and again (five characters each time), ending on a value used
    // only at the end.
    let typed = "Officials in Seoul said Kim Jong Un’s army sent them in October.";
    let mut frames: Vec<u8> = Vec::new();
    let mut version = 1;
    let mut column = 0;
    for c in typed.chars() {
        version += 1;
        frames.extend(change_frame(
            &doc,
            version,
            [(1, column), (1, column)],
            &c.to_string(),
        ));
        column += c.len_utf16() as u32;
    }
    let mut figure = String::new();
    while version < 1001 {
        version += 1;
        figure = if version == 1001 {
            "9,999".to_string()
        } else {
            let value = 1000 + (version * 7) % 8000;
            format!("{},{:03}", value / 1000, value % 1000)
        };
        frames.extend(change_frame(&doc, version, [(0, 25), (0, 30)], &figure));
    }
    let started = Instant::now();
    client.write_raw(&frames);
    let written = started.elapsed();
    let expected = format!("North Korea has deployed {figure} troops to Russia.\n{typed}");
    let text = client.text(&doc);
    assert_eq!(text["text"], expected.as_str());
    assert_eq!(text["version"], 1001);
    let applied = started.elapsed();
    let hover = client.hover(&doc, 0, 26);
    let shown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        shown.contains("9,999") && shown.contains("troops"),
        "{hover}"
    );
    let kim = client.hover(&doc, 1, 25);
    let shown = kim["contents"]["value"].as_str().unwrap_or_default();
    assert!(shown.contains("Kim Jong Un"), "{kim}");
    // Settled: the diagnostics of the last version are out.
    let last = client.wait_for(TIMEOUT, |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == doc.as_str()
            && m["params"]["version"] == 1001
    });
    assert!(last.is_some(), "diagnostics for version 1001");
    let settled = started.elapsed();
    std::thread::sleep(Duration::from_millis(500));
    let after = support::proc_status_kib(pid, "VmRSS").expect("VmRSS");
    let peak = support::proc_status_kib(pid, "VmHWM").expect("VmHWM");
    eprintln!(
        "[measure] 1,000 edits: written in {written:.2?}, applied by {applied:.2?}, \
         diagnostics settled by {settled:.2?}; RSS before {before} KiB, after {after} KiB, \
         peak {peak} KiB"
    );
    let allowed = (before + before / 4).max(before + 20 * 1024);
    assert!(
        after <= allowed,
        "RSS {after} KiB after the load, {before} KiB before (allowed {allowed} KiB)"
    );
    assert_serves(&mut client);
}

// --- Writes to marginalia.toml ----------------------------------------------------

/// The byte offset of an LSP position in `text` (lines end at \r\n, \n or \r).
fn byte_offset(text: &str, position: &Value, utf8: bool) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let bytes = text.as_bytes();
    let mut start = 0;
    for _ in 0..line {
        let Some(end) = bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
        else {
            return text.len();
        };
        start += end
            + if bytes[start + end..].starts_with(b"\r\n") {
                2
            } else {
                1
            };
    }
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' || c == '\r' {
            return start + i;
        }
        units += if utf8 { c.len_utf8() } else { c.len_utf16() };
    }
    text.len()
}

/// Applies text edits as an editor does.
fn apply_edits(text: &str, edits: &[Value], utf8: bool) -> String {
    let mut ranges: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                byte_offset(text, &e["range"]["start"], utf8),
                byte_offset(text, &e["range"]["end"], utf8),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    ranges.sort_by_key(|r| std::cmp::Reverse(r.0));
    let mut out = text.to_string();
    for (start, end, with) in ranges {
        out.replace_range(start..end, with);
    }
    out
}

/// A config with comments, odd spacing, \r\n line ends, non-ASCII text and a
/// last section without a line end.
const CONFIG: &str = "# Desk settings — “Seoul bureau” ✓\r\n\
    debounce_ms   =   0   # at once\r\n\
    \r\n\
    ignore = [ \"Hermit Kingdom\" ,\"Zoë\"  ]\r\n\
    \r\n\
    [rules]\r\n\
    # keep this comment\r\n\
    arithmetic=\"error\"";

#[test]
fn config_actions_keep_every_other_byte_of_marginalia_toml() {
    for utf8 in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let config = support::write(dir.path(), "marginalia.toml", CONFIG);
        let mut client = Client::start(dir.path(), capabilities(utf8), no_debounce());
        support::wait_for_index(&mut client);
        let doc = uri(&dir.path().join("a.md"));
        let text = "Kim Jong Un’s army sent 3,000 troops to Russia.\n";
        client.open(&doc, "markdown", text);
        let answer = client.request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": doc},
                "range": {"start": {"line": 0, "character": 1}, "end": {"line": 0, "character": 1}},
                "context": {"diagnostics": []}
            }),
        );
        let actions = answer["result"].as_array().cloned().unwrap_or_default();
        let edit_of = |title: &str| -> Vec<Value> {
            let action = actions
                .iter()
                .find(|a| a["title"].as_str().unwrap_or_default().starts_with(title))
                .unwrap_or_else(|| panic!("no “{title}” among {answer}"));
            let edits = action["edit"]["changes"][config.as_str()]
                .as_array()
                .cloned()
                .unwrap_or_else(|| panic!("an edit of marginalia.toml: {action}"));
            // One insertion: nothing else is touched.
            assert_eq!(edits.len(), 1, "{action}");
            assert_eq!(
                edits[0]["range"]["start"], edits[0]["range"]["end"],
                "{action}"
            );
            edits
        };
        let added = apply_edits(
            CONFIG,
            &edit_of("Add “Kim Jong Un” to marginalia.toml"),
            utf8,
        );
        let expected =
            format!("{CONFIG}\r\n\r\n[[entity]]\r\nname = \"Kim Jong Un\"\r\nkind = \"person\"");
        assert_eq!(added, expected, "utf-8: {utf8}");
        let ignored = apply_edits(
            CONFIG,
            &edit_of("Never treat “Kim Jong Un” as a name"),
            utf8,
        );
        let expected = CONFIG.replace("\"Zoë\"  ]", "\"Zoë\"  , \"Kim Jong Un\"]");
        assert_eq!(ignored, expected, "utf-8: {utf8}");
        // The file itself is the editor's to change: untouched.
        assert_eq!(
            std::fs::read_to_string(dir.path().join("marginalia.toml")).unwrap(),
            CONFIG
        );
    }
}

/// The server runs with a file size limit of 0 (and SIGXFSZ ignored), so
/// that every write to a file fails with EFBIG even for root, which a
/// read-only folder would not stop.
fn server_that_cannot_write_files() -> std::process::Command {
    let mut command = std::process::Command::new("sh");
    command
        .env("MARGINALIA_NO_CACHE", "1")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 0; exec \"$0\" lsp")
        .arg(env!("CARGO_BIN_EXE_marginalia"));
    command
}

#[test]
fn a_failed_config_write_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    support::write(dir.path(), "marginalia.toml", CONFIG);
    let mut client = Client::start_command(
        server_that_cannot_write_files(),
        dir.path(),
        json!({}),
        no_debounce(),
    );
    let path = dir.path().canonicalize().unwrap().join("marginalia.toml");
    let answer = client.request(
        "workspace/executeCommand",
        json!({
            "command": "marginalia.writeConfig",
            "arguments": [path.to_string_lossy(), "debounce_ms = 5\nignore = [\"Kim Jong Un\"]\n"]
        }),
    );
    assert!(answer.get("error").is_none(), "{answer}");
    let message = client
        .wait_for(TIMEOUT, |m| m["method"] == "window/showMessage")
        .expect("the failure is shown");
    assert_eq!(message["params"]["type"], 1, "an error: {message}");
    let shown = message["params"]["message"].as_str().unwrap_or_default();
    assert!(shown.contains("cannot write marginalia.toml"), "{shown}");
    eprintln!("[note] the failed write is shown as: {shown}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), CONFIG);
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        left,
        ["marginalia.toml"],
        "no temporary file is left behind"
    );
    assert_serves(&mut client);
}
