//! Workspace indexing with progress, and watched files: reading the desk's
//! articles from disk and keeping them in step with it.

use super::*;

impl Backend {
    /// Indexes every article under the workspace folders, reporting `$/progress`.
    pub(super) async fn index_workspace(&self) {
        self.touched.lock().unwrap_or_else(|p| p.into_inner()).runs += 1;
        self.index_run().await;
        let mut touched = self.touched.lock().unwrap_or_else(|p| p.into_inner());
        touched.runs -= 1;
        if touched.runs == 0 {
            touched.paths.clear();
        }
    }

    pub(super) async fn index_run(&self) {
        let roots = self.disk_roots();
        let config = self.core.workspace.config();
        let run = self.index_runs.fetch_add(1, Ordering::SeqCst) + 1;
        // Until the run ends, what the worker publishes for an open article
        // is what the desk holds so far (see `Workspace::take_diagnostics_of`).
        let indexing = Indexing::begin(&self.core.workspace);
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
            drop(indexing);
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
        drop(indexing);
        tx.send_replace((count, count, true));
        self.core.notices.info(format!(
            "indexed {count} articles in {} ms ({from_cache} analyses from the cache)",
            started.elapsed().as_millis()
        ));
        self.core.wake(Wake::Now);
    }

    /// Brings the desk's copy of some paths up to date with the disk.
    pub(super) async fn read_again(&self, paths: Vec<PathBuf>) {
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
    pub(super) fn register_watchers(&self) {
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
}

/// An indexing run under way, as the workspace knows it: ends when dropped,
/// whichever way the run ends.
struct Indexing<'a>(&'a Workspace);

impl<'a> Indexing<'a> {
    fn begin(workspace: &'a Workspace) -> Indexing<'a> {
        workspace.begin_indexing();
        Indexing(workspace)
    }
}

impl Drop for Indexing<'_> {
    fn drop(&mut self) {
        self.0.end_indexing();
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
