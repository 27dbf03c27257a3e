//! `marginalia check` honours silenced findings: a `[[silence]]` entry in
//! `marginalia.toml` (found again by text and neighbourhood, so it survives
//! the text moving and lapses when the figure changes) and the
//! `<!-- marginalia: ignore RULE -->` comment on the line before.

use std::fs;
use std::path::Path;
use std::process::Command;

use marginalia::analysis::silence;

const ARTICLE: &str = "2025-02-10-costs-and-benefits.md";
const FIGURE: &str = "$250 million";
/// The rule whose finding on `FIGURE` is silenced.
const RULE: &str = "arithmetic";

/// A copy of the example desk in a fresh folder.
fn desk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/desk");
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    dir
}

/// The human output of `check` on a folder.
fn check(dir: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .env("MARGINALIA_NO_CACHE", "1")
        .args(["check", "--color", "never", "."])
        .current_dir(dir)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// How many findings of a rule point into a file.
fn findings_in(output: &str, rule: &str, file: &str) -> usize {
    let lines: Vec<&str> = output.lines().collect();
    lines
        .windows(2)
        .filter(|w| {
            w[0].starts_with(&format!("warning[{rule}]"))
                && w[1].trim_start().starts_with(&format!("--> {file}:"))
        })
        .count()
}

fn article(dir: &Path) -> String {
    fs::read_to_string(dir.join(ARTICLE)).unwrap()
}

fn set_article(dir: &Path, text: &str) {
    fs::write(dir.join(ARTICLE), text).unwrap();
}

/// Appends a `[[silence]]` entry for the figure as the article now has it.
fn silence_figure(dir: &Path) {
    let text = article(dir);
    let at = text.find(FIGURE).unwrap();
    let span = at..at + FIGURE.len();
    let entry = format!(
        "\n[[silence]]\nrule = \"{RULE}\"\narticle = \"{ARTICLE}\"\ntext = {:?}\ncontext = {:?}\n",
        silence::text_at(&text, &span),
        silence::neighbourhood(&text, &span)
    );
    let config = dir.join("marginalia.toml");
    let mut toml = fs::read_to_string(&config).unwrap();
    toml.push_str(&entry);
    fs::write(config, toml).unwrap();
}

#[test]
fn an_entry_silences_its_finding_while_the_text_moves_until_the_figure_changes() {
    let dir = desk();
    let before = check(dir.path());
    assert_eq!(findings_in(&before, RULE, ARTICLE), 1, "{before}");

    silence_figure(dir.path());
    let silenced = check(dir.path());
    assert_eq!(findings_in(&silenced, RULE, ARTICLE), 0, "{silenced}");
    // The other articles' findings stay.
    assert!(
        findings_in(
            &silenced,
            "spelling-variant",
            "2025-03-27-reinforcements.txt"
        ) > 0,
        "{silenced}"
    );

    // New paragraphs above: the finding moves down and stays silenced.
    let text = article(dir.path());
    let split = text.find("\n\n").unwrap() + 2;
    let moved = format!(
        "{}A new paragraph.\n\nAnd another.\n\n{}",
        &text[..split],
        &text[split..]
    );
    set_article(dir.path(), &moved);
    let after_move = check(dir.path());
    assert_eq!(findings_in(&after_move, RULE, ARTICLE), 0, "{after_move}");

    // The figure changes: the finding comes back.
    set_article(dir.path(), &moved.replacen(FIGURE, "$260 million", 1));
    let changed = check(dir.path());
    assert_eq!(findings_in(&changed, RULE, ARTICLE), 1, "{changed}");
}

#[test]
fn a_comment_silences_its_rule_on_the_next_line_only() {
    let dir = desk();
    let text = article(dir.path());
    let at = text.find(FIGURE).unwrap();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let with = |comment: &str| format!("{}{comment}\n{}", &text[..line_start], &text[line_start..]);

    set_article(
        dir.path(),
        &with(&format!("<!-- marginalia: ignore {RULE} -->")),
    );
    let silenced = check(dir.path());
    assert_eq!(findings_in(&silenced, RULE, ARTICLE), 0, "{silenced}");

    // A comment for another rule leaves it.
    set_article(
        dir.path(),
        &with("<!-- marginalia: ignore spelling-variant -->"),
    );
    let other = check(dir.path());
    assert_eq!(findings_in(&other, RULE, ARTICLE), 1, "{other}");
}
