//! End-to-end tests of the language server: the real binary over stdio, each
//! test in a fresh temporary folder.

use std::time::Duration;

use crate::support::{Client, TIMEOUT, capabilities, desk, uri, wait_for_index, write};
use serde_json::{Value, json};

const TROOPS_A: &str = "North Korea has deployed 3,000 troops to Russia.\n";
const TROOPS_B: &str = "North Korea has deployed 11,000 troops to Russia.\n";

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .filter_map(|d| d["code"].as_str().map(str::to_string))
        .collect()
}

fn has_code(diagnostics: &[Value], code: &str) -> bool {
    codes(diagnostics).iter().any(|c| c == code)
}

fn no_debounce() -> Value {
    json!({"debounce_ms": 0})
}

// --- Start-up and capabilities -------------------------------------------

#[test]
fn initialize_negotiates_utf8_when_offered_and_utf16_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let client = Client::start(dir.path(), capabilities(true), no_debounce());
    let caps = &client.initialize_result["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-8");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    for provider in [
        "hoverProvider",
        "definitionProvider",
        "referencesProvider",
        "documentHighlightProvider",
        "documentSymbolProvider",
        "workspaceSymbolProvider",
        "codeActionProvider",
        "codeLensProvider",
        "completionProvider",
        "inlayHintProvider",
    ] {
        assert!(!caps[provider].is_null(), "{provider} missing: {caps}");
    }
    assert_eq!(caps["renameProvider"]["prepareProvider"], true);
    let legend = &caps["semanticTokensProvider"]["legend"]["tokenTypes"];
    assert_eq!(legend, &json!(["class", "namespace", "type", "number"]));
    assert_eq!(caps["semanticTokensProvider"]["range"], true);

    let dir = tempfile::tempdir().unwrap();
    let client = Client::start(dir.path(), capabilities(false), no_debounce());
    assert_eq!(
        client.initialize_result["capabilities"]["positionEncoding"],
        "utf-16"
    );
    let client16 = Client::start(dir.path(), json!({}), no_debounce());
    assert_eq!(
        client16.initialize_result["capabilities"]["positionEncoding"],
        "utf-16"
    );
}

// --- Text integrity --------------------------------------------------------

#[test]
fn edits_around_emoji_and_crlf_are_exact_in_utf16() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    let doc = uri(&dir.path().join("a.md"));
    client.open(&doc, "markdown", "Kim’s 😀 troops\r\nSecond line é\r\n");
    // After "Kim’s 😀 " (6 + 2 + 1 UTF-16 units).
    client.change(&doc, 2, [(0, 9), (0, 9)], "3,000 ");
    // Replace the é (line 1, after "Second line ").
    client.change(&doc, 3, [(1, 12), (1, 13)], "e");
    // Join the lines: delete the \r\n between them (clamped past line end).
    client.change(&doc, 4, [(0, 99), (1, 0)], " / ");
    let text = client.text(&doc);
    assert_eq!(text["text"], "Kim’s 😀 3,000 troops / Second line e\r\n");
    assert_eq!(text["version"], 4);
}

#[test]
fn edits_around_emoji_and_crlf_are_exact_in_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path(), capabilities(true), no_debounce());
    let doc = uri(&dir.path().join("a.txt"));
    client.open(&doc, "plaintext", "Kim’s 😀 troops\r\nSecond line é\r\n");
    // After "Kim’s 😀 " (3 + 3 + 1 + 1 + 4 + 1 bytes).
    let after_emoji = "Kim’s 😀 ".len() as u32;
    client.change(&doc, 2, [(0, after_emoji), (0, after_emoji)], "3,000 ");
    client.change(&doc, 3, [(1, 12), (1, 14)], "e");
    // A position inside the emoji rounds down to its start.
    client.change(&doc, 4, [(0, 9), (0, 9)], "[");
    let text = client.text(&doc);
    assert_eq!(text["text"], "Kim’s [😀 3,000 troops\r\nSecond line e\r\n");
}

#[test]
fn rapid_edits_apply_in_the_order_sent() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    let doc = uri(&dir.path().join("a.md"));
    client.open(&doc, "markdown", "");
    let typed = "Zelenskyy met Kim Jong Un’s envoy in Kyiv 😀 on Tuesday.\r\n";
    let mut expected = String::new();
    let mut version = 1;
    for c in typed.chars() {
        if c == '\n' {
            expected.push(c);
            continue;
        }
        // Every character goes at the end of the (single) line.
        let col: u32 = expected.encode_utf16().count() as u32;
        let text = if c == '\r' {
            "\r\n".to_string()
        } else {
            c.to_string()
        };
        version += 1;
        client.change(&doc, version, [(0, col), (0, col)], &text);
        expected.push(c);
    }
    let text = client.text(&doc);
    assert_eq!(text["text"].as_str(), Some(typed));
    assert_eq!(text["version"], version);
}

#[test]
fn old_versions_and_unknown_documents_are_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    let doc = uri(&dir.path().join("a.md"));
    client.open(&doc, "markdown", "abc");
    client.change(&doc, 5, [(0, 3), (0, 3)], "d");
    client.change(&doc, 4, [(0, 0), (0, 3)], "OLD");
    client.change(&doc, 5, [(0, 0), (0, 3)], "SAME");
    let other = uri(&dir.path().join("never-opened.md"));
    client.change(&other, 2, [(0, 0), (0, 0)], "x");
    let text = client.text(&doc);
    assert_eq!(text["text"], "abcd");
    assert_eq!(client.text(&other), Value::Null);
    // Requests about unknown documents are empty, not errors.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": other}, "position": {"line": 0, "character": 0}}),
    );
    assert!(hover.get("error").is_none(), "{hover}");
    assert_eq!(hover["result"], Value::Null);
    let symbols = client.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": other}}),
    );
    assert_eq!(symbols["result"], Value::Null);
}

#[test]
fn out_of_range_positions_clamp_instead_of_failing() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    let doc = uri(&dir.path().join("a.md"));
    client.open(&doc, "markdown", "short\n");
    client.change(&doc, 2, [(40, 7), (99, 99)], " tail");
    client.change(&doc, 3, [(0, 999), (0, 999)], "!");
    assert_eq!(client.text(&doc)["text"], "short!\n tail");
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": doc}, "position": {"line": 4000000, "character": 4000000}}),
    );
    assert!(hover.get("error").is_none(), "{hover}");
    let hints = client.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": doc}, "range": {"start": {"line": 9, "character": 9}, "end": {"line": 0, "character": 0}}}),
    );
    assert!(hints.get("error").is_none(), "{hints}");
}

// --- Robustness --------------------------------------------------------------

#[test]
fn malformed_json_gets_an_error_and_the_server_keeps_serving() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    let garbage = "{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": ";
    client.write_raw(format!("Content-Length: {}\r\n\r\n{garbage}", garbage.len()).as_bytes());
    let error = client
        .wait_for(TIMEOUT, |m| m.get("error").is_some())
        .expect("an error response");
    assert_eq!(error["error"]["code"], -32700, "{error}");
    // Valid JSON that is no message.
    let not_a_message = "[1, 2, 3]";
    client.write_raw(
        format!(
            "Content-Length: {}\r\n\r\n{not_a_message}",
            not_a_message.len()
        )
        .as_bytes(),
    );
    let doc = uri(&dir.path().join("a.md"));
    client.open(&doc, "markdown", "still here");
    assert_eq!(client.text(&doc)["text"], "still here");
    let unknown = client.request("marginalia/noSuchMethod", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
}

#[test]
fn shutdown_then_exit_ends_the_process_within_a_second() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..300 {
        write(dir.path(), &format!("articles/{i:04}.md"), TROOPS_A);
    }
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    let doc = uri(&dir.path().join("open.md"));
    client.open(&doc, "markdown", TROOPS_B);
    let (elapsed, code) = client.shutdown_and_exit();
    assert!(elapsed < Duration::from_secs(1), "took {elapsed:?}");
    assert_eq!(code, Some(0));
}

// --- Workspace and configuration ----------------------------------------------

#[test]
fn workspace_indexing_reports_progress_and_skips_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        write(dir.path(), &format!("desk/{i:02}.md"), TROOPS_A);
    }
    write(dir.path(), "notes.txt", "Plain notes.\n");
    std::fs::write(dir.path().join("binary.md"), b"abc\0def").unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"caf\xe9\n").unwrap();
    std::fs::write(dir.path().join(".gitignore"), "ignored/\n").unwrap();
    write(dir.path(), "ignored/x.md", TROOPS_B);
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    let create = client
        .wait_for(TIMEOUT, |m| m["method"] == "window/workDoneProgress/create")
        .expect("a progress token is created");
    let token = create["params"]["token"].clone();
    let begin = client
        .wait_for(TIMEOUT, |m| {
            m["method"] == "$/progress" && m["params"]["value"]["kind"] == "begin"
        })
        .expect("progress begins");
    assert_eq!(begin["params"]["token"], token);
    let end = client
        .wait_for(TIMEOUT, |m| {
            m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end"
        })
        .expect("progress ends");
    assert_eq!(end["params"]["value"]["message"], "41 articles", "{end}");
    let registration = client
        .wait_for(TIMEOUT, |m| m["method"] == "client/registerCapability")
        .expect("watched files are registered");
    let watchers = &registration["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert_eq!(watchers[0]["globPattern"], "**/*.{md,markdown,txt}");
    assert_eq!(watchers[1]["globPattern"], "**/marginalia.toml");
    // Give stderr a moment.
    std::thread::sleep(Duration::from_millis(200));
    let log = client.log();
    assert!(log.contains("binary.md") && log.contains("binary"), "{log}");
    assert!(log.contains("latin1.txt") && log.contains("UTF-8"), "{log}");
    // Notices reach the client's log with their kind, not stderr.
    let notices = client.notices();
    assert!(notices.contains("[info] indexed 41 articles"), "{notices}");
    assert!(notices.contains("[warning] skipped"), "{notices}");
    assert!(!client.stderr.lock().unwrap().contains("indexed"), "{log}");
}

/// An article of a desk that is not about the open one: prose with names
/// and figures, different in each copy so that none is a repeat.
fn filler_article(i: usize) -> String {
    let mut text = format!("# Harbour report {i}\n\n");
    for p in 0..12 {
        text.push_str(&format!(
            "Mayor Ilsa Brenmark said on Tuesday that {} boats had left the harbour at \
             Kestrel Bay, and that {} more would follow before the winter. The council \
             of Dorran Vale approved a budget of ${} million for the quays, {} more than \
             last year, after a debate that lasted {} hours.\n\n",
            100 + i * 13 + p,
            20 + p,
            3 + (i + p) % 40,
            p + 1,
            2 + p % 5,
        ));
    }
    text
}

#[test]
fn an_article_opened_while_the_desk_indexes_gets_its_own_findings_first() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..FILLER_ARTICLES {
        write(
            dir.path(),
            &format!("desk/{:02}/{i:04}.md", i % 20),
            filler_article(i),
        );
    }
    write(dir.path(), "desk/other.md", TROOPS_B);
    // Its own finding (parts that do not make their total) needs no other
    // article; the conflict with other.md needs the desk.
    let own = format!(
        "{TROOPS_A}\nAround 900 sailors were killed or injured in the storm, with 100 \
         sailors killed and 300 injured.\n"
    );
    let opened = write(dir.path(), "desk/open.md", &own);
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    client.open(&opened, "markdown", &own);
    let first = client
        .wait_for(TIMEOUT, |m| {
            (m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == opened)
                || (m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end")
        })
        .expect("a publication or the end of indexing");
    assert_eq!(
        first["method"], "textDocument/publishDiagnostics",
        "indexing ended before the open article was published: {first}"
    );
    assert_eq!(first["params"]["version"], 1);
    let diagnostics = first["params"]["diagnostics"].as_array().unwrap();
    assert_eq!(codes(diagnostics), ["arithmetic"], "{first}");
    wait_for_index(&mut client);
    let last = client
        .diagnostics(&opened, |d| has_code(d, "figure-conflict"))
        .expect("the desk-wide finding follows");
    assert!(has_code(&last, "arithmetic"), "{last:?}");
    client.shutdown_and_exit();
}

/// Enough articles that indexing them takes far longer than analysing one
/// article on its own.
const FILLER_ARTICLES: usize = 400;

#[test]
fn a_broken_config_is_reported_with_its_line_and_the_last_good_one_stays() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "marginalia.toml",
        "debounce_ms = 0\n[rules\narithmetic = 1\n",
    );
    let mut client = Client::start(dir.path(), capabilities(false), json!({}));
    let message = client
        .wait_for(TIMEOUT, |m| m["method"] == "window/showMessage")
        .expect("an error message");
    assert_eq!(message["params"]["type"], 1);
    let text = message["params"]["message"].as_str().unwrap_or_default();
    assert!(
        text.contains("marginalia.toml") && text.contains("line 2"),
        "{text}"
    );

    let doc = uri(&dir.path().join("a.md"));
    client.open(&doc, "markdown", "ok");
    assert_eq!(client.text(&doc)["text"], "ok");
}

#[test]
fn broken_settings_from_the_editor_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "marginalia.toml", "# fine\ndebounce_ms = 0\n");
    let mut client = Client::start(dir.path(), capabilities(false), json!({}));
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"marginalia": {"rules": {"no-such-rule": "warning"}}}}),
    );
    let message = client
        .wait_for(TIMEOUT, |m| m["method"] == "window/showMessage")
        .expect("an error message for the settings");
    assert_eq!(message["params"]["type"], 1);
    let text = message["params"]["message"].as_str().unwrap_or_default();
    assert!(text.contains("no-such-rule"), "{text}");
    let doc = uri(&dir.path().join("a.md"));
    client.open(&doc, "markdown", "ok");
    assert_eq!(client.text(&doc)["text"], "ok");
}

#[test]
fn a_config_file_fixed_on_disk_is_picked_up() {
    let dir = tempfile::tempdir().unwrap();
    let config = write(dir.path(), "marginalia.toml", "[rules\n");
    let mut client = Client::start(dir.path(), capabilities(false), json!({}));
    client
        .wait_for(TIMEOUT, |m| m["method"] == "window/showMessage")
        .expect("an error message");
    std::fs::write(dir.path().join("marginalia.toml"), "debounce_ms = 0\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config, "type": 2}]}),
    );
    // No new error, and the server reindexes (a new progress token).
    let second = client.wait_for(Duration::from_secs(5), |m| {
        m["method"] == "window/workDoneProgress/create"
            && m["params"]["token"] == "marginalia/index/2"
    });
    assert!(second.is_some(), "a fixed config reindexes the desk");
    assert!(
        client
            .wait_for(Duration::from_millis(300), |m| m["method"]
                == "window/showMessage")
            .is_none()
    );
}

// --- Analysis: these need names and figures from the analysis library --------

/// A server on a fresh folder with `a.md` and `b.md` open in the editor
/// (never written to disk); the folder lives as long as the first value.
fn two_open_articles(a_text: &str, b_text: &str) -> (tempfile::TempDir, Client, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    let a = uri(&dir.path().join("a.md"));
    let b = uri(&dir.path().join("b.md"));
    client.open(&a, "markdown", a_text);
    client.open(&b, "markdown", b_text);
    (dir, client, a, b)
}

#[test]
fn two_articles_with_different_troop_counts_conflict() {
    let (_dir, mut client, a, b) = two_open_articles(TROOPS_A, TROOPS_B);
    let diagnostics = client
        .diagnostics(&b, |d| has_code(d, "figure-conflict"))
        .expect("a figure-conflict in b.md");
    let conflict = diagnostics
        .iter()
        .find(|d| d["code"] == "figure-conflict")
        .unwrap();
    assert_eq!(conflict["source"], "marginalia");
    assert_eq!(
        conflict["range"]["start"],
        json!({"line": 0, "character": 25})
    );
    let related = &conflict["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], a);
    assert!(
        client
            .diagnostics(&a, |d| has_code(d, "figure-conflict"))
            .is_some()
    );
}

#[test]
fn an_edit_creates_and_then_removes_a_conflict_in_both_articles() {
    let (_dir, mut client, a, b) = two_open_articles(TROOPS_A, TROOPS_A);
    // 3,000 -> 13,000 in b: a conflict appears in both.
    client.change(&b, 2, [(0, 25), (0, 25)], "1");
    assert!(
        client
            .diagnostics(&b, |d| has_code(d, "figure-conflict"))
            .is_some()
    );
    assert!(
        client
            .diagnostics(&a, |d| has_code(d, "figure-conflict"))
            .is_some()
    );
    // Back to 3,000: both are cleared.
    client.change(&b, 3, [(0, 25), (0, 26)], "");
    assert!(client.diagnostics(&b, |d| d.is_empty()).is_some());
    assert!(client.diagnostics(&a, |d| d.is_empty()).is_some());
}

#[test]
fn an_unopened_article_on_disk_takes_part_and_an_open_one_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "archive/old.md", TROOPS_A);
    let b = write(dir.path(), "b.md", TROOPS_A);
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    client
        .wait_for(TIMEOUT, |m| {
            m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end"
        })
        .expect("indexing ends");
    // The editor's text of b.md differs from the file: it wins.
    client.open(&b, "markdown", TROOPS_B);
    let old = uri(&dir.path().join("archive/old.md"));
    assert!(
        client
            .diagnostics(&b, |d| has_code(d, "figure-conflict"))
            .is_some()
    );
    assert!(
        client
            .diagnostics(&old, |d| has_code(d, "figure-conflict"))
            .is_some()
    );
    // Closing b.md returns to the file on disk, which agrees.
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": b}}));
    assert!(client.diagnostics(&old, |d| d.is_empty()).is_some());
}

#[test]
fn hover_on_a_name_and_a_figure() {
    let (_dir, mut client, a, _b) = two_open_articles(TROOPS_A, TROOPS_B);
    let name = client.hover(&a, 0, 2);
    let text = name["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        text.contains("North Korea") && text.contains("place"),
        "{name}"
    );
    assert!(text.contains("b.md:1"), "mentions across the desk: {text}");
    let figure = client.hover(&a, 0, 26);
    let text = figure["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        text.contains("3,000") && text.contains("troops"),
        "{figure}"
    );
    assert!(text.contains("11,000"), "the same claim elsewhere: {text}");
}

#[test]
fn rename_reaches_every_article() {
    let dir = tempfile::tempdir().unwrap();
    let disk = write(
        dir.path(),
        "c.md",
        "Officials in North Korea declined to comment.\n",
    );
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    client
        .wait_for(TIMEOUT, |m| {
            m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end"
        })
        .expect("indexing ends");
    let a = uri(&dir.path().join("a.md"));
    let b = uri(&dir.path().join("b.md"));
    client.open(&a, "markdown", TROOPS_A);
    client.open(&b, "markdown", TROOPS_B);
    let prepare = client.request(
        "textDocument/prepareRename",
        json!({"textDocument": {"uri": a}, "position": {"line": 0, "character": 3}}),
    );
    assert_eq!(prepare["result"]["placeholder"], "North Korea", "{prepare}");
    let rename = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": a}, "position": {"line": 0, "character": 3}, "newName": "DPRK"}),
    );
    let changes = &rename["result"]["changes"];
    for doc in [&a, &b, &disk] {
        let edits = changes[doc.as_str()]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(edits.len(), 1, "{doc}: {rename}");
        assert_eq!(edits[0]["newText"], "DPRK");
    }
}

#[test]
fn semantic_tokens_count_utf16_after_emoji() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    let a = uri(&dir.path().join("a.md"));
    client.open(
        &a,
        "markdown",
        "😀 North Korea has deployed 3,000 troops to Russia.\r\n",
    );
    let tokens = client.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": a}}),
    );
    let data = tokens["result"]["data"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    // First token: North Korea at UTF-16 column 3, 11 units, a place (`type`).
    assert!(data.len() >= 5, "{tokens}");
    assert_eq!(&data[..4], &[json!(0), json!(3), json!(11), json!(2)]);
}

// --- The desk: indexing, overrides, watched files -------------------------------

#[test]
fn the_desk_indexes_unopened_files_with_globs_and_open_documents_override_them() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "marginalia.toml",
        "exclude = [\"drafts/**\"]\nmax_file_size = 200\n",
    );
    let a = write(dir.path(), "a.md", TROOPS_A);
    let b = write(dir.path(), "nested/b.txt", TROOPS_B);
    write(dir.path(), "drafts/c.md", TROOPS_B);
    write(dir.path(), "big.md", "x".repeat(500));
    write(dir.path(), "notes.rst", TROOPS_B);
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    wait_for_index(&mut client);
    let len_a = TROOPS_A.len() as u64;
    let len_b = TROOPS_B.len() as u64;
    assert_eq!(
        desk(&mut client),
        vec![(a.clone(), None, len_a), (b.clone(), None, len_b)]
    );
    std::thread::sleep(Duration::from_millis(100));
    let log = client.log();
    assert!(
        log.contains("big.md") && log.contains("max_file_size"),
        "{log}"
    );

    // The editor's text wins while the document is open, and the file comes back on close.
    client.open(&a, "markdown", "Edited.\n");
    assert_eq!(desk(&mut client)[0], (a.clone(), Some(1), 8));
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": a}}));
    assert_eq!(desk(&mut client)[0], (a.clone(), None, len_a));

    // A document that is not on disk leaves the desk when closed.
    let scratch = uri(&dir.path().join("scratch.md"));
    client.open(&scratch, "markdown", "Scratch.\n");
    assert_eq!(desk(&mut client).len(), 3);
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": scratch}}),
    );
    assert_eq!(desk(&mut client).len(), 2);
}

#[test]
fn watched_file_events_keep_the_desk_current() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.md", TROOPS_A);
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    wait_for_index(&mut client);
    let b = write(dir.path(), "b.md", TROOPS_B);
    std::fs::write(dir.path().join("a.md"), "Changed on disk.\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": b, "type": 1}, {"uri": a, "type": 2}]}),
    );
    assert_eq!(
        desk(&mut client),
        vec![
            (a.clone(), None, 17),
            (b.clone(), None, TROOPS_B.len() as u64)
        ]
    );
    std::fs::remove_file(dir.path().join("b.md")).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": b, "type": 3}]}),
    );
    assert_eq!(desk(&mut client), vec![(a, None, 17)]);
}

#[test]
fn debounced_diagnostics_do_not_hold_up_requests() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(
        dir.path(),
        capabilities(false),
        json!({"debounce_ms": 2000}),
    );
    let doc = uri(&dir.path().join("a.md"));
    client.open(&doc, "markdown", "abc\n");
    for version in 2..50 {
        client.change(&doc, version, [(0, 0), (0, 0)], "x");
    }
    let started = std::time::Instant::now();
    let entries = desk(&mut client);
    assert!(started.elapsed() < Duration::from_millis(1500));
    assert_eq!(entries, vec![(doc, Some(49), 4 + 48)]);
}

#[test]
fn a_client_that_does_not_wait_for_the_initialize_answer_is_served() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::spawn();
    client.send(&json!({
        "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"processId": null, "rootUri": uri(dir.path()), "capabilities": {}}
    }));
    client.notify("initialized", json!({}));
    let doc = uri(&dir.path().join("a.md"));
    client.open(&doc, "markdown", "early");
    let initialize = client.response(&json!(1));
    assert!(
        initialize["result"]["capabilities"].is_object(),
        "{initialize}"
    );
    assert_eq!(client.text(&doc)["text"], "early");
}

#[test]
fn the_write_config_command_creates_marginalia_toml_safely() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path(), json!({}), no_debounce());
    let caps = &client.initialize_result["capabilities"]["executeCommandProvider"]["commands"];
    assert_eq!(caps, &json!(["marginalia.writeConfig"]));
    let root = dir.path().canonicalize().unwrap();
    let path = root.join("marginalia.toml");
    let path_text = path.to_string_lossy().to_string();
    let broken = client.request(
        "workspace/executeCommand",
        json!({"command": "marginalia.writeConfig", "arguments": [path_text, "[rules\n"]}),
    );
    assert!(broken.get("error").is_some(), "{broken}");
    assert!(!path.exists());
    let elsewhere = client.request(
        "workspace/executeCommand",
        json!({"command": "marginalia.writeConfig",
               "arguments": [root.join("other.toml").to_string_lossy(), "ignore = []\n"]}),
    );
    assert!(elsewhere.get("error").is_some(), "{elsewhere}");
    let written = client.request(
        "workspace/executeCommand",
        json!({"command": "marginalia.writeConfig", "arguments": [path_text, "# mine\nignore = [\"Hermit Kingdom\"]\n"]}),
    );
    assert!(written.get("error").is_none(), "{written}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "# mine\nignore = [\"Hermit Kingdom\"]\n"
    );
}

#[test]
fn an_added_workspace_folder_is_indexed() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let a = write(first.path(), "a.md", TROOPS_A);
    let b = write(second.path(), "b.md", TROOPS_B);
    let mut client = Client::start(first.path(), capabilities(false), no_debounce());
    wait_for_index(&mut client);
    assert_eq!(desk(&mut client).len(), 1);
    client.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [{"uri": uri(second.path()), "name": "second"}], "removed": []}}),
    );
    let done = client.wait_for(TIMEOUT, |m| {
        m["method"] == "$/progress"
            && m["params"]["token"] == "marginalia/index/2"
            && m["params"]["value"]["kind"] == "end"
    });
    assert!(done.is_some(), "a second indexing run");
    let uris: Vec<String> = desk(&mut client).into_iter().map(|e| e.0).collect();
    assert_eq!(uris.len(), 2);
    assert!(uris.contains(&a) && uris.contains(&b), "{uris:?}");
}

#[test]
fn hover_on_a_figure_lists_its_claim_in_time_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path(), capabilities(false), no_debounce());
    // Path order is not time order: the hover orders by date.
    let articles = [
        (
            "c.md",
            "2031-05-04",
            "Rescuers said 19 people were killed in the flood.\n",
        ),
        (
            "a.md",
            "2031-05-02",
            "Officials said 7 people were killed in the flood.\n",
        ),
        (
            "d.md",
            "",
            "Nine people were killed in the flood, a witness said.\n",
        ),
        (
            "b.md",
            "2031-05-03",
            "Police said 12 people were killed in the flood.\n",
        ),
    ];
    for (name, date, text) in articles {
        let front = if date.is_empty() {
            String::new()
        } else {
            format!("---\ndate: {date}\n---\n")
        };
        client.open(
            &uri(&dir.path().join(name)),
            "markdown",
            &format!("{front}{text}"),
        );
    }
    let figure = client.hover(&uri(&dir.path().join("d.md")), 0, 1);
    let text = figure["contents"]["value"].as_str().unwrap_or_default();
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle} in {text}"))
    };
    assert!(at("2031-05-02") < at("2031-05-03"), "{text}");
    assert!(at("2031-05-03") < at("2031-05-04"), "{text}");
}
