//! The `--format json` report: one object with documents, entities and findings.

use std::io::Write;
use std::ops::Range;

use serde::Serialize;

use crate::analysis::desk::{Desk, DeskReport};
use crate::analysis::findings::Finding;
use crate::analysis::model::Mention;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    documents: Vec<Document<'a>>,
    entities: Vec<Entity<'a>>,
}

#[derive(Serialize)]
struct Document<'a> {
    path: &'a str,
    date: Option<&'a str>,
    title: Option<&'a str>,
    entities: Vec<DocEntity<'a>>,
    figures: Vec<DocFigure>,
    findings: Vec<DocFinding<'a>>,
}

#[derive(Serialize)]
struct DocEntity<'a> {
    id: &'a str,
    kind: &'static str,
    text: &'a str,
    start: usize,
    end: usize,
    demonym: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
}

#[derive(Serialize)]
struct DocFigure {
    text: String,
    start: usize,
    end: usize,
    value: f64,
    low: Option<f64>,
    high: Option<f64>,
    unit: String,
    /// `count`, `currency`, `percent` or what a measure measures (`length`, `power`...).
    unit_kind: &'static str,
    /// The unit or currency as written.
    surface: Option<String>,
    /// For a change ("from 5% to 7%"): the value before it; the value is after.
    #[serde(skip_serializing_if = "Option::is_none")]
    change_from: Option<f64>,
    counted: Option<String>,
    claim: Option<String>,
    qualifier: String,
    role: String,
    per: Option<String>,
    subject: Option<String>,
    target: Option<String>,
    event: Option<String>,
    date: Option<String>,
}

#[derive(Serialize)]
struct DocFinding<'a> {
    rule: &'static str,
    severity: &'static str,
    start: usize,
    end: usize,
    message: &'a str,
    related: Vec<Related<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<&'a str>,
}

#[derive(Serialize)]
struct Related<'a> {
    path: &'a str,
    start: usize,
    end: usize,
    message: &'a str,
    date: Option<&'a str>,
}

#[derive(Serialize)]
struct Entity<'a> {
    id: &'a str,
    kind: &'static str,
    canonical: &'a str,
    aliases: &'a [String],
    roles: &'a [String],
    refers_to: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    spellings: Vec<&'a str>,
    mentions: Vec<Span<'a>>,
}

#[derive(Serialize)]
struct Span<'a> {
    path: &'a str,
    start: usize,
    end: usize,
}

fn finding<'a>(span: Range<usize>, f: &'a Finding, report: &'a DeskReport) -> DocFinding<'a> {
    DocFinding {
        rule: f.rule,
        severity: f.severity.as_str(),
        start: span.start,
        end: span.end,
        message: &f.message,
        related: f
            .related
            .iter()
            .map(|r| {
                let span = report.span_of(r.doc, &r.at).unwrap_or_default();
                Related {
                    path: &report.paths[r.doc],
                    start: span.start,
                    end: span.end,
                    message: &r.message,
                    date: r.date.as_deref(),
                }
            })
            .collect(),
        expected: f.expected.as_deref(),
    }
}

/// Writes the report as one JSON object followed by a newline.
pub fn write(desk: &Desk, report: &DeskReport, out: &mut dyn Write) -> std::io::Result<()> {
    let table = &report.entities;
    let mentions: Vec<Vec<Mention>> = (0..report.paths.len())
        .map(|doc| report.mentions(doc).collect())
        .collect();
    let documents = desk
        .documents()
        .enumerate()
        .map(|(doc, d)| Document {
            path: &d.path,
            date: d.date(),
            title: d.analysis.metadata.title.as_deref(),
            entities: mentions[doc]
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let entity = &table.entities[table.by_doc[doc][i]];
                    DocEntity {
                        id: &entity.id,
                        kind: if m.demonym {
                            m.kind.as_str()
                        } else {
                            entity.kind.as_str()
                        },
                        text: &m.text,
                        start: m.span.start,
                        end: m.span.end,
                        demonym: m.demonym,
                        role: m.role.as_deref(),
                    }
                })
                .collect(),
            figures: report
                .figures(doc)
                .map(|f| DocFigure {
                    text: d
                        .text
                        .slice(f.figure.span.clone())
                        .unwrap_or_default()
                        .into_owned(),
                    start: f.figure.span.start,
                    end: f.figure.span.end,
                    value: f.figure.value,
                    low: f.figure.low,
                    high: f.figure.high,
                    unit: f.figure.unit.label(),
                    unit_kind: f.figure.unit.kind_label(),
                    surface: f.figure.surface.as_deref().map(str::to_string),
                    change_from: f.figure.change.map(|c| c.from),
                    counted: f.figure.counted.as_deref().map(str::to_string),
                    claim: f.claim.as_ref().map(|c| c.label()),
                    qualifier: format!("{:?}", f.figure.qualifier).to_lowercase(),
                    role: format!("{:?}", f.figure.role).to_lowercase(),
                    per: f.figure.per.as_deref().map(str::to_string),
                    subject: f.context.subject.as_deref().map(str::to_string),
                    target: f.context.target.as_deref().map(str::to_string),
                    event: f.context.event.as_deref().map(str::to_string),
                    date: f.context.date.as_deref().map(str::to_string),
                })
                .collect(),
            findings: report
                .findings_in_order(doc)
                .into_iter()
                .map(|(span, f)| finding(span, f, report))
                .collect(),
        })
        .collect();
    let entities = table
        .entities
        .iter()
        .map(|e| Entity {
            id: &e.id,
            kind: e.kind.as_str(),
            canonical: &e.canonical,
            aliases: &e.aliases,
            roles: &e.roles,
            refers_to: e.refers_to.map(|i| table.entities[i].id.as_str()),
            note: e.note.as_deref(),
            spellings: e.spellings.iter().map(|s| s.text.as_str()).collect(),
            mentions: e
                .mentions
                .iter()
                .map(|m| {
                    let span = report.span(m);
                    Span {
                        path: &report.paths[m.doc],
                        start: span.start,
                        end: span.end,
                    }
                })
                .collect(),
        })
        .collect();
    let report = Report {
        version: 1,
        documents,
        entities,
    };
    serde_json::to_writer(&mut *out, &report)?;
    writeln!(out)
}
