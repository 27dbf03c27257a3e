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

impl Typing {
    fn new(open_text: &str, desk: usize, at: LineCol) -> Typing {
        let config = Config {
            debounce_ms: 0,
            ..Config::default()
        };
        let workspace = Workspace::new(config.clone(), PositionEncoding::Utf16);
        if desk > 0 {
            let files = (0..desk)
                .map(|i| {
                    let text = article(3_000, i);
                    let analysis = DocumentAnalysis::new(&text, DocFormat::Markdown, &config);
                    (
                        format!("file:///desk/{i:04}.md"),
                        Arc::from(text),
                        Arc::new(analysis),
                    )
                })
                .collect();
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
        self.version += 1;
        let at = self.at;
        let after = LineCol::new(at.line, at.character + 1);
        let change = if self.inserted {
            Change {
                range: Some((at, after)),
                text: String::new(),
            }
        } else {
            Change {
                range: Some((at, at)),
                text: "x".to_string(),
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

criterion_group!(benches, keystroke, indexing);
criterion_main!(benches);
