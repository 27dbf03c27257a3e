//! What a newcomer sees on the four seed articles in `../shared/seeds`: the
//! real binary's JSON report, checked for the names, figures and warnings that
//! matter on that story, and for the warnings that must not appear.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn seeds() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    assert!(
        dir.is_dir(),
        "the seed articles are expected at {}",
        dir.display()
    );
    dir
}

fn report() -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .env("MARGINALIA_NO_CACHE", "1")
        .args(["check", "--format", "json"])
        .arg(seeds())
        .output()
        .expect("run marginalia");
    assert_eq!(
        output.status.code(),
        Some(1),
        "warnings are expected on the seeds"
    );
    serde_json::from_slice(&output.stdout).expect("one JSON object")
}

fn entity<'a>(report: &'a Value, canonical: &str) -> &'a Value {
    report["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .find(|e| e["canonical"] == canonical)
        .unwrap_or_else(|| panic!("no entity {canonical}"))
}

fn articles_of(entity: &Value) -> usize {
    let mut paths: Vec<&str> = entity["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .map(|m| m["path"].as_str().expect("path"))
        .collect();
    paths.sort();
    paths.dedup();
    paths.len()
}

fn figures(report: &Value) -> Vec<&Value> {
    report["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .flat_map(|d| d["figures"].as_array().expect("figures"))
        .collect()
}

fn findings(report: &Value) -> Vec<(&str, &Value)> {
    report["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .flat_map(|d| {
            let path = d["path"].as_str().expect("path");
            d["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .map(move |f| (path, f))
        })
        .collect()
}

#[test]
fn lloyd_austin_is_one_person_with_role_and_alias_in_two_articles() {
    let report = report();
    let austin = entity(&report, "Lloyd Austin");
    assert_eq!(austin["kind"], "person");
    assert!(
        austin["roles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "Defense Secretary")
    );
    assert!(
        austin["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Austin")
    );
    assert_eq!(articles_of(austin), 2);
}

#[test]
fn zelenskyy_is_one_person_in_three_articles_with_a_variant_warning() {
    let report = report();
    let zelenskyy = report["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["canonical"]
                .as_str()
                .is_some_and(|c| c.contains("Zelensk"))
        })
        .expect("Zelenskyy");
    assert_eq!(zelenskyy["kind"], "person");
    assert_eq!(articles_of(zelenskyy), 3);
    let variants: Vec<_> = findings(&report)
        .into_iter()
        .filter(|(_, f)| f["rule"] == "spelling-variant")
        .collect();
    assert_eq!(variants.len(), 1, "{variants:?}");
    assert!(
        variants[0].1["message"]
            .as_str()
            .unwrap()
            .contains("“Zelensky”")
    );
}

#[test]
fn figures_in_words_scales_and_ranges_are_normalized() {
    let report = report();
    let figures = figures(&report);
    let find = |text: &str| {
        figures
            .iter()
            .find(|f| f["text"].as_str().is_some_and(|t| t.contains(text)))
            .unwrap_or_else(|| panic!("no figure {text}"))
    };
    assert_eq!(find("three thousand")["value"], 3000.0);
    assert_eq!(find("three thousand")["counted"], "troops");
    assert_eq!(find("fifteen hundred")["value"], 1500.0);
    assert_eq!(find("1.2 million")["value"], 1_200_000.0);
    assert_eq!(find("1.2 million")["counted"], "troops");
    let range = find("$5 billion");
    assert_eq!(range["low"], 2e9);
    assert_eq!(range["high"], 5e9);
    assert_eq!(range["unit"], "USD");
}

#[test]
fn the_stated_earnings_do_not_add_up() {
    let report = report();
    let arithmetic: Vec<_> = findings(&report)
        .into_iter()
        .filter(|(_, f)| f["rule"] == "arithmetic")
        .collect();
    assert_eq!(arithmetic.len(), 1, "{arithmetic:?}");
    let message = arithmetic[0].1["message"].as_str().unwrap();
    assert!(
        message.contains("$25 million") && message.contains("$250 million"),
        "{message}"
    );
}

#[test]
fn early_three_thousand_conflicts_with_later_eleven_thousand() {
    let report = report();
    let conflict = findings(&report)
        .into_iter()
        .find(|(path, f)| f["rule"] == "figure-conflict" && path.contains("000_"))
        .expect("a conflict on the first article");
    let message = conflict.1["message"].as_str().unwrap();
    assert!(
        message.contains("3,000") && message.contains("11,000"),
        "{message}"
    );
    let related = conflict.1["related"].as_array().unwrap();
    assert!(!related.is_empty());
    assert!(related.iter().any(|r| r["date"] == "2024"), "{related:?}");
}

#[test]
fn consistent_and_unrelated_figures_raise_nothing() {
    let report = report();
    let all = findings(&report);
    // Only the first article's early count conflicts; increments, plans,
    // multipliers, artillery and casualty sums stay quiet.
    for (path, f) in &all {
        let message = f["message"].as_str().unwrap();
        assert!(!message.contains("artillery"), "{path}: {message}");
        assert!(
            !message.contains("casualties") && !message.contains("killed"),
            "{path}: {message}"
        );
        assert!(!message.contains("(additional)"), "{path}: {message}");
        assert!(!message.contains("10,000 ("), "{path}: {message}");
        assert!(!message.contains("1,500"), "{path}: {message}");
    }
    assert!(
        all.iter().all(|(_, f)| f["rule"] != "figure-drift"),
        "no drift within one article: {all:?}"
    );
}
