//! Articles' analyses kept between runs, in the user's cache folder, so that
//! a second start analyses only the articles that changed.
//!
//! An entry is one file, named by a hash of what the analysis depends on:
//! the article's bytes and format, the parts of the configuration that the
//! analysis reads ([`Config::analysis_fingerprint`]), and the engine (the
//! crate's version and a hash of the analysis library's source and data,
//! made by `build.rs`). Another text, configuration or build looks for
//! another file, so an entry never needs invalidating; old ones are pruned
//! once they go unused for [`KEEP_UNUSED`].
//!
//! An entry is written to a temporary file in its folder and renamed into
//! place, so a crash mid-write leaves no partial entry and two processes that
//! write one entry at once both succeed (the last rename wins; both wrote the
//! same bytes). It starts with a checksum of what follows: an entry that is
//! cut short, damaged or from another layout reads as a miss, is analysed
//! again and overwritten. Nothing about the cache ever fails a check or the
//! server: a folder that cannot be written only means nothing is kept.
//!
//! The folder is `$MARGINALIA_CACHE_DIR` if set, else the platform's cache
//! folder (`$XDG_CACHE_HOME/marginalia`, normally `~/.cache/marginalia`);
//! `$MARGINALIA_NO_CACHE=1` turns it off. Deleting the folder at any time
//! is safe.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use crate::analysis::config::Config;
use crate::analysis::document::DocumentAnalysis;
use crate::analysis::stored::StoredDocument;
use crate::analysis::text::DocFormat;

/// The variable that names the cache folder, overriding the platform's.
pub const CACHE_DIR_VAR: &str = "MARGINALIA_CACHE_DIR";

/// The variable that, set to anything but an empty value, turns the cache off.
pub const NO_CACHE_VAR: &str = "MARGINALIA_NO_CACHE";

/// Entries not read or written for this long are removed by [`AnalysisCache::prune`].
pub const KEEP_UNUSED: Duration = Duration::from_secs(30 * 24 * 60 * 60);

/// How often a prune walks the folder, at most.
const PRUNE_EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// What an entry's file starts with, before its checksum.
const MAGIC: &[u8; 8] = b"mgnl-an1";

/// The engine whose analyses an entry holds.
const ENGINE: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "/",
    env!("MARGINALIA_ANALYSIS_SOURCE")
);

/// The file that records when the folder was last pruned.
const PRUNED_MARK: &str = "last-pruned";

/// How the cache fared in one run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Analyses read from the cache.
    pub read: usize,
    /// Articles analysed because no usable entry was found.
    pub analysed: usize,
    /// Entries written.
    pub written: usize,
}

/// The analyses kept in one folder, for one configuration.
#[derive(Debug)]
pub struct AnalysisCache {
    dir: PathBuf,
    /// The hasher with the engine and the configuration already fed in.
    keyed: blake3::Hasher,
    read: AtomicUsize,
    analysed: AtomicUsize,
    written: AtomicUsize,
}

/// The cache folder: `$MARGINALIA_CACHE_DIR`, else the platform's cache
/// folder for Marginalia. `None` when neither is known, or when
/// `$MARGINALIA_NO_CACHE` turns the cache off.
pub fn default_dir() -> Option<PathBuf> {
    if std::env::var_os(NO_CACHE_VAR).is_some_and(|v| !v.is_empty()) {
        return None;
    }
    if let Some(dir) = std::env::var_os(CACHE_DIR_VAR).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "marginalia").map(|d| d.cache_dir().to_path_buf())
}

impl AnalysisCache {
    /// The cache in the default folder ([`default_dir`]) for `config`.
    pub fn open(config: &Config) -> Option<AnalysisCache> {
        default_dir().map(|dir| AnalysisCache::at(dir, config))
    }

    /// The cache in `dir` for `config`. The folder is made when the first
    /// entry is written.
    pub fn at(dir: PathBuf, config: &Config) -> AnalysisCache {
        let mut keyed = blake3::Hasher::new();
        for part in [ENGINE, &config.analysis_fingerprint()] {
            keyed.update(&(part.len() as u64).to_le_bytes());
            keyed.update(part.as_bytes());
        }
        AnalysisCache {
            dir,
            keyed,
            read: AtomicUsize::new(0),
            analysed: AtomicUsize::new(0),
            written: AtomicUsize::new(0),
        }
    }

    /// The folder the entries are in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// How the cache has fared so far.
    pub fn stats(&self) -> CacheStats {
        CacheStats {
            read: self.read.load(Ordering::Relaxed),
            analysed: self.analysed.load(Ordering::Relaxed),
            written: self.written.load(Ordering::Relaxed),
        }
    }

    /// The analysis of `text`: the stored one if there is a usable entry,
    /// else a fresh one, which is then stored.
    pub fn analyse(&self, text: &str, format: DocFormat, config: &Config) -> DocumentAnalysis {
        let path = self.entry_path(text, format);
        if let Some(analysis) = read_entry(&path).and_then(|s| s.into_analysis(text, format)) {
            self.read.fetch_add(1, Ordering::Relaxed);
            return analysis;
        }
        let analysis = DocumentAnalysis::new(text, format, config);
        self.analysed.fetch_add(1, Ordering::Relaxed);
        if write_entry(&path, &StoredDocument::of(&analysis)).is_ok() {
            self.written.fetch_add(1, Ordering::Relaxed);
        }
        analysis
    }

    /// Where the entry for `text` is: `XX/REST` under the folder, from the
    /// hex digits of its key, so that no folder holds more than a few
    /// thousand entries.
    fn entry_path(&self, text: &str, format: DocFormat) -> PathBuf {
        let mut hasher = self.keyed.clone();
        hasher.update(match format {
            DocFormat::Plain => b"plain\0",
            DocFormat::Markdown => b"markd\0",
        });
        hasher.update(text.as_bytes());
        let hex = hasher.finalize().to_hex();
        let (shard, rest) = hex.split_at(2);
        self.dir.join(shard).join(rest)
    }

    /// Removes entries unused for [`KEEP_UNUSED`] and temporary files left
    /// by an interrupted write, at most once a day. Errors are ignored: a
    /// file another process removed first is gone either way.
    pub fn prune(&self) {
        let mark = self.dir.join(PRUNED_MARK);
        let now = SystemTime::now();
        let due = std::fs::metadata(&mark)
            .and_then(|m| m.modified())
            .map_or(true, |t| {
                now.duration_since(t).unwrap_or_default() >= PRUNE_EVERY
            });
        if !due || File::create(&mark).is_err() {
            return;
        }
        let Ok(shards) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for shard in shards.flatten() {
            if !shard.file_type().is_ok_and(|t| t.is_dir()) {
                continue;
            }
            let Ok(entries) = std::fs::read_dir(shard.path()) else {
                continue;
            };
            for entry in entries.flatten() {
                let age = entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .map(|t| now.duration_since(t).unwrap_or_default());
                let temporary = entry.file_name().to_string_lossy().starts_with('.');
                let limit = if temporary { PRUNE_EVERY } else { KEEP_UNUSED };
                if age.is_ok_and(|age| age >= limit) {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
    }
}

/// An entry's stored analysis, or `None` if it is missing, short, damaged
/// or unreadable. A hit older than a day is touched, so that pruning keeps
/// what is in use.
fn read_entry(path: &Path) -> Option<StoredDocument> {
    let mut file = File::open(path).ok()?;
    let metadata = file.metadata().ok()?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.read_to_end(&mut bytes).ok()?;
    let rest = bytes.strip_prefix(MAGIC)?;
    let (sum, payload) = rest.split_at_checked(blake3::OUT_LEN)?;
    if blake3::hash(payload).as_bytes() != sum {
        return None;
    }
    let stored = postcard::from_bytes(payload).ok()?;
    let stale = metadata
        .modified()
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age >= PRUNE_EVERY);
    if stale {
        let _ = file.set_modified(SystemTime::now());
    }
    Some(stored)
}

/// Writes an entry through a temporary file in its own folder and a rename.
fn write_entry(path: &Path, stored: &StoredDocument) -> std::io::Result<()> {
    let payload = postcard::to_stdvec(stored).map_err(std::io::Error::other)?;
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let mut temp = tempfile::Builder::new().prefix(".").tempfile_in(folder)?;
    temp.write_all(MAGIC)?;
    temp.write_all(blake3::hash(&payload).as_bytes())?;
    temp.write_all(&payload)?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Mayor Ilse Varga said 300 homes in Dunmere had no power.\n";

    fn entries(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for shard in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if shard.path().is_dir() {
                out.extend(
                    std::fs::read_dir(shard.path())
                        .unwrap()
                        .flatten()
                        .map(|e| e.path()),
                );
            }
        }
        out
    }

    #[test]
    fn a_second_read_comes_from_the_entry_and_equals_the_fresh_analysis() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::default();
        let fresh = DocumentAnalysis::new(ARTICLE, DocFormat::Plain, &config);
        let first = AnalysisCache::at(dir.path().to_path_buf(), &config);
        first.analyse(ARTICLE, DocFormat::Plain, &config);
        assert_eq!(
            first.stats(),
            CacheStats {
                read: 0,
                analysed: 1,
                written: 1
            }
        );
        assert_eq!(entries(dir.path()).len(), 1);
        let second = AnalysisCache::at(dir.path().to_path_buf(), &config);
        let cached = second.analyse(ARTICLE, DocFormat::Plain, &config);
        assert_eq!(second.stats().read, 1);
        assert_eq!(
            StoredDocument::of(&cached),
            StoredDocument::of(&fresh),
            "the stored analysis reads back as the fresh one"
        );
        assert_eq!(cached.chunks[0].fingerprint, fresh.chunks[0].fingerprint);
        // Another format or configuration is another entry.
        second.analyse(ARTICLE, DocFormat::Markdown, &config);
        let mut ignoring = Config::default();
        ignoring.ignore.push("Dunmere".to_string());
        AnalysisCache::at(dir.path().to_path_buf(), &ignoring).analyse(
            ARTICLE,
            DocFormat::Plain,
            &ignoring,
        );
        assert_eq!(entries(dir.path()).len(), 3);
        // A setting the analysis does not read is the same entry.
        let slower = Config {
            debounce_ms: 900,
            ..Config::default()
        };
        let same = AnalysisCache::at(dir.path().to_path_buf(), &slower);
        same.analyse(ARTICLE, DocFormat::Plain, &slower);
        assert_eq!(same.stats().read, 1);
    }

    #[test]
    fn a_damaged_entry_is_a_miss_and_is_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::default();
        AnalysisCache::at(dir.path().to_path_buf(), &config).analyse(
            ARTICLE,
            DocFormat::Plain,
            &config,
        );
        let entry = entries(dir.path()).pop().unwrap();
        let whole = std::fs::read(&entry).unwrap();
        let mut flipped = whole.clone();
        *flipped.last_mut().unwrap() ^= 1;
        for damaged in [&whole[..whole.len() / 2], &[][..], &flipped[..]] {
            std::fs::write(&entry, damaged).unwrap();
            let cache = AnalysisCache::at(dir.path().to_path_buf(), &config);
            let analysis = cache.analyse(ARTICLE, DocFormat::Plain, &config);
            assert_eq!(cache.stats().read, 0);
            assert_eq!(cache.stats().written, 1);
            assert!(analysis.figure_count() > 0);
            assert_eq!(std::fs::read(&entry).unwrap(), whole);
        }
    }

    #[test]
    fn two_writers_of_one_entry_both_succeed_and_leave_one_whole_entry() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::default();
        let caches: Vec<AnalysisCache> = (0..4)
            .map(|_| AnalysisCache::at(dir.path().to_path_buf(), &config))
            .collect();
        std::thread::scope(|scope| {
            for cache in &caches {
                scope.spawn(|| {
                    for _ in 0..20 {
                        let analysis = cache.analyse(ARTICLE, DocFormat::Plain, &config);
                        assert!(analysis.figure_count() > 0);
                    }
                });
            }
        });
        let all = entries(dir.path());
        assert_eq!(all.len(), 1, "{all:?}");
        let reader = AnalysisCache::at(dir.path().to_path_buf(), &config);
        reader.analyse(ARTICLE, DocFormat::Plain, &config);
        assert_eq!(reader.stats().read, 1);
    }

    #[test]
    fn an_unwritable_folder_only_means_nothing_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let blocked = dir.path().join("file");
        std::fs::write(&blocked, "not a folder").unwrap();
        let config = Config::default();
        let cache = AnalysisCache::at(blocked, &config);
        let analysis = cache.analyse(ARTICLE, DocFormat::Plain, &config);
        assert!(analysis.figure_count() > 0);
        assert_eq!(cache.stats().written, 0);
    }

    #[test]
    fn pruning_removes_old_entries_and_keeps_recent_ones() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::default();
        let cache = AnalysisCache::at(dir.path().to_path_buf(), &config);
        cache.analyse(ARTICLE, DocFormat::Plain, &config);
        cache.analyse(ARTICLE, DocFormat::Markdown, &config);
        let mut all = entries(dir.path());
        all.sort();
        let old = SystemTime::now() - KEEP_UNUSED - Duration::from_secs(60);
        File::options()
            .write(true)
            .open(&all[0])
            .unwrap()
            .set_modified(old)
            .unwrap();
        cache.prune();
        assert_eq!(entries(dir.path()), vec![all[1].clone()]);
    }
}
