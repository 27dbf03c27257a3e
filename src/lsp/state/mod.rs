//! The server's state behind one lock: open documents (ropes), indexed files,
//! the desk and the latest report. Plain and synchronous, so that the protocol
//! handlers, the analysis worker and the keystroke benchmark drive the same code.
//!
//! Documents are named by a *key*: the normalized URI string. The desk uses
//! the same keys as its paths.
//!
//! The flow of an edit: [`Workspace::change`] applies it to the rope (cheap,
//! in the order edits were sent) and marks the document stale;
//! [`Workspace::refresh`] later reanalyses stale documents outside the lock,
//! drops results for versions that are no longer current, and recomputes the
//! desk report into a [`Snapshot`]; [`Workspace::take_diagnostics`] says which
//! documents' findings changed since they were last published.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, Weak};

use ropey::Rope;

use super::convert::{self, LineCol, PositionEncoding};
use crate::analysis::config::Config;
use crate::analysis::desk::{Desk, DeskReport, ReportCache};
use crate::analysis::document::{Anchor, DocumentAnalysis};
use crate::analysis::findings::Finding;
use crate::analysis::silence;
use crate::analysis::source::{self, Source, Text};
use crate::analysis::text::DocFormat;

mod published;
mod views;

pub use published::Publish;
use published::Published;
use views::TextEdit;
pub use views::{DocView, RopeText, Snapshot};

/// One text change, as the editor sends it.
#[derive(Debug, Clone)]
pub struct Change {
    /// The replaced range, or `None` for the whole text.
    pub range: Option<(LineCol, LineCol)>,
    /// The new text.
    pub text: String,
}

#[derive(Debug)]
struct OpenDocument {
    rope: Rope,
    version: i32,
    format: DocFormat,
    /// What changed since the text the desk's analysis was made from.
    dirty: Dirty,
}

/// The part of an open document that changed since its last analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Dirty {
    /// Nothing.
    Clean,
    /// The bytes `old` of the analysed text are now the bytes `new`.
    Range {
        old: Range<usize>,
        new: Range<usize>,
    },
    /// Anything may have changed.
    All,
}

impl Dirty {
    /// Adds an edit that replaced `replaced` (in the current text) with
    /// `inserted` bytes.
    fn add(&mut self, replaced: Range<usize>, inserted: usize) {
        *self = match std::mem::replace(self, Dirty::All) {
            Dirty::All => Dirty::All,
            Dirty::Clean => Dirty::Range {
                old: replaced.clone(),
                new: replaced.start..replaced.start + inserted,
            },
            Dirty::Range { old, new } => {
                let start = new.start.min(replaced.start);
                let end = new.end.max(replaced.end);
                Dirty::Range {
                    old: old.start - (new.start - start)..old.end + (end - new.end),
                    new: start..end - (replaced.end - replaced.start) + inserted,
                }
            }
        };
    }
}

#[derive(Debug, Default)]
struct State {
    encoding: PositionEncoding,
    config: Arc<Config>,
    open: HashMap<String, OpenDocument>,
    disk: HashMap<String, Arc<str>>,
    desk: Desk,
    views: HashMap<String, Arc<DocView>>,
    /// Open documents whose rope is newer than their analysis.
    stale: BTreeSet<String>,
    /// Documents whose previous analysis was made with another configuration.
    no_reuse: BTreeSet<String>,
    generation: u64,
    snapshot: Option<Arc<Snapshot>>,
    /// What the last report can lend the next one; taken while a report is
    /// made, so a report that fails leaves an empty one and the next starts afresh.
    report_cache: ReportCache,
    published: HashMap<String, Published>,
    /// Indexing runs under way: while there is one, the desk is incomplete.
    indexing: usize,
    /// Open documents that have had no publication since they were opened.
    unannounced: BTreeSet<String>,
}

/// Which documents [`Workspace::take_diagnostics_of`] looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// The documents open in the editor.
    Open,
    /// The others, and those that left the desk.
    Others,
}

/// The state of the server, shared by the handlers and the analysis worker.
#[derive(Debug, Default)]
pub struct Workspace {
    state: Mutex<State>,
    refreshing: Mutex<()>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The result of an edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditOutcome {
    /// Applied.
    Applied,
    /// The document is not open.
    UnknownDocument,
    /// The version is not newer than the one we have.
    StaleVersion,
}

impl Workspace {
    /// An empty workspace with a configuration and a position encoding.
    pub fn new(config: Config, encoding: PositionEncoding) -> Workspace {
        Workspace {
            state: Mutex::new(State {
                encoding,
                config: Arc::new(config),
                ..State::default()
            }),
            refreshing: Mutex::new(()),
        }
    }

    /// The negotiated position encoding.
    pub fn encoding(&self) -> PositionEncoding {
        lock(&self.state).encoding
    }

    /// Sets the negotiated position encoding.
    pub fn set_encoding(&self, encoding: PositionEncoding) {
        lock(&self.state).encoding = encoding;
    }

    /// The configuration in force.
    pub fn config(&self) -> Arc<Config> {
        lock(&self.state).config.clone()
    }

    /// Replaces the configuration; every document will be analysed afresh.
    pub fn set_config(&self, config: Config) {
        let mut st = lock(&self.state);
        st.config = Arc::new(config);
        let keys: Vec<String> = st.desk.documents().map(|d| d.path.clone()).collect();
        for key in keys {
            if st.open.contains_key(&key) || st.disk.contains_key(&key) {
                st.no_reuse.insert(key.clone());
                st.stale.insert(key);
            }
        }
        st.generation += 1;
    }

    /// Opens a document (or reopens it with new text).
    pub fn open(&self, key: &str, text: &str, version: i32, format: DocFormat) {
        let mut st = lock(&self.state);
        st.open.insert(
            key.to_string(),
            OpenDocument {
                rope: Rope::from_str(text),
                version,
                format,
                dirty: Dirty::All,
            },
        );
        st.stale.insert(key.to_string());
        st.unannounced.insert(key.to_string());
    }

    /// Applies an editor's changes, in order, to an open document.
    pub fn change(&self, key: &str, version: i32, changes: &[Change]) -> EditOutcome {
        let mut st = lock(&self.state);
        let encoding = st.encoding;
        let Some(doc) = st.open.get_mut(key) else {
            return EditOutcome::UnknownDocument;
        };
        if version <= doc.version {
            return EditOutcome::StaleVersion;
        }
        for change in changes {
            match change.range {
                Some((start, end)) => {
                    let replaced =
                        convert::replace(&mut doc.rope, start, end, &change.text, encoding);
                    doc.dirty.add(replaced, change.text.len());
                }
                None => {
                    doc.rope = Rope::from_str(&change.text);
                    doc.dirty = Dirty::All;
                }
            }
        }
        doc.version = version;
        st.stale.insert(key.to_string());
        EditOutcome::Applied
    }

    /// Closes a document: its file on disk, if indexed, takes its place.
    pub fn close(&self, key: &str) -> bool {
        let mut st = lock(&self.state);
        if st.open.remove(key).is_none() {
            return false;
        }
        st.unannounced.remove(key);
        match st.disk.get(key).cloned() {
            Some(_) => {
                st.stale.insert(key.to_string());
            }
            None => {
                st.stale.remove(key);
                st.desk.remove(key);
                st.views.remove(key);
                st.generation += 1;
            }
        }
        true
    }

    /// The current text and version of an open document.
    pub fn text(&self, key: &str) -> Option<(String, i32)> {
        let st = lock(&self.state);
        st.open.get(key).map(|d| (d.rope.to_string(), d.version))
    }

    /// Whether a document is open.
    pub fn is_open(&self, key: &str) -> bool {
        lock(&self.state).open.contains_key(key)
    }

    /// Keys of the open documents.
    pub fn open_keys(&self) -> Vec<String> {
        lock(&self.state).open.keys().cloned().collect()
    }

    /// Sets (or, with `None`, forgets) the text of a file on disk. An open
    /// document keeps its editor text.
    pub fn set_disk(&self, key: &str, text: Option<Arc<str>>) {
        let mut st = lock(&self.state);
        match text {
            Some(text) => {
                st.disk.insert(key.to_string(), text);
                if !st.open.contains_key(key) {
                    st.stale.insert(key.to_string());
                }
            }
            None => {
                st.disk.remove(key);
                if !st.open.contains_key(key) {
                    st.stale.remove(key);
                    if st.desk.remove(key) {
                        st.views.remove(key);
                        st.generation += 1;
                    }
                }
            }
        }
    }

    /// The keys of the files on disk that the desk holds.
    pub fn disk_keys(&self) -> Vec<String> {
        lock(&self.state).disk.keys().cloned().collect()
    }

    /// Replaces the whole set of indexed files with analysed texts. Files
    /// that are open keep their editor text.
    pub fn replace_disk(&self, files: Vec<(String, Arc<str>, Arc<DocumentAnalysis>)>) {
        let mut st = lock(&self.state);
        let new_keys: BTreeSet<&str> = files.iter().map(|(k, _, _)| k.as_str()).collect();
        let gone: Vec<String> = st
            .disk
            .keys()
            .filter(|k| !new_keys.contains(k.as_str()))
            .cloned()
            .collect();
        for key in gone {
            st.disk.remove(&key);
            if !st.open.contains_key(&key) && st.desk.remove(&key) {
                st.views.remove(&key);
                st.stale.remove(&key);
            }
        }
        for (key, text, analysis) in files {
            st.disk.insert(key.clone(), text.clone());
            if st.open.contains_key(&key) {
                continue;
            }
            let text = source::text(text);
            st.views.insert(
                key.clone(),
                Arc::new(DocView::new(
                    &key,
                    None,
                    text.clone(),
                    analysis.clone(),
                    None,
                )),
            );
            st.desk.insert_analysed(&key, text, analysis);
            st.stale.remove(&key);
            st.no_reuse.remove(&key);
        }
        st.generation += 1;
    }

    /// Analyses what is stale and returns a snapshot at least as new as every
    /// edit applied before the call.
    pub fn refresh(&self) -> Arc<Snapshot> {
        let _one_at_a_time = lock(&self.refreshing);
        struct Job {
            key: String,
            version: Option<i32>,
            text: Text,
            rope: Option<Rope>,
            format: DocFormat,
            previous: Option<Arc<DocumentAnalysis>>,
            previous_text: Option<Text>,
            dirty: Dirty,
        }
        fn analyse(job: &Job, config: &Config) -> DocumentAnalysis {
            match (&job.previous, &job.previous_text, &job.dirty) {
                (Some(previous), Some(previous_text), Dirty::Range { old, new }) => previous
                    .reanalyze_edit(
                        previous_text.as_ref(),
                        job.text.as_ref(),
                        old.clone(),
                        new.clone(),
                        config,
                    ),
                (Some(previous), _, Dirty::Clean) if previous.len == job.text.len() => {
                    DocumentAnalysis::reanalyze(
                        job.text.as_str(),
                        job.format,
                        config,
                        Some(previous),
                    )
                }
                (previous, _, _) => DocumentAnalysis::reanalyze(
                    job.text.as_str(),
                    job.format,
                    config,
                    previous.as_deref(),
                ),
            }
        }
        let (jobs, config) = {
            let st = lock(&self.state);
            let jobs: Vec<Job> = st
                .stale
                .iter()
                .filter_map(|key| {
                    let reuse = !st.no_reuse.contains(key);
                    let previous = st
                        .desk
                        .get(key)
                        .filter(|_| reuse)
                        .map(|d| d.analysis.clone());
                    let previous_text = st.desk.get(key).filter(|_| reuse).map(|d| d.text.clone());
                    if let Some(doc) = st.open.get(key) {
                        Some(Job {
                            key: key.clone(),
                            version: Some(doc.version),
                            text: Arc::new(RopeText::new(doc.rope.clone())),
                            rope: Some(doc.rope.clone()),
                            format: doc.format,
                            previous,
                            previous_text,
                            dirty: doc.dirty.clone(),
                        })
                    } else {
                        st.disk.get(key).map(|text| Job {
                            key: key.clone(),
                            version: None,
                            text: source::text(text.clone()),
                            rope: None,
                            format: DocFormat::from_path(key),
                            previous,
                            previous_text,
                            dirty: Dirty::All,
                        })
                    }
                })
                .collect();
            (jobs, st.config.clone())
        };
        let analysed: Vec<(Job, DocumentAnalysis)> = if jobs.len() > 8 {
            use rayon::prelude::*;
            jobs.into_par_iter()
                .map(|job| {
                    let a = analyse(&job, &config);
                    (job, a)
                })
                .collect()
        } else {
            jobs.into_iter()
                .map(|job| {
                    let a = analyse(&job, &config);
                    (job, a)
                })
                .collect()
        };
        let (desk, views, generation, encoding, cache, previous) = {
            let mut st = lock(&self.state);
            let same_config = Arc::ptr_eq(&st.config, &config);
            for (job, analysis) in analysed {
                let current = match st.open.get(&job.key) {
                    Some(doc) => job.version == Some(doc.version),
                    None => job.version.is_none() && st.disk.contains_key(&job.key),
                };
                if !current || !same_config {
                    continue;
                }
                let analysis = Arc::new(analysis);
                let mut view = DocView::new(
                    &job.key,
                    job.version,
                    job.text.clone(),
                    analysis.clone(),
                    job.rope,
                );
                if let (Some(from), Dirty::Range { old, new }) = (&job.previous_text, &job.dirty) {
                    view.edit = Some(TextEdit {
                        from: Arc::downgrade(from),
                        old: old.clone(),
                        new: new.clone(),
                    });
                }
                st.views.insert(job.key.clone(), Arc::new(view));
                st.desk.insert_analysed(&job.key, job.text, analysis);
                st.stale.remove(&job.key);
                st.no_reuse.remove(&job.key);
                if let Some(doc) = st.open.get_mut(&job.key) {
                    doc.dirty = Dirty::Clean;
                }
                st.generation += 1;
            }
            if let Some(snapshot) = &st.snapshot
                && snapshot.generation == st.generation
            {
                return snapshot.clone();
            }
            let views: Vec<Arc<DocView>> = st
                .desk
                .documents()
                .map(|d| match st.views.get(&d.path) {
                    Some(view) if Arc::ptr_eq(&view.analysis, &d.analysis) => view.clone(),
                    _ => Arc::new(DocView::new(
                        &d.path,
                        None,
                        d.text.clone(),
                        d.analysis.clone(),
                        None,
                    )),
                })
                .collect();
            let cache = std::mem::take(&mut st.report_cache);
            let previous = st.snapshot.clone();
            (
                st.desk.clone(),
                views,
                st.generation,
                st.encoding,
                cache,
                previous,
            )
        };
        let mut cache = cache;
        let report = desk.report_with(&config, &mut cache);
        // The index of keys changes only when the desk's articles do: the
        // report then has another list of paths.
        let index = match previous {
            Some(previous) if Arc::ptr_eq(&previous.report.paths, &report.paths) => {
                previous.index.clone()
            }
            _ => Arc::new(
                views
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (v.key.clone(), i))
                    .collect(),
            ),
        };
        let snapshot = Arc::new(Snapshot {
            generation,
            desk,
            report,
            views,
            index,
            encoding,
            config,
        });
        let mut st = lock(&self.state);
        st.report_cache = cache;
        if st
            .snapshot
            .as_ref()
            .is_none_or(|s| s.generation < generation)
        {
            st.snapshot = Some(snapshot.clone());
        }
        snapshot
    }

    /// Marks the start of an indexing run: until it ends, the desk holds
    /// only part of the articles (on the first run, only the open ones).
    pub fn begin_indexing(&self) {
        lock(&self.state).indexing += 1;
    }

    /// Marks the end of an indexing run begun with [`Workspace::begin_indexing`].
    pub fn end_indexing(&self) {
        let mut st = lock(&self.state);
        st.indexing = st.indexing.saturating_sub(1);
    }

    /// Whether an indexing run is under way.
    pub fn indexing(&self) -> bool {
        lock(&self.state).indexing > 0
    }

    /// The documents whose findings differ from what was last published for
    /// them (including documents that left the desk), and records them as
    /// published: the open documents first, then the others.
    pub fn take_diagnostics(&self, snapshot: &Snapshot) -> Vec<Publish> {
        let mut out = self.take_diagnostics_of(snapshot, Which::Open);
        out.extend(self.take_diagnostics_of(snapshot, Which::Others));
        out
    }

    /// Like [`Workspace::take_diagnostics`], for the open documents only or
    /// for the others only, so that the open ones can be sent before the
    /// rest of the desk is compared.
    ///
    /// While the desk is being indexed, an open document is published once
    /// even when it has no findings: the editor learns that the article has
    /// been checked on its own, before the desk-wide findings replace these.
    pub fn take_diagnostics_of(&self, snapshot: &Snapshot, which: Which) -> Vec<Publish> {
        let mut st = lock(&self.state);
        if st
            .snapshot
            .as_ref()
            .is_some_and(|s| s.generation > snapshot.generation)
        {
            // A newer snapshot exists; its turn will come.
            return Vec::new();
        }
        let indexing = st.indexing > 0;
        let mut out = Vec::new();
        for (doc, view) in snapshot.views.iter().enumerate() {
            let open = view.version.is_some();
            if open != (which == Which::Open) {
                continue;
            }
            let findings = &snapshot.visible_findings(doc);
            let changed = match st.published.get_mut(&view.key) {
                Some(before) => !before.still_shown(findings, doc, snapshot),
                None => !findings.is_empty() || (indexing && st.unannounced.contains(&view.key)),
            };
            if open && st.open.get(&view.key).map(|d| d.version) == view.version {
                st.unannounced.remove(&view.key);
            }
            if !changed {
                continue;
            }
            out.push(Publish {
                key: view.key.clone(),
                doc: Some(doc),
                version: view.version,
            });
            if findings.is_empty() {
                st.published.remove(&view.key);
            } else {
                st.published
                    .insert(view.key.clone(), Published::new(findings, doc, snapshot));
            }
        }
        if which == Which::Open {
            return out;
        }
        let gone: Vec<String> = st
            .published
            .keys()
            .filter(|k| snapshot.doc(k).is_none())
            .cloned()
            .collect();
        for key in gone {
            st.published.remove(&key);
            out.push(Publish {
                key,
                doc: None,
                version: None,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(line: u32, from: u32, to: u32, text: &str) -> Change {
        Change {
            range: Some((LineCol::new(line, from), LineCol::new(line, to))),
            text: text.to_string(),
        }
    }

    #[test]
    fn edits_apply_in_order_and_stale_versions_are_refused() {
        let ws = Workspace::new(Config::default(), PositionEncoding::Utf16);
        ws.open(
            "file:///a.md",
            "Kim’s 😀 troops\r\n",
            1,
            DocFormat::Markdown,
        );
        assert_eq!(
            ws.change("file:///a.md", 2, &[change(0, 9, 9, "3,000 ")]),
            EditOutcome::Applied
        );
        assert_eq!(
            ws.change("file:///a.md", 2, &[change(0, 0, 3, "X")]),
            EditOutcome::StaleVersion
        );
        assert_eq!(
            ws.change("file:///b.md", 5, &[change(0, 0, 0, "X")]),
            EditOutcome::UnknownDocument
        );
        assert_eq!(
            ws.text("file:///a.md"),
            Some(("Kim’s 😀 3,000 troops\r\n".to_string(), 2))
        );
    }

    #[test]
    fn snapshot_follows_the_latest_text() {
        let ws = Workspace::new(Config::default(), PositionEncoding::Utf8);
        ws.open("file:///a.txt", "one", 1, DocFormat::Plain);
        let first = ws.refresh();
        assert_eq!(first.views[0].text(), "one");
        ws.change("file:///a.txt", 2, &[change(0, 3, 3, " two")]);
        let second = ws.refresh();
        assert!(second.generation > first.generation);
        assert_eq!(second.views[0].text(), "one two");
        assert!(Arc::ptr_eq(&second, &ws.refresh()));
    }

    #[test]
    fn closing_falls_back_to_the_file_on_disk() {
        let ws = Workspace::new(Config::default(), PositionEncoding::Utf16);
        ws.set_disk("file:///a.txt", Some(Arc::from("disk")));
        ws.open("file:///a.txt", "editor", 1, DocFormat::Plain);
        assert_eq!(ws.refresh().views[0].text(), "editor");
        ws.close("file:///a.txt");
        assert_eq!(ws.refresh().views[0].text(), "disk");
        ws.set_disk("file:///a.txt", None);
        assert!(ws.refresh().views.is_empty());
    }

    #[test]
    fn several_edits_between_analyses_reanalyse_like_the_whole_text() {
        let ws = Workspace::new(Config::default(), PositionEncoding::Utf16);
        let key = "file:///a.md";
        let text = "# Title\n\nFirst paragraph.\n\nSecond one.\r\n\r\nThird.\n";
        ws.open(key, text, 1, DocFormat::Markdown);
        ws.refresh();
        let edits: &[(u32, u32, u32, u32, &str)] = &[
            (2, 5, 2, 5, "x"),
            (4, 0, 4, 0, "\n\nNew para\n"),
            (0, 2, 0, 7, "Head"),
            (7, 3, 8, 0, ""),
            (2, 0, 2, 1, ""),
        ];
        for (round, chunk) in edits.chunks(2).enumerate() {
            for (i, &(l1, c1, l2, c2, t)) in chunk.iter().enumerate() {
                let version = 2 + (round * 2 + i) as i32;
                ws.change(key, version, &[change_between(l1, c1, l2, c2, t)]);
            }
            let snapshot = ws.refresh();
            let current = ws.text(key).unwrap().0;
            let full = DocumentAnalysis::new(&current, DocFormat::Markdown, &Config::default());
            let got: Vec<_> = snapshot
                .desk
                .get(key)
                .unwrap()
                .analysis
                .chunks
                .iter()
                .map(|c| (c.span, c.fingerprint))
                .collect();
            let want: Vec<_> = full
                .chunks
                .iter()
                .map(|c| (c.span, c.fingerprint))
                .collect();
            assert_eq!(got, want, "after round {round}: {current:?}");
        }
    }

    const CONFLICT_A: &str = "Forty people were killed in Kelbrano when the dam broke.\n";
    const CONFLICT_B: &str = "Nine people were killed in Kelbrano when the dam broke.\n";

    fn keys(publish: &[Publish]) -> Vec<&str> {
        publish.iter().map(|p| p.key.as_str()).collect()
    }

    #[test]
    fn open_documents_are_published_before_the_rest_of_the_desk() {
        let ws = Workspace::new(Config::default(), PositionEncoding::Utf16);
        ws.set_disk("file:///a.txt", Some(Arc::from(CONFLICT_A)));
        ws.set_disk("file:///b.txt", Some(Arc::from(CONFLICT_B)));
        ws.set_disk("file:///c.txt", Some(Arc::from(CONFLICT_A)));
        ws.open("file:///b.txt", CONFLICT_B, 1, DocFormat::Plain);
        let snapshot = ws.refresh();
        let all = ws.take_diagnostics(&snapshot);
        assert_eq!(
            keys(&all),
            ["file:///b.txt", "file:///a.txt", "file:///c.txt"]
        );
        assert_eq!(all[0].version, Some(1));
    }

    #[test]
    fn an_article_opened_while_indexing_is_published_even_without_findings() {
        let ws = Workspace::new(Config::default(), PositionEncoding::Utf16);
        ws.begin_indexing();
        ws.open("file:///a.txt", CONFLICT_A, 1, DocFormat::Plain);
        let snapshot = ws.refresh();
        let first = ws.take_diagnostics(&snapshot);
        assert_eq!(keys(&first), ["file:///a.txt"]);
        assert_eq!(first[0].version, Some(1));
        // Once is enough: nothing changed since.
        assert!(ws.take_diagnostics(&snapshot).is_empty());
        // The desk arrives: the conflict replaces the empty publication.
        ws.set_disk("file:///b.txt", Some(Arc::from(CONFLICT_B)));
        ws.end_indexing();
        let snapshot = ws.refresh();
        assert_eq!(
            keys(&ws.take_diagnostics(&snapshot)),
            ["file:///a.txt", "file:///b.txt"]
        );
    }

    #[test]
    fn an_article_without_findings_opened_on_an_indexed_desk_is_not_published() {
        let ws = Workspace::new(Config::default(), PositionEncoding::Utf16);
        ws.open("file:///a.txt", CONFLICT_A, 1, DocFormat::Plain);
        let snapshot = ws.refresh();
        assert!(ws.take_diagnostics(&snapshot).is_empty());
    }

    #[test]
    fn an_edit_while_indexing_is_published_with_its_version() {
        let ws = Workspace::new(Config::default(), PositionEncoding::Utf16);
        ws.begin_indexing();
        ws.open("file:///a.txt", CONFLICT_A, 1, DocFormat::Plain);
        ws.change("file:///a.txt", 2, &[change(0, 0, 0, "Today ")]);
        let snapshot = ws.refresh();
        let first = ws.take_diagnostics(&snapshot);
        assert_eq!(keys(&first), ["file:///a.txt"]);
        assert_eq!(first[0].version, Some(2));
    }

    fn change_between(l1: u32, c1: u32, l2: u32, c2: u32, text: &str) -> Change {
        Change {
            range: Some((LineCol::new(l1, c1), LineCol::new(l2, c2))),
            text: text.to_string(),
        }
    }
}
