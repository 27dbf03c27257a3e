//! End-to-end tests of where the desk is: the real binary over stdio, each
//! test in a fresh temporary folder. The desk of an article is the nearest
//! folder above it that holds `marginalia.toml`, else the workspace folder,
//! else the article's own folder; a home folder is never read whole.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::support::{Client, TIMEOUT, capabilities, desk, uri, write};
use serde_json::{Value, json};

const TROOPS_A: &str = "North Korea has deployed 3,000 troops to Russia.\n";
const TROOPS_B: &str = "North Korea has deployed 11,000 troops to Russia.\n";

/// Starts the server with `command`, sending `folder` as the only workspace
/// folder, or no folder at all.
fn start_with(mut command: Command, folder: Option<&Path>) -> Client {
    if !command.get_envs().any(|(key, _)| key == "HOME") {
        command.env("HOME", std::env::var_os("HOME").unwrap_or_default());
    }
    let mut client = Client::spawn_command(command);
    let (root, folders) = match folder {
        Some(folder) => (
            json!(uri(folder)),
            json!([{"uri": uri(folder), "name": "desk"}]),
        ),
        None => (Value::Null, Value::Null),
    };
    let result = client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": root,
            "workspaceFolders": folders,
            "capabilities": capabilities(false),
            "initializationOptions": {"debounce_ms": 0},
        }),
    );
    client.initialize_result = result["result"].clone();
    client.notify("initialized", json!({}));
    client
}

/// The desk's documents as URIs, once they are `expected` (or whatever they
/// are when the time is up).
fn desk_becomes(client: &mut Client, expected: &[String]) -> Vec<String> {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let uris: Vec<String> = desk(client).into_iter().map(|e| e.0).collect();
        if uris == expected || Instant::now() > deadline {
            return uris;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn has_conflict(diagnostics: &[Value]) -> bool {
    diagnostics.iter().any(|d| d["code"] == "figure-conflict")
}

fn open(client: &mut Client, path: &Path) {
    let text = std::fs::read_to_string(path).expect("the article");
    client.open(&uri(path), "markdown", &text);
}

#[test]
fn an_article_under_a_nested_marginalia_toml_has_that_folder_as_its_desk() {
    let dir = tempfile::tempdir().expect("a folder");
    let root = dir.path();
    write(root, "outside.md", TROOPS_A);
    write(root, "notes/other.md", TROOPS_A);
    write(root, "desk/marginalia.toml", "# the desk\n");
    let b = write(root, "desk/b.md", TROOPS_B);
    let c = write(root, "desk/drafts/c.md", TROOPS_A);
    let mut client = start_with(Client::command(), Some(root));
    open(&mut client, &root.join("desk/drafts/c.md"));
    let mut expected = vec![b, c.clone()];
    expected.sort();
    assert_eq!(desk_becomes(&mut client, &expected), expected);
    // The conflict is found within the desk.
    assert!(client.diagnostics(&c, has_conflict).is_some());
    let notices = client.notices();
    assert!(
        notices.contains(&format!(
            "[info] the desk is {}",
            root.join("desk").display()
        )),
        "{notices}"
    );
}

#[test]
fn a_plain_folder_without_a_workspace_folder_is_the_desk_of_its_articles() {
    let dir = tempfile::tempdir().expect("a folder");
    let folder = dir.path().join("articles");
    let a = write(&folder, "a.md", TROOPS_A);
    let b = write(&folder, "b.md", TROOPS_B);
    // Another folder beside it is no part of the desk.
    write(dir.path(), "elsewhere/c.md", TROOPS_A);
    let mut client = start_with(Client::command(), None);
    open(&mut client, &folder.join("a.md"));
    let expected = vec![a.clone(), b];
    assert_eq!(desk_becomes(&mut client, &expected), expected);
    assert!(client.diagnostics(&a, has_conflict).is_some());
}

#[test]
fn a_plain_workspace_folder_is_the_desk_of_every_article_under_it() {
    let dir = tempfile::tempdir().expect("a folder");
    let root = dir.path();
    let a = write(root, "2024/a.md", TROOPS_A);
    let b = write(root, "2025/b.md", TROOPS_B);
    let mut client = start_with(Client::command(), Some(root));
    open(&mut client, &root.join("2025/b.md"));
    let expected = vec![a, b];
    assert_eq!(desk_becomes(&mut client, &expected), expected);
}

#[test]
fn a_home_folder_is_never_read_whole_and_the_user_is_told() {
    let dir = tempfile::tempdir().expect("a folder");
    let home = dir.path().join("home");
    let a = write(&home, "a.md", TROOPS_A);
    write(&home, "b.md", TROOPS_B);
    write(&home, "projects/c.md", TROOPS_B);
    for folder in [Some(home.as_path()), None] {
        let mut command = Client::command();
        command.env("HOME", &home);
        let mut client = start_with(command, folder);
        open(&mut client, &home.join("a.md"));
        let message = client
            .wait_for(TIMEOUT, |m| m["method"] == "window/showMessage")
            .expect("the user is told");
        assert_eq!(message["params"]["type"], 2, "{message}");
        let text = message["params"]["message"].as_str().unwrap_or_default();
        assert!(
            text.contains(&home.display().to_string()) && text.contains("home folder"),
            "{text}"
        );
        // Only the open article is checked: b.md is not read.
        assert_eq!(desk(&mut client).len(), 1);
        assert_eq!(desk(&mut client)[0].0, a);
        // Once, however many articles open.
        open(&mut client, &home.join("b.md"));
        assert_eq!(desk(&mut client).len(), 2);
        assert!(
            client
                .wait_for(Duration::from_millis(300), |m| m["method"]
                    == "window/showMessage")
                .is_none()
        );
    }
}

/// The byte offset of an LSP position in an ASCII text.
fn ascii_offset(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    start + character
}

#[test]
fn silencing_a_finding_writes_marginalia_toml_and_the_finding_goes() {
    let dir = tempfile::tempdir().expect("a folder");
    let root = dir.path();
    let config = root.join("marginalia.toml");
    let config_text = "# the desk\ndebounce_ms = 0 # no wait\n";
    write(root, "marginalia.toml", config_text);
    write(root, "a.md", TROOPS_A);
    write(root, "b.md", TROOPS_B);
    let mut client = start_with(Client::command(), Some(root));
    let a = uri(&root.join("a.md"));
    open(&mut client, &root.join("a.md"));
    let shown = client
        .diagnostics(&a, has_conflict)
        .expect("the conflict is published");
    let conflict = shown
        .iter()
        .find(|d| d["code"] == "figure-conflict")
        .unwrap()
        .clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": a},
            "range": conflict["range"],
            "context": {"diagnostics": [conflict]},
        }),
    );
    let action = actions["result"]
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("Silence this finding"))
        })
        .expect("a silence action")
        .clone();
    let edits = &action["edit"]["changes"][uri(&config)];
    let mut text = config_text.to_string();
    for edit in edits
        .as_array()
        .expect("edits of marginalia.toml")
        .iter()
        .rev()
    {
        let start = ascii_offset(&text, &edit["range"]["start"]);
        let end = ascii_offset(&text, &edit["range"]["end"]);
        text.replace_range(start..end, edit["newText"].as_str().unwrap());
    }
    assert!(text.starts_with(config_text), "{text}");
    assert!(
        text.contains(
            "[[silence]]\nrule = \"figure-conflict\"\narticle = \"a.md\"\ntext = \"3,000\""
        ),
        "{text}"
    );
    std::fs::write(&config, &text).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&config), "type": 2}]}),
    );
    client
        .diagnostics(&a, |d| !has_conflict(d))
        .expect("the silenced finding is no longer published");
    // The figure changes: the finding comes back.
    client.change(&a, 2, [(0, 25), (0, 30)], "4,000");
    client
        .diagnostics(&a, has_conflict)
        .expect("a changed figure is shown again");
}

/// A dated article on a flood in an invented town.
fn dated_flood(figure: &str) -> String {
    format!(
        "---\ntitle: Flood\ndate: 2025-03-04\n---\n\nThe flood in Varnholm killed {figure} people.\n"
    )
}

/// Opens `name` of `folder` under `language` with the figure 14 instead of
/// the 12 on disk, and returns the message of its conflict with the figure
/// 31 of `b.md`.
fn conflict_when_opened_as(name: &str, language: &str) -> String {
    let dir = tempfile::tempdir().expect("a folder");
    let folder = dir.path().join("articles");
    let a = write(&folder, name, dated_flood("12"));
    write(&folder, "b.md", dated_flood("31"));
    let mut client = start_with(Client::command(), Some(&folder));
    client.open(&a, language, &dated_flood("14"));
    let message = |d: &Value| d["message"].as_str().unwrap_or_default().to_string();
    let diagnostics = client
        .diagnostics(&a, |ds| {
            ds.iter()
                .any(|d| d["code"] == "figure-conflict" && message(d).contains(" 14 (a."))
        })
        .expect("the open article's conflict");
    diagnostics
        .iter()
        .map(message)
        .find(|m| m.contains(" 14 (a."))
        .expect("the conflict of the figure 14")
}

#[test]
fn a_markdown_article_opened_as_plain_text_keeps_its_front_matter() {
    // Editors without a Markdown mode send "text" or "plaintext"; the date
    // from the front matter must not be lost.
    for language in ["text", "plaintext", "markdown"] {
        let message = conflict_when_opened_as("a.md", language);
        assert!(
            message.contains("14 (a.md, 2025-03-04) here"),
            "{language}: {message}"
        );
    }
}

#[test]
fn a_text_file_opened_as_plain_text_has_no_front_matter() {
    // Near miss: a .txt article is plain text on disk and in the editor, so
    // its opening lines are prose, not a date.
    let message = conflict_when_opened_as("a.txt", "text");
    assert!(message.contains("14 (a.txt) here"), "{message}");
}
