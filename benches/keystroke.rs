//! Keystroke latency: from a one-character `didChange` to the diagnostics it
//! produces, through the same in-process path the server's worker uses
//! ([`Workspace::change`] then [`diagnostics_to_publish`]), without debounce.

use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use marginalia::analysis::config::Config;
use marginalia::analysis::document::DocumentAnalysis;
use marginalia::analysis::text::DocFormat;
use marginalia::lsp::convert::{LineCol, PositionEncoding};
use marginalia::lsp::server::diagnostics_to_publish;
use marginalia::lsp::state::{Change, Workspace};

const PARAGRAPHS: &[&str] = &[
    "North Korea has deployed 3,000 troops to Russia, according to South Korea's National Intelligence Service.",
    "President Volodymyr Zelenskyy said on Tuesday that about 11,000 North Korean soldiers were in the Kursk region.",
    "The Pentagon estimated that at least 10,000 troops had been sent, while NATO Secretary General Mark Rutte called the deployment a dangerous expansion.",
    "Kim Jong Un’s government earns roughly $2,500 per soldier per month, or $25 million a month for 10,000 troops — three thousand of them in Kursk alone.",
    "Ukraine’s military intelligence agency, the HUR, said 400 were killed and 3,600 injured, a total of 4,000 casualties. 😀",
];

/// A Markdown article of about `size` bytes.
fn article(size: usize, seed: usize) -> String {
    let mut out = String::from("---\ntitle: Troops\ndate: 2024-11-05\n---\n\n");
    let mut i = seed;
    while out.len() < size {
        out.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        out.push_str(if i % 3 == 0 { "\r\n\r\n" } else { "\n\n" });
        i += 1;
    }
    out
}

struct Typing {
    workspace: Workspace,
    key: String,
    version: i32,
    line: u32,
    inserted: bool,
}

impl Typing {
    fn new(open_text: &str, desk: usize) -> Typing {
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
        let lines = open_text.lines().count() as u32;
        Typing {
            workspace,
            key,
            version: 1,
            line: (lines / 2) | 1, // a paragraph line in the middle
            inserted: false,
        }
    }

    /// Types (or deletes) one character in the middle and waits for diagnostics.
    fn keystroke(&mut self) -> usize {
        self.version += 1;
        let at = LineCol::new(self.line, 5);
        let change = if self.inserted {
            Change {
                range: Some((at, LineCol::new(self.line, 6))),
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
    for (label, size, desk) in [
        ("10KB", 10_000, 0),
        ("100KB", 100_000, 0),
        ("1MB", 1_000_000, 0),
        ("10KB+desk1000", 10_000, 1_000),
    ] {
        let mut typing = Typing::new(&article(size, 0), desk);
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
