//! Silenced findings: the `[[silence]]` entries of `marginalia.toml` and the
//! `<!-- marginalia: ignore RULE -->` comment on the line before a finding.
//!
//! An entry names a finding by its rule, its article, the text at its span
//! and the words around it, never by a line: the finding stays silenced when
//! the text around it moves, and comes back when its own text changes. The
//! filter is applied where reports are shown, not inside the analysis.

use std::ops::Range;
use std::sync::Arc;

use super::config::{Config, Silence};
use super::desk::DeskReport;
use super::findings::Finding;
use super::text::floor_char_boundary;

/// How many bytes either side of a finding its neighbourhood takes, at most.
pub const REACH: usize = 40;

/// What every silencing comment holds.
pub const COMMENT_MARK: &str = "marginalia:";

/// The text at a span, whitespace collapsed.
pub fn text_at(source: &str, span: &Range<usize>) -> String {
    collapse(source.get(span.clone()).unwrap_or(""))
        .trim()
        .to_string()
}

/// The words around a span (and the span's own text), at most [`REACH`]
/// bytes either side, cut at word boundaries, whitespace collapsed.
pub fn neighbourhood(source: &str, span: &Range<usize>) -> String {
    let (before, text, after) = parts(source, span);
    format!("{before}{text}{after}").trim().to_string()
}

/// Whether an article's finding of `rule` at `span` is silenced by an entry
/// or by a comment on the line before.
pub fn is_silenced(
    silences: &[Silence],
    rule: &str,
    article: &str,
    source: &str,
    span: &Range<usize>,
) -> bool {
    comment_ignores(source, span.start, rule)
        || silences.iter().any(|s| {
            s.rule == rule && same_article(article, &s.article) && matches(s, source, span)
        })
}

/// An article's findings less the silenced ones. The same list (the same
/// `Arc`) when none is silenced.
pub fn visible(
    config: &Config,
    report: &DeskReport,
    doc: usize,
    article: &str,
    source: &str,
) -> Arc<Vec<Finding>> {
    let Some(findings) = report.findings.get(doc) else {
        return Arc::new(Vec::new());
    };
    if findings.is_empty() || (config.silences.is_empty() && !source.contains(COMMENT_MARK)) {
        return findings.clone();
    }
    let keep = |f: &Finding| {
        report
            .span_of(doc, &f.at)
            .is_none_or(|span| !is_silenced(&config.silences, f.rule, article, source, &span))
    };
    if findings.iter().all(keep) {
        return findings.clone();
    }
    Arc::new(findings.iter().filter(|f| keep(f)).cloned().collect())
}

/// Whether the line before the one holding `offset` is a comment
/// `<!-- marginalia: ignore RULE ... -->` naming `rule`.
pub fn comment_ignores(source: &str, offset: usize, rule: &str) -> bool {
    let bytes = source.as_bytes();
    let offset = offset.min(bytes.len());
    let Some(line_start) = line_start(bytes, offset) else {
        return false;
    };
    if line_start == 0 {
        return false;
    }
    // Step over the previous line's break (`\n`, `\r\n` or `\r`).
    let mut end = line_start - 1;
    if bytes[end] == b'\n' && end > 0 && bytes[end - 1] == b'\r' {
        end -= 1;
    }
    let start = line_start_before(bytes, end);
    source
        .get(start..end)
        .is_some_and(|line| comment_rules(line).contains(&rule))
}

/// The rules a line's `<!-- marginalia: ignore ... -->` comment names.
pub fn comment_rules(line: &str) -> Vec<&str> {
    let Some(inner) = line
        .trim()
        .strip_prefix("<!--")
        .and_then(|l| l.strip_suffix("-->"))
    else {
        return Vec::new();
    };
    let Some(rest) = inner.trim().strip_prefix("marginalia:") else {
        return Vec::new();
    };
    let Some(rules) = rest.trim_start().strip_prefix("ignore") else {
        return Vec::new();
    };
    if !rules.is_empty() && !rules.starts_with(char::is_whitespace) {
        return Vec::new();
    }
    rules
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|r| !r.is_empty())
        .collect()
}

fn matches(silence: &Silence, source: &str, span: &Range<usize>) -> bool {
    let (before, text, after) = parts(source, span);
    if silence.text != text {
        return false;
    }
    let stored = silence.context.as_str();
    if stored == format!("{before}{text}{after}").trim() {
        return true;
    }
    // One side may have changed while the other stays as it was.
    let prefix = format!("{before}{text}");
    let suffix = format!("{text}{after}");
    (!before.trim().is_empty() && stored.starts_with(prefix.trim_start()))
        || (!after.trim().is_empty() && stored.ends_with(suffix.trim_end()))
}

/// The words before a span, its text and the words after, each with
/// whitespace collapsed to single spaces (kept at the joins).
fn parts(source: &str, span: &Range<usize>) -> (String, String, String) {
    let start = floor_char_boundary(source, span.start.min(source.len()));
    let end = floor_char_boundary(source, span.end.min(source.len())).max(start);
    let mut from = floor_char_boundary(source, start.saturating_sub(REACH));
    if from > 0 {
        // Cut at a word boundary: drop the partial word.
        match source[from..start].find(char::is_whitespace) {
            Some(i) => from += i,
            None => from = start,
        }
    }
    let mut to = floor_char_boundary(source, (end + REACH).min(source.len()));
    if to < source.len() {
        match source[end..to].rfind(char::is_whitespace) {
            Some(i) => to = end + i,
            None => to = end,
        }
    }
    let before = collapse(&source[from..start]);
    let after = collapse(&source[end..to]);
    let text = collapse(&source[start..end]).trim().to_string();
    (
        before.trim_start().to_string(),
        text,
        after.trim_end().to_string(),
    )
}

fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// The start of the line holding `offset`.
fn line_start(bytes: &[u8], offset: usize) -> Option<usize> {
    Some(line_start_before(bytes, offset))
}

fn line_start_before(bytes: &[u8], end: usize) -> usize {
    bytes[..end]
        .iter()
        .rposition(|b| *b == b'\n' || *b == b'\r')
        .map_or(0, |i| i + 1)
}

/// Whether `path` (as the checker or the server knows it) is the article an
/// entry names relative to its desk folder.
fn same_article(path: &str, article: &str) -> bool {
    let path = path.replace('\\', "/");
    let article = article.replace('\\', "/");
    let article = article.trim_start_matches("./");
    !article.is_empty()
        && (path == article
            || path
                .strip_suffix(article)
                .is_some_and(|head| head.ends_with('/')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(rule: &str, article: &str, source: &str, span: &Range<usize>) -> Silence {
        Silence {
            rule: rule.to_string(),
            article: article.to_string(),
            text: text_at(source, span),
            context: neighbourhood(source, span),
        }
    }

    fn span_of(source: &str, text: &str) -> Range<usize> {
        let at = source.find(text).unwrap();
        at..at + text.len()
    }

    const TEXT: &str = "The council said the plan would cost $12 million over five years, \
                        and the mayor agreed.\n";

    #[test]
    fn an_entry_silences_its_finding() {
        let span = span_of(TEXT, "$12 million");
        let silences = [entry("figure-conflict", "news/a.md", TEXT, &span)];
        assert!(is_silenced(
            &silences,
            "figure-conflict",
            "/desk/news/a.md",
            TEXT,
            &span
        ));
        assert!(is_silenced(
            &silences,
            "figure-conflict",
            "news/a.md",
            TEXT,
            &span
        ));
        // Another rule, another article: not silenced.
        assert!(!is_silenced(
            &silences,
            "arithmetic",
            "news/a.md",
            TEXT,
            &span
        ));
        assert!(!is_silenced(
            &silences,
            "figure-conflict",
            "news/b.md",
            TEXT,
            &span
        ));
        assert!(!is_silenced(
            &silences,
            "figure-conflict",
            "/desk/xnews/a.md",
            TEXT,
            &span
        ));
    }

    #[test]
    fn still_silenced_after_the_text_moves() {
        let span = span_of(TEXT, "$12 million");
        let silences = [entry("figure-conflict", "a.md", TEXT, &span)];
        let moved = format!("A new first paragraph.\n\nAnother one.\n\n{TEXT}");
        let moved_span = span_of(&moved, "$12 million");
        assert!(is_silenced(
            &silences,
            "figure-conflict",
            "a.md",
            &moved,
            &moved_span
        ));
        // Rewrapped lines: whitespace does not count.
        let wrapped = TEXT.replace("cost $12", "cost\n$12");
        let wrapped_span = span_of(&wrapped, "$12 million");
        assert!(is_silenced(
            &silences,
            "figure-conflict",
            "a.md",
            &wrapped,
            &wrapped_span
        ));
        // Words changed after it, the words before stay: still silenced.
        let later = TEXT.replace("the mayor agreed", "nobody objected");
        let later_span = span_of(&later, "$12 million");
        assert!(is_silenced(
            &silences,
            "figure-conflict",
            "a.md",
            &later,
            &later_span
        ));
    }

    #[test]
    fn back_when_the_figure_changes() {
        let span = span_of(TEXT, "$12 million");
        let silences = [entry("figure-conflict", "a.md", TEXT, &span)];
        let changed = TEXT.replace("$12 million", "$13 million");
        let changed_span = span_of(&changed, "$13 million");
        assert!(!is_silenced(
            &silences,
            "figure-conflict",
            "a.md",
            &changed,
            &changed_span
        ));
        // The same figure elsewhere, in other words: not silenced.
        let other = "Elsewhere the bill came to $12 million in all.\n";
        let other_span = span_of(other, "$12 million");
        assert!(!is_silenced(
            &silences,
            "figure-conflict",
            "a.md",
            other,
            &other_span
        ));
    }

    #[test]
    fn a_comment_silences_the_next_line() {
        for eol in ["\n", "\r\n", "\r"] {
            let source = format!(
                "First line.{eol}<!-- marginalia: ignore figure-conflict -->{eol}It cost $12 million.{eol}"
            );
            let span = span_of(&source, "$12 million");
            assert!(
                is_silenced(&[], "figure-conflict", "a.md", &source, &span),
                "{eol:?}"
            );
            assert!(!is_silenced(&[], "arithmetic", "a.md", &source, &span));
        }
        let several = "<!-- marginalia: ignore arithmetic, figure-drift figure-conflict -->\n$5\n";
        let span = span_of(several, "$5");
        for rule in ["arithmetic", "figure-drift", "figure-conflict"] {
            assert!(comment_ignores(several, span.start, rule));
        }
        assert!(!comment_ignores(several, span.start, "spelling-variant"));
    }

    #[test]
    fn a_comment_reaches_only_the_next_line() {
        let source = "<!-- marginalia: ignore figure-conflict -->\nA line.\nIt cost $12.\n";
        let span = span_of(source, "$12");
        assert!(!comment_ignores(source, span.start, "figure-conflict"));
        // Nor does another kind of comment or a near miss count.
        for line in [
            "<!-- marginalia: ignorefigure-conflict -->",
            "<!-- ignore figure-conflict -->",
            "marginalia: ignore figure-conflict",
        ] {
            let source = format!("{line}\nIt cost $12.\n");
            let span = span_of(&source, "$12");
            assert!(
                !comment_ignores(&source, span.start, "figure-conflict"),
                "{line}"
            );
        }
    }

    #[test]
    fn the_neighbourhood_is_short_and_whole_words() {
        let span = span_of(TEXT, "$12 million");
        let n = neighbourhood(TEXT, &span);
        assert!(n.contains("$12 million"));
        assert!(n.len() <= "$12 million".len() + 2 * REACH);
        assert!(!n.contains('\n'));
        assert_eq!(
            n,
            "The council said the plan would cost $12 million over five years, and the mayor agreed."
        );
        let long = format!("{} {TEXT} {}", "word ".repeat(20), "word ".repeat(20));
        let span = span_of(&long, "$12 million");
        let n = neighbourhood(&long, &span);
        assert!(!n.contains("word word"), "{n}");
        assert!(n.len() <= "$12 million".len() + 2 * REACH, "{n}");
    }
}
