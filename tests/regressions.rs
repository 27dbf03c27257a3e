//! Inputs that once went wrong, each kept as a named test.

use marginalia::analysis::config::Config;
use marginalia::cli::{collect_articles, read_article};

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
