//! Property tests over hostile article text: every span the analysis hands out
//! is well formed, incremental reanalysis equals analysis from scratch, and
//! chunking covers the text it should.
//!
//! The generated text (support/articles.rs) mixes news-like words, names,
//! figures, typographic punctuation, characters outside the Basic
//! Multilingual Plane, every kind of line break, Markdown syntax and front
//! matter, plus arbitrary characters.

use std::ops::Range;

use marginalia::analysis::config::Config;
use marginalia::analysis::desk::{Desk, DeskReport, ReportCache};
use marginalia::analysis::document::DocumentAnalysis;
use marginalia::analysis::text::{self, DocFormat};
use marginalia::cli::{OutputFormat, write_report};
use proptest::prelude::*;

use crate::support::articles;

// The strategies (`article`, `format`) live in support/articles.rs.
use articles::{article, format};

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

fn check_span(text: &str, span: &Range<usize>, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end,
        "{what}: start {} after end {}",
        span.start,
        span.end
    );
    prop_assert!(
        span.end <= text.len(),
        "{what}: {span:?} past the end ({})",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} not on char boundaries"
    );
    Ok(())
}

/// Every span of one document's analysis, checked against its text.
fn check_document(text: &str, analysis: &DocumentAnalysis) -> Result<(), TestCaseError> {
    prop_assert_eq!(analysis.len, text.len());
    for chunk in &analysis.chunks {
        let span = chunk.span.start..chunk.span.end;
        check_span(text, &span, "chunk")?;
        let chunk_text = &text[span.clone()];
        let a = &chunk.analysis;
        for block in &a.blocks {
            check_span(chunk_text, &block.range, "block")?;
        }
        for (sentence, _) in &a.sentences {
            check_span(chunk_text, sentence, "sentence (chunk-relative)")?;
        }
        for m in &a.mentions {
            check_span(chunk_text, &m.span, "mention (chunk-relative)")?;
        }
        for f in &a.figures {
            check_span(chunk_text, &f.span, "figure (chunk-relative)")?;
            if let Some(counted) = &f.counted_span {
                check_span(chunk_text, counted, "counted (chunk-relative)")?;
            }
        }
        prop_assert_eq!(a.claims.len(), a.figures.len(), "one claim per figure");
    }
    for sentence in analysis.sentences() {
        check_span(text, &sentence, "sentence")?;
        prop_assert!(!text[sentence.clone()].trim().is_empty(), "empty sentence");
    }
    for m in analysis.mentions() {
        check_span(text, &m.span, "mention")?;
    }
    for f in analysis.figures().map(|f| f.placed()) {
        check_span(text, &f.span, "figure")?;
        if let Some(counted) = &f.counted_span {
            check_span(text, counted, "counted")?;
        }
    }
    Ok(())
}

/// Every span of a desk report, each checked against the right document.
fn check_desk(texts: &[(String, String, DocFormat)]) -> Result<(), TestCaseError> {
    let config = Config::default();
    let mut desk = Desk::new();
    for (path, text, format) in texts {
        desk.upsert(path, text, *format, &config);
    }
    let report = desk.report(&config);
    let docs: Vec<_> = desk.documents().collect();
    prop_assert_eq!(report.paths.len(), docs.len());
    prop_assert_eq!(report.analyses.len(), docs.len());
    prop_assert_eq!(report.findings.len(), docs.len());
    for (doc, d) in docs.iter().enumerate() {
        prop_assert_eq!(&report.paths[doc], &d.path);
        let text: &str = d.text.as_str();
        check_document(text, &d.analysis)?;
        for m in report.mentions(doc) {
            check_span(text, &m.span, "desk mention")?;
        }
        for f in report.figures(doc) {
            check_span(text, &f.figure.span, "desk figure")?;
        }
        for finding in report.findings[doc].iter() {
            prop_assert_eq!(finding.doc, doc, "finding filed under the wrong document");
            let span = report.span_of(doc, &finding.at);
            prop_assert!(span.is_some(), "a finding points at nothing: {:?}", finding);
            check_span(text, &span.unwrap_or_default(), "finding")?;
            for related in finding.related.iter() {
                prop_assert!(related.doc < docs.len(), "related doc out of range");
                let span = report.span_of(related.doc, &related.at);
                prop_assert!(span.is_some(), "a related location points at nothing");
                check_span(
                    docs[related.doc].text.as_str(),
                    &span.unwrap_or_default(),
                    "related",
                )?;
            }
        }
    }
    // Looking things up at any offset, even past the end, is safe.
    for (doc, d) in docs.iter().enumerate() {
        prop_assert_eq!(report.doc_index(&d.path), Some(doc));
        for offset in [
            0,
            d.text.len() / 2,
            d.text.len(),
            d.text.len() + 1,
            usize::MAX,
        ] {
            let _ = report.mention_at(doc, offset);
            let _ = report.figure_at(doc, offset);
        }
    }
    prop_assert!(report.mention_at(docs.len(), 0).is_none());
    for entity in &report.entities.entities {
        for m in &entity.mentions {
            prop_assert!(m.doc < docs.len(), "entity mention doc out of range");
            check_span(docs[m.doc].text.as_str(), &report.span(m), "entity mention")?;
        }
        for spelling in &entity.spellings {
            for m in &spelling.mentions {
                prop_assert!(m.doc < docs.len(), "spelling mention doc out of range");
                check_span(
                    docs[m.doc].text.as_str(),
                    &report.span(m),
                    "spelling mention",
                )?;
            }
        }
    }
    Ok(())
}

/// Masking keeps the length and never cuts a character in two: each
/// character is either shown whole or replaced by spaces whole.
fn check_masking(chunk: &str, format: DocFormat) -> Result<(), TestCaseError> {
    let prose = text::prose(chunk, format);
    prop_assert_eq!(prose.masked.len(), chunk.len());
    let masked = prose.masked.as_bytes();
    for (i, c) in chunk.char_indices() {
        let original = &chunk.as_bytes()[i..i + c.len_utf8()];
        let shown = &masked[i..i + c.len_utf8()];
        prop_assert!(
            shown == original || shown.iter().all(|&b| b == b' '),
            "char {c:?} at {i} half masked: {shown:?}"
        );
    }
    for block in &prose.blocks {
        check_span(chunk, &block.range, "prose block")?;
        check_span(&prose.masked, &block.range, "prose block (masked)")?;
    }
    Ok(())
}

fn check_chunks(text: &str, format: DocFormat) -> Result<(), TestCaseError> {
    let (_, chunks) = text::split_chunks(text, format);
    let body_start = match format {
        DocFormat::Plain => 0,
        DocFormat::Markdown => text::front_matter(text).1,
    };
    prop_assert!(body_start <= text.len() && text.is_char_boundary(body_start));
    let mut previous_end = body_start;
    for chunk in &chunks {
        let span = chunk.start..chunk.end;
        check_span(text, &span, "chunk")?;
        prop_assert!(
            chunk.start >= previous_end,
            "chunk {span:?} overlaps or precedes the previous one (ending at {previous_end})"
        );
        prop_assert!(chunk.start < chunk.end, "empty chunk {span:?}");
        let chunk_text = &text[span.clone()];
        prop_assert_eq!(
            chunk_text.trim(),
            chunk_text,
            "chunk {:?} not trimmed",
            span
        );
        previous_end = chunk.end;
    }
    // Every non-whitespace character of the body lies in a chunk.
    let mut chunk_iter = chunks.iter().peekable();
    for (i, c) in text[body_start..].char_indices() {
        let i = i + body_start;
        while chunk_iter.peek().is_some_and(|ch| ch.end <= i) {
            chunk_iter.next();
        }
        if !c.is_whitespace() {
            let inside = chunk_iter.peek().is_some_and(|ch| ch.start <= i);
            prop_assert!(inside, "{c:?} at byte {i} is in no chunk: {chunks:?}");
        }
    }
    Ok(())
}

/// Replaces the range between the `a`-th and `b`-th char boundaries (taken
/// modulo their number) with `insert`.
fn apply_edit(text: &str, a: usize, b: usize, insert: &str) -> String {
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let x = boundaries[a % boundaries.len()];
    let y = boundaries[b % boundaries.len()];
    let (start, end) = (x.min(y), x.max(y));
    let mut out = String::with_capacity(text.len() + insert.len());
    out.push_str(&text[..start]);
    out.push_str(insert);
    out.push_str(&text[end..]);
    out
}

fn snapshot(analysis: &DocumentAnalysis) -> (String, String, String, String, String) {
    let chunks: Vec<_> = analysis.chunks.iter().map(|c| c.span).collect();
    (
        format!("{:?}", analysis.mentions().collect::<Vec<_>>()),
        // Debug, so that a NaN value compares equal to itself.
        format!(
            "{:?}",
            analysis.figures().map(|f| f.placed()).collect::<Vec<_>>()
        ),
        format!("{:?}", analysis.sentences().collect::<Vec<_>>()),
        format!("{chunks:?}"),
        format!("{:?}", analysis.metadata),
    )
}

fn edit() -> impl Strategy<Value = (usize, usize, String)> {
    (
        any::<usize>(),
        any::<usize>(),
        prop_oneof![
            2 => Just(String::new()),
            6 => article(6),
        ],
    )
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn offsets_are_well_formed(text in article(60), format in format()) {
        let config = Config::default();
        let analysis = DocumentAnalysis::new(&text, format, &config);
        check_document(&text, &analysis)?;
    }

    #[test]
    fn masking_keeps_length_and_whole_characters(text in article(40), format in format()) {
        let (_, chunks) = text::split_chunks(&text, format);
        for chunk in chunks {
            check_masking(&text[chunk.start..chunk.end], format)?;
        }
        // A whole text handed over as one chunk, too.
        check_masking(&text, format)?;
    }

    #[test]
    fn sentences_are_well_formed_in_any_block(text in article(40)) {
        for sentence in text::sentences(&text) {
            check_span(&text, &sentence, "sentence")?;
        }
    }

    #[test]
    fn chunks_are_ordered_disjoint_and_cover_the_body(text in article(60), format in format()) {
        check_chunks(&text, format)?;
    }

    #[test]
    fn desk_report_spans_point_into_the_right_documents(
        docs in prop::collection::vec((article(40), format()), 1..4)
    ) {
        let texts: Vec<(String, String, DocFormat)> = docs
            .into_iter()
            .enumerate()
            .map(|(i, (text, format))| {
                let ext = if format == DocFormat::Plain { "txt" } else { "md" };
                (format!("desk/{i}.{ext}"), text, format)
            })
            .collect();
        check_desk(&texts)?;
    }
}

/// Both output formats render any desk; the JSON report parses, and every
/// offset in it is a char boundary of the document it names.
fn check_rendering(texts: &[(String, String, DocFormat)]) -> Result<(), TestCaseError> {
    let config = Config::default();
    let mut desk = Desk::new();
    for (path, text, format) in texts {
        desk.upsert(path, text, *format, &config);
    }
    let report = desk.report(&config);
    let mut human = Vec::new();
    write_report(&desk, &report, OutputFormat::Human, &mut human).expect("in memory");
    prop_assert!(
        std::str::from_utf8(&human).is_ok(),
        "human output is not UTF-8"
    );
    let mut json = Vec::new();
    write_report(&desk, &report, OutputFormat::Json, &mut json).expect("in memory");
    let value: serde_json::Value = serde_json::from_slice(&json).expect("JSON report parses");
    let documents = value["documents"].as_array().expect("documents");
    prop_assert_eq!(documents.len(), texts.len());
    for document in documents {
        let path = document["path"].as_str().expect("path");
        let text = desk.get(path).expect("document of the desk").text.as_str();
        for key in ["entities", "figures", "findings"] {
            for item in document[key].as_array().expect(key) {
                let start = item["start"].as_u64().expect("start") as usize;
                let end = item["end"].as_u64().expect("end") as usize;
                check_span(text, &(start..end), key)?;
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn both_output_formats_render_any_desk(
        docs in prop::collection::vec((article(30), format()), 1..4)
    ) {
        let texts: Vec<(String, String, DocFormat)> = docs
            .into_iter()
            .enumerate()
            .map(|(i, (text, format))| {
                let ext = if format == DocFormat::Plain { "txt" } else { "md" };
                (format!("desk/{i}.{ext}"), text, format)
            })
            .collect();
        check_rendering(&texts)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn incremental_equals_full(
        start in article(40),
        edits in prop::collection::vec(edit(), 1..8),
        format in format(),
    ) {
        let config = Config::default();
        let mut text = start;
        let mut analysis = DocumentAnalysis::new(&text, format, &config);
        for (a, b, insert) in &edits {
            text = apply_edit(&text, *a, *b, insert);
            analysis = DocumentAnalysis::reanalyze(&text, format, &config, Some(&analysis));
            check_document(&text, &analysis)?;
        }
        let full = DocumentAnalysis::new(&text, format, &config);
        prop_assert_eq!(snapshot(&analysis), snapshot(&full));
    }

    #[test]
    fn desk_upsert_after_edits_equals_fresh_desk(
        start in article(30),
        edits in prop::collection::vec(edit(), 1..5),
        format in format(),
    ) {
        let config = Config::default();
        let mut text = start;
        let mut desk = Desk::new();
        desk.upsert("a", &text, format, &config);
        desk.upsert("b", "North Korea sent 3,000 troops.", DocFormat::Plain, &config);
        for (a, b, insert) in &edits {
            text = apply_edit(&text, *a, *b, insert);
            desk.upsert("a", &text, format, &config);
        }
        let mut fresh = Desk::new();
        fresh.upsert("a", &text, format, &config);
        fresh.upsert("b", "North Korea sent 3,000 troops.", DocFormat::Plain, &config);
        let edited = desk.report(&config);
        let clean = fresh.report(&config);
        prop_assert_eq!(report_text(&edited), report_text(&clean));
        prop_assert_eq!(format!("{:?}", edited.findings), format!("{:?}", clean.findings));
        prop_assert_eq!(format!("{:?}", edited.entities), format!("{:?}", clean.entities));
    }
}

/// One step of work on a desk of up to three articles.
#[derive(Debug, Clone)]
enum DeskStep {
    /// Edit article `doc` (taken modulo three).
    Edit(usize, usize, usize, String),
    /// Replace article `doc` with a fresh text.
    Replace(usize, String),
    /// Remove article `doc`.
    Remove(usize),
    /// Report without changing anything.
    Report,
}

/// Sentences that make claims, name people two ways and state arithmetic, so
/// that articles built from them conflict with each other.
const CLAIMS: &[&str] = &[
    "North Korea sent 3,000 troops to Russia.",
    "North Korea sent 11,000 troops to Russia.",
    "North Korea has sent about 10,000 troops.",
    "President Volodymyr Zelenskyy spoke on Tuesday.",
    "Zelensky said the troops were in Kursk.",
    "Zelenskyy said so again.",
    "Defense Secretary Lloyd Austin agreed.",
    "Austin said 1,500 troops had left.",
    "The HUR said 400 were killed and 3,600 injured, a total of 5,000 casualties.",
    "Kim pays $2,500 per soldier per month, or $250 million a month for 10,000 troops.",
    "\n\n",
    "\r\n",
    "---\ndate: 2024-10-23\n---\n",
    " ",
    "é🪖",
];

/// Prose without names or figures, long enough that articles built with it
/// are longer than the part of an article that an edit makes the desk
/// check again.
fn filler() -> String {
    "Officials described the situation as tense but stable, and talks would resume later. "
        .repeat(40)
}

/// Long articles: claims, arithmetic and multipliers between long stretches
/// of prose, in paragraphs or on one line.
fn long_article(max: usize) -> impl Strategy<Value = String> {
    let part = prop_oneof![
        4 => prop::sample::select(CLAIMS).prop_map(str::to_string),
        1 => Just("The figure doubles earlier estimates of 1,500 troops.".to_string()),
        3 => Just(filler()),
    ];
    prop::collection::vec(part, 0..max).prop_map(|parts| parts.join(" "))
}

fn claims_article(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(CLAIMS), 0..max).prop_map(|parts| parts.join(" "))
}

fn desk_step() -> impl Strategy<Value = DeskStep> {
    let insert = prop_oneof![
        1 => Just(String::new()),
        2 => claims_article(3),
        1 => article(3),
    ];
    prop_oneof![
        6 => (0..3usize, any::<usize>(), any::<usize>(), insert)
            .prop_map(|(d, a, b, s)| DeskStep::Edit(d, a, b, s)),
        2 => (0..3usize, claims_article(12)).prop_map(|(d, s)| DeskStep::Replace(d, s)),
        1 => (0..3usize).prop_map(DeskStep::Remove),
        1 => Just(DeskStep::Report),
    ]
}

/// Everything a report says, as text (Debug, so that NaN equals itself).
fn report_text(report: &DeskReport) -> [String; 5] {
    let docs = 0..report.paths.len();
    [
        format!("{:?}", report.paths),
        format!(
            "{:?}",
            docs.clone()
                .map(|d| report.mentions(d).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        ),
        format!("{:?}", report.entities),
        format!(
            "{:?}",
            docs.map(|d| report.figures(d).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        ),
        format!("{:?}", report.findings),
    ]
}

/// Fails with the first part (paths, mentions, entities, figures or
/// findings) in which two reports differ.
fn same_reports(a: &DeskReport, b: &DeskReport, when: &str) -> Result<(), TestCaseError> {
    let parts = ["paths", "mentions", "entities", "figures", "findings"];
    for ((x, y), part) in report_text(a).iter().zip(report_text(b)).zip(parts) {
        prop_assert_eq!(x, &y, "the {} differ {}", part, when);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A report made from the last one's cache, after any sequence of edits,
    /// replacements and removals, says exactly what a report from scratch says.
    #[test]
    fn incremental_report_equals_fresh_report(
        start in prop::collection::vec(claims_article(12), 3),
        steps in prop::collection::vec(desk_step(), 1..10),
    ) {
        let config = Config::default();
        let names = ["a.md", "b.md", "c.md"];
        let mut texts: Vec<Option<String>> = start.into_iter().map(Some).collect();
        let mut desk = Desk::new();
        for (name, text) in names.iter().zip(&texts) {
            desk.upsert(name, text.as_deref().unwrap_or_default(), DocFormat::Markdown, &config);
        }
        let mut cache = ReportCache::default();
        desk.report_with(&config, &mut cache);
        for step in &steps {
            match step {
                DeskStep::Edit(d, a, b, insert) => {
                    let text = texts[*d].clone().unwrap_or_default();
                    let text = apply_edit(&text, *a, *b, insert);
                    desk.upsert(names[*d], &text, DocFormat::Markdown, &config);
                    texts[*d] = Some(text);
                }
                DeskStep::Replace(d, text) => {
                    desk.upsert(names[*d], text, DocFormat::Markdown, &config);
                    texts[*d] = Some(text.clone());
                }
                DeskStep::Remove(d) => {
                    desk.remove(names[*d]);
                    texts[*d] = None;
                }
                DeskStep::Report => {}
            }
            let incremental = desk.report_with(&config, &mut cache);
            let fresh = desk.report(&config);
            same_reports(&incremental, &fresh, &format!("after {step:?}"))?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// The same in articles long enough that an edit leaves most of their
    /// findings to be kept and moved rather than found again.
    #[test]
    fn incremental_report_equals_fresh_report_in_long_articles(
        start in prop::collection::vec(long_article(30), 2),
        edits in prop::collection::vec(
            (0..2usize, any::<usize>(), any::<usize>(), long_article(3)),
            1..8,
        ),
    ) {
        let config = Config::default();
        let names = ["a.md", "b.txt"];
        let formats = [DocFormat::Markdown, DocFormat::Plain];
        let mut texts = start;
        let mut desk = Desk::new();
        for d in 0..2 {
            desk.upsert(names[d], &texts[d], formats[d], &config);
        }
        let mut cache = ReportCache::default();
        desk.report_with(&config, &mut cache);
        for (d, a, b, insert) in &edits {
            // Mostly small edits, at any place.
            let insert = if insert.len() > 200 { &insert[..0] } else { insert.as_str() };
            let text = apply_edit(&texts[*d], *a, a.wrapping_add(*b % 8), insert);
            desk.upsert(names[*d], &text, formats[*d], &config);
            texts[*d] = text;
            let incremental = desk.report_with(&config, &mut cache);
            let fresh = desk.report(&config);
            same_reports(&incremental, &fresh, "")?;
        }
    }
}

const TOML_FRAGMENTS: &[&str] = &[
    "[rules]",
    "[spellings]",
    "[[entity]]",
    "rules.",
    "figure-conflict",
    "figure-drift",
    "arithmetic",
    "spelling-variant",
    "nope",
    "=",
    " = ",
    "\"off\"",
    "\"error\"",
    "\"hint\"",
    "\"info\"",
    "{ severity = \"warning\" }",
    "name = \"Kim\"",
    "kind = \"org\"",
    "kind = \"planet\"",
    "aliases = [\"a\", \"b\"]",
    "ignore = []",
    "include = [\"[\"]",
    "exclude = [\"**/*.md\"]",
    "debounce_ms = 5",
    "max_file_size = -1",
    "max_file_size = 99999999999999999999",
    "\n",
    "\r\n",
    "\r",
    "#",
    "\"",
    "'",
    "\"\"\"",
    "[",
    "]",
    "{",
    "}",
    ",",
    "é",
    "🪖",
    "\\u00e9",
    "\t",
    "\u{feff}",
];

fn toml_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            6 => prop::sample::select(TOML_FRAGMENTS).prop_map(str::to_string),
            1 => prop::collection::vec(any::<char>(), 1..3).prop_map(|cs| cs.into_iter().collect()),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn config_errors_name_a_line_of_the_file(source in toml_like()) {
        if let Err(error) = Config::from_toml(&source) {
            let lines = source.matches('\n').count() + 1;
            if let Some(line) = error.line {
                prop_assert!((1..=lines).contains(&line), "line {} of {}: {}", line, lines, error);
            }
            prop_assert!(!error.message.is_empty());
        }
    }
}

// ---------------------------------------------------------------------------
// Fixed cases the strategies are meant to reach, kept as plain tests.
// ---------------------------------------------------------------------------

#[test]
fn fixed_hostile_texts_are_well_formed() {
    let texts = [
        "",
        "\u{feff}",
        "---",
        "---\n",
        "---\r\n---\r\n",
        "\r\r\r",
        "🪖",
        "```",
        "```\n🪖\n",
        "[x](y",
        "<!--",
        "a\u{2028}b",
        "é.🪖. “x.” —",
        "# 🇺🇦\n\n| a | b |\n|---|---|\n| é | 🪖 |\n",
        "&#x1F600; &amp; \\🪖",
    ];
    let config = Config::default();
    for text in texts {
        for format in [DocFormat::Plain, DocFormat::Markdown] {
            let analysis = DocumentAnalysis::new(text, format, &config);
            check_document(text, &analysis).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            check_chunks(text, format).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            check_masking(text, format).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        }
    }
}

/// Sentences full of names that the desk joins across articles: full names
/// and bare surnames (some shared by two people, some misspelt), a family
/// name written first, organizations with their acronyms and head words,
/// streets, demonyms and metonyms.
const NAME_SENTENCES: &[&str] = &[
    "Mayor Ada Lindqvist spoke at the Vornholt Institute of Weaving.",
    "Lindqvist said the VIW would stay open.",
    "Lindkvist later disagreed.",
    "Councilman Tomas Lindqvist voted against it.",
    "Bruna Okoye of the Harbour Workers Union met Okoye's deputy, Ivo Brandlehner.",
    "The HWU and the Union said 300 members had left.",
    "Brandlehner walked down Pellow Avenue; Pellow Ave was closed, and Pellow was quiet.",
    "Pak Min-seo and Pak Su said Pak would return.",
    "Osterland's ministry said the Osterlandic envoy was in Varnhem.",
    "Varnhem said nothing; Okoyee and Brandlener did not reply.",
    "Joseph Arvel and Lena Joseph Arvel arrived; Arvel stayed.",
    "The Church of Quillism and Quillism grew.",
];

fn names_article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(NAME_SENTENCES), 1..6)
        .prop_map(|parts| parts.join(" "))
}

/// An edit inside a name: in article `.0`, the `.1`th capitalised word
/// (counted around), a letter inserted, deleted or replaced at `.2`.
#[derive(Debug, Clone)]
struct NameEdit(usize, usize, usize, NameChange);

#[derive(Debug, Clone)]
enum NameChange {
    Insert(char),
    Delete,
    Replace(char),
    /// The article replaced by another, so that names come and go whole.
    Rewrite(String),
}

fn name_edit() -> impl Strategy<Value = NameEdit> {
    let change = prop_oneof![
        3 => prop::sample::select(&['e', 'k', 'A', '-', ' ', 'q'][..]).prop_map(NameChange::Insert),
        3 => Just(NameChange::Delete),
        2 => prop::sample::select(&['v', 'i', 'O'][..]).prop_map(NameChange::Replace),
        1 => names_article().prop_map(NameChange::Rewrite),
    ];
    (0..4usize, any::<usize>(), any::<usize>(), change)
        .prop_map(|(d, w, at, c)| NameEdit(d, w, at, c))
}

/// `text` after `edit`, which lands inside a capitalised word when there is one.
fn apply_name_edit(text: &str, edit: &NameEdit) -> String {
    if let NameChange::Rewrite(new) = &edit.3 {
        return new.clone();
    }
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    if words.is_empty() {
        return text.to_string();
    }
    let (start, word) = words[edit.1 % words.len()];
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let (i, c) = chars[edit.2 % chars.len()];
    let at = start + i;
    let mut out = text.to_string();
    match edit.3 {
        NameChange::Insert(new) => out.insert(at, new),
        NameChange::Delete => {
            out.replace_range(at..at + c.len_utf8(), "");
        }
        NameChange::Replace(new) => out.replace_range(at..at + c.len_utf8(), &new.to_string()),
        NameChange::Rewrite(_) => {}
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The desk merges each article's names into its entities incrementally;
    /// after any edits inside names across several articles, the entity
    /// table is the one that resolving every mention of the desk at once
    /// gives, and the one a report from scratch gives.
    #[test]
    fn desk_name_merging_equals_resolution_from_scratch(
        start in prop::collection::vec(names_article(), 4),
        edits in prop::collection::vec(name_edit(), 1..12),
    ) {
        use marginalia::analysis::resolve::resolve;
        let config = Config::default();
        let mut texts = start;
        let mut desk = Desk::new();
        for (i, text) in texts.iter().enumerate() {
            desk.upsert(&format!("{i}.md"), text, DocFormat::Markdown, &config);
        }
        let mut cache = ReportCache::default();
        desk.report_with(&config, &mut cache);
        for edit in &edits {
            let d = edit.0 % texts.len();
            texts[d] = apply_name_edit(&texts[d], edit);
            desk.upsert(&format!("{d}.md"), &texts[d], DocFormat::Markdown, &config);
            let merged = desk.report_with(&config, &mut cache);
            let lists: Vec<Vec<_>> = merged
                .analyses
                .iter()
                .map(|a| a.mentions_of_chunks(0..a.chunks.len()).collect())
                .collect();
            let whole = resolve(&lists, &config);
            prop_assert_eq!(
                format!("{:?}", merged.entities),
                format!("{:?}", whole),
                "after {:?}, texts {:?}", edit, texts
            );
            let fresh = desk.report(&config);
            prop_assert_eq!(format!("{:?}", merged.entities), format!("{:?}", fresh.entities));
        }
    }
}
