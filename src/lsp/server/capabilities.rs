//! What the server offers (capabilities) and what it reads from
//! `initialize`: settings and the workspace folders.

use super::*;

pub(super) fn capabilities(encoding: PositionEncoding) -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        position_encoding: Some(lsp::PositionEncodingKind::from(
            encoding.as_str().to_string(),
        )),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                ..lsp::TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        references_provider: Some(lsp::OneOf::Left(true)),
        document_highlight_provider: Some(lsp::OneOf::Left(true)),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        workspace_symbol_provider: Some(lsp::OneOf::Left(true)),
        rename_provider: Some(lsp::OneOf::Right(lsp::RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: lsp::WorkDoneProgressOptions::default(),
        })),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![
                    lsp::CodeActionKind::QUICKFIX,
                    lsp::CodeActionKind::REFACTOR,
                ]),
                ..lsp::CodeActionOptions::default()
            },
        )),
        code_lens_provider: Some(lsp::CodeLensOptions {
            resolve_provider: Some(false),
        }),
        completion_provider: Some(lsp::CompletionOptions::default()),
        execute_command_provider: Some(lsp::ExecuteCommandOptions {
            commands: vec![handlers::WRITE_CONFIG_COMMAND.to_string()],
            ..lsp::ExecuteCommandOptions::default()
        }),
        inlay_hint_provider: Some(lsp::OneOf::Left(true)),
        semantic_tokens_provider: Some(
            lsp::SemanticTokensServerCapabilities::SemanticTokensOptions(
                lsp::SemanticTokensOptions {
                    legend: handlers::legend(),
                    range: Some(true),
                    full: Some(lsp::SemanticTokensFullOptions::Bool(true)),
                    ..lsp::SemanticTokensOptions::default()
                },
            ),
        ),
        workspace: Some(lsp::WorkspaceServerCapabilities {
            workspace_folders: Some(lsp::WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(lsp::OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..lsp::ServerCapabilities::default()
    }
}

/// The settings inside `initializationOptions` or `didChangeConfiguration`:
/// either the keys themselves or under `marginalia`.
pub(super) fn settings_of(value: Option<serde_json::Value>) -> Option<serde_json::Value> {
    let value = value?;
    match value.get("marginalia") {
        Some(inner) => Some(inner.clone()),
        None => Some(value),
    }
}

/// The desks of the workspace folders before any article is open, and the
/// folders too wide to be one.
pub(super) fn desks_of_folders(folders: &[PathBuf]) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let home = files::home_folder();
    let mut desks = Vec::new();
    let mut too_wide = Vec::new();
    for folder in folders {
        match files::desk_of_folder(folder, home.as_deref()) {
            files::DeskRoot::Folder(desk) if !desks.contains(&desk) => desks.push(desk),
            files::DeskRoot::Folder(_) => {}
            files::DeskRoot::TooWide(folder) => too_wide.push(folder),
        }
    }
    (desks, too_wide)
}

pub(super) fn roots_of(params: &lsp::InitializeParams) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| f.uri.to_file_path().map(|p| p.into_owned()))
        .collect();
    #[allow(deprecated)]
    if roots.is_empty()
        && let Some(uri) = &params.root_uri
        && let Some(path) = uri.to_file_path()
    {
        roots.push(path.into_owned());
    }
    roots
}
