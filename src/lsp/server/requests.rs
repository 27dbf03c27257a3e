//! The protocol's handlers: each request runs its feature over a fresh
//! snapshot; notifications about files and settings update the desk.

use super::capabilities::{capabilities, desks_of_folders, roots_of, settings_of};
use super::*;

impl LanguageServer for Backend {
    async fn initialize(
        &self,
        params: lsp::InitializeParams,
    ) -> jsonrpc::Result<lsp::InitializeResult> {
        let offered: Vec<String> = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .map(|kinds| kinds.iter().map(|k| k.as_str().to_string()).collect())
            .unwrap_or_default();
        let encoding = PositionEncoding::negotiate(offered.iter().map(String::as_str));
        self.core.workspace.set_encoding(encoding);
        let folders = roots_of(&params);
        let (roots, too_wide) = desks_of_folders(&folders);
        if self.core.uses_disk() {
            *self
                .startup_too_wide
                .lock()
                .unwrap_or_else(|p| p.into_inner()) = too_wide;
        }
        *self.folders.write().unwrap_or_else(|p| p.into_inner()) = folders;
        let window = params.capabilities.window.as_ref();
        self.progress_supported.store(
            window.and_then(|w| w.work_done_progress).unwrap_or(false),
            Ordering::SeqCst,
        );
        let workspace_caps = params.capabilities.workspace.as_ref();
        self.watch_supported.store(
            workspace_caps
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|w| w.dynamic_registration)
                .unwrap_or(false),
            Ordering::SeqCst,
        );
        let create_files = workspace_caps
            .and_then(|w| w.workspace_edit.as_ref())
            .is_some_and(|e| {
                e.document_changes == Some(true)
                    && e.resource_operations
                        .as_ref()
                        .is_some_and(|ops| ops.contains(&lsp::ResourceOperationKind::Create))
            });
        let settings = settings_of(params.initialization_options.clone());
        let config_roots = if self.core.uses_disk() {
            &roots[..]
        } else {
            &[]
        };
        match files::load_config(config_roots, settings.as_ref()) {
            Ok(config) => self.core.workspace.set_config(config),
            Err(message) => {
                *self.startup_error.lock().unwrap_or_else(|p| p.into_inner()) = Some(message);
            }
        }
        *self.settings.lock().unwrap_or_else(|p| p.into_inner()) = settings;
        *self.context.write().unwrap_or_else(|p| p.into_inner()) = Context {
            roots: roots.clone(),
            create_files,
        };
        *self.roots.write().unwrap_or_else(|p| p.into_inner()) = roots;
        self.core.initialized.store(true, Ordering::SeqCst);
        Ok(lsp::InitializeResult {
            capabilities: capabilities(encoding),
            server_info: Some(lsp::ServerInfo {
                name: "marginalia".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: lsp::InitializedParams) {
        let encoding = self.core.workspace.encoding();
        self.core
            .notices
            .info(format!("position encoding {}", encoding.as_str()));
        let error = self
            .startup_error
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        if let Some(message) = error {
            self.show_error(message).await;
        }
        let too_wide = std::mem::take(
            &mut *self
                .startup_too_wide
                .lock()
                .unwrap_or_else(|p| p.into_inner()),
        );
        for folder in too_wide {
            self.refuse(folder).await;
        }
        // Neither waits on the other, nor holds up edits.
        self.register_watchers();
        self.index_workspace().await;
    }

    async fn shutdown(&self) -> jsonrpc::Result<()> {
        self.core.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_change_configuration(&self, params: lsp::DidChangeConfigurationParams) {
        let settings = settings_of(Some(params.settings));
        *self.settings.lock().unwrap_or_else(|p| p.into_inner()) = settings;
        let _ = self.reload_config().await;
    }

    /// Text edits take the ordered path; this only decides the article's
    /// desk, and moves there if it is another one.
    async fn did_open(&self, params: lsp::DidOpenTextDocumentParams) {
        if !self.core.uses_disk() {
            return;
        }
        let Some(path) = params.text_document.uri.to_file_path() else {
            return;
        };
        if !files::is_article(&path) {
            return;
        }
        let folders = self
            .folders
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        let home = files::home_folder();
        match files::desk_of_article(&path, &folders, home.as_deref()) {
            files::DeskRoot::Folder(desk) => self.move_to_desk(desk).await,
            files::DeskRoot::TooWide(folder) => self.refuse(folder).await,
        }
    }

    async fn did_change_workspace_folders(&self, params: lsp::DidChangeWorkspaceFoldersParams) {
        let path = |f: &lsp::WorkspaceFolder| f.uri.to_file_path().map(|p| p.into_owned());
        let removed: Vec<PathBuf> = params.event.removed.iter().filter_map(path).collect();
        let added: Vec<PathBuf> = params.event.added.iter().filter_map(path).collect();
        let folders = {
            let mut folders = self.folders.write().unwrap_or_else(|p| p.into_inner());
            folders.retain(|r| !removed.contains(r));
            for folder in added {
                if !folders.contains(&folder) {
                    folders.push(folder);
                }
            }
            folders.clone()
        };
        let (roots, too_wide) = desks_of_folders(&folders);
        for folder in too_wide {
            self.refuse(folder).await;
        }
        *self.roots.write().unwrap_or_else(|p| p.into_inner()) = roots.clone();
        self.context
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .roots = roots;
        if !self.reload_config().await {
            self.index_workspace().await;
        }
    }

    async fn did_change_watched_files(&self, params: lsp::DidChangeWatchedFilesParams) {
        let mut config_changed = false;
        let mut paths = Vec::new();
        for change in params.changes {
            let Some(path) = change.uri.to_file_path().map(|p| p.into_owned()) else {
                continue;
            };
            if path.file_name().and_then(|n| n.to_str()) == Some(files::CONFIG_FILE) {
                config_changed = true;
                continue;
            }
            paths.push(path);
        }
        {
            let mut touched = self.touched.lock().unwrap_or_else(|p| p.into_inner());
            if touched.runs > 0 {
                touched.paths.extend(paths.iter().cloned());
            }
        }
        // What the disk holds now is the truth, whatever the events say.
        self.read_again(paths).await;
        self.core.wake(Wake::Now);
        self.core.file_event_applied();
        if config_changed {
            let _ = self.reload_config().await;
        }
    }

    async fn execute_command(
        &self,
        params: lsp::ExecuteCommandParams,
    ) -> jsonrpc::Result<Option<serde_json::Value>> {
        if params.command != handlers::WRITE_CONFIG_COMMAND {
            return Err(jsonrpc::Error::method_not_found());
        }
        let (Some(path), Some(text)) = (
            params.arguments.first().and_then(|v| v.as_str()),
            params.arguments.get(1).and_then(|v| v.as_str()),
        ) else {
            return Err(jsonrpc::Error::invalid_params("expected a path and a text"));
        };
        let path = PathBuf::from(path);
        let expected = self.context().config_path();
        if expected.as_ref() != Some(&path) {
            return Err(jsonrpc::Error::invalid_params(
                "not the workspace's marginalia.toml",
            ));
        }
        if let Err(error) = crate::analysis::config::Config::from_toml(text) {
            return Err(jsonrpc::Error::invalid_params(error.to_string()));
        }
        if !self.core.uses_disk() {
            return Ok(None);
        }
        let text = text.to_string();
        let written =
            tokio::task::spawn_blocking(move || files::write_atomically(&path, &text)).await;
        match written {
            Ok(Ok(())) => {
                let _ = self.reload_config().await;
                Ok(None)
            }
            Ok(Err(error)) => {
                self.show_error(format!("cannot write marginalia.toml: {error}"))
                    .await;
                Ok(None)
            }
            Err(error) => {
                self.core
                    .notices
                    .error(format!("cannot write marginalia.toml: {error}"));
                Err(jsonrpc::Error::internal_error())
            }
        }
    }

    async fn hover(&self, params: lsp::HoverParams) -> jsonrpc::Result<Option<lsp::Hover>> {
        self.with_snapshot("hover", move |s, c| handlers::hover(s, c, &params))
            .await
    }

    async fn goto_definition(
        &self,
        params: lsp::GotoDefinitionParams,
    ) -> jsonrpc::Result<Option<lsp::GotoDefinitionResponse>> {
        self.with_snapshot("definition", move |s, _| handlers::definition(s, &params))
            .await
    }

    async fn references(
        &self,
        params: lsp::ReferenceParams,
    ) -> jsonrpc::Result<Option<Vec<lsp::Location>>> {
        self.with_snapshot("references", move |s, _| handlers::references(s, &params))
            .await
    }

    async fn document_highlight(
        &self,
        params: lsp::DocumentHighlightParams,
    ) -> jsonrpc::Result<Option<Vec<lsp::DocumentHighlight>>> {
        self.with_snapshot("highlight", move |s, _| handlers::highlights(s, &params))
            .await
    }

    async fn prepare_rename(
        &self,
        params: lsp::TextDocumentPositionParams,
    ) -> jsonrpc::Result<Option<lsp::PrepareRenameResponse>> {
        self.with_snapshot("prepareRename", move |s, _| {
            handlers::prepare_rename(s, &params)
        })
        .await
    }

    async fn rename(
        &self,
        params: lsp::RenameParams,
    ) -> jsonrpc::Result<Option<lsp::WorkspaceEdit>> {
        self.with_snapshot("rename", move |s, _| handlers::rename(s, &params))
            .await
    }

    async fn document_symbol(
        &self,
        params: lsp::DocumentSymbolParams,
    ) -> jsonrpc::Result<Option<lsp::DocumentSymbolResponse>> {
        self.with_snapshot("documentSymbol", move |s, _| {
            handlers::document_symbols(s, &params)
        })
        .await
    }

    async fn symbol(
        &self,
        params: lsp::WorkspaceSymbolParams,
    ) -> jsonrpc::Result<Option<lsp::WorkspaceSymbolResponse>> {
        self.with_snapshot("workspaceSymbol", move |s, _| {
            handlers::workspace_symbols(s, &params)
        })
        .await
    }

    async fn semantic_tokens_full(
        &self,
        params: lsp::SemanticTokensParams,
    ) -> jsonrpc::Result<Option<lsp::SemanticTokensResult>> {
        self.with_snapshot("semanticTokens", move |s, _| {
            handlers::semantic_tokens_full(s, &params)
        })
        .await
    }

    async fn semantic_tokens_range(
        &self,
        params: lsp::SemanticTokensRangeParams,
    ) -> jsonrpc::Result<Option<lsp::SemanticTokensRangeResult>> {
        self.with_snapshot("semanticTokensRange", move |s, _| {
            handlers::semantic_tokens_range(s, &params)
        })
        .await
    }

    async fn inlay_hint(
        &self,
        params: lsp::InlayHintParams,
    ) -> jsonrpc::Result<Option<Vec<lsp::InlayHint>>> {
        self.with_snapshot("inlayHint", move |s, _| handlers::inlay_hints(s, &params))
            .await
    }

    async fn code_lens(
        &self,
        params: lsp::CodeLensParams,
    ) -> jsonrpc::Result<Option<Vec<lsp::CodeLens>>> {
        self.with_snapshot("codeLens", move |s, _| handlers::code_lenses(s, &params))
            .await
    }

    async fn completion(
        &self,
        params: lsp::CompletionParams,
    ) -> jsonrpc::Result<Option<lsp::CompletionResponse>> {
        self.with_snapshot("completion", move |s, _| handlers::completion(s, &params))
            .await
    }

    async fn code_action(
        &self,
        params: lsp::CodeActionParams,
    ) -> jsonrpc::Result<Option<lsp::CodeActionResponse>> {
        let uses_disk = self.core.uses_disk();
        self.with_snapshot("codeAction", move |s, c| {
            let config_text = c
                .config_path()
                .filter(|_| uses_disk)
                .and_then(|p| std::fs::read_to_string(p).ok());
            handlers::code_actions(s, c, config_text.as_deref(), &params)
        })
        .await
    }
}
