//! Compiler-style output: `path:line:col: warning[rule]: message`, the source
//! line with a caret underline, then the related locations.

use std::io::Write;

use crate::analysis::desk::{Desk, DeskReport};

/// 1-based line and column (in characters) of a byte offset, and the line's text.
fn locate(text: &str, offset: usize) -> (usize, usize, &str) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let line_start = text[..offset].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |p| offset + p);
    let line = text[..line_start].matches('\n').count() + 1;
    let column = text[line_start..offset].chars().count() + 1;
    (
        line,
        column,
        text[line_start..line_end].trim_end_matches('\r'),
    )
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Writes every finding, then a summary line.
pub fn write(desk: &Desk, report: &DeskReport, out: &mut dyn Write) -> std::io::Result<()> {
    let docs: Vec<_> = desk.documents().collect();
    let mut total = 0;
    for doc in 0..report.findings.len() {
        let text = docs[doc].text.as_str();
        for (span, f) in report.findings_in_order(doc) {
            total += 1;
            let (line, column, source) = locate(text, span.start);
            writeln!(
                out,
                "{}:{line}:{column}: {}[{}]: {}",
                docs[doc].path,
                f.severity.as_str(),
                f.rule,
                f.message
            )?;
            let gutter = line.to_string().len();
            writeln!(out, "{:gutter$} |", "")?;
            writeln!(out, "{line} | {source}")?;
            let start = column - 1;
            let end = floor_char_boundary(text, span.end.min(text.len()));
            let (end_line, end_column, _) = locate(text, end);
            let width = if end_line == line {
                (end_column - 1).saturating_sub(start).max(1)
            } else {
                source.chars().count().saturating_sub(start).max(1)
            };
            writeln!(
                out,
                "{:gutter$} | {}{}",
                "",
                " ".repeat(start),
                "^".repeat(width)
            )?;
            for r in f.related.iter() {
                let other = &docs[r.doc];
                let at = report.span_of(r.doc, &r.at).map_or(0, |s| s.start);
                let (rl, rc, _) = locate(other.text.as_str(), at);
                let date = r
                    .date
                    .as_deref()
                    .map(|d| format!(" [{d}]"))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "{:gutter$} = related: {}:{rl}:{rc}: {}{date}",
                    "", other.path, r.message
                )?;
            }
            writeln!(out)?;
        }
    }
    let articles = docs.len();
    writeln!(
        out,
        "{total} warning{} in {articles} article{}",
        if total == 1 { "" } else { "s" },
        if articles == 1 { "" } else { "s" }
    )
}
