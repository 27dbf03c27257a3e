//! Throughput of the part-of-speech tagger: tokens per second for tokenising
//! and tagging news-like sentences, for tagging pre-split tokens, and for
//! tokenising alone.
//!
//! The sentences come from invented templates, varied by a seeded generator.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use marginalia::analysis::syntax;

mod common;
use common::Rng;

const TEMPLATES: &[&str] = &[
    "The earthquake killed at least {N} people in {CITY} on {DAY}, officials said.",
    "{P}, a spokesman for the {ORG}, said {N} soldiers had been sent to the border.",
    "Police arrested {N} men after the raid, which seized {N} kilograms of cocaine.",
    "\"We don't know how many are still missing,\" {P} told reporters in {CITY}.",
    "The {DEM} navy said its ships had rescued {N} crew members from the tanker.",
    "Shares of the company rose {N}% to ${N} after it agreed to buy its rival.",
    "About {N} residents were evacuated as the fire spread across {N} hectares.",
    "The team's coach said the players' contracts would run until {N}.",
];
const PEOPLE: &[&str] = &["Ilse Varnow", "Tomas Rekke", "Amara Oduya", "Jun Sato"];
const CITIES: &[&str] = &["Tarnholm", "Velsby", "Port Anwick", "Oskara"];
const ORGS: &[&str] = &["Coast Guard", "Interior Ministry", "Harbour Authority"];
const DEMONYMS: &[&str] = &["Norwegian", "Chilean", "Italian"];
const DAYS: &[&str] = &["Monday", "Thursday", "Saturday"];

fn sentences(n: usize) -> Vec<String> {
    let mut rng = Rng(0x5EED_7A66);
    (0..n)
        .map(|_| {
            let mut s = rng.pick(TEMPLATES).to_string();
            for (key, items) in [
                ("{P}", PEOPLE),
                ("{CITY}", CITIES),
                ("{ORG}", ORGS),
                ("{DEM}", DEMONYMS),
                ("{DAY}", DAYS),
            ] {
                s = s.replace(key, rng.pick(items));
            }
            while let Some(at) = s.find("{N}") {
                let n = (rng.next() % 5000).to_string();
                s.replace_range(at..at + 3, &n);
            }
            s
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let sents = sentences(1000);
    let tokens: usize = sents.iter().map(|s| syntax::tokenize(s).len()).sum();
    let split: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| syntax::tokenize(s).into_iter().map(|r| &s[r]).collect())
        .collect();
    // Load the model outside the measurement.
    black_box(syntax::tag("Warm up."));

    let mut group = c.benchmark_group("tagger");
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("tokenize_and_tag_1000_sentences", |b| {
        b.iter(|| {
            for s in &sents {
                black_box(syntax::tag(black_box(s)));
            }
        })
    });
    group.bench_function("tag_words_1000_sentences", |b| {
        b.iter(|| {
            for words in &split {
                black_box(syntax::tag_words(black_box(words)));
            }
        })
    });
    group.bench_function("tokenize_1000_sentences", |b| {
        b.iter(|| {
            for s in &sents {
                black_box(syntax::tokenize(black_box(s)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
