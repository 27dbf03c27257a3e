//! Feature tests over hand-made desk reports, so that every feature can be
//! checked without depending on how names and figures are recognized.

use std::ops::Range;

use super::*;
use crate::analysis::claims::ClaimContext;
use crate::analysis::claims::ClaimKind;
use crate::analysis::config::{Config, Severity};
use crate::analysis::desk::{ClaimKey, Desk, DeskFigure, DeskReport};
use crate::analysis::document::{AnalyzedChunk, Anchor, ChunkAnalysis, DocumentAnalysis};
use crate::analysis::findings::{Finding, Fix};
use crate::analysis::model::{
    EntityKind, Figure, FigureRole, KindSource, Mention, Qualifier, Unit,
};
use crate::analysis::resolve;
use crate::analysis::text::{ChunkSpan, DocFormat, Metadata};

/// Names to find: (text as written, entity key, kind).
type Name<'a> = (&'a str, &'a str, EntityKind);
/// Figures to find: (text as written, value, spelled).
type Fig<'a> = (&'a str, f64, bool);

fn find_all(text: &str, needle: &str) -> Vec<Range<usize>> {
    text.match_indices(needle)
        .map(|(i, _)| i..i + needle.len())
        .collect()
}

fn make_report(
    docs: &[(&str, &str)],
    names: &[Name<'_>],
    figures: &[Fig<'_>],
) -> (Desk, DeskReport) {
    let config = Config::default();
    let mut desk = Desk::new();
    for (path, text) in docs {
        desk.upsert(path, text, DocFormat::Markdown, &config);
    }
    let paths: Vec<String> = desk.documents().map(|d| d.path.clone()).collect();
    let mut analyses = Vec::new();
    for path in &paths {
        let text = desk.get(path).unwrap().text.as_str();
        let mut here: Vec<Mention> = Vec::new();
        for (written, key, kind) in names {
            for span in find_all(text, written) {
                if here
                    .iter()
                    .any(|m| m.span.start < span.end && span.start < m.span.end)
                {
                    continue;
                }
                here.push(Mention {
                    span,
                    text: (*written).into(),
                    kind: *kind,
                    kind_source: KindSource::Guess,
                    key: (*key).into(),
                    demonym: false,
                    role: None,
                    stands_for: None,
                });
            }
        }
        here.sort_by_key(|m| m.span.start);
        let mut these = Vec::new();
        for (written, value, spelled) in figures {
            for span in find_all(text, written) {
                these.push(DeskFigure {
                    figure: Figure {
                        span,
                        value: *value,
                        low: None,
                        high: None,
                        qualifier: Qualifier::Exact,
                        unit: Unit::Count,
                        counted: Some("troops".into()),
                        counted_span: None,
                        per: None,
                        spelled: *spelled,
                        role: FigureRole::Count,
                        surface: None,
                        change: None,
                    },
                    context: ClaimContext::default(),
                    claim: Some(ClaimKey {
                        kind: ClaimKind::Count,
                        subject: "North Korea".into(),
                        counted: "troops".into(),
                        when: "".into(),
                        unit: "count".into(),
                        increment: false,
                    }),
                    index: 0,
                    sentence: 0..0,
                });
            }
        }
        these.sort_by_key(|f: &DeskFigure| f.figure.span.start);
        for (i, f) in these.iter_mut().enumerate() {
            f.index = i;
        }
        // One chunk spanning the whole text, so that its spans are absolute.
        let chunk = ChunkAnalysis {
            blocks: Vec::new(),
            sentences: Vec::new(),
            mentions: here,
            claims: these.iter().map(|f| f.context.clone()).collect(),
            keys: these.iter().map(|f| f.claim.clone()).collect(),
            figures: these.into_iter().map(|f| f.figure).collect(),
        };
        analyses.push(std::sync::Arc::new(DocumentAnalysis::counted(
            DocFormat::Markdown,
            Metadata::default(),
            vec![AnalyzedChunk {
                span: ChunkSpan {
                    start: 0,
                    end: text.len(),
                },
                fingerprint: 0,
                analysis: std::sync::Arc::new(chunk),
                mentions_before: 0,
                figures_before: 0,
            }],
            text.len(),
        )));
    }
    let lists: Vec<Vec<&Mention>> = analyses
        .iter()
        .map(|a: &std::sync::Arc<DocumentAnalysis>| a.chunks[0].analysis.mentions.iter().collect())
        .collect();
    let entities = resolve::resolve(&lists, &config);
    let findings = paths
        .iter()
        .map(|_| std::sync::Arc::new(Vec::new()))
        .collect();
    let report = DeskReport {
        paths: std::sync::Arc::new(paths),
        analyses,
        entities: std::sync::Arc::new(entities),
        findings,
    };
    (desk, report)
}

const A: &str = "North Korea has deployed 3,000 troops to Russia.\nKim Jong Un approved it. Kim later denied it.\n";
const B: &str = "North Korea has deployed 11,000 troops to Russia, or three thousand more.\n";

fn names() -> Vec<Name<'static>> {
    vec![
        ("North Korea", "North Korea", EntityKind::Place),
        ("Russia", "Russia", EntityKind::Place),
        ("Kim Jong Un", "Kim Jong Un", EntityKind::Person),
        ("Kim", "Kim Jong Un", EntityKind::Person),
    ]
}

fn figures() -> Vec<Fig<'static>> {
    vec![
        ("11,000", 11_000.0, false),
        (" 3,000", 3_000.0, false),
        ("three thousand", 3_000.0, true),
    ]
}

fn desk() -> (Desk, DeskReport) {
    make_report(
        &[("file:///d/a.md", A), ("file:///d/b.md", B)],
        &names(),
        &figures(),
    )
}

#[test]
fn hover_on_a_name_lists_mentions_by_article_this_one_first() {
    let (desk, report) = desk();
    let view = DeskView {
        desk: &desk,
        report: &report,
    };
    let b = report.doc_index("file:///d/b.md").unwrap();
    let Some(hover::HoverInfo::Name(name)) = hover::hover(view, b, 3) else {
        panic!("a name hover");
    };
    assert_eq!(name.canonical, "North Korea");
    assert_eq!(name.kind, EntityKind::Place);
    assert_eq!(name.articles.len(), 2);
    assert_eq!(name.articles[0].doc, b);
    assert_eq!(name.articles[1].mentions[0].line, 0);
    assert!(
        name.articles[1].mentions[0]
            .snippet
            .starts_with("North Korea has deployed 3,000")
    );
}

#[test]
fn hover_on_a_figure_shows_the_same_claim_elsewhere() {
    let (desk, report) = desk();
    let view = DeskView {
        desk: &desk,
        report: &report,
    };
    let a = report.doc_index("file:///d/a.md").unwrap();
    let at = A.find("3,000").unwrap();
    let Some(hover::HoverInfo::Figure(figure)) = hover::hover(view, a, at) else {
        panic!("a figure hover");
    };
    assert_eq!(figure.value, "3,000");
    assert_eq!(figure.claim.as_deref(), Some("North Korea: troops"));
    let values: Vec<&str> = figure.elsewhere.iter().map(|o| o.value.as_str()).collect();
    assert_eq!(values, ["11,000", "3,000"]);
}

#[test]
fn hover_lists_a_few_places_and_counts_the_rest() {
    let a = A.repeat(30);
    let b = B.repeat(5);
    let c = B.repeat(10);
    let (desk, report) = make_report(
        &[
            ("file:///d/a.md", &a),
            ("file:///d/b.md", &b),
            ("file:///d/c.md", &c),
        ],
        &names(),
        &figures(),
    );
    let view = DeskView {
        desk: &desk,
        report: &report,
    };
    let b = report.doc_index("file:///d/b.md").unwrap();
    let Some(hover::HoverInfo::Name(name)) = hover::hover(view, b, 3) else {
        panic!("a name hover");
    };
    assert_eq!(name.mention_count, 45);
    assert_eq!(name.article_count, 3);
    // This article's five first, then fifteen of the next one in order.
    let listed: Vec<(usize, usize)> = name
        .articles
        .iter()
        .map(|a| (a.doc, a.mentions.len()))
        .collect();
    let first_other = report.doc_index("file:///d/a.md").unwrap();
    assert_eq!(listed, [(b, 5), (first_other, hover::MAX_LISTED - 5)]);
    assert_eq!(name.articles[1].mentions[14].line, 28);
    let at = B.find("11,000").unwrap();
    let Some(hover::HoverInfo::Figure(figure)) = hover::hover(view, b, at) else {
        panic!("a figure hover");
    };
    // 30 + 10 + 10 others: 30 in a.md, 4 + 5 in b.md, 10 + 10 in c.md, less
    // itself.
    assert_eq!(figure.elsewhere_count, 30 + 2 * 5 + 2 * 10 - 1);
    assert_eq!(figure.elsewhere.len(), hover::MAX_LISTED);
}

#[test]
fn definition_is_the_first_mention_in_the_article_else_in_the_desk() {
    let (desk, report) = desk();
    let view = DeskView {
        desk: &desk,
        report: &report,
    };
    let a = report.doc_index("file:///d/a.md").unwrap();
    let kim = A.rfind("Kim").unwrap();
    let def = navigation::definition(view, a, kim + 1).unwrap();
    assert_eq!(def.doc, a);
    assert_eq!(&A[def.span.clone()], "Kim Jong Un");
    let refs = navigation::references(view, a, kim + 1);
    assert_eq!(refs.len(), 2);
    assert_eq!(navigation::highlights(view, a, kim).len(), 2);
}

#[test]
fn rename_changes_the_same_spelling_across_articles() {
    let (desk, report) = desk();
    let view = DeskView {
        desk: &desk,
        report: &report,
    };
    let a = report.doc_index("file:///d/a.md").unwrap();
    let (span, text) = navigation::prepare_rename(view, a, 2).unwrap();
    assert_eq!((span, text.as_str()), (0..11, "North Korea"));
    let edits = navigation::rename(view, a, 2, "DPRK");
    let docs: Vec<usize> = edits.iter().map(|(l, _)| l.doc).collect();
    assert_eq!(docs, [0, 1]);
    // Renaming "Kim" leaves "Kim Jong Un" alone.
    let kim = A.rfind("Kim").unwrap();
    let edits = navigation::rename(view, a, kim, "Mr Kim");
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0].0.span, kim..kim + 3);
}

#[test]
fn tokens_are_sorted_typed_and_marked_on_first_mentions() {
    let (desk, report) = desk();
    let view = DeskView {
        desk: &desk,
        report: &report,
    };
    let a = report.doc_index("file:///d/a.md").unwrap();
    let all = tokens::tokens(view, a, 0..usize::MAX);
    let kinds: Vec<tokens::TokenType> = all.iter().map(|t| t.kind).collect();
    use tokens::TokenType::*;
    assert_eq!(kinds, [Place, Figure, Place, Person, Person]);
    assert!(all[3].declaration && !all[4].declaration);
    let first_line = tokens::tokens(view, a, 0..30);
    assert_eq!(first_line.len(), 2);
}

#[test]
fn hints_show_digits_full_names_and_computed_values() {
    let (desk, mut report) = desk();
    let a = report.doc_index("file:///d/a.md").unwrap();
    let b = report.doc_index("file:///d/b.md").unwrap();
    std::sync::Arc::make_mut(&mut report.findings[a]).push(Finding {
        rule: crate::analysis::findings::ARITHMETIC,
        severity: Severity::Warning,
        doc: a,
        // “3,000”
        at: Anchor::figure(0),
        message: "does not add up".into(),
        related: Vec::new().into(),
        fix: None,
        expected: Some("2,500".into()),
    });
    let view = DeskView {
        desk: &desk,
        report: &report,
    };
    let hints_b = hints::inlay_hints(view, b, 0..usize::MAX);
    assert_eq!(hints_b.len(), 1);
    assert_eq!(hints_b[0].label, "= 3,000");
    assert_eq!(hints_b[0].offset, B.find(" more").unwrap());
    let hints_a = hints::inlay_hints(view, a, 0..usize::MAX);
    let labels: Vec<&str> = hints_a.iter().map(|h| h.label.as_str()).collect();
    assert_eq!(labels, ["≠ 2,500", "(Kim Jong Un)"]);
    let lenses = hints::code_lenses(view, a);
    assert_eq!(lenses[0].title, "North Korea: 2 mentions in 2 articles");
    assert_eq!(
        lenses
            .iter()
            .find(|l| A[l.span.clone()] == *"Kim Jong Un")
            .unwrap()
            .title,
        "Kim Jong Un: 2 mentions in 1 article"
    );
}

#[test]
fn a_hint_only_says_what_the_text_does_not() {
    const C: &str = "Some 50 million people and three thousand troops.";
    let (desk, report) = make_report(
        &[("file:///d/c.md", C)],
        &[],
        &[("50 million", 5e7, true), ("three thousand", 3000.0, true)],
    );
    let view = DeskView {
        desk: &desk,
        report: &report,
    };
    let hints = hints::inlay_hints(view, 0, 0..usize::MAX);
    let labels: Vec<&str> = hints.iter().map(|h| h.label.as_str()).collect();
    assert_eq!(labels, ["= 3,000"]);
}

#[test]
fn symbols_and_completion_come_from_the_desk() {
    let (desk, report) = desk();
    let view = DeskView {
        desk: &desk,
        report: &report,
    };
    let a = report.doc_index("file:///d/a.md").unwrap();
    let names: Vec<String> = symbols::document_symbols(view, a)
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["North Korea", " 3,000", "Russia", "Kim Jong Un"]);
    let found = symbols::workspace_symbols(view, "korea");
    assert_eq!(found.len(), 1);
    let text = "Then Ki";
    let (desk2, report2) = make_report(
        &[("file:///d/a.md", A), ("file:///d/c.md", text)],
        &names_only(),
        &[],
    );
    let view2 = DeskView {
        desk: &desk2,
        report: &report2,
    };
    let c = report2.doc_index("file:///d/c.md").unwrap();
    let offered: Vec<String> = completion::complete(view2, c, text.len())
        .into_iter()
        .map(|n| n.label)
        .collect();
    assert_eq!(offered, ["Kim Jong Un"]);
}

fn names_only() -> Vec<Name<'static>> {
    names()
}

#[test]
fn code_actions_fix_silence_declare_and_ignore() {
    let (desk, mut report) = desk();
    let b = report.doc_index("file:///d/b.md").unwrap();
    std::sync::Arc::make_mut(&mut report.findings[b]).push(Finding {
        rule: crate::analysis::findings::SPELLING_VARIANT,
        severity: Severity::Warning,
        doc: b,
        // “North Korea”
        at: Anchor::mention(0, 0..11),
        message: "spelled differently".into(),
        related: Vec::new().into(),
        fix: Some(Box::new(Fix {
            title: "Replace with “DPRK”".into(),
            replacement: "DPRK".into(),
        })),
        expected: None,
    });
    let view = DeskView {
        desk: &desk,
        report: &report,
    };
    let found = actions::code_actions(view, b, 3..3);
    assert!(
        matches!(&found[0], actions::Action::Replace { replacement, .. } if replacement == "DPRK")
    );
    let titles: Vec<String> = found
        .iter()
        .filter_map(|a| match a {
            actions::Action::Config { edit, .. } => Some(edit.title()),
            _ => None,
        })
        .collect();
    assert_eq!(
        titles,
        [
            "Silence this finding (marginalia.toml)",
            "Turn off `spelling-variant` in marginalia.toml",
            "Add “North Korea” to marginalia.toml as a place",
            "Never treat “North Korea” as a name (marginalia.toml)",
        ]
    );
    let silence = found.iter().find_map(|a| match a {
        actions::Action::Config {
            edit: super::config_edit::ConfigEdit::Silence(s),
            ..
        } => Some(s),
        _ => None,
    });
    let silence = silence.expect("a silence action");
    assert_eq!(silence.rule, "spelling-variant");
    assert_eq!(silence.text, "North Korea");
    assert!(
        silence.context.starts_with("North Korea"),
        "{}",
        silence.context
    );
}
