//! Hostile files against the real `marginalia check` binary: huge, binary,
//! mis-encoded and vanished articles, a folder of 20,000 articles and a
//! broken config. Exit codes: 0 clean, 1 warnings, 2 usage or IO error; each
//! unreadable file is reported by name and the rest are still checked.
//!
//! Timings and peak memory are printed (run with `--nocapture` to see them),
//! never asserted.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{proc_status_kib, scratch_dir, write};

/// A finished run of the binary with what it cost.
struct Run {
    output: Output,
    elapsed: Duration,
    /// Peak resident set size in KiB, sampled from /proc while it ran.
    peak_rss_kib: Option<u64>,
}

impl Run {
    fn code(&self) -> i32 {
        self.output.status.code().expect("exited normally")
    }
    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }
    fn report(&self, what: &str) {
        eprintln!(
            "[measure] {what}: {:.2?}, peak RSS {} KiB, exit {}",
            self.elapsed,
            self.peak_rss_kib
                .map_or_else(|| "?".to_string(), |k| k.to_string()),
            self.code()
        );
    }
    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.output.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", self.stdout()))
    }
}

/// Runs `marginalia` with `args` in `dir`, sampling its peak memory.
fn marginalia(dir: &Path, args: &[&str]) -> Run {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .env("MARGINALIA_NO_CACHE", "1")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn marginalia");
    let pid = child.id();
    // Read the pipes on threads so that a large output never blocks the child.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut buf).map(|_| buf)
    });
    let err_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut buf).map(|_| buf)
    });
    let mut peak = None;
    let deadline = Duration::from_secs(600);
    let status = loop {
        if start.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("marginalia {args:?} still running after {deadline:?}");
        }
        if let Some(kib) = proc_status_kib(pid, "VmHWM") {
            peak = Some(peak.map_or(kib, |p: u64| p.max(kib)));
        }
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    let stdout = out_thread
        .join()
        .expect("stdout thread")
        .expect("read stdout");
    let stderr = err_thread
        .join()
        .expect("stderr thread")
        .expect("read stderr");
    Run {
        output: Output {
            status,
            stdout,
            stderr,
        },
        elapsed,
        peak_rss_kib: peak,
    }
}

const CLEAN: &str = "The council met on Monday and agreed to meet again.\n";

/// A news-like article of about `bytes` bytes, `lines_per_paragraph` lines a paragraph.
fn big_article(bytes: usize, paragraph_break: bool) -> String {
    const LINES: &[&str] = &[
        "North Korea has sent at least 3,000 troops to Russia, according to officials in Seoul.",
        "Kim Jong Un’s army lost about 1,200 soldiers — “a heavy toll,” Zelensky said.",
        "The Pentagon estimated 12,000 troops in all; NATO put it at 11,000 in October 2024.",
        "🪖 Lt. Gen. Kyrylo Budanov said three thousand more would arrive by December.",
        "Ukraine’s intelligence agency (HUR) reported $25 million in payments, or 12.5% more.",
    ];
    let mut text = String::with_capacity(bytes + 200);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(LINES[i % LINES.len()]);
        text.push(' ');
        text.push_str(&i.to_string());
        text.push('\n');
        if paragraph_break && i % 4 == 3 {
            text.push('\n');
        }
        i += 1;
    }
    text
}

fn document_paths(json: &serde_json::Value) -> Vec<String> {
    json["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["path"].as_str().expect("path").to_string())
        .collect()
}

#[test]
fn oversized_article_is_skipped_by_name_and_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap();
    let big = big_article(50 * 1024 * 1024, true);
    write(dir.path(), "desk/huge.md", &big);
    write(dir.path(), "desk/small.txt", CLEAN);
    let run = marginalia(dir.path(), &["check", "desk", "--format", "json"]);
    run.report("50 MB article at the default limit");
    let stderr = run.stderr();
    assert!(
        stderr.contains("huge.md") && stderr.contains("max_file_size"),
        "{stderr}"
    );
    assert_ne!(
        run.code(),
        2,
        "one unreadable file is no reason to fail the run"
    );
    assert_eq!(document_paths(&run.json()), vec!["desk/small.txt"]);
}

#[test]
fn oversized_article_is_checked_when_the_limit_is_raised() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "desk/huge.md",
        // Just over the default limit of 10 MB, most of it a fenced code
        // block: the limit is what is tested, so the article need not be
        // 12 MB of prose to analyse. Analysing a big article is a
        // measurement in BENCHMARKS.md, not a test.
        format!(
            "{CLEAN}\n```\n{}```\n\n{CLEAN}",
            "let total = 3000;\n".repeat(12 * 1024 * 1024 / 18)
        ),
    );
    write(dir.path(), "desk/small.txt", CLEAN);
    write(
        dir.path(),
        "desk/marginalia.toml",
        "max_file_size = 100_000_000\n",
    );
    let run = marginalia(dir.path(), &["check", "desk"]);
    run.report("12 MB Markdown article with the limit raised");
    assert!(matches!(run.code(), 0 | 1), "{}", run.stderr());
    assert!(!run.stderr().contains("skipped"), "{}", run.stderr());
    assert!(
        run.stdout().contains("(2 articles checked)"),
        "{}",
        run.stdout()
    );
}

#[test]
fn binary_and_invalid_utf8_files_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "desk/a.txt", CLEAN);
    write(
        dir.path(),
        "desk/binary.md",
        b"PK\x03\x04\0\0\x14\0 North Korea\0",
    );
    write(
        dir.path(),
        "desk/latin1.txt",
        b"Caf\xe9 au lait, na\xefve.\n",
    );
    write(
        dir.path(),
        "desk/truncated.md",
        "Kim Jong Un 🪖".as_bytes().split_last().unwrap().1,
    );
    write(dir.path(), "desk/z.md", CLEAN);
    let run = marginalia(dir.path(), &["check", "desk", "--format", "json"]);
    let stderr = run.stderr();
    for (name, reason) in [
        ("binary.md", "binary"),
        ("latin1.txt", "UTF-8"),
        ("truncated.md", "UTF-8"),
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(name) && l.contains(reason)),
            "{name}: {stderr}"
        );
    }
    assert_eq!(run.code(), 0, "{stderr}");
    assert_eq!(document_paths(&run.json()), vec!["desk/a.txt", "desk/z.md"]);
}

#[test]
fn only_unreadable_files_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "desk/binary.md", b"\0\0\0");
    write(dir.path(), "desk/latin1.txt", b"Caf\xe9\n");
    let run = marginalia(dir.path(), &["check", "desk"]);
    assert_eq!(run.code(), 2, "{}", run.stderr());
}

#[test]
fn one_megabyte_single_line_article() {
    let dir = tempfile::tempdir().unwrap();
    let line = big_article(1024 * 1024, false).replace('\n', " ");
    write(dir.path(), "desk/line.txt", &line);
    write(dir.path(), "desk/line.md", &line);
    let run = marginalia(dir.path(), &["check", "desk", "--format", "json"]);
    run.report("1 MB single-line article, plain and Markdown");
    assert!(matches!(run.code(), 0 | 1), "{}", run.stderr());
    let json = run.json();
    assert_eq!(document_paths(&json), vec!["desk/line.md", "desk/line.txt"]);
}

/// A desk of many small articles in many folders, all restating one claim
/// with seven values: every article is read and counted. 20,000 articles
/// show it as well as 100,000 (the run over 100,000 on the release binary
/// is a measurement in BENCHMARKS.md).
#[test]
fn twenty_thousand_one_line_articles() {
    let dir = scratch_dir();
    let desk = dir.path().join("desk");
    let started = Instant::now();
    for i in 0..20_000 {
        let sub = desk.join(format!("{:03}", i / 1000));
        if i % 1000 == 0 {
            fs::create_dir_all(&sub).unwrap();
        }
        let ext = if i % 2 == 0 { "md" } else { "txt" };
        let mut file = fs::File::create(sub.join(format!("{i}.{ext}"))).unwrap();
        writeln!(
            file,
            "Article {i}: North Korea sent {} troops to Russia, officials said.",
            1000 + i % 7
        )
        .unwrap();
    }
    eprintln!("[measure] writing 20,000 files: {:.2?}", started.elapsed());
    let run = marginalia(dir.path(), &["check", "desk"]);
    run.report("20,000 one-line articles");
    assert!(matches!(run.code(), 0 | 1), "{}", run.stderr());
    assert!(
        run.stdout().contains("(20000 articles checked)"),
        "{}",
        run.stdout()
    );
}

#[test]
fn dangling_symlink_is_reported_and_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "desk/a.txt", CLEAN);
    write(dir.path(), "desk/b.md", CLEAN);
    // An article that vanished after it was listed: the link is still there.
    std::os::unix::fs::symlink("gone.md", dir.path().join("desk/vanished.md")).unwrap();
    // Inside a folder.
    let run = marginalia(dir.path(), &["check", "desk", "--format", "json"]);
    assert!(run.stderr().contains("vanished.md"), "{}", run.stderr());
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(document_paths(&run.json()), vec!["desk/a.txt", "desk/b.md"]);
    // Named explicitly.
    let run = marginalia(
        dir.path(),
        &[
            "check",
            "desk/a.txt",
            "desk/vanished.md",
            "desk/b.md",
            "--format",
            "json",
        ],
    );
    assert!(run.stderr().contains("vanished.md"), "{}", run.stderr());
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(document_paths(&run.json()), vec!["desk/a.txt", "desk/b.md"]);
}

#[test]
fn symlinked_article_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "elsewhere/real.md", CLEAN);
    write(dir.path(), "desk/a.txt", CLEAN);
    std::os::unix::fs::symlink("../elsewhere/real.md", dir.path().join("desk/link.md")).unwrap();
    let run = marginalia(dir.path(), &["check", "desk", "--format", "json"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(
        document_paths(&run.json()),
        vec!["desk/a.txt", "desk/link.md"]
    );
}

#[test]
fn directory_named_like_an_article_is_not_an_article() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "desk/a.txt", CLEAN);
    write(dir.path(), "desk/x.md/inner.txt", CLEAN);
    let run = marginalia(dir.path(), &["check", "desk", "--format", "json"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(
        document_paths(&run.json()),
        vec!["desk/a.txt", "desk/x.md/inner.txt"]
    );
}

#[test]
fn missing_input_is_reported_and_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "desk/a.txt", CLEAN);
    let run = marginalia(
        dir.path(),
        &["check", "desk", "nowhere", "--format", "json"],
    );
    assert!(run.stderr().contains("nowhere"), "{}", run.stderr());
    assert_eq!(document_paths(&run.json()), vec!["desk/a.txt"]);
    let run = marginalia(dir.path(), &["check", "nowhere"]);
    assert_eq!(run.code(), 2, "{}", run.stderr());
}

#[test]
fn broken_config_exits_2_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "desk/a.txt", CLEAN);
    write(
        dir.path(),
        "desk/marginalia.toml",
        "debounce_ms = 10\n\n[rules\nfigure-conflict = \"warning\"\n",
    );
    let run = marginalia(dir.path(), &["check", "desk"]);
    assert_eq!(run.code(), 2, "{}", run.stderr());
    let stderr = run.stderr();
    assert!(
        stderr.contains("marginalia.toml") && stderr.contains("line 3"),
        "{stderr}"
    );
    // The same through --config, and for a config that is valid TOML but not valid settings.
    write(dir.path(), "other.toml", "max_file_size = \"big\"\n");
    let run = marginalia(dir.path(), &["check", "desk", "--config", "other.toml"]);
    assert_eq!(run.code(), 2, "{}", run.stderr());
    assert!(run.stderr().contains("line 1"), "{}", run.stderr());
}

#[test]
fn odd_but_valid_articles_are_all_checked() {
    let dir = tempfile::tempdir().unwrap();
    let files: &[(&str, &[u8])] = &[
        ("empty.md", b""),
        ("bom.md", "\u{feff}".as_bytes()),
        ("blank.txt", b" \n\r\n\t\r"),
        ("cr.txt", b"North Korea\rsent troops.\r"),
        (
            "emoji.md",
            "# 🇺🇦🪖\n\n👩‍👩‍👧 e\u{301} Zoë’s “3,000”.\n".as_bytes(),
        ),
        ("front.md", b"---\ntitle: x\n"),
        ("fence.md", b"```\nnever closed\n"),
        ("name with spaces.md", CLEAN.as_bytes()),
        ("line\nbreak.txt", CLEAN.as_bytes()),
    ];
    for (name, contents) in files {
        write(dir.path(), &format!("desk/{name}"), contents);
    }
    // A file name that is not UTF-8.
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"desk/caf\xe9.txt");
        fs::write(dir.path().join(name), CLEAN).unwrap();
    }
    for format in ["human", "json"] {
        let run = marginalia(dir.path(), &["check", "desk", "--format", format]);
        assert_eq!(run.code(), 0, "{format}: {}", run.stderr());
        if format == "json" {
            assert_eq!(document_paths(&run.json()).len(), files.len() + 1);
        }
    }
}

#[test]
fn pathological_markdown_and_punctuation_finish() {
    let dir = tempfile::tempdir().unwrap();
    let n = 100_000;
    let backticks: String = (1..400).map(|i| "`".repeat(i) + "a").collect();
    let nested_list: String = (0..1000).map(|i| "  ".repeat(i) + "- a\n").collect();
    let cases: Vec<(&str, String)> = vec![
        ("brackets", "[".repeat(n)),
        ("open_links", "[a](".repeat(n / 4)),
        ("emphasis", "*a_".repeat(n / 3)),
        ("backticks", backticks),
        ("nested_quotes", "> ".repeat(n / 2) + "text"),
        ("nested_list", nested_list),
        ("comments", "<!--".repeat(n / 4)),
        ("entities", "&amp".repeat(n / 4)),
        ("abbreviations", "U.S. ".repeat(n / 5)),
        ("table_pipes", "|a|\n|-|\n".to_string() + &"|".repeat(n)),
        ("dotted", "a.".repeat(n / 2) + " "),
        ("fences", "```\n~~~\n".repeat(n / 8)),
        (
            "front_matter_lines",
            "---\n".to_string() + &"title: x\n".repeat(n / 9),
        ),
    ];
    for (name, text) in &cases {
        write(dir.path(), &format!("desk/{name}.md"), text);
        write(dir.path(), &format!("desk/{name}.txt"), text);
    }
    let run = marginalia(dir.path(), &["check", "desk", "--format", "json"]);
    run.report("pathological Markdown and punctuation, 26 files of up to 100 KB");
    assert!(matches!(run.code(), 0 | 1), "{}", run.stderr());
    assert_eq!(document_paths(&run.json()).len(), cases.len() * 2);
}

#[test]
fn unusable_configs_exit_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "desk/a.txt", CLEAN);
    for (name, contents, expect) in [
        ("glob.toml", &b"include = [\"[\"]\n"[..], "bad glob"),
        (
            "latin1.toml",
            &b"ignore = [\"Caf\xe9\"]\n"[..],
            "latin1.toml",
        ),
        ("dir.toml", &b""[..], "dir.toml"),
    ] {
        if name == "dir.toml" {
            fs::create_dir_all(dir.path().join(name)).unwrap();
        } else {
            write(dir.path(), name, contents);
        }
        let run = marginalia(dir.path(), &["check", "desk", "--config", name]);
        assert_eq!(run.code(), 2, "{name}: {}", run.stderr());
        assert!(run.stderr().contains(expect), "{name}: {}", run.stderr());
    }
}

#[test]
fn unwritable_stdout_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "desk/a.txt", CLEAN);
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .env("MARGINALIA_NO_CACHE", "1")
        .args(["check", "desk", "--format", "json"])
        .current_dir(dir.path())
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot write output"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// A pipe named like an article would block the reader forever (nobody ever
/// writes to it); a link to a device such as /dev/zero would never end. Both
/// are reported or left alone, and the run finishes.
#[test]
fn pipes_and_devices_named_like_articles_do_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "desk/a.txt", CLEAN);
    mkfifo(&dir.path().join("desk/pipe.md"));
    mkfifo(&dir.path().join("elsewhere.fifo"));
    std::os::unix::fs::symlink("../elsewhere.fifo", dir.path().join("desk/to_pipe.md")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("desk/zero.txt")).unwrap();
    let run = marginalia(dir.path(), &["check", "desk", "--format", "json"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(document_paths(&run.json()), vec!["desk/a.txt"]);
    // Named explicitly, each is reported by name.
    let run = marginalia(
        dir.path(),
        &[
            "check",
            "desk/a.txt",
            "desk/pipe.md",
            "desk/to_pipe.md",
            "desk/zero.txt",
            "--format",
            "json",
        ],
    );
    let stderr = run.stderr();
    for name in ["pipe.md", "to_pipe.md", "zero.txt"] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(name) && l.contains("not a regular file")),
            "{name}: {stderr}"
        );
    }
    assert_eq!(run.code(), 0, "{stderr}");
    assert_eq!(document_paths(&run.json()), vec!["desk/a.txt"]);
}

/// Articles deleted and renamed while the checker walks and reads them: each
/// is checked under one of its names or reported, the run ends normally, and
/// the untouched ones are all checked.
#[test]
fn files_deleted_and_renamed_during_the_walk() {
    let dir = scratch_dir();
    let count = 20_000;
    let mut paths = Vec::with_capacity(count);
    for i in 0..count {
        if i % 1000 == 0 {
            fs::create_dir_all(dir.path().join(format!("desk/{:02}", i / 1000))).unwrap();
        }
        let name = format!("desk/{:02}/{i}.md", i / 1000);
        fs::write(dir.path().join(&name), CLEAN).unwrap();
        paths.push(name);
    }
    let root = dir.path().to_path_buf();
    let touched: Vec<(usize, String)> = paths
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 7 == 3 || i % 11 == 5)
        .map(|(i, p)| (i, p.clone()))
        .collect();
    // Paced over about the time the run takes, so that some go before they
    // are listed, some between listing and reading, some after.
    let mutator = std::thread::spawn(move || {
        for (n, (i, name)) in touched.into_iter().enumerate() {
            if n % 8 == 0 {
                std::thread::sleep(Duration::from_millis(1));
            }
            let path = root.join(&name);
            if i % 7 == 3 {
                fs::remove_file(path).unwrap();
            } else {
                fs::rename(&path, path.with_file_name(format!("{i}-renamed.md"))).unwrap();
            }
        }
    });
    let run = marginalia(dir.path(), &["check", "desk", "--format", "json"]);
    mutator.join().unwrap();
    run.report("20,000 articles, a fifth deleted or renamed during the walk");
    let stderr = run.stderr();
    assert_eq!(run.code(), 0, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let checked: std::collections::BTreeSet<String> =
        document_paths(&run.json()).into_iter().collect();
    let mut old_names = 0;
    for (i, name) in paths.iter().enumerate() {
        if i % 7 != 3 && i % 11 != 5 {
            assert!(checked.contains(name), "{name} was not checked");
        } else if checked.contains(name) {
            old_names += 1;
        }
    }
    let vanished = stderr.lines().filter(|l| l.contains("skipped")).count();
    eprintln!(
        "[measure] of the deleted or renamed articles, {old_names} were read under their old \
         name and {vanished} were listed but gone when read"
    );
    let known = checked.iter().all(|p| {
        let file = p.rsplit('/').next().unwrap();
        let number = file.trim_end_matches(".md").trim_end_matches("-renamed");
        number.parse::<usize>().is_ok_and(|n| n < count)
    });
    assert!(known, "only the desk's articles are checked");
}

const TROOPS_LOW: &str = "North Korea has deployed 3,000 troops to Russia.";
const TROOPS_HIGH: &str = "North Korea has deployed 11,000 troops to Russia.";

#[test]
fn check_without_a_path_checks_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", format!("{TROOPS_LOW}\n"));
    write(dir.path(), "b.md", format!("{TROOPS_HIGH}\n"));
    write(dir.path(), "c.md", CLEAN);
    let run = marginalia(dir.path(), &["check"]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    let out = run.stdout();
    // Paths as the user would type them, and the articles that have findings counted.
    assert!(out.contains("--> a.md:1:26"), "{out}");
    assert!(!out.contains("./"), "{out}");
    assert!(
        out.ends_with("2 warnings in 2 articles (3 articles checked)\n"),
        "{out}"
    );
    let clean = tempfile::tempdir().unwrap();
    write(clean.path(), "c.md", CLEAN);
    let run = marginalia(clean.path(), &["check"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(run.stdout(), "no warnings (1 article checked)\n");
}

#[test]
fn json_lists_the_desks_claims_in_time_order_and_each_figure_points_to_its_claim() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "late.md",
        "---\ndate: 2031-05-04\n---\nRescuers said 19 people were killed in the flood.\n",
    );
    write(
        dir.path(),
        "early.md",
        "---\ndate: 2031-05-02\n---\nOfficials said 7 people were killed in the flood.\n",
    );
    write(dir.path(), "other.md", "The museum shows 40 paintings.\n");
    let run = marginalia(dir.path(), &["check", "--format", "json", "."]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout()).expect("JSON");
    let claims = report["claims"].as_array().expect("a claims list");
    let toll = claims
        .iter()
        .find(|c| c["kind"] == "toll")
        .unwrap_or_else(|| panic!("a toll claim in {claims:?}"));
    assert_eq!(toll["measured"], "dead: people");
    let dates: Vec<&str> = toll["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["date"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(dates, ["2031-05-02", "2031-05-04"]);
    // Every figure's claim_id names a claim of the list; a figure that makes
    // no claim has none.
    let ids: Vec<&str> = claims.iter().map(|c| c["id"].as_str().unwrap()).collect();
    for doc in report["documents"].as_array().unwrap() {
        for f in doc["figures"].as_array().unwrap() {
            match f["claim_id"].as_str() {
                Some(id) => assert!(ids.contains(&id), "{f}"),
                None => assert!(f["claim"].is_null(), "{f}"),
            }
        }
    }
}

#[test]
fn lines_are_counted_at_every_kind_of_line_break() {
    for (name, brk) in [("lf.md", "\n"), ("crlf.md", "\r\n"), ("cr.md", "\r")] {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            name,
            format!("# Title{brk}{brk}{TROOPS_LOW}{brk}"),
        );
        write(dir.path(), "other.md", format!("{TROOPS_HIGH}\n"));
        let run = marginalia(dir.path(), &["check", "--color", "never"]);
        let out = run.stdout();
        assert!(out.contains(&format!("--> {name}:3:26")), "{name}: {out}");
        assert!(
            out.contains(&format!("3 | {TROOPS_LOW}\n")),
            "{name}: {out}"
        );
        assert!(!out.contains('\r'), "{name}: {out:?}");
    }
}

#[test]
fn a_long_line_is_cut_around_the_finding() {
    let dir = tempfile::tempdir().unwrap();
    let filler = "The talks went on for hours and nothing was agreed. ".repeat(20);
    write(
        dir.path(),
        "a.md",
        format!("{filler}{TROOPS_LOW} {filler}\n"),
    );
    write(dir.path(), "b.md", format!("{TROOPS_HIGH}\n"));
    let run = marginalia(dir.path(), &["check"]);
    let out = run.stdout();
    let line = out
        .lines()
        .find(|l| l.contains("deployed 3,000"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.chars().count() < 120, "{line}");
    assert!(line.contains("..."), "{line}");
}

#[test]
fn colour_is_on_only_when_asked_or_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", format!("{TROOPS_LOW}\n"));
    write(dir.path(), "b.md", format!("{TROOPS_HIGH}\n"));
    let always = marginalia(dir.path(), &["check", "--color", "always"]);
    assert!(always.stdout().contains("\u{1b}["), "{}", always.stdout());
    // A pipe is no terminal: auto and never print plain text.
    for choice in ["auto", "never"] {
        let run = marginalia(dir.path(), &["check", "--color", choice]);
        assert!(
            !run.stdout().contains('\u{1b}'),
            "{choice}: {}",
            run.stdout()
        );
    }
    let bad = marginalia(dir.path(), &["check", "--color", "sometimes"]);
    assert_eq!(bad.code(), 2);
}
