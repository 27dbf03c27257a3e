//! Inputs that once went wrong, each kept as a named test.

use marginalia::analysis::config::Config;
use marginalia::cli::{collect_articles, read_article};

use crate::support::frame;

/// An unknown rule is reported on the line of its key, not on the first line
/// that happens to contain its name (here the `[rules]` header itself, a
/// comment and a string value).
#[test]
fn unknown_rule_line_is_the_line_of_its_key() {
    let source = "# rules: see the docs\nignore = [\"rules\"]\n[rules]\nrules = \"off\"\n";
    let err = Config::from_toml(source).unwrap_err();
    assert!(err.message.contains("unknown rule"), "{err}");
    assert_eq!(err.line, Some(4), "{err}");

    let source = "# frobnicate later\n[rules]\n\"frob\\u006eicate\" = \"off\"\n";
    let err = Config::from_toml(source).unwrap_err();
    assert_eq!(err.line, Some(3), "{err}");

    let source = "rules.figure-conflict = \"error\"\nrules.nope = \"off\"\n";
    let err = Config::from_toml(source).unwrap_err();
    assert_eq!(err.line, Some(2), "{err}");

    let source = "rules = { figure-drift = \"off\",\n  nope = \"off\" }\n";
    let err = Config::from_toml(source).unwrap_err();
    assert!(err.line == Some(1) || err.line == Some(2), "{err}");
}

/// An article linked into the desk is checked; a link whose article is gone
/// is collected and then reported by name when it cannot be read, instead of
/// being passed over without a word.
#[test]
fn linked_and_dangling_articles_are_collected() {
    let dir = tempfile::tempdir().unwrap();
    let desk = dir.path().join("desk");
    std::fs::create_dir_all(&desk).unwrap();
    std::fs::write(dir.path().join("real.md"), "Text.\n").unwrap();
    std::os::unix::fs::symlink("../real.md", desk.join("link.md")).unwrap();
    std::os::unix::fs::symlink("../gone.md", desk.join("vanished.md")).unwrap();
    std::os::unix::fs::symlink("..", desk.join("loop.md")).unwrap();
    let collected = collect_articles(std::slice::from_ref(&desk), &Config::default());
    assert_eq!(
        collected.paths,
        vec![desk.join("link.md"), desk.join("vanished.md")]
    );
    assert_eq!(
        read_article(&collected.paths[0], 100).unwrap().text,
        "Text.\n"
    );
    let error = read_article(&collected.paths[1], 100).unwrap_err();
    assert!(error.path.ends_with("vanished.md"), "{error}");
}

/// Reading stops at the size limit even when the size on disk says otherwise
/// (a file that grows, or a device that reports no size).
#[test]
fn reading_never_goes_past_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "x".repeat(100)).unwrap();
    assert!(read_article(&path, 100).is_ok());
    let error = read_article(&path, 99).unwrap_err();
    assert!(error.reason.contains("max_file_size"), "{error}");
    let error = read_article(std::path::Path::new("/dev/zero"), 100).unwrap_err();
    assert!(error.reason.contains("not a regular file"), "{error}");
}

/// Feeds a whole client stream to the server, in memory and as the real
/// binary over stdio with stdin closed after it: both must stop by themselves.
fn lsp_stream_ends(input: &[u8]) {
    use marginalia::lsp::session::{SessionEnd, serve_in_memory};
    use std::io::Write;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    assert_eq!(
        serve_in_memory(input, Duration::from_secs(20)),
        SessionEnd::Finished
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .env("MARGINALIA_NO_CACHE", "1")
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the server");
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input).unwrap();
    drop(stdin);
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the server kept running after the client hung up");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `initialize` sent as a notification (no id) is never answered: the
/// transport used to hold every later message back waiting for that answer,
/// so the server never even saw the client hang up and ran forever.
#[test]
fn initialize_without_an_id_does_not_stall_the_transport() {
    let input = [
        frame(r#"{"jsonrpc":"2.0","method":"initialize","params":{"capabilities":{}}}"#),
        frame(r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#),
        frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#),
    ]
    .concat();
    lsp_stream_ends(&input);
}

/// `exit` before `initialize`: the server stops reading, so the `initialize`
/// behind it is never answered; the transport must not wait for it.
#[test]
fn initialize_after_exit_does_not_stall_the_transport() {
    let input = [
        frame(r#"{"jsonrpc":"2.0","method":"exit"}"#),
        frame(r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#),
        frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#),
    ]
    .concat();
    lsp_stream_ends(&input);
}

/// A client that offers dynamic registration of file watchers and hangs up
/// before answering `client/registerCapability`: the `initialized` handler
/// used to wait for that answer, which kept tower-lsp's message loop, and the
/// process, alive forever.
#[test]
fn hanging_up_during_watcher_registration_ends_the_server() {
    let input = [
        frame(
            r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true}},"window":{"workDoneProgress":true}}}}"#,
        ),
        frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#),
    ]
    .concat();
    lsp_stream_ends(&input);
}
