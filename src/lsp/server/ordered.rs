//! The ordered edit path: edits are applied in the order they arrive,
//! before any concurrent handler runs.

use super::*;

/// Wraps the protocol service so that document edits are applied in the
/// order they arrive, before any handler runs, and so that `exit` ends the
/// process promptly.
pub struct Ordered<S> {
    pub(super) inner: S,
    pub(super) core: Arc<Core>,
}

impl<S> Ordered<S> {
    fn apply(&self, method: &str, params: serde_json::Value) {
        let workspace = &self.core.workspace;
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| match method {
            "textDocument/didOpen" => {
                let params: lsp::DidOpenTextDocumentParams =
                    serde_json::from_value(params).map_err(|e| format!("bad didOpen: {e}"))?;
                let doc = params.text_document;
                let key = handlers::key(&doc.uri);
                let path = doc.uri.path();
                let format = match doc.language_id.as_str() {
                    "markdown" => DocFormat::Markdown,
                    // "plaintext" or "text" often means only that the editor
                    // has no Markdown mode: an article's extension decides,
                    // as it does when the desk reads the file from disk.
                    _ if files::is_article(std::path::Path::new(path.as_str())) => {
                        DocFormat::from_path(path.as_str())
                    }
                    "plaintext" | "text" => DocFormat::Plain,
                    other => return Err(format!("not an article ({other}): {key}")),
                };
                workspace.open(&key, &doc.text, doc.version, format);
                Ok(())
            }
            "textDocument/didChange" => {
                let params: lsp::DidChangeTextDocumentParams =
                    serde_json::from_value(params).map_err(|e| format!("bad didChange: {e}"))?;
                let key = handlers::key(&params.text_document.uri);
                let changes: Vec<Change> = params
                    .content_changes
                    .into_iter()
                    .map(|c| Change {
                        range: c.range.map(|r| {
                            (
                                LineCol::new(r.start.line, r.start.character),
                                LineCol::new(r.end.line, r.end.character),
                            )
                        }),
                        text: c.text,
                    })
                    .collect();
                match workspace.change(&key, params.text_document.version, &changes) {
                    EditOutcome::Applied => Ok(()),
                    EditOutcome::UnknownDocument => Err(format!("edit to unknown document {key}")),
                    EditOutcome::StaleVersion => Err(format!(
                        "edit to {key} with old version {}",
                        params.text_document.version
                    )),
                }
            }
            "textDocument/didClose" => {
                let params: lsp::DidCloseTextDocumentParams =
                    serde_json::from_value(params).map_err(|e| format!("bad didClose: {e}"))?;
                let key = handlers::key(&params.text_document.uri);
                workspace.close(&key);
                Ok(())
            }
            _ => Ok(()),
        }));
        match outcome {
            Ok(Ok(())) => self.core.wake(Wake::Edit),
            Ok(Err(message)) => self.core.notices.warning(message),
            Err(panic) => {
                let message = panic_message(&*panic);
                self.core
                    .notices
                    .error(format!("{method} failed: {message}"));
            }
        }
    }
}

impl<S> tower_service::Service<Request> for Ordered<S>
where
    S: tower_service::Service<Request, Response = Option<Response>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = Option<Response>;
    type Error = S::Error;
    type Future = BoxFuture<'static, Result<Option<Response>, S::Error>>;

    fn poll_ready(&mut self, cx: &mut TaskContext<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let method = request.method().to_string();
        let is_edit = matches!(
            method.as_str(),
            "textDocument/didOpen" | "textDocument/didChange" | "textDocument/didClose"
        );
        if is_edit && request.id().is_none() && self.core.initialized.load(Ordering::SeqCst) {
            let (_, _, params) = request.into_parts();
            let params = params.unwrap_or(serde_json::Value::Null);
            if method != "textDocument/didOpen" {
                self.apply(&method, params);
                return future::ready(Ok(None)).boxed();
            }
            // The text is in; the handler only finds the article's desk.
            self.apply(&method, params.clone());
            let request = Request::build(method).params(params).finish();
            return self.inner.call(request).boxed();
        }
        if method == "workspace/didChangeWatchedFiles"
            && self.core.initialized.load(Ordering::SeqCst)
            && request.params().is_some_and(|p| {
                serde_json::from_value::<lsp::DidChangeWatchedFilesParams>(p.clone()).is_ok()
            })
        {
            self.core.files_pending.fetch_add(1, Ordering::SeqCst);
        }
        if method == "exit" && self.core.host == Host::Process {
            let code = if self.core.shutdown.load(Ordering::SeqCst) {
                0
            } else {
                1
            };
            // Whatever else is still running, the process ends shortly.
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(300));
                std::process::exit(code);
            });
        }
        // tower-lsp drops the answer to unknown `$/` methods, as if all were
        // notifications; a request must still get MethodNotFound.
        let dollar_request = method
            .starts_with("$/")
            .then(|| request.id().cloned())
            .flatten();
        let answer = self.inner.call(request);
        match dollar_request {
            Some(id) => answer
                .map(|answer| {
                    answer.map(|response| {
                        response.or_else(|| {
                            Some(Response::from_error(id, jsonrpc::Error::method_not_found()))
                        })
                    })
                })
                .boxed(),
            None => answer.boxed(),
        }
    }
}
