//! The `--format json` report: one object with documents, entities and findings.

use std::io::Write;
use std::ops::Range;

use serde::Serialize;

use std::collections::{BTreeMap, HashMap};

use crate::analysis::claims::Scope;
use crate::analysis::desk::{ClaimKey, Desk, DeskFigure, DeskReport};
use crate::analysis::findings::Finding;
use crate::analysis::model::Mention;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    documents: Vec<Document<'a>>,
    entities: Vec<Entity<'a>>,
    claims: Vec<Claim<'a>>,
}

/// One claim of the desk: what is measured, of what, when, and every
/// figure that states it, in time order.
#[derive(Serialize)]
struct Claim<'a> {
    id: String,
    /// `count`, `toll`, `population`, `event` or `magnitude`.
    kind: &'static str,
    /// The label hover and diagnostics use.
    label: String,
    /// What is measured, with the victims of a toll ("dead: people").
    measured: &'a str,
    /// Whom or what the claim is about, when it is an entity's.
    of: Option<&'a str>,
    /// Another time than the story's that the sentences give ("2004", "earlier").
    when: Option<&'a str>,
    unit: &'a str,
    /// Increments ("an additional 3,000") form claims of their own.
    increment: bool,
    figures: Vec<ClaimFigure<'a>>,
}

#[derive(Serialize)]
struct ClaimFigure<'a> {
    path: &'a str,
    start: usize,
    end: usize,
    value: f64,
    low: Option<f64>,
    high: Option<f64>,
    qualifier: String,
    /// The sentence's own date, else the article's.
    date: Option<String>,
    /// Where a toll's sentence puts it: the kinds of place and the places
    /// named. Figures of one claim are compared only where these can be one.
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: Option<&'a Scope>,
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
    /// The id of the claim in the report's `claims` list.
    claim_id: Option<String>,
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
    // The desk's claims, numbered in key order, each with its figures in
    // time order (undated last, then by article and position).
    let mut grouped: BTreeMap<ClaimKey, Vec<(Option<String>, usize, DeskFigure)>> = BTreeMap::new();
    for (doc, d) in desk.documents().enumerate() {
        for f in report.figures(doc) {
            if let Some(key) = f.claim.clone() {
                let date = f.context.date.as_deref().or(d.date()).map(str::to_string);
                grouped.entry(key).or_default().push((date, doc, f));
            }
        }
    }
    let ids: HashMap<&ClaimKey, String> = grouped
        .keys()
        .enumerate()
        .map(|(i, k)| (k, format!("C{}", i + 1)))
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
                    claim: f.claim_label(),
                    claim_id: f.claim.as_ref().and_then(|c| ids.get(c).cloned()),
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
    let claims = grouped
        .iter()
        .map(|(key, members)| {
            let mut members: Vec<&(Option<String>, usize, DeskFigure)> = members.iter().collect();
            members.sort_by(|a, b| {
                (a.0.is_none(), &a.0, a.1, a.2.figure.span.start).cmp(&(
                    b.0.is_none(),
                    &b.0,
                    b.1,
                    b.2.figure.span.start,
                ))
            });
            Claim {
                id: ids[key].clone(),
                kind: key.kind.as_str(),
                label: key.label(),
                measured: &key.counted,
                of: Some(&*key.subject).filter(|s| !s.is_empty()),
                when: Some(&*key.when).filter(|s| !s.is_empty()),
                unit: &key.unit,
                increment: key.increment,
                figures: members
                    .into_iter()
                    .map(|(date, doc, f)| ClaimFigure {
                        path: &report.paths[*doc],
                        start: f.figure.span.start,
                        end: f.figure.span.end,
                        value: f.figure.value,
                        low: f.figure.low,
                        high: f.figure.high,
                        qualifier: format!("{:?}", f.figure.qualifier).to_lowercase(),
                        date: date.clone(),
                        scope: f.context.scope.as_deref(),
                    })
                    .collect(),
            }
        })
        .collect();
    let report = Report {
        version: 1,
        documents,
        entities,
        claims,
    };
    serde_json::to_writer(&mut *out, &report)?;
    writeln!(out)
}
