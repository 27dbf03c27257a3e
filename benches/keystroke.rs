//! Keystroke latency: from a one-character `didChange` to the diagnostics it
//! produces, through the same in-process path the server's worker uses
//! ([`Workspace::change`] then [`diagnostics_to_publish`]), without debounce.

use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use marginalia::analysis::config::Config;
use marginalia::analysis::document::DocumentAnalysis;
use marginalia::analysis::text::DocFormat;
use marginalia::lsp::convert::{LineCol, PositionEncoding, position};
use marginalia::lsp::server::diagnostics_to_publish;
use marginalia::lsp::state::{Change, Workspace};

const PARAGRAPHS: &[&str] = &[
    "North Korea has deployed 3,000 troops to Russia, according to South Korea's National Intelligence Service.",
    "President Volodymyr Zelenskyy said on Tuesday that about 11,000 North Korean soldiers were in the Kursk region.",
    "The Pentagon estimated that at least 10,000 troops had been sent, while NATO Secretary General Mark Rutte called the deployment a dangerous expansion.",
    "Kim Jong Un’s government earns roughly $2,500 per soldier per month, or $25 million a month for 10,000 troops — three thousand of them in Kursk alone.",
    "Ukraine’s military intelligence agency, the HUR, said 400 were killed and 3,600 injured, a total of 4,000 casualties. 😀",
];

/// A Markdown article of about `size` bytes that restates the same claims
/// with different figures in every paragraph: a stress case, full of findings.
fn dense_article(size: usize, seed: usize) -> String {
    let mut out = String::from("---\ntitle: Troops\ndate: 2024-11-05\n---\n\n");
    let mut i = seed;
    while out.len() < size {
        out.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        out.push_str(if i % 3 == 0 { "\r\n\r\n" } else { "\n\n" });
        i += 1;
    }
    out
}

const PLACES: &[&str] = &[
    "Ukraine",
    "Russia",
    "North Korea",
    "South Korea",
    "Poland",
    "Germany",
    "France",
    "Japan",
    "China",
    "Turkey",
    "Iran",
    "Israel",
    "Egypt",
    "Kenya",
    "Nigeria",
    "Brazil",
    "Mexico",
    "Canada",
    "India",
    "Pakistan",
    "Sweden",
    "Finland",
    "Romania",
    "Moldova",
];
const FIRST: &[&str] = &[
    "Anna", "Pavel", "Maria", "Jonas", "Lena", "Omar", "Yuki", "Carlos", "Ingrid", "Tomasz",
    "Amara", "Dmitri", "Sofia", "Kwame", "Elena", "Hiroshi",
];
const LAST: &[&str] = &[
    "Kowalski",
    "Ivanova",
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Tanaka",
    "Moreno",
    "Brandt",
    "Petrescu",
    "Nakamura",
    "Mensah",
    "Novak",
    "Rossi",
    "Dubois",
    "Costa",
    "Weber",
];
const ROLES: &[&str] = &[
    "Foreign Minister",
    "Defense Minister",
    "President",
    "spokeswoman",
];
const COUNTED: &[&str] = &[
    "troops",
    "refugees",
    "tanks",
    "drones",
    "schools",
    "hospitals",
    "workers",
    "villages",
];
const PROSE: &[&str] = &[
    "Officials described the situation as tense but stable, and said talks would resume after the holiday.",
    "The report, which runs to several hundred pages, has not been made public in full.",
    "Analysts cautioned that the figures could not be independently verified and might change as more information emerged.",
    "Residents interviewed by reporters said that prices for bread and fuel had risen sharply over the winter.",
    "The ministry’s statement did not say when the measures would take effect or how they would be paid for.",
    "Diplomats at the meeting spoke on condition of anonymity because they were not authorized to discuss the talks.",
];

/// A deterministic pseudo-random number (an LCG step).
fn next(state: &mut u64) -> u64 {
    *state = state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *state >> 33
}

/// A Markdown article of about `size` bytes that reads like a long news
/// piece: mostly prose, with people, places and figures spread through it.
/// Each place's figures are consistent, except about one paragraph in forty,
/// which restates a claim with another figure, so the article has a few findings.
fn article(size: usize, seed: usize) -> String {
    let mut out = String::from("---\ntitle: The war, month by month\ndate: 2024-11-05\n---\n\n");
    let mut state = seed as u64 + 1;
    let mut paragraph = 0;
    while out.len() < size {
        let mut pick = |list: &[&'static str]| list[next(&mut state) as usize % list.len()];
        let place = pick(PLACES);
        let counted = pick(COUNTED);
        let person = format!("{} {}", pick(FIRST), pick(LAST));
        let role = pick(ROLES);
        let base = (place.len() * 1_000 + counted.len() * 100) as u64;
        let figure = if paragraph % 40 == 39 { base * 3 } else { base };
        let prose = pick(PROSE);
        let prose2 = pick(PROSE);
        out.push_str(&format!(
            "{role} {person} said that {place} had {figure} {counted} in the region. {prose} \
             {surname} added that the numbers were “still rising”. {prose2}",
            surname = person.rsplit(' ').next().unwrap_or_default(),
        ));
        out.push_str(if paragraph % 3 == 0 {
            "\r\n\r\n"
        } else {
            "\n\n"
        });
        paragraph += 1;
    }
    out
}

struct Typing {
    workspace: Workspace,
    key: String,
    version: i32,
    at: LineCol,
    inserted: bool,
}

/// Where the keystrokes go.
#[derive(Clone, Copy)]
enum Spot {
    /// Inside an ordinary word of prose, in the middle of the article.
    Prose,
    /// Inside a surname in the middle of the article, so that a name changes.
    Name,
    /// Column 5 of a line in the middle (for the dense article).
    Column5,
}

fn spot(text: &str, spot: Spot) -> LineCol {
    let middle = text.len() / 2;
    let rope = ropey::Rope::from_str(text);
    let offset = match spot {
        Spot::Prose => middle + text[middle..].find(" the region").expect("prose") + 8,
        Spot::Name => middle + text[middle..].find(" added that").expect("a name") - 2,
        Spot::Column5 => {
            let line = (rope.len_lines() / 2) | 1;
            return LineCol::new(line as u32, 5);
        }
    };
    position(&rope, offset, PositionEncoding::Utf16)
}

/// The indexed articles of a desk, as the workspace takes them.
type DeskFiles = Vec<(String, Arc<str>, Arc<DocumentAnalysis>)>;

fn bench_config() -> Config {
    Config {
        debounce_ms: 0,
        ..Config::default()
    }
}

/// A desk of `count` generated articles of about `size` bytes each,
/// analysed in parallel as the server's indexing does.
fn desk_files(count: usize, size: usize) -> DeskFiles {
    let config = bench_config();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per = count.div_ceil(threads.max(1)).max(1);
    std::thread::scope(|scope| {
        let config = &config;
        let handles: Vec<_> = (0..count)
            .step_by(per)
            .map(|from| {
                scope.spawn(move || {
                    (from..(from + per).min(count))
                        .map(|i| {
                            let text = article(size, i);
                            let analysis =
                                DocumentAnalysis::new(&text, DocFormat::Markdown, config);
                            (
                                format!("file:///desk/{i:05}.md"),
                                Arc::from(text),
                                Arc::new(analysis),
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("an indexing thread"))
            .collect()
    })
}

impl Typing {
    fn new(open_text: &str, desk: usize, at: LineCol) -> Typing {
        let files = if desk > 0 {
            desk_files(desk, 3_000)
        } else {
            Vec::new()
        };
        Typing::with_desk(open_text, files, at)
    }

    /// The article `open_text` opened beside the indexed articles `files`.
    fn with_desk(open_text: &str, files: DeskFiles, at: LineCol) -> Typing {
        let workspace = Workspace::new(bench_config(), PositionEncoding::Utf16);
        if !files.is_empty() {
            workspace.replace_disk(files);
        }
        let key = "file:///desk/open.md".to_string();
        workspace.open(&key, open_text, 1, DocFormat::Markdown);
        diagnostics_to_publish(&workspace);
        Typing {
            workspace,
            key,
            version: 1,
            at,
            inserted: false,
        }
    }

    /// Types (or deletes) one character and waits for diagnostics.
    fn keystroke(&mut self) -> usize {
        self.type_text("x")
    }

    /// Types `text` (one character: a letter or a line break) at the spot,
    /// or deletes it again, alternately, and waits for diagnostics.
    fn type_text(&mut self, text: &str) -> usize {
        self.version += 1;
        let at = self.at;
        let after = if text == "\n" {
            LineCol::new(at.line + 1, 0)
        } else {
            LineCol::new(at.line, at.character + 1)
        };
        let change = if self.inserted {
            Change {
                range: Some((at, after)),
                text: String::new(),
            }
        } else {
            Change {
                range: Some((at, at)),
                text: text.to_string(),
            }
        };
        self.inserted = !self.inserted;
        self.workspace.change(&self.key, self.version, &[change]);
        diagnostics_to_publish(&self.workspace).len()
    }
}

fn keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(4));
    let cases: &[(&str, usize, usize, Spot, bool)] = &[
        ("10KB", 10_000, 0, Spot::Prose, false),
        ("100KB", 100_000, 0, Spot::Prose, false),
        ("1MB", 1_000_000, 0, Spot::Prose, false),
        ("1MB-in-a-name", 1_000_000, 0, Spot::Name, false),
        ("10KB+desk1000", 10_000, 1_000, Spot::Prose, false),
        ("10KB+desk1000-in-a-name", 10_000, 1_000, Spot::Name, false),
        ("dense-10KB", 10_000, 0, Spot::Column5, true),
        ("dense-1MB", 1_000_000, 0, Spot::Column5, true),
    ];
    for &(label, size, desk, at, dense) in cases {
        let text = if dense {
            dense_article(size, 0)
        } else {
            article(size, 0)
        };
        let mut typing = Typing::new(&text, desk, spot(&text, at));
        group.bench_with_input(BenchmarkId::from_parameter(label), &(), |b, _| {
            b.iter(|| typing.keystroke())
        });
    }
    group.finish();
}

/// Seed-sized articles: about the size of the development desk's.
const SEED_SIZE: usize = 23_000;

/// Resident memory of this process, in MB (`VmRSS`), where `/proc` says it.
fn resident_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// A one-letter edit inside a name and in prose, in a 10 KB and a 1 MB
/// article, beside desks of 0 to 10,000 seed-sized articles; hover on a name
/// beside the largest. `KEYSTROKE_DESKS=0,100` picks the desk sizes.
fn desk_sizes(c: &mut Criterion) {
    let sizes: Vec<usize> = std::env::var("KEYSTROKE_DESKS")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![0, 100, 1_000, 10_000]);
    let small = article(10_000, 0);
    let large = article(1_000_000, 0);
    for &desk in &sizes {
        let started = Instant::now();
        let files = desk_files(desk, SEED_SIZE);
        eprintln!(
            "desk of {desk} articles of {SEED_SIZE} bytes analysed in {:.1} s, resident {:.0} MB",
            started.elapsed().as_secs_f64(),
            resident_mb().unwrap_or(0.0)
        );
        let mut group = c.benchmark_group(format!("desk{desk}"));
        let slow = desk >= 1_000;
        group
            .sample_size(if slow { 10 } else { 20 })
            .measurement_time(Duration::from_secs(if slow { 6 } else { 3 }))
            .warm_up_time(Duration::from_secs(1));
        if slow {
            // Before the desk merged names, one edit took seconds here.
            group.sampling_mode(criterion::SamplingMode::Flat);
        }
        for (label, text) in [("10KB", &small), ("1MB", &large)] {
            for (place, at) in [("in-a-name", Spot::Name), ("in-prose", Spot::Prose)] {
                let mut typing = Typing::with_desk(text, files.clone(), spot(text, at));
                group.bench_function(format!("{label}-{place}"), |b| {
                    b.iter(|| typing.keystroke())
                });
                if desk == *sizes.last().unwrap_or(&0) && label == "10KB" && place == "in-a-name" {
                    eprintln!(
                        "resident with the desk open: {:.0} MB",
                        resident_mb().unwrap_or(0.0)
                    );
                    hover_bench(&mut group, &typing, text);
                }
            }
        }
        if desk == 0 {
            let at = spot(&large, Spot::Prose);
            let mut typing = Typing::with_desk(&large, Vec::new(), at);
            group.bench_function("1MB-line-break", |b| b.iter(|| typing.type_text("\n")));
        }
        group.finish();
    }
}

/// Hover on a name of the open article: a person who is mentioned across
/// the whole desk.
fn hover_bench(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    typing: &Typing,
    text: &str,
) {
    use marginalia::lsp::handlers::{Context, hover};
    use tower_lsp_server::ls_types as lsp;
    let offset = text.find(" said that ").expect("a name") - 2;
    let rope = ropey::Rope::from_str(text);
    let at = position(&rope, offset, PositionEncoding::Utf16);
    let params = lsp::HoverParams {
        text_document_position_params: lsp::TextDocumentPositionParams {
            text_document: lsp::TextDocumentIdentifier {
                uri: typing.key.parse().expect("a URI"),
            },
            position: lsp::Position::new(at.line, at.character),
        },
        work_done_progress_params: lsp::WorkDoneProgressParams::default(),
    };
    let ctx = Context {
        roots: Vec::new(),
        create_files: false,
    };
    let snapshot = typing.workspace.refresh();
    assert!(
        hover(&snapshot, &ctx, &params).is_some(),
        "a hover on a name"
    );
    group.bench_function("hover-a-name", |b| {
        b.iter(|| {
            let snapshot = typing.workspace.refresh();
            hover(&snapshot, &ctx, &params).is_some()
        })
    });
}

fn indexing(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("index_10000_articles", |b| {
        // Made only when this benchmark is selected.
        let dir = tempfile::tempdir().expect("a temporary folder");
        for i in 0..10_000 {
            let sub = dir.path().join(format!("{:02}", i % 100));
            std::fs::create_dir_all(&sub).expect("a folder");
            std::fs::write(sub.join(format!("{i:05}.md")), article(2_000, i)).expect("an article");
        }
        let roots = vec![dir.path().to_path_buf()];
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let started = Instant::now();
                let config = Config::default();
                let indexed = marginalia::lsp::files::index(&roots, &config, &|_, _| {});
                let workspace = Workspace::new(config, PositionEncoding::Utf16);
                workspace.replace_disk(
                    indexed
                        .into_iter()
                        .map(|f| (format!("file://{}", f.path.display()), f.text, f.analysis))
                        .collect(),
                );
                diagnostics_to_publish(&workspace);
                total += started.elapsed();
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, keystroke, desk_sizes, indexing);
criterion_main!(benches);
