//! The analysis worker: waits for edits (debounced), brings the analysis
//! up to date and publishes the diagnostics that changed.

use super::*;

/// A reason for the analysis worker to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wake {
    /// A document was edited: wait for the debounce.
    Edit,
    /// Something else changed (indexing, files, config): publish at once.
    Now,
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
/// The open documents go first, before the rest of the desk is compared
/// with what was published: after indexing that is thousands of articles,
/// and the one the user looks at should not wait for them.
fn publish_in_batches(
    workspace: &Workspace,
    mut send: impl FnMut(Vec<lsp::PublishDiagnosticsParams>) -> bool,
) -> bool {
    let snapshot = workspace.refresh();
    let open = workspace.take_diagnostics_of(&snapshot, Which::Open);
    if !open.is_empty() && !send(handlers::publications(&snapshot, open)) {
        return false;
    }
    let mut changed = workspace.take_diagnostics_of(&snapshot, Which::Others);
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
pub(super) fn spawn_worker(
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
