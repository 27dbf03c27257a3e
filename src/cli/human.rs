//! Compiler-style output of `marginalia check`, rendered by `annotate-snippets`:
//! each finding with its source line and an underline, the statements it
//! contradicts with theirs, then one summary line.
//!
//! Lines are counted at `\n`, `\r\n` and `\r`, as the language server counts
//! them; only the line that holds a span is given to the renderer, so a long
//! line is cut around the span and never printed whole.

use std::io::Write;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::analysis::config::Severity;
use crate::analysis::desk::{Desk, DeskReport};
use crate::analysis::text::floor_char_boundary;

/// The width a rendered line is cut to, as a terminal of common size.
const WIDTH: usize = 100;

/// How `check` prints: with colour or without.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Whether to colour the output with ANSI escapes.
    pub color: bool,
}

/// A line of a text: its number from 1, and its byte range without the break.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Line {
    number: usize,
    range: Range<usize>,
}

/// The line that holds a byte offset; `\n`, `\r\n` and `\r` end lines.
fn line_at(text: &str, offset: usize) -> Line {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let bytes = text.as_bytes();
    let mut number = 1;
    let mut start = 0;
    let mut i = 0;
    while i < offset {
        match bytes[i] {
            b'\n' => {
                number += 1;
                start = i + 1;
            }
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                // The line ends at the \n; a span never starts between them.
                if i + 1 < offset {
                    number += 1;
                    start = i + 2;
                }
                i += 1;
            }
            b'\r' => {
                number += 1;
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |p| start + p);
    Line {
        number,
        range: start..end.max(start),
    }
}

/// The snippet of one line with a span underlined in it (cut at the line's
/// end when the span runs on), and where it starts as `line:column`.
fn snippet<'a>(
    path: &'a str,
    text: &'a str,
    span: &Range<usize>,
    kind: AnnotationKind,
    label: Option<String>,
) -> (Snippet<'a, annotate_snippets::Annotation<'a>>, usize, usize) {
    let line = line_at(text, span.start);
    let source = &text[line.range.clone()];
    let start = floor_char_boundary(text, span.start.clamp(line.range.start, line.range.end))
        - line.range.start;
    let end = floor_char_boundary(text, span.end.clamp(line.range.start, line.range.end))
        - line.range.start;
    let column = source[..start].chars().count() + 1;
    let annotation = kind.span(start..end.max(start)).label(label);
    let snippet = Snippet::source(source)
        .line_start(line.number)
        .path(path)
        .annotation(annotation);
    (snippet, line.number, column)
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Information => Level::INFO,
        Severity::Hint => Level::HELP,
    }
}

/// Writes every finding, then a summary line.
pub fn write(
    desk: &Desk,
    report: &DeskReport,
    style: Style,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let renderer = if style.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(WIDTH);
    let docs: Vec<_> = desk.documents().collect();
    let mut counts = [0usize; 4];
    let mut articles_with_findings = 0;
    for (doc, document) in docs.iter().enumerate().take(report.findings.len()) {
        let findings = report.findings_in_order(doc);
        if !findings.is_empty() {
            articles_with_findings += 1;
        }
        for (span, f) in findings {
            counts[f.severity as usize] += 1;
            let text = document.text.as_str();
            let (main, _, _) = snippet(&document.path, text, &span, AnnotationKind::Primary, None);
            let mut group = level(f.severity)
                .primary_title(&*f.message)
                .id(f.rule)
                .element(main);
            for r in f.related.iter() {
                let Some(other) = docs.get(r.doc) else {
                    continue;
                };
                let at = report.span_of(r.doc, &r.at).unwrap_or(0..0);
                let date = r
                    .date
                    .as_deref()
                    .map(|d| format!(" [{d}]"))
                    .unwrap_or_default();
                let (related, _, _) = snippet(
                    &other.path,
                    other.text.as_str(),
                    &at,
                    AnnotationKind::Context,
                    Some(format!("{}{date}", r.message)),
                );
                group = group.element(related);
            }
            let groups: [Group<'_>; 1] = [group];
            writeln!(out, "{}\n", renderer.render(&groups))?;
        }
    }
    writeln!(
        out,
        "{}",
        summary(counts, articles_with_findings, docs.len())
    )
}

/// "2 warnings in 1 article (3 articles checked)", with errors, notes and
/// hints counted apart; "no warnings (3 articles checked)" when all is well.
fn summary(counts: [usize; 4], with_findings: usize, checked: usize) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let names = ["error", "warning", "note", "hint"];
    let parts: Vec<String> = counts
        .iter()
        .zip(names)
        .filter(|(n, _)| **n > 0)
        .map(|(n, word)| plural(*n, word))
        .collect();
    let checked = format!("({} checked)", plural(checked, "article"));
    if parts.is_empty() {
        return format!("no warnings {checked}");
    }
    let said = match parts.as_slice() {
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        [] => String::new(),
    };
    format!("{said} in {} {checked}", plural(with_findings, "article"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_line_break_ends_a_line_once() {
        for text in ["one\ntwo 42\n", "one\r\ntwo 42\r\n", "one\rtwo 42\r"] {
            let at = text.find("42").unwrap();
            let line = line_at(text, at);
            assert_eq!(line.number, 2, "{text:?}");
            assert_eq!(&text[line.range], "two 42", "{text:?}");
        }
        let text = "a\r\n\r\nb\rc";
        assert_eq!(line_at(text, text.find('b').unwrap()).number, 3);
        assert_eq!(line_at(text, text.find('c').unwrap()).number, 4);
        // At the \r of a \r\n: still the line it ends.
        assert_eq!(line_at("ab\r\ncd", 2).number, 1);
        assert_eq!(line_at("ab\r\ncd", 3).number, 1);
        assert_eq!(line_at("ab\r\ncd", 4).number, 2);
    }

    #[test]
    fn a_long_line_is_cut_around_the_span() {
        let text = format!(
            "{} 3,000 troops {}\n",
            "word ".repeat(200),
            "more ".repeat(200)
        );
        let start = text.find("3,000").unwrap();
        let (snippet, line, column) = snippet(
            "a.md",
            &text,
            &(start..start + 5),
            AnnotationKind::Primary,
            None,
        );
        assert_eq!((line, column), (1, start + 1));
        let rendered = Renderer::plain()
            .term_width(WIDTH)
            .render(&[Level::WARNING.primary_title("t").element(snippet)]);
        assert!(rendered.contains("3,000 troops"), "{rendered}");
        assert!(
            rendered.lines().all(|l| l.chars().count() <= WIDTH + 10),
            "{rendered}"
        );
        assert!(rendered.contains("a.md:1:"), "{rendered}");
    }

    #[test]
    fn the_summary_counts_the_articles_with_findings() {
        assert_eq!(
            summary([0, 3, 0, 0], 2, 5),
            "3 warnings in 2 articles (5 articles checked)"
        );
        assert_eq!(
            summary([1, 1, 0, 2], 1, 1),
            "1 error, 1 warning and 2 hints in 1 article (1 article checked)"
        );
        assert_eq!(summary([0; 4], 0, 3), "no warnings (3 articles checked)");
    }
}
