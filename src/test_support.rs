//! Tests as data: a desk written inline, analysed exactly as the CLI and the
//! server analyse it, with what it should give written under the text.
//!
//! ```text
//! --- a.md
//! Officials said 40 people were killed in Varnholm.
//!                ^^ figure-conflict
//! --- b.md
//! In Varnholm, 9 people were killed, the mayor s$0aid.
//! ```
//!
//! - `--- name` starts an article (`.md` is read as Markdown, anything else
//!   as plain text);
//! - a line of only spaces and carets followed by a label marks the span of
//!   the line above it (byte columns); such lines are not part of the text;
//! - `$0` is the cursor of the hover, hint and rename checks, and is not
//!   part of the text.
//!
//! The checks render what a feature gives as plain text, so that each test
//! compares it with an inline `insta` snapshot that `cargo insta review` can
//! update when the output changes on purpose.

use std::collections::BTreeSet;

use crate::analysis::config::Config;
use crate::analysis::desk::{Desk, DeskReport};
use crate::analysis::text::DocFormat;
use crate::lsp::features::{DeskView, file_name, hints, hover, navigation};

/// One mark: article, byte span, label.
type Mark = (String, usize, usize, String);

/// A desk written inline, with its marks and cursor.
pub(crate) struct Fixture {
    /// The articles, in the order written: (name, text).
    pub articles: Vec<(String, String)>,
    /// The spans marked with carets.
    pub marks: BTreeSet<Mark>,
    /// The article and byte offset of `$0`, if there is one.
    pub cursor: Option<(String, usize)>,
}

/// Whether `line` is a caret line: spaces, then carets, then a label.
fn caret_line(line: &str) -> Option<(usize, usize, &str)> {
    let start = line.find('^')?;
    if !line[..start].chars().all(|c| c == ' ') {
        return None;
    }
    let end = start + line[start..].chars().take_while(|&c| c == '^').count();
    let label = line[end..].trim();
    (!label.is_empty()).then_some((start, end, label))
}

impl Fixture {
    /// Reads a fixture; panics with a clear message on a malformed one.
    #[track_caller]
    pub(crate) fn parse(fixture: &str) -> Fixture {
        let mut articles: Vec<(String, String)> = Vec::new();
        let mut marks = BTreeSet::new();
        let mut cursor = None;
        let mut last_line_start = 0;
        for line in fixture.lines() {
            if let Some(name) = line.strip_prefix("--- ") {
                articles.push((name.trim().to_string(), String::new()));
                continue;
            }
            let Some((name, text)) = articles.last_mut() else {
                assert!(
                    line.trim().is_empty(),
                    "a fixture starts with a `--- name.md` header, not {line:?}"
                );
                continue;
            };
            if let Some((start, end, label)) = caret_line(line) {
                marks.insert((
                    name.clone(),
                    last_line_start + start,
                    last_line_start + end,
                    label.to_string(),
                ));
                continue;
            }
            last_line_start = text.len();
            match line.find("$0") {
                Some(at) => {
                    assert!(cursor.is_none(), "a fixture has at most one `$0`");
                    cursor = Some((name.clone(), text.len() + at));
                    text.push_str(&line[..at]);
                    text.push_str(&line[at + 2..]);
                }
                None => text.push_str(line),
            }
            text.push('\n');
        }
        assert!(!articles.is_empty(), "a fixture has at least one article");
        Fixture {
            articles,
            marks,
            cursor,
        }
    }

    /// The desk of the fixture and its report, with the default settings.
    pub(crate) fn desk(&self) -> (Desk, DeskReport) {
        let config = Config::default();
        let mut desk = Desk::new();
        for (name, text) in &self.articles {
            let format = if name.ends_with(".md") {
                DocFormat::Markdown
            } else {
                DocFormat::Plain
            };
            desk.upsert(name, text, format, &config);
        }
        let report = desk.report(&config);
        (desk, report)
    }

    /// The cursor as a document number of `report` and an offset.
    #[track_caller]
    fn cursor_in(&self, report: &DeskReport) -> (usize, usize) {
        let (name, offset) = self.cursor.as_ref().expect("the fixture has a `$0`");
        let doc = report.doc_index(name).expect("the cursor's article");
        (doc, *offset)
    }

    /// The text of an article.
    fn text(&self, name: &str) -> &str {
        self.articles
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, t)| t.as_str())
    }
}

/// Renders articles with marks as caret lines under the lines they point at.
fn render(articles: &[(String, String)], marks: &BTreeSet<Mark>) -> String {
    let mut out = String::new();
    for (name, text) in articles {
        out.push_str(&format!("--- {name}\n"));
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let end = start + line.len();
            out.push_str(line);
            for (_, s, e, label) in marks
                .iter()
                .filter(|m| &m.0 == name && m.1 >= start && m.1 < end)
            {
                // A span that runs past its line is cut at the line's end.
                let width = (*e).min(end - 1).saturating_sub(*s).max(1);
                out.push_str(&format!(
                    "{}{} {label}\n",
                    " ".repeat(s - start),
                    "^".repeat(width)
                ));
            }
            start = end;
        }
    }
    out
}

/// Runs the desk of `fixture` with the default settings, as the CLI does,
/// and asserts that its findings are exactly those the carets mark, each
/// labelled with its rule id.
#[track_caller]
pub(crate) fn check_findings(fixture: &str) {
    let fixture = Fixture::parse(fixture);
    let (_, report) = fixture.desk();
    let mut actual = BTreeSet::new();
    for (name, _) in &fixture.articles {
        let doc = report
            .doc_index(name)
            .expect("every article is in the report");
        for (span, finding) in report.findings_in_order(doc) {
            actual.insert((name.clone(), span.start, span.end, finding.rule.to_string()));
        }
    }
    if actual != fixture.marks {
        panic!(
            "findings differ\n\nexpected:\n{}\nactual:\n{}",
            render(&fixture.articles, &fixture.marks),
            render(&fixture.articles, &actual)
        );
    }
}

/// The fixture, its desk and report, and the cursor's document and offset.
#[track_caller]
fn at_cursor(fixture: &str) -> (Fixture, Desk, DeskReport, usize, usize) {
    let fixture = Fixture::parse(fixture);
    let (desk, report) = fixture.desk();
    let (doc, offset) = fixture.cursor_in(&report);
    (fixture, desk, report, doc, offset)
}

/// The hover at `$0`, as plain text: what the card says, line by line, with
/// places written `article:line`. "no hover" when there is none.
pub(crate) fn hover_at(fixture: &str) -> String {
    let (_, desk, report, doc, offset) = at_cursor(fixture);
    let view = DeskView {
        desk: &desk,
        report: &report,
    };
    let place = |doc: usize, line: usize| {
        let path = report.paths.get(doc).map_or("?", |p| p.as_str());
        format!("{}:{}", file_name(path), line + 1)
    };
    let mut out = Vec::new();
    match hover::hover(view, doc, offset) {
        None => out.push("no hover".to_string()),
        Some(hover::HoverInfo::Name(name)) => {
            out.push(format!("{} ({:?})", name.canonical, name.kind));
            if !name.roles.is_empty() {
                out.push(format!("roles: {}", name.roles.join(", ")));
            }
            if !name.aliases.is_empty() {
                out.push(format!("also: {}", name.aliases.join(", ")));
            }
            if let Some(country) = &name.stands_for {
                out.push(format!("stands for: {country}"));
            }
            out.push(format!(
                "{} mentions in {} articles",
                name.mention_count, name.article_count
            ));
            for article in &name.articles {
                for m in &article.mentions {
                    out.push(format!("- {} {}", place(article.doc, m.line), m.snippet));
                }
            }
        }
        Some(hover::HoverInfo::Figure(figure)) => {
            let mut head = String::new();
            if !figure.qualifier.is_empty() {
                head.push_str(figure.qualifier);
                head.push(' ');
            }
            head.push_str(&figure.value);
            if let Some(counted) = &figure.counted {
                head.push(' ');
                head.push_str(counted);
            }
            out.push(head);
            match (&figure.low, &figure.high) {
                (Some(low), Some(high)) => out.push(format!("between {low} and {high}")),
                (Some(low), None) => out.push(format!("at least {low}")),
                (None, Some(high)) => out.push(format!("at most {high}")),
                (None, None) => {}
            }
            if let Some(claim) = &figure.claim {
                out.push(format!("claim: {claim}"));
            }
            for other in &figure.elsewhere {
                let date = other
                    .date
                    .as_deref()
                    .map_or(String::new(), |d| format!(" ({d})"));
                out.push(format!(
                    "- {}{date} {} {}",
                    other.value,
                    place(other.location.doc, other.line),
                    other.snippet
                ));
            }
        }
    }
    out.join("\n")
}

/// Every article with its inlay hints written into the text as `⟨label⟩`
/// after the place the editor shows them.
pub(crate) fn with_hints(fixture: &str) -> String {
    let fixture = Fixture::parse(fixture);
    let (desk, report) = fixture.desk();
    let view = DeskView {
        desk: &desk,
        report: &report,
    };
    let mut out = String::new();
    for (name, text) in &fixture.articles {
        let doc = report
            .doc_index(name)
            .expect("every article is in the report");
        let mut found = hints::inlay_hints(view, doc, 0..text.len());
        found.sort_by_key(|h| h.offset);
        out.push_str(&format!("--- {name}\n"));
        let mut at = 0;
        for hint in found {
            out.push_str(&text[at..hint.offset]);
            out.push_str(&format!("⟨{}⟩", hint.label));
            at = hint.offset;
        }
        out.push_str(&text[at..]);
    }
    out
}

/// Every article after renaming the name at `$0` to `new_name`; articles
/// the rename leaves alone are not shown. "nothing to rename" when the
/// cursor is on no name.
pub(crate) fn renamed(fixture: &str, new_name: &str) -> String {
    let (fixture, desk, report, doc, offset) = at_cursor(fixture);
    let view = DeskView {
        desk: &desk,
        report: &report,
    };
    if navigation::prepare_rename(view, doc, offset).is_none() {
        return "nothing to rename".to_string();
    }
    let mut edits = navigation::rename(view, doc, offset, new_name);
    edits.sort_by_key(|(l, _)| (l.doc, l.span.start));
    let mut out = String::new();
    for (d, path) in report.paths.iter().enumerate() {
        let mine: Vec<_> = edits.iter().filter(|(l, _)| l.doc == d).collect();
        if mine.is_empty() {
            continue;
        }
        let text = fixture.text(path);
        out.push_str(&format!("--- {path}\n"));
        let mut at = 0;
        for (l, replacement) in mine {
            out.push_str(&text[at..l.span.start]);
            out.push_str(replacement);
            at = l.span.end;
        }
        out.push_str(&text[at..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixture_keeps_its_text_and_reads_marks_and_the_cursor() {
        let fixture = Fixture::parse(
            "--- a.md
Five boats$0 sailed.
^^^^ some-rule
--- b.txt
None did.
",
        );
        assert_eq!(
            fixture.articles,
            [
                ("a.md".to_string(), "Five boats sailed.\n".to_string()),
                ("b.txt".to_string(), "None did.\n".to_string()),
            ]
        );
        let marks: Vec<Mark> = fixture.marks.iter().cloned().collect();
        assert_eq!(marks, [("a.md".to_string(), 0, 4, "some-rule".to_string())]);
        assert_eq!(fixture.cursor, Some(("a.md".to_string(), 10)));
    }

    #[test]
    fn a_line_with_carets_inside_prose_is_text() {
        let fixture = Fixture::parse("--- a.md\nx ^ y\n  ^^\n");
        assert_eq!(fixture.articles[0].1, "x ^ y\n  ^^\n");
        assert!(fixture.marks.is_empty(), "a caret line needs a label");
    }

    #[test]
    fn marks_render_back_under_their_lines() {
        let fixture = Fixture::parse("--- a.md\nOne line.\nTwo lines here.\n    ^^^^^ rule\n");
        assert_eq!(
            render(&fixture.articles, &fixture.marks),
            "--- a.md\nOne line.\nTwo lines here.\n    ^^^^^ rule\n"
        );
    }
}
