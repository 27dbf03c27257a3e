//! The protocol server. This module holds the shared state (the backend and
//! its core), notices to the client and how the service is built; the rest
//! is in one file per job:
//!
//! - `capabilities`: what the server offers and reads from `initialize`;
//! - `requests`: the protocol's handlers;
//! - `ordered`: the ordered edit path;
//! - `worker`: the analysis worker that publishes diagnostics;
//! - `indexing`: workspace indexing with progress, and watched files.
//!
//! Edits (`didOpen`, `didChange`, `didClose`) never reach tower-lsp's
//! concurrent handlers: [`Ordered`] applies them synchronously in
//! [`tower_service::Service::call`], which the transport invokes once per
//! message in the order the messages arrived. Requests then run their feature
//! on a blocking thread over a fresh [`Snapshot`].

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, RwLock};
use std::task::{Context as TaskContext, Poll};
use std::time::{Duration, Instant};

use futures::future::{self, BoxFuture, FutureExt};
use serde::{Deserialize, Serialize};
use tower_lsp_server::jsonrpc::{self, Request, Response};
use tower_lsp_server::ls_types as lsp;
use tower_lsp_server::{Client, LanguageServer, LspService};

use super::convert::{LineCol, PositionEncoding};
use super::files;
use super::handlers::{self, Context};
use super::state::{Change, EditOutcome, Snapshot, Which, Workspace};
use crate::analysis::config::Config;
use crate::analysis::text::DocFormat;
use crate::cache::AnalysisCache;

mod capabilities;
mod indexing;
mod ordered;
mod requests;
mod worker;

pub use ordered::Ordered;
pub use worker::diagnostics_to_publish;
use worker::{Wake, spawn_worker};

/// Where a server runs, which decides how far it reaches outside the protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    /// A process of its own (`marginalia lsp`): reads the workspace folders
    /// and writes `marginalia.toml`, debounces edits, and `exit` ends the process.
    Process,
    /// Inside another program (tests, the fuzzer): never touches the file
    /// system, analyses edits without waiting, and `exit` only ends the session.
    InMemory,
}

/// What the ordered edit path and the handlers share.
pub struct Core {
    /// Documents, desk and report.
    pub workspace: Arc<Workspace>,
    host: Host,
    worker: Mutex<mpsc::Sender<Wake>>,
    worker_thread: Mutex<Option<std::thread::JoinHandle<()>>>,
    initialized: AtomicBool,
    shutdown: AtomicBool,
    /// File events received but not yet applied: requests wait for them.
    files_pending: std::sync::atomic::AtomicUsize,
    files_applied: tokio::sync::Notify,
    /// The client's log.
    notices: Notices,
}

impl Core {
    /// Waits (a little) until every file event received so far is applied,
    /// so that a request sees the files as they were when it was sent.
    async fn files_settled(&self) {
        let deadline = Instant::now() + Duration::from_secs(2);
        loop {
            let applied = self.files_applied.notified();
            if self.files_pending.load(Ordering::SeqCst) == 0 {
                return;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if tokio::time::timeout(left, applied).await.is_err() {
                return;
            }
        }
    }

    fn file_event_applied(&self) {
        self.files_pending.fetch_sub(1, Ordering::SeqCst);
        self.files_applied.notify_waiters();
    }

    /// Whether the client sent `shutdown`.
    pub fn shutdown_requested(&self) -> bool {
        self.shutdown.load(Ordering::SeqCst)
    }

    fn wake(&self, why: Wake) {
        let sender = self.worker.lock().unwrap_or_else(|p| p.into_inner());
        let _ = sender.send(why);
    }

    /// Whether the server may read and write files.
    fn uses_disk(&self) -> bool {
        self.host == Host::Process
    }

    /// Stops the analysis worker: it finishes the run in progress, if any,
    /// and its thread ends before this returns. Later edits are not analysed
    /// in the background any more.
    pub fn stop_worker(&self) {
        let (closed, _) = mpsc::channel();
        drop(std::mem::replace(
            &mut *self.worker.lock().unwrap_or_else(|p| p.into_inner()),
            closed,
        ));
        let thread = self
            .worker_thread
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        if let Some(thread) = thread
            && thread.join().is_err()
        {
            self.notices.error("the analysis worker panicked");
        }
    }
}

/// The language server.
pub struct Backend {
    client: Client,
    core: Arc<Core>,
    /// The workspace folders the editor sent.
    folders: RwLock<Vec<PathBuf>>,
    /// The desk's folders: what is indexed (see [`files::desk_of_article`]).
    roots: RwLock<Vec<PathBuf>>,
    /// Folders too wide to index that the user has been told about.
    too_wide: Mutex<std::collections::BTreeSet<PathBuf>>,
    settings: Mutex<Option<serde_json::Value>>,
    context: RwLock<Context>,
    progress_supported: AtomicBool,
    watch_supported: AtomicBool,
    startup_error: Mutex<Option<String>>,
    /// Workspace folders too wide to index, to tell the user once initialized.
    startup_too_wide: Mutex<Vec<PathBuf>>,
    index_runs: AtomicU64,
    touched: Mutex<Touched>,
}

/// Paths named by file events while indexing runs are under way. A run may
/// have read a file before the event about it and would put back what the
/// event changed, so each run reads these again once its files are in.
#[derive(Default)]
struct Touched {
    /// Indexing runs under way.
    runs: usize,
    /// The paths, while a run is under way.
    paths: std::collections::BTreeSet<PathBuf>,
}

/// Parameters of `marginalia/documentText`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentTextParams {
    /// The document.
    pub text_document: lsp::TextDocumentIdentifier,
}

/// Result of `marginalia/documentText`: the server's copy of an open document.
#[derive(Debug, Serialize, Deserialize)]
pub struct DocumentText {
    /// The text.
    pub text: String,
    /// Its version.
    pub version: i32,
}

/// One entry of `marginalia/desk`: a document the desk analyses.
#[derive(Debug, Serialize, Deserialize)]
pub struct DeskEntry {
    /// Its URI.
    pub uri: String,
    /// The editor's version, for open documents.
    pub version: Option<i32>,
    /// The length of the analysed text in bytes.
    pub length: usize,
}

/// Where the server's notices go: the client's log (`window/logMessage`),
/// each with its kind, so that an editor records "indexed 12 articles" as
/// information and not as an error. A notice that cannot reach the client
/// (its session has ended) goes to stderr.
#[derive(Clone)]
pub struct Notices(tokio::sync::mpsc::UnboundedSender<(lsp::MessageType, String)>);

impl Notices {
    /// Something worth knowing: indexing done, the encoding agreed.
    pub fn info(&self, message: impl std::fmt::Display) {
        self.send(lsp::MessageType::INFO, message.to_string());
    }

    /// Something left out or refused: a skipped file, an ignored edit.
    pub fn warning(&self, message: impl std::fmt::Display) {
        self.send(lsp::MessageType::WARNING, message.to_string());
    }

    /// A failure of the server's own: a panic, a file it could not write.
    pub fn error(&self, message: impl std::fmt::Display) {
        self.send(lsp::MessageType::ERROR, message.to_string());
    }

    fn send(&self, kind: lsp::MessageType, message: String) {
        if let Err(unsent) = self.0.send((kind, message)) {
            eprintln!("marginalia: {}", unsent.0.1);
        }
    }
}

fn log(message: impl std::fmt::Display) {
    eprintln!("marginalia: {message}");
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// Runs `f`; a panic is logged with the handler's name and gives `None`,
/// so that one bug cannot take the server down.
pub fn guarded<T>(name: &str, f: impl FnOnce() -> T) -> Option<T> {
    match std::panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(value) => Some(value),
        Err(panic) => {
            log(format!("{name} failed: {}", panic_message(&*panic)));
            None
        }
    }
}

impl Backend {
    fn context(&self) -> Context {
        self.context
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn roots(&self) -> Vec<PathBuf> {
        self.roots.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The folders whose files the server reads: none when it runs in memory.
    fn disk_roots(&self) -> Vec<PathBuf> {
        if self.core.uses_disk() {
            self.roots()
        } else {
            Vec::new()
        }
    }

    /// Runs a handler on a blocking thread over a fresh snapshot; a panic
    /// becomes an internal error and is logged, the server keeps serving.
    async fn with_snapshot<T, F>(&self, name: &'static str, f: F) -> jsonrpc::Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Snapshot, &Context) -> T + Send + 'static,
    {
        self.core.files_settled().await;
        let workspace = self.core.workspace.clone();
        let ctx = self.context();
        let result = tokio::task::spawn_blocking(move || {
            std::panic::catch_unwind(AssertUnwindSafe(|| {
                let snapshot = workspace.refresh();
                f(&snapshot, &ctx)
            }))
        })
        .await;
        match result {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(panic)) => {
                let message = panic_message(&*panic);
                self.core.notices.error(format!("{name} failed: {message}"));
                Err(jsonrpc::Error::internal_error())
            }
            Err(error) => {
                self.core.notices.error(format!("{name} failed: {error}"));
                Err(jsonrpc::Error::internal_error())
            }
        }
    }

    async fn show_error(&self, message: String) {
        self.core.notices.error(&message);
        self.client
            .show_message(lsp::MessageType::ERROR, message)
            .await;
    }

    /// Reloads the configuration; a broken one is reported and the last good
    /// one stays. Returns whether it changed (and the desk was indexed again).
    async fn reload_config(&self) -> bool {
        let roots = self.disk_roots();
        let settings = self
            .settings
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        match files::load_config(&roots, settings.as_ref()) {
            Ok(config) => {
                if config == *self.core.workspace.config() {
                    return false;
                }
                self.core.workspace.set_config(config);
                self.index_workspace().await;
                true
            }
            Err(message) => {
                self.show_error(message).await;
                false
            }
        }
    }

    /// Tells the user, once per folder, that a folder is too wide to index.
    async fn refuse(&self, folder: PathBuf) {
        let first = self
            .too_wide
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(folder.clone());
        if !first {
            return;
        }
        let message = format!(
            "{} is a home folder or a file-system root: Marginalia does not read it whole \
             and checks only the open articles. Put a marginalia.toml in the folder that \
             holds your articles to make it a desk.",
            folder.display()
        );
        self.core.notices.warning(&message);
        self.client
            .show_message(lsp::MessageType::WARNING, message)
            .await;
    }

    /// Makes `desk` the folder the server reads, and reads it (with its
    /// `marginalia.toml`), unless it already is.
    async fn move_to_desk(&self, desk: PathBuf) {
        {
            let mut roots = self.roots.write().unwrap_or_else(|p| p.into_inner());
            if *roots == [desk.clone()] {
                return;
            }
            *roots = vec![desk.clone()];
        }
        self.context
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .roots = vec![desk.clone()];
        self.core
            .notices
            .info(format!("the desk is {}", desk.display()));
        if !self.reload_config().await {
            self.index_workspace().await;
        }
    }

    /// `marginalia/desk`: the documents the desk analyses (open ones with
    /// their version), after bringing the analysis up to date.
    pub async fn desk(&self) -> jsonrpc::Result<Vec<DeskEntry>> {
        self.with_snapshot("desk", |snapshot, _| {
            snapshot
                .views
                .iter()
                .map(|v| DeskEntry {
                    uri: v.key.clone(),
                    version: v.version,
                    length: v.text.len(),
                })
                .collect()
        })
        .await
    }

    /// `marginalia/documentText`: the server's copy of an open document, to
    /// check that edits were applied exactly.
    pub async fn document_text(
        &self,
        params: DocumentTextParams,
    ) -> jsonrpc::Result<Option<DocumentText>> {
        let key = handlers::key(&params.text_document.uri);
        Ok(self
            .core
            .workspace
            .text(&key)
            .map(|(text, version)| DocumentText { text, version }))
    }
}

/// Builds the service for a server process of its own: the backend, its
/// custom methods, the worker and the ordered edit path. Must run inside a
/// tokio runtime.
pub fn build_service(
    config: Config,
) -> (
    Ordered<LspService<Backend>>,
    tower_lsp_server::ClientSocket,
    Arc<Core>,
) {
    build_service_for(config, Host::Process)
}

/// Builds the service for a host: see [`build_service`] and [`Host`].
pub fn build_service_for(
    config: Config,
    host: Host,
) -> (
    Ordered<LspService<Backend>>,
    tower_lsp_server::ClientSocket,
    Arc<Core>,
) {
    let workspace = Arc::new(Workspace::new(config, PositionEncoding::Utf16));
    let (wake_tx, wake_rx) = mpsc::channel();
    let (notice_tx, mut notice_rx) = tokio::sync::mpsc::unbounded_channel();
    let notices = Notices(notice_tx);
    let (publish_tx, mut publish_rx) =
        tokio::sync::mpsc::channel::<Vec<lsp::PublishDiagnosticsParams>>(2);
    let worker_thread = spawn_worker(
        workspace.clone(),
        notices.clone(),
        wake_rx,
        publish_tx,
        host == Host::Process,
    );
    let core = Arc::new(Core {
        workspace: workspace.clone(),
        host,
        worker: Mutex::new(wake_tx),
        worker_thread: Mutex::new(worker_thread),
        initialized: AtomicBool::new(false),
        shutdown: AtomicBool::new(false),
        files_pending: std::sync::atomic::AtomicUsize::new(0),
        files_applied: tokio::sync::Notify::new(),
        notices,
    });
    let backend_core = core.clone();
    let (service, socket) = LspService::build(move |client: Client| {
        let logger = client.clone();
        tokio::spawn(async move {
            while let Some((kind, message)) = notice_rx.recv().await {
                logger.log_message(kind, message).await;
            }
        });
        let publisher = client.clone();
        tokio::spawn(async move {
            while let Some(batch) = publish_rx.recv().await {
                for p in batch {
                    publisher
                        .publish_diagnostics(p.uri, p.diagnostics, p.version)
                        .await;
                }
            }
        });
        Backend {
            client,
            core: backend_core,
            folders: RwLock::new(Vec::new()),
            roots: RwLock::new(Vec::new()),
            too_wide: Mutex::new(std::collections::BTreeSet::new()),
            startup_too_wide: Mutex::new(Vec::new()),
            settings: Mutex::new(None),
            context: RwLock::new(Context::default()),
            progress_supported: AtomicBool::new(false),
            watch_supported: AtomicBool::new(false),
            startup_error: Mutex::new(None),
            index_runs: AtomicU64::new(0),
            touched: Mutex::new(Touched::default()),
        }
    })
    .custom_method("marginalia/documentText", Backend::document_text)
    .custom_method("marginalia/desk", Backend::desk)
    .finish();
    (
        Ordered {
            inner: service,
            core: core.clone(),
        },
        socket,
        core,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_feature_becomes_an_error() {
        assert_eq!(guarded("ok", || 3), Some(3));
        let failed: Option<()> = guarded("hover", || panic!("feature bug"));
        assert_eq!(failed, None);
        // The workspace lock survives a panic while it is held.
        let workspace = Workspace::new(Config::default(), PositionEncoding::Utf16);
        workspace.open("file:///a.md", "text", 1, DocFormat::Markdown);
        let _ = guarded("poison", || {
            let _snapshot = workspace.refresh();
            panic!("after refresh");
        });
        assert_eq!(
            workspace.text("file:///a.md").map(|t| t.0),
            Some("text".to_string())
        );
    }
}
