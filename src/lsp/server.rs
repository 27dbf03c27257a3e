//! The protocol server: capabilities, the ordered edit path, the analysis
//! worker that publishes diagnostics, workspace indexing with progress,
//! watched files and configuration.
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
use super::state::{Change, EditOutcome, Snapshot, Workspace};
use crate::analysis::config::Config;
use crate::analysis::text::DocFormat;
use crate::cache::AnalysisCache;

/// A reason for the analysis worker to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wake {
    /// A document was edited: wait for the debounce.
    Edit,
    /// Something else changed (indexing, files, config): publish at once.
    Now,
}

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

    /// Indexes every article under the workspace folders, reporting `$/progress`.
    async fn index_workspace(&self) {
        self.touched.lock().unwrap_or_else(|p| p.into_inner()).runs += 1;
        self.index_run().await;
        let mut touched = self.touched.lock().unwrap_or_else(|p| p.into_inner());
        touched.runs -= 1;
        if touched.runs == 0 {
            touched.paths.clear();
        }
    }

    async fn index_run(&self) {
        let roots = self.disk_roots();
        let config = self.core.workspace.config();
        let run = self.index_runs.fetch_add(1, Ordering::SeqCst) + 1;
        let (tx, rx) = tokio::sync::watch::channel((0usize, 0usize, false));
        let tx = Arc::new(tx);
        if self.progress_supported.load(Ordering::SeqCst) {
            let client = self.client.clone();
            tokio::spawn(report_progress(client, run, rx, self.core.notices.clone()));
        }
        let progress_tx = tx.clone();
        let started = Instant::now();
        let notices = self.core.notices.clone();
        let indexed = tokio::task::spawn_blocking(move || {
            std::panic::catch_unwind(AssertUnwindSafe(|| {
                let cache = AnalysisCache::open(&config);
                let indexed = files::index_reporting(
                    &roots,
                    &config,
                    cache.as_ref(),
                    &|done, total| {
                        progress_tx.send_replace((done, total, false));
                    },
                    &|skipped| notices.warning(skipped),
                );
                let read = cache.as_ref().map_or(0, |c| c.stats().read);
                if let Some(cache) = &cache {
                    cache.prune();
                }
                (indexed, read)
            }))
        })
        .await;
        let (indexed, from_cache) = match indexed {
            Ok(Ok(indexed)) => indexed,
            Ok(Err(panic)) => {
                let message = panic_message(&*panic);
                self.core
                    .notices
                    .error(format!("indexing failed: {message}"));
                (Vec::new(), 0)
            }
            Err(error) => {
                self.core.notices.error(format!("indexing failed: {error}"));
                (Vec::new(), 0)
            }
        };
        let count = indexed.len();
        if self.index_runs.load(Ordering::SeqCst) != run {
            // A newer run (after a configuration change) supersedes this one.
            tx.send_replace((count, count, true));
            return;
        }
        let files: Vec<_> = indexed
            .into_iter()
            .filter_map(|f| Some((handlers::key_of_path(&f.path)?, f.text, f.analysis)))
            .collect();
        self.core.workspace.replace_disk(files);
        let touched: Vec<PathBuf> = {
            let touched = self.touched.lock().unwrap_or_else(|p| p.into_inner());
            touched.paths.iter().cloned().collect()
        };
        self.read_again(touched).await;
        tx.send_replace((count, count, true));
        self.core.notices.info(format!(
            "indexed {count} articles in {} ms ({from_cache} analyses from the cache)",
            started.elapsed().as_millis()
        ));
        self.core.wake(Wake::Now);
    }

    /// Brings the desk's copy of some paths up to date with the disk.
    async fn read_again(&self, paths: Vec<PathBuf>) {
        if !self.core.uses_disk() {
            return;
        }
        let roots = self.roots();
        let config = self.core.workspace.config();
        let workspace = self.core.workspace.clone();
        let notices = self.core.notices.clone();
        let done = tokio::task::spawn_blocking(move || {
            for path in paths {
                read_path(&workspace, &roots, &config, &path, &notices);
            }
        })
        .await;
        if let Err(error) = done {
            self.core
                .notices
                .error(format!("cannot read changed files: {error}"));
        }
    }

    /// Asks the client to watch the articles and the config. Not awaited: a
    /// client that never answers (or hangs up first) must not hold up
    /// `initialized`, or the server could not stop at the end of the input.
    fn register_watchers(&self) {
        if !self.watch_supported.load(Ordering::SeqCst) {
            return;
        }
        let watchers = ["**/*.{md,markdown,txt}", "**/marginalia.toml"]
            .iter()
            .map(|glob| lsp::FileSystemWatcher {
                glob_pattern: lsp::GlobPattern::String(glob.to_string()),
                kind: None,
            })
            .collect();
        let options = lsp::DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = lsp::Registration {
            id: "marginalia-watched-files".to_string(),
            method: "workspace/didChangeWatchedFiles".to_string(),
            register_options: serde_json::to_value(options).ok(),
        };
        let client = self.client.clone();
        let notices = self.core.notices.clone();
        tokio::spawn(async move {
            if let Err(error) = client.register_capability(vec![registration]).await {
                notices.warning(format!("cannot watch files: {error}"));
            }
        });
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

/// Brings the desk's copy of a path up to date with the disk: an article is
/// read (or forgotten if it is gone or unreadable); a folder that is gone
/// takes its articles with it (editors report a deleted or renamed folder as
/// one event); a new folder is searched for articles.
fn read_path(
    workspace: &Workspace,
    roots: &[PathBuf],
    config: &Config,
    path: &std::path::Path,
    notices: &Notices,
) {
    let Some(key) = handlers::key_of_path(path) else {
        return;
    };
    let metadata = std::fs::symlink_metadata(path);
    if metadata.as_ref().is_ok_and(|m| m.is_dir()) {
        // The globs apply relative to the workspace folders, not to this one.
        let mut unfiltered = config.clone();
        unfiltered.include.clear();
        unfiltered.exclude.clear();
        let found = crate::cli::collect_articles(&[path.to_path_buf()], &unfiltered);
        for article in found.paths {
            if files::accepted(&article, roots, config)
                && !files::ignored(&article, roots)
                && let Some(key) = handlers::key_of_path(&article)
            {
                read_into(workspace, &key, &article, config.max_file_size, notices);
            }
        }
        return;
    }
    if !files::is_article(path) {
        if metadata.is_err() {
            let under = format!("{key}/");
            for key in workspace.disk_keys() {
                if key.starts_with(&under) {
                    workspace.set_disk(&key, None);
                }
            }
        }
        return;
    }
    if files::accepted(path, roots, config) && !files::ignored(path, roots) {
        read_into(workspace, &key, path, config.max_file_size, notices);
    } else {
        // Moved under an ignored folder, say: indexing would not have it.
        workspace.set_disk(&key, None);
    }
}

/// Reads an article into the desk, or forgets it if it cannot be read.
fn read_into(
    workspace: &Workspace,
    key: &str,
    path: &std::path::Path,
    max_size: u64,
    notices: &Notices,
) {
    match crate::cli::read_article(path, max_size) {
        Ok(article) => workspace.set_disk(key, Some(Arc::from(article.text))),
        Err(error) => {
            if path.exists() {
                notices.warning(format!("skipped {error}"));
            }
            workspace.set_disk(key, None);
        }
    }
}

async fn report_progress(
    client: Client,
    run: u64,
    mut rx: tokio::sync::watch::Receiver<(usize, usize, bool)>,
    notices: Notices,
) {
    let token = lsp::NumberOrString::String(format!("marginalia/index/{run}"));
    if let Err(error) = client.create_work_done_progress(token.clone()).await {
        notices.warning(format!("no progress report: {error}"));
        return;
    }
    let progress = client
        .progress(token, "Indexing articles")
        .with_percentage(0)
        .begin()
        .await;
    loop {
        let (done, total, finished) = *rx.borrow_and_update();
        if finished {
            progress
                .finish_with_message(format!("{total} articles"))
                .await;
            return;
        }
        let percentage = (done * 100).checked_div(total).unwrap_or(0) as u32;
        progress
            .report_with_message(format!("{done}/{total}"), percentage)
            .await;
        if rx.changed().await.is_err() {
            progress.finish().await;
            return;
        }
    }
}

fn capabilities(encoding: PositionEncoding) -> lsp::ServerCapabilities {
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
fn settings_of(value: Option<serde_json::Value>) -> Option<serde_json::Value> {
    let value = value?;
    match value.get("marginalia") {
        Some(inner) => Some(inner.clone()),
        None => Some(value),
    }
}

/// The desks of the workspace folders before any article is open, and the
/// folders too wide to be one.
fn desks_of_folders(folders: &[PathBuf]) -> (Vec<PathBuf>, Vec<PathBuf>) {
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

fn roots_of(params: &lsp::InitializeParams) -> Vec<PathBuf> {
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

/// Wraps the protocol service so that document edits are applied in the
/// order they arrive, before any handler runs, and so that `exit` ends the
/// process promptly.
pub struct Ordered<S> {
    inner: S,
    core: Arc<Core>,
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

/// Brings the analysis up to date and returns the diagnostics notifications
/// for every document whose findings changed: what the worker does after each
/// (debounced) edit.
pub fn diagnostics_to_publish(workspace: &Workspace) -> Vec<lsp::PublishDiagnosticsParams> {
    let mut all = Vec::new();
    publish_in_batches(workspace, |batch| {
        all.extend(batch);
        true
    });
    all
}

/// How many documents' diagnostics the worker converts at a time: a change
/// that touches a whole desk is published in pieces, so that only a few
/// pieces are held in protocol form at once.
const PUBLISH_BATCH: usize = 256;

/// Like [`diagnostics_to_publish`], but hands the notifications to `send`
/// a batch at a time; stops early when `send` says the receiver is gone.
fn publish_in_batches(
    workspace: &Workspace,
    mut send: impl FnMut(Vec<lsp::PublishDiagnosticsParams>) -> bool,
) -> bool {
    let snapshot = workspace.refresh();
    let mut changed = workspace.take_diagnostics(&snapshot);
    while !changed.is_empty() {
        let rest = changed.split_off(changed.len().min(PUBLISH_BATCH));
        if !send(handlers::publications(&snapshot, changed)) {
            return false;
        }
        changed = rest;
    }
    true
}

/// Runs the analysis worker: waits for edits (debounced), refreshes the
/// snapshot and sends the diagnostics that changed.
fn spawn_worker(
    workspace: Arc<Workspace>,
    notices: Notices,
    wakes: mpsc::Receiver<Wake>,
    publish: tokio::sync::mpsc::Sender<Vec<lsp::PublishDiagnosticsParams>>,
    debounced: bool,
) -> Option<std::thread::JoinHandle<()>> {
    let spawned = std::thread::Builder::new()
        .name("marginalia-analysis".to_string())
        .spawn(move || {
            while let Ok(first) = wakes.recv() {
                let now = first == Wake::Now;
                let debounce = Duration::from_millis(workspace.config().debounce_ms);
                if debounced && !now && !debounce.is_zero() {
                    let mut deadline = Instant::now() + debounce;
                    loop {
                        let left = deadline.saturating_duration_since(Instant::now());
                        match wakes.recv_timeout(left) {
                            Ok(Wake::Edit) => deadline = Instant::now() + debounce,
                            Ok(Wake::Now) => break,
                            Err(mpsc::RecvTimeoutError::Timeout) => break,
                            Err(mpsc::RecvTimeoutError::Disconnected) => return,
                        }
                    }
                }
                // Whatever else is queued is covered by this run.
                while wakes.try_recv().is_ok() {}
                // The channel is bounded: when the client reads slowly, the
                // worker waits here instead of piling up notifications.
                let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
                    publish_in_batches(&workspace, |batch| publish.blocking_send(batch).is_ok())
                }));
                match result {
                    Ok(true) => {}
                    Ok(false) => return,
                    Err(panic) => {
                        let message = panic_message(&*panic);
                        notices.error(format!("analysis failed: {message}"));
                    }
                }
            }
        });
    match spawned {
        Ok(thread) => Some(thread),
        Err(error) => {
            log(format!("cannot start the analysis worker: {error}"));
            None
        }
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
