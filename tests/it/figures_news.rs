//! Figure recognition on news-style sentences written for this test
//! (`tests/data/figure_sentences.tsv`), scored by value precision and recall.
//!
//! The values of a sentence are the figures' values, plus the upper end of each
//! range. A found value matches a gold value when they are within 0.5%; each
//! gold value can be matched once.

use std::path::PathBuf;

use marginalia::analysis::figures::find_figures;
use marginalia::analysis::model::Qualifier;
use marginalia::analysis::text::sentences;

const REQUIRED_F1: f64 = 0.92;

fn values(sentence: &str) -> Vec<f64> {
    let mut out = Vec::new();
    for f in find_figures(sentence, &sentences(sentence)) {
        // The gold values were written before shares in words ("a third of")
        // and vague magnitudes ("dozens of") were figures; they are tested in
        // the reader's unit tests.
        let lead = sentence[f.span.clone()].to_ascii_lowercase();
        let vague = [
            "tens",
            "dozens",
            "hundreds",
            "thousands",
            "millions",
            "billions",
        ]
        .iter()
        .any(|w| lead.starts_with(w));
        if f.unit.kind_label() == "fraction" || vague {
            continue;
        }
        // A change "from 19.5 million to 21 million" gives both ends.
        if let Some(c) = f.change {
            out.push(c.from);
            out.push(c.to);
            continue;
        }
        out.push(f.value);
        if f.qualifier == Qualifier::Range
            && let Some(h) = f.high
        {
            out.push(h);
        }
    }
    out
}

fn matches(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.005 * a.abs().max(b.abs())
}

#[test]
fn news_sentences_score_well() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/figure_sentences.tsv");
    let data = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut sentences_seen = 0;
    for line in data.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (sentence, gold) = line.split_once('\t').unwrap_or((line, ""));
        let gold: Vec<f64> = gold
            .split(';')
            .filter(|v| !v.trim().is_empty())
            .map(|v| {
                v.trim()
                    .parse::<f64>()
                    .unwrap_or_else(|e| panic!("bad gold value {v:?} in {sentence:?}: {e}"))
            })
            .collect();
        sentences_seen += 1;
        let found = values(sentence);
        let mut used = vec![false; gold.len()];
        let mut wrong = Vec::new();
        for v in &found {
            match (0..gold.len()).find(|&i| !used[i] && matches(gold[i], *v)) {
                Some(i) => {
                    used[i] = true;
                    tp += 1;
                }
                None => {
                    fp += 1;
                    wrong.push(*v);
                }
            }
        }
        let missed: Vec<f64> = (0..gold.len())
            .filter(|&i| !used[i])
            .map(|i| gold[i])
            .collect();
        fn_ += missed.len();
        if !wrong.is_empty() || !missed.is_empty() {
            eprintln!("{sentence}\n    extra {wrong:?} missed {missed:?}");
        }
    }
    assert!(sentences_seen >= 60, "only {sentences_seen} sentences");
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::MIN_POSITIVE);
    eprintln!(
        "news figures: {sentences_seen} sentences, precision {precision:.3}, recall {recall:.3}, F1 {f1:.3}"
    );
    assert!(f1 >= REQUIRED_F1, "F1 {f1:.3} is below {REQUIRED_F1}");
}
