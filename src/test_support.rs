//! Tests as data: a desk written inline, with the findings it should give
//! marked by caret lines under the text they point at.
//!
//! ```text
//! --- a.md
//! Officials said 40 people were killed.
//! //             ^^ figure-conflict
//! ```
//!
//! A line that starts with `//` and holds carets marks the span of the
//! line above it (columns in bytes, counted from the start of that line)
//! with a rule id. Such lines are not part of the article.

use std::collections::BTreeSet;

use crate::analysis::config::Config;
use crate::analysis::desk::Desk;
use crate::analysis::text::DocFormat;

/// One expected or actual finding: article, byte span, rule.
type Mark = (String, usize, usize, String);

/// Articles and their marks, parsed from a fixture.
struct Fixture {
    articles: Vec<(String, String)>,
    marks: BTreeSet<Mark>,
}

fn parse(fixture: &str) -> Fixture {
    let mut articles: Vec<(String, String)> = Vec::new();
    let mut marks = BTreeSet::new();
    let mut last_line_start = 0;
    for line in fixture.lines() {
        if let Some(name) = line.strip_prefix("--- ") {
            articles.push((name.trim().to_string(), String::new()));
            continue;
        }
        let (name, text) = articles
            .last_mut()
            .expect("a fixture starts with a `--- name.md` header");
        if let Some(rest) = line.strip_prefix("//") {
            if rest.contains('^') {
                let start = line.find('^').unwrap();
                let end = start + line[start..].chars().take_while(|&c| c == '^').count();
                let rule = line[end..].trim().to_string();
                marks.insert((
                    name.clone(),
                    last_line_start + start,
                    last_line_start + end,
                    rule,
                ));
                continue;
            }
        }
        last_line_start = text.len();
        text.push_str(line);
        text.push('\n');
    }
    Fixture { articles, marks }
}

/// Renders the articles with the given marks as caret lines.
fn render(articles: &[(String, String)], marks: &BTreeSet<Mark>) -> String {
    let mut out = String::new();
    for (name, text) in articles {
        out.push_str(&format!("--- {name}\n"));
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let end = start + line.len();
            out.push_str(line);
            for (_, s, e, rule) in marks
                .iter()
                .filter(|m| &m.0 == name && m.1 >= start && m.1 < end)
            {
                let width = e.saturating_sub(*s).max(1);
                let pad = (s - start).saturating_sub(2);
                out.push_str(&format!(
                    "//{}{} {rule}\n",
                    " ".repeat(pad),
                    "^".repeat(width)
                ));
            }
            start = end;
        }
    }
    out
}

/// Runs the desk of `fixture` with the default configuration, as the CLI
/// does, and asserts that its findings are exactly those the carets mark.
#[track_caller]
pub(crate) fn check_findings(fixture: &str) {
    let fixture = parse(fixture);
    let config = Config::default();
    let mut desk = Desk::new();
    for (name, text) in &fixture.articles {
        desk.upsert(name, text, DocFormat::Markdown, &config);
    }
    let report = desk.report(&config);
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
