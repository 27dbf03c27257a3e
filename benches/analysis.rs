//! Throughput of the analysis: one article, and a desk of many articles.
//!
//! The text is generated from sentence templates of realistic shape (names with
//! roles, demonyms, figures in digits and words, qualifiers, Markdown), varied
//! by a seeded generator so that no two paragraphs are identical.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use marginalia::analysis::config::Config;
use marginalia::analysis::desk::Desk;
use marginalia::analysis::document::DocumentAnalysis;
use marginalia::analysis::text::DocFormat;

mod common;
use common::Rng;

const TEMPLATES: &[&str] = &[
    "Defense Secretary {P} said on {D} that {C} has deployed {N} troops to {C2}, officials in {CITY} said.",
    "According to {DEM} intelligence, an additional {N} soldiers were sent in {M} {Y}, bringing the total to approximately {N2}.",
    "{P2}, a senior lecturer at the University of {CITY}, said the {DEM} units would operate on their own.",
    "The ministry estimated that around {N} people had been killed and {N2} injured since the start of the offensive.",
    "Arms sales are reportedly worth between ${S} to ${S2} billion, and the government could earn ${S} million a year.",
    "{C}'s economy grew by {PCT}% last year, while inflation stood at nearly {PCT2} percent, the central bank said.",
    "Some three thousand protesters gathered in {CITY} on {D}, and at least {N} were detained by police.",
    "The {ORG} said it had delivered more than {N} tonnes of aid, up from fifteen hundred tonnes a month earlier.",
    "However, {P} told reporters that the figure was \"far higher\" and that {C} would respond.",
    "In {Y}, roughly {N} residents left the region, the {ORG} reported.",
];
const PEOPLE: &[&str] = &[
    "Lloyd Austin",
    "Maria Snegovaya",
    "Gustav Gressel",
    "Anna Lindqvist",
    "Tomas Brandt",
    "Li Wei",
    "Amara Okafor",
];
const COUNTRIES: &[&str] = &[
    "North Korea",
    "Russia",
    "Ukraine",
    "South Korea",
    "Germany",
    "France",
    "Poland",
    "Japan",
];
const DEMONYMS: &[&str] = &[
    "North Korean",
    "Russian",
    "Ukrainian",
    "South Korean",
    "German",
    "Polish",
];
const CITIES: &[&str] = &[
    "Seoul", "Kyiv", "Berlin", "Warsaw", "Paris", "Tokyo", "Rome",
];
const ORGS: &[&str] = &[
    "World Food Programme",
    "Joint Chiefs of Staff",
    "Red Cross",
    "Defense Ministry",
];
const MONTHS: &[&str] = &["January", "February", "March", "October", "November"];
const DAYS: &[&str] = &["Monday", "Wednesday", "Friday"];

/// An article of about `bytes` bytes, in Markdown with front matter.
pub fn article(seed: u64, bytes: usize) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut out =
        String::from("---\ntitle: Generated\ndate: 2025-01-15\n---\n\n# A Generated Report\n\n");
    while out.len() < bytes {
        for _ in 0..3 {
            let t = rng.pick(TEMPLATES);
            let sentence = t
                .replace("{P2}", rng.pick(PEOPLE))
                .replace("{P}", rng.pick(PEOPLE))
                .replace("{C2}", rng.pick(COUNTRIES))
                .replace("{C}", rng.pick(COUNTRIES))
                .replace("{DEM}", rng.pick(DEMONYMS))
                .replace("{CITY}", rng.pick(CITIES))
                .replace("{ORG}", rng.pick(ORGS))
                .replace("{M}", rng.pick(MONTHS))
                .replace("{D}", rng.pick(DAYS))
                .replace("{Y}", &format!("{}", 2015 + rng.next() % 10))
                .replace("{N2}", &format!("{}", 1000 + rng.next() % 20000))
                .replace(
                    "{N}",
                    &format!("{},{:03}", 1 + rng.next() % 30, rng.next() % 1000),
                )
                .replace("{S2}", &format!("{}", 5 + rng.next() % 5))
                .replace("{S}", &format!("{}", 1 + rng.next() % 4))
                .replace(
                    "{PCT2}",
                    &format!("{}.{}", rng.next() % 10, rng.next() % 10),
                )
                .replace("{PCT}", &format!("{}", rng.next() % 10));
            out.push_str(&sentence);
            out.push(' ');
        }
        out.push_str("\n\n");
    }
    out
}

fn words(text: &str) -> u64 {
    text.split_whitespace().count() as u64
}

fn single_article(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("article");
    for size in [10_000usize, 100_000, 1_000_000] {
        let text = article(size as u64, size);
        group.throughput(Throughput::Elements(words(&text)));
        // A baseline measured in the same run: just counting the words. The
        // ratio to it is steadier than raw times on a shared, noisy machine.
        group.bench_with_input(
            BenchmarkId::new("baseline-split", size),
            &text,
            |b, text| b.iter(|| black_box(text).split_whitespace().count()),
        );
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
            b.iter(|| DocumentAnalysis::new(black_box(text), DocFormat::Markdown, &config))
        });
    }
    group.finish();
}

fn desk(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("desk");
    group.sample_size(10);
    for count in [1_000usize, 10_000] {
        let articles: Vec<(String, String)> = (0..count)
            .map(|i| (format!("article-{i:05}.md"), article(i as u64, 3_000)))
            .collect();
        let total_words: u64 = articles.iter().map(|(_, t)| words(t)).sum();
        group.throughput(Throughput::Elements(total_words));
        group.bench_with_input(
            BenchmarkId::from_parameter(count),
            &articles,
            |b, articles| {
                b.iter(|| {
                    use rayon::prelude::*;
                    let analysed: Vec<_> = articles
                        .par_iter()
                        .map(|(path, text)| {
                            (
                                path,
                                text,
                                DocumentAnalysis::new(text, DocFormat::Markdown, &config),
                            )
                        })
                        .collect();
                    let mut desk = Desk::new();
                    for (path, text, analysis) in analysed {
                        desk.insert_analysed(
                            path,
                            marginalia::analysis::source::text(text.as_str()),
                            analysis.into(),
                        );
                    }
                    desk.report(&config)
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, single_article, desk);
criterion_main!(benches);
