//! Request handlers: convert the protocol's parameters in, call a plain
//! feature over a [`Snapshot`], convert the result out. Each handler is a
//! synchronous function so that it can run off the async threads.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use tower_lsp_server::ls_types::{self as lsp, Uri};

use super::convert::LineCol;
use super::features::{
    self, DeskView, Location, actions, completion, config_edit, hints, hover, navigation, symbols,
    tokens,
};
use super::state::{Publish, Snapshot};
use crate::analysis::config::Severity;
use crate::analysis::model::EntityKind;

/// What handlers need besides the snapshot.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The workspace folders, to show paths relative to them.
    pub roots: Vec<PathBuf>,
    /// Whether the client takes `documentChanges` with resource operations
    /// (needed to create `marginalia.toml`).
    pub create_files: bool,
}

impl Context {
    /// The path of `marginalia.toml` (beside the first workspace folder).
    pub fn config_path(&self) -> Option<PathBuf> {
        self.roots.first().map(|r| r.join("marginalia.toml"))
    }

    /// A document's path relative to its workspace folder, for display.
    pub fn display(&self, key: &str) -> String {
        let Some(path) = key_path(key) else {
            return features::file_name(key).to_string();
        };
        for root in &self.roots {
            if let Ok(relative) = path.strip_prefix(root) {
                return relative.to_string_lossy().replace('\\', "/");
            }
        }
        path.to_string_lossy().into_owned()
    }
}

/// The key of a document: its URI, normalized for files so that one file
/// always has one key.
pub fn key(uri: &Uri) -> String {
    if uri.scheme().as_str().eq_ignore_ascii_case("file")
        && let Some(path) = uri.to_file_path()
        && let Some(normal) = Uri::from_file_path(&path)
    {
        return normal.as_str().to_string();
    }
    uri.as_str().to_string()
}

/// The key of a file path.
pub fn key_of_path(path: &Path) -> Option<String> {
    Uri::from_file_path(path).map(|u| u.as_str().to_string())
}

/// The URI of a key.
pub fn uri(key: &str) -> Option<Uri> {
    Uri::from_str(key).ok()
}

/// The file path of a key, for `file:` URIs.
pub fn key_path(key: &str) -> Option<PathBuf> {
    let uri = uri(key)?;
    if !uri.scheme().as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}

fn view(snapshot: &Snapshot) -> DeskView<'_> {
    DeskView {
        desk: &snapshot.desk,
        report: &snapshot.report,
    }
}

fn pos(p: LineCol) -> lsp::Position {
    lsp::Position::new(p.line, p.character)
}

fn linecol(p: lsp::Position) -> LineCol {
    LineCol::new(p.line, p.character)
}

fn range(snapshot: &Snapshot, doc: usize, span: &std::ops::Range<usize>) -> lsp::Range {
    let (start, end) = snapshot.range(doc, span);
    lsp::Range::new(pos(start), pos(end))
}

fn location(snapshot: &Snapshot, l: &Location) -> Option<lsp::Location> {
    Some(lsp::Location::new(
        uri(&snapshot.views.get(l.doc)?.key)?,
        range(snapshot, l.doc, &l.span),
    ))
}

/// The document and byte offset of a position, if the document is in the desk.
fn at(snapshot: &Snapshot, doc: &lsp::TextDocumentPositionParams) -> Option<(usize, usize)> {
    let index = snapshot.doc(&key(&doc.text_document.uri))?;
    Some((index, snapshot.offset(index, linecol(doc.position))))
}

fn span_of(snapshot: &Snapshot, doc: usize, r: lsp::Range) -> std::ops::Range<usize> {
    let a = snapshot.offset(doc, linecol(r.start));
    let b = snapshot.offset(doc, linecol(r.end));
    a.min(b)..a.max(b)
}

fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Information => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    }
}

/// At most this many related locations are sent with a diagnostic; a claim
/// repeated across a large desk would otherwise send thousands.
pub const MAX_RELATED: usize = 10;

/// The diagnostics of one document.
pub fn diagnostics(snapshot: &Snapshot, doc: usize) -> Vec<lsp::Diagnostic> {
    let findings = snapshot.visible_findings(doc);
    findings
        .iter()
        .filter_map(|f| {
            let span = snapshot.report.span_of(doc, &f.at)?;
            let related: Vec<lsp::DiagnosticRelatedInformation> = f
                .related
                .iter()
                .take(MAX_RELATED)
                .filter_map(|r| {
                    Some(lsp::DiagnosticRelatedInformation {
                        location: location(
                            snapshot,
                            &Location {
                                doc: r.doc,
                                span: snapshot.report.span_of(r.doc, &r.at)?,
                            },
                        )?,
                        message: match &r.date {
                            Some(date) if !r.message.contains(&**date) => {
                                format!("{} ({date})", r.message)
                            }
                            _ => r.message.to_string(),
                        },
                    })
                })
                .collect();
            Some(lsp::Diagnostic {
                range: range(snapshot, doc, &span),
                severity: Some(severity(f.severity)),
                code: Some(lsp::NumberOrString::String(f.rule.to_string())),
                source: Some("marginalia".to_string()),
                message: f.message.to_string(),
                related_information: (!related.is_empty()).then_some(related),
                ..lsp::Diagnostic::default()
            })
        })
        .collect()
}

/// The notifications for documents whose diagnostics changed.
pub fn publications(
    snapshot: &Snapshot,
    publish: Vec<Publish>,
) -> Vec<lsp::PublishDiagnosticsParams> {
    publish
        .into_iter()
        .filter_map(|p| {
            let diagnostics = p.doc.map(|d| diagnostics(snapshot, d)).unwrap_or_default();
            Some(lsp::PublishDiagnosticsParams {
                uri: uri(&p.key)?,
                diagnostics,
                version: p.version,
            })
        })
        .collect()
}

fn kind_name(kind: EntityKind) -> &'static str {
    kind.as_str()
}

fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn link(snapshot: &Snapshot, ctx: &Context, l: &Location, line: usize) -> String {
    let key = snapshot.views.get(l.doc).map_or("", |v| v.key.as_str());
    format!(
        "[{}:{}]({}#L{})",
        markdown_escape(&ctx.display(key)),
        line + 1,
        key,
        line + 1
    )
}

/// Renders a hover as Markdown.
pub fn render_hover(snapshot: &Snapshot, ctx: &Context, info: &hover::HoverInfo) -> String {
    let mut out = String::new();
    match info {
        hover::HoverInfo::Name(name) => {
            out.push_str(&format!(
                "**{}** — {}\n",
                markdown_escape(&name.canonical),
                kind_name(name.kind)
            ));
            if !name.roles.is_empty() {
                out.push_str(&format!(
                    "\nRoles: {}\n",
                    markdown_escape(&name.roles.join(", "))
                ));
            }
            if !name.aliases.is_empty() {
                out.push_str(&format!(
                    "\nAlso: {}\n",
                    markdown_escape(&name.aliases.join(", "))
                ));
            }
            if let Some(country) = &name.stands_for {
                out.push_str(&format!("\nStands for: {}\n", markdown_escape(country)));
            }
            if let Some(note) = &name.note {
                out.push_str(&format!("\n{}\n", markdown_escape(note)));
            }
            let total = name.mention_count;
            out.push_str(&format!(
                "\n---\n{total} mention{} in {} article{}\n",
                if total == 1 { "" } else { "s" },
                name.article_count,
                if name.article_count == 1 { "" } else { "s" }
            ));
            for article in &name.articles {
                let key = snapshot
                    .views
                    .get(article.doc)
                    .map_or("", |v| v.key.as_str());
                out.push_str(&format!("\n**{}**\n", markdown_escape(&ctx.display(key))));
                for m in &article.mentions {
                    out.push_str(&format!(
                        "- {} {}\n",
                        link(snapshot, ctx, &m.location, m.line),
                        markdown_escape(&m.snippet)
                    ));
                }
            }
            let listed: usize = name.articles.iter().map(|a| a.mentions.len()).sum();
            if total > listed {
                out.push_str(&format!("\n…and {} more\n", total - listed));
            }
        }
        hover::HoverInfo::Figure(figure) => {
            let qualifier = if figure.qualifier.is_empty() {
                String::new()
            } else {
                format!("{} ", figure.qualifier)
            };
            out.push_str(&format!(
                "**{qualifier}{}**",
                markdown_escape(&figure.value)
            ));
            if let Some(counted) = &figure.counted {
                out.push_str(&format!(" {}", markdown_escape(counted)));
            }
            out.push('\n');
            match (&figure.low, &figure.high) {
                (Some(low), Some(high)) => out.push_str(&format!(
                    "\nBetween {} and {}\n",
                    markdown_escape(low),
                    markdown_escape(high)
                )),
                (Some(low), None) => {
                    out.push_str(&format!("\nAt least {}\n", markdown_escape(low)))
                }
                (None, Some(high)) => {
                    out.push_str(&format!("\nAt most {}\n", markdown_escape(high)))
                }
                (None, None) => {}
            }
            if let Some(claim) = &figure.claim {
                out.push_str(&format!("\nClaim: {}\n", markdown_escape(claim)));
            }
            if !figure.elsewhere.is_empty() {
                out.push_str("\n---\nThe same claim elsewhere:\n");
                for other in &figure.elsewhere {
                    let date = other
                        .date
                        .as_deref()
                        .map_or(String::new(), |d| format!(" ({d})"));
                    out.push_str(&format!(
                        "- **{}**{date} {} {}\n",
                        markdown_escape(&other.value),
                        link(snapshot, ctx, &other.location, other.line),
                        markdown_escape(&other.snippet)
                    ));
                }
                let more = figure.elsewhere_count - figure.elsewhere.len();
                if more > 0 {
                    out.push_str(&format!("\n…and {more} more\n"));
                }
            }
        }
    }
    out
}

/// `textDocument/hover`
pub fn hover(snapshot: &Snapshot, ctx: &Context, params: &lsp::HoverParams) -> Option<lsp::Hover> {
    let (doc, offset) = at(snapshot, &params.text_document_position_params)?;
    let info = hover::hover(view(snapshot), doc, offset)?;
    let span = match &info {
        hover::HoverInfo::Name(n) => n.span.clone(),
        hover::HoverInfo::Figure(f) => f.span.clone(),
    };
    Some(lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: render_hover(snapshot, ctx, &info),
        }),
        range: Some(range(snapshot, doc, &span)),
    })
}

/// `textDocument/definition`
pub fn definition(
    snapshot: &Snapshot,
    params: &lsp::GotoDefinitionParams,
) -> Option<lsp::GotoDefinitionResponse> {
    let (doc, offset) = at(snapshot, &params.text_document_position_params)?;
    let target = navigation::definition(view(snapshot), doc, offset)?;
    Some(lsp::GotoDefinitionResponse::Scalar(location(
        snapshot, &target,
    )?))
}

/// `textDocument/references`
pub fn references(
    snapshot: &Snapshot,
    params: &lsp::ReferenceParams,
) -> Option<Vec<lsp::Location>> {
    let (doc, offset) = at(snapshot, &params.text_document_position)?;
    let found = navigation::references(view(snapshot), doc, offset);
    let here = navigation::definition(view(snapshot), doc, offset);
    Some(
        found
            .iter()
            .filter(|l| params.context.include_declaration || Some(*l) != here.as_ref())
            .filter_map(|l| location(snapshot, l))
            .collect(),
    )
}

/// `textDocument/documentHighlight`
pub fn highlights(
    snapshot: &Snapshot,
    params: &lsp::DocumentHighlightParams,
) -> Option<Vec<lsp::DocumentHighlight>> {
    let (doc, offset) = at(snapshot, &params.text_document_position_params)?;
    Some(
        navigation::highlights(view(snapshot), doc, offset)
            .iter()
            .map(|span| lsp::DocumentHighlight {
                range: range(snapshot, doc, span),
                kind: Some(lsp::DocumentHighlightKind::TEXT),
            })
            .collect(),
    )
}

/// `textDocument/prepareRename`
pub fn prepare_rename(
    snapshot: &Snapshot,
    params: &lsp::TextDocumentPositionParams,
) -> Option<lsp::PrepareRenameResponse> {
    let (doc, offset) = at(snapshot, params)?;
    let (span, text) = navigation::prepare_rename(view(snapshot), doc, offset)?;
    Some(lsp::PrepareRenameResponse::RangeWithPlaceholder {
        range: range(snapshot, doc, &span),
        placeholder: text,
    })
}

/// `textDocument/rename`: one edit per mention, across the desk; files that
/// are not open are named by their file URI.
pub fn rename(snapshot: &Snapshot, params: &lsp::RenameParams) -> Option<lsp::WorkspaceEdit> {
    let (doc, offset) = at(snapshot, &params.text_document_position)?;
    let edits = navigation::rename(view(snapshot), doc, offset, &params.new_name);
    if edits.is_empty() {
        return None;
    }
    let mut changes: HashMap<Uri, Vec<lsp::TextEdit>> = HashMap::new();
    for (l, text) in edits {
        let Some(uri) = snapshot.views.get(l.doc).and_then(|v| uri(&v.key)) else {
            continue;
        };
        changes
            .entry(uri)
            .or_default()
            .push(lsp::TextEdit::new(range(snapshot, l.doc, &l.span), text));
    }
    Some(lsp::WorkspaceEdit {
        changes: Some(changes),
        ..lsp::WorkspaceEdit::default()
    })
}

fn symbol_kind(kind: symbols::SymbolKind) -> lsp::SymbolKind {
    match kind {
        symbols::SymbolKind::Entity(EntityKind::Person) => lsp::SymbolKind::CLASS,
        symbols::SymbolKind::Entity(EntityKind::Organization) => lsp::SymbolKind::NAMESPACE,
        symbols::SymbolKind::Entity(EntityKind::Place) => lsp::SymbolKind::STRUCT,
        symbols::SymbolKind::Figure => lsp::SymbolKind::NUMBER,
    }
}

/// `textDocument/documentSymbol`
pub fn document_symbols(
    snapshot: &Snapshot,
    params: &lsp::DocumentSymbolParams,
) -> Option<lsp::DocumentSymbolResponse> {
    let doc = snapshot.doc(&key(&params.text_document.uri))?;
    #[allow(deprecated)]
    let symbols = symbols::document_symbols(view(snapshot), doc)
        .into_iter()
        .map(|s| lsp::DocumentSymbol {
            name: if s.name.is_empty() {
                "?".into()
            } else {
                s.name
            },
            detail: Some(s.detail),
            kind: symbol_kind(s.kind),
            tags: None,
            deprecated: None,
            range: range(snapshot, doc, &s.full),
            selection_range: range(snapshot, doc, &s.location.span),
            children: None,
        })
        .collect();
    Some(lsp::DocumentSymbolResponse::Nested(symbols))
}

/// `workspace/symbol`
pub fn workspace_symbols(
    snapshot: &Snapshot,
    params: &lsp::WorkspaceSymbolParams,
) -> Option<lsp::WorkspaceSymbolResponse> {
    #[allow(deprecated)]
    let found = symbols::workspace_symbols(view(snapshot), &params.query)
        .into_iter()
        .filter_map(|s| {
            Some(lsp::SymbolInformation {
                name: s.name,
                kind: symbol_kind(s.kind),
                tags: None,
                deprecated: None,
                location: location(snapshot, &s.location)?,
                container_name: Some(s.detail),
            })
        })
        .collect();
    Some(lsp::WorkspaceSymbolResponse::Flat(found))
}

/// The legend of semantic tokens.
pub fn legend() -> lsp::SemanticTokensLegend {
    lsp::SemanticTokensLegend {
        token_types: tokens::TOKEN_TYPES
            .iter()
            .map(|t| lsp::SemanticTokenType::new(t))
            .collect(),
        token_modifiers: tokens::TOKEN_MODIFIERS
            .iter()
            .map(|m| lsp::SemanticTokenModifier::new(m))
            .collect(),
    }
}

fn semantic_tokens(
    snapshot: &Snapshot,
    doc: usize,
    within: std::ops::Range<usize>,
) -> lsp::SemanticTokens {
    let rope = &snapshot.views[doc].rope();
    let mut data = Vec::new();
    let (mut last_line, mut last_start) = (0u32, 0u32);
    for token in tokens::tokens(view(snapshot), doc, within) {
        let (start, end) = snapshot.range(doc, &token.span);
        // A token may not span lines: cut it at each line end.
        let mut pieces = Vec::new();
        if start.line == end.line {
            pieces.push((start.line, start.character, end.character - start.character));
        } else {
            for line in start.line..=end.line {
                let from = if line == start.line {
                    start.character
                } else {
                    0
                };
                let to = if line == end.line {
                    end.character
                } else {
                    let line_end = super::convert::offset(
                        rope,
                        LineCol::new(line, u32::MAX),
                        snapshot.encoding,
                    );
                    super::convert::position(rope, line_end, snapshot.encoding).character
                };
                if to > from {
                    pieces.push((line, from, to - from));
                }
            }
        }
        for (line, character, length) in pieces {
            let delta_line = line - last_line;
            let delta_start = if delta_line == 0 {
                character - last_start
            } else {
                character
            };
            data.push(lsp::SemanticToken {
                delta_line,
                delta_start,
                length,
                token_type: token.kind as u32,
                token_modifiers_bitset: u32::from(token.declaration),
            });
            last_line = line;
            last_start = character;
        }
    }
    lsp::SemanticTokens {
        result_id: None,
        data,
    }
}

/// `textDocument/semanticTokens/full`
pub fn semantic_tokens_full(
    snapshot: &Snapshot,
    params: &lsp::SemanticTokensParams,
) -> Option<lsp::SemanticTokensResult> {
    let doc = snapshot.doc(&key(&params.text_document.uri))?;
    Some(lsp::SemanticTokensResult::Tokens(semantic_tokens(
        snapshot,
        doc,
        0..usize::MAX,
    )))
}

/// `textDocument/semanticTokens/range`
pub fn semantic_tokens_range(
    snapshot: &Snapshot,
    params: &lsp::SemanticTokensRangeParams,
) -> Option<lsp::SemanticTokensRangeResult> {
    let doc = snapshot.doc(&key(&params.text_document.uri))?;
    let within = span_of(snapshot, doc, params.range);
    Some(lsp::SemanticTokensRangeResult::Tokens(semantic_tokens(
        snapshot, doc, within,
    )))
}

/// `textDocument/inlayHint`
pub fn inlay_hints(
    snapshot: &Snapshot,
    params: &lsp::InlayHintParams,
) -> Option<Vec<lsp::InlayHint>> {
    let doc = snapshot.doc(&key(&params.text_document.uri))?;
    let within = span_of(snapshot, doc, params.range);
    Some(
        hints::inlay_hints(view(snapshot), doc, within)
            .into_iter()
            .map(|h| lsp::InlayHint {
                position: pos(snapshot.range(doc, &(h.offset..h.offset)).0),
                label: lsp::InlayHintLabel::String(h.label),
                kind: None,
                text_edits: None,
                tooltip: None,
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
            .collect(),
    )
}

/// `textDocument/codeLens`
pub fn code_lenses(
    snapshot: &Snapshot,
    params: &lsp::CodeLensParams,
) -> Option<Vec<lsp::CodeLens>> {
    let doc = snapshot.doc(&key(&params.text_document.uri))?;
    Some(
        hints::code_lenses(view(snapshot), doc)
            .into_iter()
            .map(|l| lsp::CodeLens {
                range: range(snapshot, doc, &l.span),
                command: Some(lsp::Command {
                    title: l.title,
                    command: String::new(),
                    arguments: None,
                }),
                data: None,
            })
            .collect(),
    )
}

/// `textDocument/completion`
pub fn completion(
    snapshot: &Snapshot,
    params: &lsp::CompletionParams,
) -> Option<lsp::CompletionResponse> {
    let (doc, offset) = at(snapshot, &params.text_document_position)?;
    let items: Vec<lsp::CompletionItem> = completion::complete(view(snapshot), doc, offset)
        .into_iter()
        .enumerate()
        .map(|(rank, c)| lsp::CompletionItem {
            label: c.label.clone(),
            kind: Some(match c.kind {
                EntityKind::Person => lsp::CompletionItemKind::CLASS,
                EntityKind::Organization => lsp::CompletionItemKind::MODULE,
                EntityKind::Place => lsp::CompletionItemKind::STRUCT,
            }),
            detail: Some(if c.canonical == c.label {
                format!("{}, {} mentions", c.kind.as_str(), c.mentions)
            } else {
                format!("{} ({})", c.canonical, c.kind.as_str())
            }),
            sort_text: Some(format!("{rank:05}")),
            text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit::new(
                range(snapshot, doc, &c.replace),
                c.label,
            ))),
            ..lsp::CompletionItem::default()
        })
        .collect();
    Some(lsp::CompletionResponse::Array(items))
}

/// An edit turning the configuration file's text `old` (absent when there is
/// no file) into `new`.
/// The command that writes a new `marginalia.toml` when the client cannot
/// create files: arguments are the path and the new text.
pub const WRITE_CONFIG_COMMAND: &str = "marginalia.writeConfig";

/// How a code action changes the configuration file.
enum ConfigChange {
    /// An edit the editor applies.
    Edit(lsp::WorkspaceEdit),
    /// A command the server runs (creating the file).
    Command(lsp::Command),
}

fn config_workspace_edit(
    path: &Path,
    old: Option<&str>,
    new: &str,
    ctx: &Context,
    encoding: super::convert::PositionEncoding,
) -> Option<ConfigChange> {
    let uri = Uri::from_file_path(path)?;
    let old_text = old.unwrap_or("");
    let (replace, with) = config_edit::minimal_replacement(old_text, new);
    let rope = ropey::Rope::from_str(old_text);
    let (start, end) = super::convert::range(&rope, &replace, encoding);
    let edit = lsp::TextEdit::new(lsp::Range::new(pos(start), pos(end)), with.to_string());
    if old.is_some() {
        let mut changes = HashMap::new();
        changes.insert(uri, vec![edit]);
        return Some(ConfigChange::Edit(lsp::WorkspaceEdit {
            changes: Some(changes),
            ..lsp::WorkspaceEdit::default()
        }));
    }
    if !ctx.create_files {
        return Some(ConfigChange::Command(lsp::Command {
            title: "Create marginalia.toml".to_string(),
            command: WRITE_CONFIG_COMMAND.to_string(),
            arguments: Some(vec![
                serde_json::Value::String(path.to_string_lossy().into_owned()),
                serde_json::Value::String(new.to_string()),
            ]),
        }));
    }
    Some(ConfigChange::Edit(lsp::WorkspaceEdit {
        document_changes: Some(lsp::DocumentChanges::Operations(vec![
            lsp::DocumentChangeOperation::Op(lsp::ResourceOp::Create(lsp::CreateFile {
                uri: uri.clone(),
                options: Some(lsp::CreateFileOptions {
                    overwrite: Some(false),
                    ignore_if_exists: Some(true),
                }),
                annotation_id: None,
            })),
            lsp::DocumentChangeOperation::Edit(lsp::TextDocumentEdit {
                text_document: lsp::OptionalVersionedTextDocumentIdentifier { uri, version: None },
                edits: vec![lsp::OneOf::Left(edit)],
            }),
        ])),
        ..lsp::WorkspaceEdit::default()
    }))
}

/// A document's path relative to the folder of `marginalia.toml`, with `/`.
fn desk_relative(key: &str, config: &Path) -> Option<String> {
    let path = key_path(key)?;
    let relative = path.strip_prefix(config.parent()?).ok()?;
    Some(relative.to_string_lossy().replace('\\', "/"))
}

/// `textDocument/codeAction`. `config_text` is the current `marginalia.toml`
/// (`None` when there is none).
pub fn code_actions(
    snapshot: &Snapshot,
    ctx: &Context,
    config_text: Option<&str>,
    params: &lsp::CodeActionParams,
) -> Option<lsp::CodeActionResponse> {
    let doc = snapshot.doc(&key(&params.text_document.uri))?;
    let span = span_of(snapshot, doc, params.range);
    let doc_uri = params.text_document.uri.clone();
    let matching = |rule: &str, finding: &std::ops::Range<usize>| -> Vec<lsp::Diagnostic> {
        let r = range(snapshot, doc, finding);
        params
            .context
            .diagnostics
            .iter()
            .filter(|d| {
                d.range == r
                    && d.code.as_ref() == Some(&lsp::NumberOrString::String(rule.to_string()))
            })
            .cloned()
            .collect()
    };
    let mut out = Vec::new();
    for action in actions::code_actions(view(snapshot), doc, span) {
        match action {
            actions::Action::Replace {
                title,
                location,
                replacement,
                rule,
                finding,
            } => {
                let mut changes = HashMap::new();
                changes.insert(
                    doc_uri.clone(),
                    vec![lsp::TextEdit::new(
                        range(snapshot, location.doc, &location.span),
                        replacement,
                    )],
                );
                let diagnostics = matching(rule, &finding);
                out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title,
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
                    edit: Some(lsp::WorkspaceEdit {
                        changes: Some(changes),
                        ..lsp::WorkspaceEdit::default()
                    }),
                    is_preferred: Some(true),
                    ..lsp::CodeAction::default()
                }));
            }
            actions::Action::Config { mut edit, finding } => {
                let Some(path) = ctx.config_path() else {
                    continue;
                };
                if let config_edit::ConfigEdit::Silence(silence) = &mut edit {
                    let Some(article) = desk_relative(&silence.article, &path) else {
                        continue;
                    };
                    silence.article = article;
                }
                let new = match config_edit::apply(config_text.unwrap_or(""), &edit) {
                    Ok(new) => new,
                    Err(reason) => {
                        eprintln!("marginalia: no config action: {reason}");
                        continue;
                    }
                };
                if Some(new.as_str()) == config_text {
                    continue;
                }
                let Some(change) =
                    config_workspace_edit(&path, config_text, &new, ctx, snapshot.encoding)
                else {
                    continue;
                };
                let (workspace_edit, command) = match change {
                    ConfigChange::Edit(edit) => (Some(edit), None),
                    ConfigChange::Command(command) => (None, Some(command)),
                };
                let diagnostics = finding
                    .as_ref()
                    .map(|(rule, span)| matching(rule, span))
                    .unwrap_or_default();
                out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: edit.title(),
                    kind: Some(if finding.is_some() {
                        lsp::CodeActionKind::QUICKFIX
                    } else {
                        lsp::CodeActionKind::REFACTOR
                    }),
                    diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
                    edit: workspace_edit,
                    command,
                    ..lsp::CodeAction::default()
                }));
            }
        }
    }
    Some(out)
}
