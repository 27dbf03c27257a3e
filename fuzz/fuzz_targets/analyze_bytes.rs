//! Arbitrary bytes down the path the checker takes for a file: decode, analyse
//! as plain text and as Markdown, report over the desk, render both outputs.
//! Besides panics, it fails on any span that is not a char-boundary range of
//! its own document, and on reanalysis that differs from a fresh analysis.

#![no_main]

use std::ops::Range;
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use marginalia::analysis::config::Config;
use marginalia::analysis::desk::Desk;
use marginalia::analysis::document::DocumentAnalysis;
use marginalia::analysis::source;
use marginalia::analysis::text::DocFormat;
use marginalia::cli::{OutputFormat, decode_article, write_report};

fn check_span(text: &str, span: &Range<usize>, what: &str) {
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{what} span {span:?} is not a char-boundary range of a {}-byte text",
        text.len()
    );
}

fn check_document(text: &str, analysis: &DocumentAnalysis) {
    assert_eq!(analysis.len, text.len());
    let mut previous_end = 0;
    for chunk in &analysis.chunks {
        let span = chunk.span.start..chunk.span.end;
        check_span(text, &span, "chunk");
        assert!(span.start >= previous_end, "chunks overlap");
        previous_end = span.end;
    }
    for sentence in analysis.sentences() {
        check_span(text, &sentence, "sentence");
    }
    for mention in analysis.mentions() {
        check_span(text, &mention.span, "mention");
    }
    for figure in analysis.figures().map(|f| f.placed()) {
        check_span(text, &figure.span, "figure");
        if let Some(counted) = &figure.counted_span {
            check_span(text, counted, "counted");
        }
    }
}

fn snapshot(analysis: &DocumentAnalysis) -> String {
    format!(
        "{:?}\n{:?}\n{:?}",
        analysis.mentions().collect::<Vec<_>>(),
        analysis.figures().map(|f| f.placed()).collect::<Vec<_>>(),
        analysis.sentences().collect::<Vec<_>>()
    )
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode_article(data) else {
        return;
    };
    let config = Config::default();
    let mut desk = Desk::new();
    for (path, format) in [("a.txt", DocFormat::Plain), ("a.md", DocFormat::Markdown)] {
        let analysis = DocumentAnalysis::new(&text, format, &config);
        check_document(&text, &analysis);
        // An edit that drops the second half and puts it back must land on
        // the same analysis as starting afresh.
        let mut mid = text.len() / 2;
        while !text.is_char_boundary(mid) {
            mid -= 1;
        }
        let half = DocumentAnalysis::new(&text[..mid], format, &config);
        let again = DocumentAnalysis::reanalyze(&text, format, &config, Some(&half));
        assert_eq!(snapshot(&again), snapshot(&analysis), "incremental differs");
        desk.insert_analysed(path, source::text(text.as_str()), Arc::new(analysis));
    }
    let report = desk.report(&config);
    let docs: Vec<_> = desk.documents().collect();
    for (doc, findings) in report.findings.iter().enumerate() {
        for finding in findings.iter() {
            assert_eq!(finding.doc, doc);
            let span = report
                .span_of(doc, &finding.at)
                .expect("a finding points at something");
            check_span(docs[doc].text.as_str(), &span, "finding");
            for related in finding.related.iter() {
                let span = report
                    .span_of(related.doc, &related.at)
                    .expect("a related location points at something");
                check_span(docs[related.doc].text.as_str(), &span, "related");
            }
        }
    }
    for format in [OutputFormat::Human, OutputFormat::Json] {
        let mut out = Vec::new();
        write_report(&desk, &report, format, &mut out).expect("writing to memory");
        assert!(std::str::from_utf8(&out).is_ok(), "output is not UTF-8");
    }
});
