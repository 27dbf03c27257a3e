//! Snapshot tests of annotated fixture desks.
//!
//! Every folder under `tests/fixtures/` is a desk of articles. Each is checked
//! together and rendered with its names, figures and findings underlined below
//! the source lines, so that a change in behaviour reads as a diff.

use std::fmt::Write;
use std::path::Path;

use marginalia::analysis::config::Config;
use marginalia::analysis::desk::{Desk, DeskReport};
use marginalia::analysis::findings::{RULES, format_value};
use marginalia::analysis::text::DocFormat;

/// Renders a desk: for every article, each line that carries an annotation,
/// followed by one underline per annotation.
fn render(desk: &Desk, report: &DeskReport) -> String {
    let mut out = String::new();
    for (doc, document) in desk.documents().enumerate() {
        let name = Path::new(&document.path)
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let date = document
            .date()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        writeln!(out, "--- {name}{date}").unwrap();
        let text = document.text.as_str();
        let mut annotations: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        for (i, m) in report.mentions(doc).enumerate() {
            let entity = &report.entities.entities[report.entities.by_doc[doc][i]];
            let mut label = format!("{} {} “{}”", entity.id, m.kind.as_str(), entity.canonical);
            if m.demonym {
                label.push_str(" demonym");
            }
            if let Some(role) = &m.role {
                write!(label, " role=“{role}”").unwrap();
            }
            if let Some(target) = entity.refers_to {
                write!(label, " stands for {}", report.entities.entities[target].id).unwrap();
            }
            annotations.push((m.span.clone(), label));
        }
        for f in report.figures(doc) {
            let fig = &f.figure;
            let mut label = format!("figure {}", format_value(fig.value, &fig.unit));
            if let (Some(low), Some(high)) = (fig.low, fig.high)
                && (low != fig.value || high != fig.value)
            {
                write!(
                    label,
                    " [{}, {}]",
                    format_value(low, &fig.unit),
                    format_value(high, &fig.unit)
                )
                .unwrap();
            } else if let Some(low) = fig.low.filter(|_| fig.high.is_none()) {
                write!(label, " [{}, ∞)", format_value(low, &fig.unit)).unwrap();
            }
            if let Some(counted) = &fig.counted {
                write!(label, " {counted}").unwrap();
            }
            if let Some(per) = &fig.per {
                write!(label, " per {per}").unwrap();
            }
            write!(label, " {:?}", fig.role).unwrap();
            if let Some(claim) = f.claim_label() {
                write!(label, " · claim “{claim}”").unwrap();
            }
            annotations.push((fig.span.clone(), label));
        }
        for (span, finding) in report.findings_in_order(doc) {
            let mut label = format!(
                "{}[{}]: {}",
                finding.severity.as_str(),
                finding.rule,
                finding.message
            );
            for r in finding.related.iter() {
                let other = Path::new(&report.paths[r.doc])
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                write!(
                    label,
                    "\n      = related {other}@{}: {}",
                    report.span_of(r.doc, &r.at).map_or(0, |s| s.start),
                    r.message
                )
                .unwrap();
            }
            annotations.push((span, label));
        }
        annotations.sort_by_key(|(span, _)| span.start);
        let mut line_start = 0;
        for (number, line) in text.split_inclusive('\n').enumerate() {
            let line_end = line_start + line.len();
            let here: Vec<_> = annotations
                .iter()
                .filter(|(span, _)| span.start >= line_start && span.start < line_end)
                .collect();
            if !here.is_empty() {
                writeln!(out, "{:>3} | {}", number + 1, line.trim_end()).unwrap();
                for (span, label) in here {
                    let column = text[line_start..span.start].chars().count();
                    let width = text[span.start..span.end.min(line_end)]
                        .trim_end()
                        .chars()
                        .count()
                        .max(1);
                    writeln!(
                        out,
                        "    | {}{} {label}",
                        " ".repeat(column),
                        "^".repeat(width)
                    )
                    .unwrap();
                }
            }
            line_start = line_end;
        }
    }
    out
}

fn check_fixture(dir: &Path) -> String {
    let config = match std::fs::read_to_string(dir.join("marginalia.toml")) {
        Ok(source) => Config::from_toml(&source).expect("fixture config parses"),
        Err(_) => Config::default(),
    };
    let mut desk = Desk::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .and_then(DocFormat::from_extension)
                .is_some()
        })
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path).expect("fixture text");
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .to_string();
        desk.upsert(&name, &text, DocFormat::from_path(&name), &config);
    }
    render(&desk, &desk.report(&config))
}

#[test]
fn fixture_desks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 10, "fixtures missing");
    for dir in dirs {
        let name = dir.file_name().expect("name").to_string_lossy().to_string();
        insta::assert_snapshot!(name, check_fixture(&dir));
    }
}

/// The rules that each fixture must raise; `*-quiet` fixtures must raise none.
#[test]
fn each_rule_fires_and_stays_quiet_on_near_misses() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let expect: &[(&str, &[&str])] = &[
        ("conflict-across", &["figure-conflict"]),
        ("conflict-quiet", &[]),
        ("drift", &["figure-drift"]),
        ("drift-quiet", &[]),
        ("arithmetic-rate", &["arithmetic"]),
        ("arithmetic-rate-quiet", &[]),
        ("arithmetic-parts", &["arithmetic"]),
        ("arithmetic-parts-quiet", &[]),
        // The same figures, but the total stands too far from its parts.
        ("arithmetic-parts-far-quiet", &[]),
        ("arithmetic-multiplier", &["arithmetic"]),
        ("arithmetic-multiplier-quiet", &[]),
        ("spelling-variant", &["spelling-variant"]),
        ("spelling-variant-quiet", &[]),
        ("markdown-debris", &[]),
        // Tolls: the same toll stated differently, a toll that grows from one
        // day's article to the next (a change, shown as information), and a
        // toll scoped to one district against the whole storm's.
        ("toll-conflict", &["figure-conflict"]),
        ("toll-change", &["figure-conflict"]),
        ("toll-scoped-quiet", &[]),
        // Game clocks and yardages, parts and windows of a season, the dead
        // of an earlier year, and idioms that look like multipliers.
        ("measures-quiet", &[]),
        ("partitive-quiet", &[]),
        ("other-year-quiet", &[]),
        ("arithmetic-idiom-quiet", &[]),
        // A place's population, stated twice; people counted for another reason.
        ("population-conflict", &["figure-conflict"]),
        // A count against the denominator of a ratio ("one in every 300").
        ("ratio-conflict", &["figure-conflict"]),
        ("ratio-quiet", &[]),
        ("population-quiet", &[]),
        // A population in an apposition ("Torvik, a town of 48,000 people,"),
        // and a toll whose sentence says "other" in another clause.
        ("population-apposition", &["figure-conflict"]),
        ("toll-other-clause", &["figure-conflict"]),
        // What was done to things, whoever did it: "four shells were fired"
        // against "six shells were fired". Quiet: another verb, a count of
        // another order, two counts in one sentence, a sequence in one article.
        ("event-count-conflict", &["figure-conflict"]),
        ("event-count-quiet", &[]),
        // A quake's magnitude stated twice; quiet: two quakes in one
        // sentence, an aftershock, another quake further apart in size.
        ("magnitude-conflict", &["figure-conflict"]),
        ("magnitude-quiet", &[]),
        // A toll scoped to one kind of facility, however each article names
        // it; quiet: several schools, and a time that is no place.
        ("toll-facility-conflict", &["figure-conflict"]),
        ("toll-facility-quiet", &[]),
        // The value of one deal, of the person it was signed with; quiet:
        // money with no deal noun, another person's deal, an agreeing one.
        ("deal-conflict", &["figure-conflict"]),
        ("deal-quiet", &[]),
        // A mother's children; quiet: a father's, and some of them.
        ("kin-conflict", &["figure-conflict"]),
        ("kin-quiet", &[]),
        // How far another, dated event reached; quiet: another year, and
        // the story's own event.
        ("background-conflict", &["figure-conflict"]),
        ("background-quiet", &[]),
    ];
    for (fixture, rules) in expect {
        let dir = root.join(fixture);
        let rendered = check_fixture(&dir);
        let mut fired: Vec<&str> = RULES
            .iter()
            .map(|rule| rule.id)
            .filter(|rule| rendered.contains(&format!("[{rule}]")))
            .collect();
        fired.sort();
        let mut want = rules.to_vec();
        want.sort();
        assert_eq!(fired, want, "{fixture}:\n{rendered}");
    }
}
