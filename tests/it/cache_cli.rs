//! The cache of analyses kept between runs, through the real binary:
//! `marginalia check` reads what an earlier run stored and says the same,
//! `--no-cache` neither reads nor writes, a damaged entry is analysed again,
//! a configuration the analysis reads is another set of entries, and the
//! server's indexing reads the same cache.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::json;

use crate::support::{self, Client, TIMEOUT};

/// A copy of the example desk in a fresh folder.
fn desk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/desk");
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.path().is_file() {
            fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
        }
    }
    dir
}

fn articles(desk: &Path) -> usize {
    fs::read_dir(desk)
        .unwrap()
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.ends_with(".md") || name.ends_with(".txt")
        })
        .count()
}

/// `check --format json --verbose` on `desk` with `cache` as the cache
/// folder: (stdout, the cache line of stderr).
fn check(desk: &Path, cache: &Path, extra: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .args(["check", "--format", "json", "--verbose"])
        .args(extra)
        .arg(".")
        .current_dir(desk)
        .env("MARGINALIA_CACHE_DIR", cache)
        .env_remove("MARGINALIA_NO_CACHE")
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let line = stderr
        .lines()
        .find(|l| l.starts_with("cache:"))
        .unwrap_or_else(|| panic!("no cache line in {stderr}"))
        .to_string();
    (String::from_utf8(out.stdout).unwrap(), line)
}

/// The entry files under a cache folder.
fn entries(cache: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for shard in fs::read_dir(cache).into_iter().flatten().flatten() {
        if shard.path().is_dir() {
            out.extend(
                fs::read_dir(shard.path())
                    .unwrap()
                    .flatten()
                    .map(|e| e.path()),
            );
        }
    }
    out.sort();
    out
}

#[test]
fn a_second_check_reads_every_article_from_the_cache_and_says_the_same() {
    let desk = desk();
    let cache = tempfile::tempdir().unwrap();
    let n = articles(desk.path());
    let (first, line) = check(desk.path(), cache.path(), &[]);
    assert!(
        line.starts_with(&format!(
            "cache: 0 analyses read, {n} articles analysed, {n} entries written"
        )),
        "{line}"
    );
    assert_eq!(entries(cache.path()).len(), n);
    let (second, line) = check(desk.path(), cache.path(), &[]);
    assert!(
        line.starts_with(&format!(
            "cache: {n} analyses read, 0 articles analysed, 0 entries written"
        )),
        "{line}"
    );
    assert_eq!(first, second);
    assert!(first.contains("\"findings\""), "{first}");
    // An article that changed is analysed again; the others are read.
    let changed = desk.path().join("2025-02-10-costs-and-benefits.md");
    let text = fs::read_to_string(&changed).unwrap();
    fs::write(
        &changed,
        format!("{text}\nOfficials in Quillhaven said 12 roads were closed.\n"),
    )
    .unwrap();
    let (_, line) = check(desk.path(), cache.path(), &[]);
    assert!(
        line.starts_with(&format!(
            "cache: {} analyses read, 1 articles analysed, 1 entries written",
            n - 1
        )),
        "{line}"
    );
}

#[test]
fn no_cache_neither_reads_nor_writes() {
    let desk = desk();
    let cache = tempfile::tempdir().unwrap();
    let (cached, _) = check(desk.path(), cache.path(), &[]);
    let stored = entries(cache.path());
    let empty = cache.path().join("unused");
    let (fresh, line) = check(desk.path(), &empty, &["--no-cache"]);
    assert_eq!(line, "cache: not used");
    assert!(!empty.exists());
    assert_eq!(fresh, cached);
    assert_eq!(entries(cache.path()), stored);
}

#[test]
fn a_damaged_entry_is_analysed_again_and_the_output_is_unchanged() {
    let desk = desk();
    let cache = tempfile::tempdir().unwrap();
    let n = articles(desk.path());
    let (first, _) = check(desk.path(), cache.path(), &[]);
    let all = entries(cache.path());
    let whole = fs::read(&all[0]).unwrap();
    fs::write(&all[0], &whole[..whole.len() / 2]).unwrap();
    fs::write(&all[1], b"").unwrap();
    let (second, line) = check(desk.path(), cache.path(), &[]);
    assert!(
        line.starts_with(&format!(
            "cache: {} analyses read, 2 articles analysed, 2 entries written",
            n - 2
        )),
        "{line}"
    );
    assert_eq!(first, second);
    assert_eq!(fs::read(&all[0]).unwrap(), whole);
}

#[test]
fn a_config_the_analysis_reads_is_other_entries_and_one_it_does_not_is_the_same() {
    let desk = desk();
    let cache = tempfile::tempdir().unwrap();
    let n = articles(desk.path());
    check(desk.path(), cache.path(), &[]);
    let config = desk.path().join("marginalia.toml");
    let original = fs::read_to_string(&config).unwrap();
    let slower = original.replace("debounce_ms = 200", "debounce_ms = 900");
    assert_ne!(slower, original);
    fs::write(&config, &slower).unwrap();
    let (_, line) = check(desk.path(), cache.path(), &[]);
    assert!(
        line.starts_with(&format!("cache: {n} analyses read")),
        "{line}"
    );
    fs::write(&config, format!("ignore = [\"Vellmark\"]\n{slower}")).unwrap();
    let (_, line) = check(desk.path(), cache.path(), &[]);
    assert!(
        line.starts_with(&format!("cache: 0 analyses read, {n} articles analysed")),
        "{line}"
    );
    assert_eq!(entries(cache.path()).len(), 2 * n);
}

#[test]
fn the_server_indexes_from_the_cache_that_check_wrote() {
    let desk = desk();
    let cache = tempfile::tempdir().unwrap();
    let n = articles(desk.path());
    check(desk.path(), cache.path(), &[]);
    let mut command = Client::command();
    command
        .env("MARGINALIA_CACHE_DIR", cache.path())
        .env_remove("MARGINALIA_NO_CACHE");
    let mut client = Client::start_command(
        command,
        desk.path(),
        support::capabilities(false),
        json!({"debounce_ms": 0}),
    );
    let notice = client
        .wait_for(TIMEOUT, |m| {
            m["method"] == "window/logMessage"
                && m["params"]["message"]
                    .as_str()
                    .is_some_and(|s| s.starts_with("indexed"))
        })
        .expect("indexing is logged");
    let message = notice["params"]["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("({n} analyses from the cache)")),
        "{message}"
    );
    client.shutdown_and_exit();
}
