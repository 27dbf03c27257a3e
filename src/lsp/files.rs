//! The server's file work: loading `marginalia.toml` (with settings from the
//! editor laid over it) and indexing the articles under the workspace folders.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::analysis::config::Config;
use crate::analysis::document::DocumentAnalysis;
use crate::analysis::text::DocFormat;
use crate::cache::AnalysisCache;
use crate::cli::{collect_articles, read_article};

/// The name of the configuration file at the workspace root.
pub const CONFIG_FILE: &str = "marginalia.toml";

/// Loads the configuration: `marginalia.toml` beside the first root, with the
/// editor's settings (JSON mirroring the TOML keys) laid over it.
pub fn load_config(
    roots: &[PathBuf],
    settings: Option<&serde_json::Value>,
) -> Result<Config, String> {
    let source = match roots.first().map(|r| r.join(CONFIG_FILE)) {
        Some(path) if path.is_file() => {
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?
        }
        _ => String::new(),
    };
    let base = Config::from_toml(&source).map_err(|e| format!("{CONFIG_FILE}: {e}"))?;
    let Some(settings) = settings.map(without_nulls).filter(|s| !is_empty(s)) else {
        return Ok(base);
    };
    let mut table: toml::Table = toml::from_str(&source).map_err(|e| e.to_string())?;
    let overlay =
        toml::Value::try_from(&settings).map_err(|e| format!("marginalia settings: {e}"))?;
    let toml::Value::Table(overlay) = overlay else {
        return Err("marginalia settings: expected an object".to_string());
    };
    merge(&mut table, overlay);
    let merged = toml::to_string(&table).map_err(|e| format!("marginalia settings: {e}"))?;
    Config::from_toml(&merged).map_err(|e| format!("marginalia settings: {}", e.message))
}

fn is_empty(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Null => true,
        serde_json::Value::Object(map) => map.is_empty(),
        _ => false,
    }
}

fn without_nulls(value: &serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => serde_json::Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        serde_json::Value::Array(items) => serde_json::Value::Array(
            items
                .iter()
                .filter(|v| !v.is_null())
                .map(without_nulls)
                .collect(),
        ),
        other => other.clone(),
    }
}

fn merge(base: &mut toml::Table, overlay: toml::Table) {
    for (key, value) in overlay {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(inner)), toml::Value::Table(over)) => merge(inner, over),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

/// The folder whose articles form an article's desk, or the folder that
/// would have been one but is too wide to read whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskRoot {
    /// Index this folder.
    Folder(PathBuf),
    /// This folder is a home folder or a file-system root: index nothing,
    /// work on the open articles.
    TooWide(PathBuf),
}

/// Whether a folder is too wide to be read as a desk: a home folder (`home`,
/// normally `$HOME`) or a file-system root.
pub fn too_wide(folder: &Path, home: Option<&Path>) -> bool {
    folder.parent().is_none() || home.is_some_and(|h| same_folder(h, folder))
}

fn same_folder(a: &Path, b: &Path) -> bool {
    a == b
        || match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
}

/// The nearest folder from `start` up that holds `marginalia.toml`, never
/// reaching a home folder or a root (a config there makes no desk).
fn configured_folder(start: &Path, home: Option<&Path>) -> Option<PathBuf> {
    start
        .ancestors()
        .take_while(|folder| !too_wide(folder, home))
        .find(|folder| folder.join(CONFIG_FILE).is_file())
        .map(Path::to_path_buf)
}

/// The desk of an article: the nearest folder above it that holds
/// `marginalia.toml`; else the workspace folder it lies in (the deepest one,
/// if folders nest); else the article's own folder.
pub fn desk_of_article(article: &Path, folders: &[PathBuf], home: Option<&Path>) -> DeskRoot {
    let own = article.parent().unwrap_or(article);
    if let Some(configured) = configured_folder(own, home) {
        return DeskRoot::Folder(configured);
    }
    let folder = folders
        .iter()
        .filter(|f| article.starts_with(f))
        .max_by_key(|f| f.components().count())
        .map_or(own, PathBuf::as_path);
    if too_wide(folder, home) {
        DeskRoot::TooWide(folder.to_path_buf())
    } else {
        DeskRoot::Folder(folder.to_path_buf())
    }
}

/// The desk of a workspace folder before any article is open: the nearest
/// folder from it up that holds `marginalia.toml`, else the folder itself.
pub fn desk_of_folder(folder: &Path, home: Option<&Path>) -> DeskRoot {
    match configured_folder(folder, home) {
        Some(configured) => DeskRoot::Folder(configured),
        None if too_wide(folder, home) => DeskRoot::TooWide(folder.to_path_buf()),
        None => DeskRoot::Folder(folder.to_path_buf()),
    }
}

/// The user's home folder, which is never read whole.
pub fn home_folder() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

/// Writes a file so that a failed write leaves the old one intact: the text
/// goes to a new temporary file beside it, is flushed to disk, and then
/// replaces the file in one rename. The file keeps its permissions, and a
/// symbolic link stays a link (the file it points to is replaced).
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A new file of our own: never one that is there already (or a link).
    let mut attempts = 0;
    let (temp, mut file) = loop {
        attempts += 1;
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => break (temp, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempts < 100 => {
                continue;
            }
            Err(e) => return Err(e),
        }
    };
    let written = (|| {
        file.write_all(text.as_bytes())?;
        if let Ok(metadata) = std::fs::metadata(&target) {
            file.set_permissions(metadata.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, &target)?;
        // The rename itself is on disk once the folder is.
        if let Ok(folder) = std::fs::File::open(dir) {
            let _ = folder.sync_all();
        }
        Ok(())
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// Whether a path names an article by its extension.
pub fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .and_then(DocFormat::from_extension)
        .is_some()
}

/// Whether the config's include/exclude globs take a file under one of the roots.
pub fn accepted(path: &Path, roots: &[PathBuf], config: &Config) -> bool {
    let build = |globs: &[String]| {
        let mut builder = globset::GlobSetBuilder::new();
        for glob in globs {
            if let Ok(glob) = globset::Glob::new(glob) {
                builder.add(glob);
            }
        }
        builder.build().ok()
    };
    let relative = roots
        .iter()
        .find_map(|r| path.strip_prefix(r).ok())
        .unwrap_or(path);
    let included = config.include.is_empty()
        || build(&config.include).is_some_and(|set| set.is_match(relative));
    let excluded = build(&config.exclude).is_some_and(|set| set.is_match(relative));
    included && !excluded
}

/// Whether indexing would leave a file out for being hidden or ignored: a
/// hidden file or folder under its root, or a match in a `.ignore`,
/// `.gitignore` or `.git/info/exclude` between the root and the file. The
/// deepest file that says something about the path decides, as when indexing.
pub fn ignored(path: &Path, roots: &[PathBuf]) -> bool {
    let Some(root) = roots
        .iter()
        .filter(|r| path.starts_with(r))
        .max_by_key(|r| r.components().count())
    else {
        return false;
    };
    let Ok(relative) = path.strip_prefix(root) else {
        return false;
    };
    let hidden = relative
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    if hidden {
        return true;
    }
    let mut dir = path.parent();
    while let Some(d) = dir {
        let mut sources = vec![d.join(".ignore"), d.join(".gitignore")];
        if d == root.as_path() {
            sources.push(d.join(".git").join("info").join("exclude"));
        }
        for source in sources.iter().filter(|s| s.is_file()) {
            let mut builder = ignore::gitignore::GitignoreBuilder::new(d);
            if builder.add(source).is_some() {
                continue;
            }
            let Ok(matcher) = builder.build() else {
                continue;
            };
            match matcher.matched_path_or_any_parents(path, false) {
                ignore::Match::Ignore(_) => return true,
                ignore::Match::Whitelist(_) => return false,
                ignore::Match::None => {}
            }
        }
        if d == root.as_path() {
            break;
        }
        dir = d.parent();
    }
    false
}

/// An indexed article.
pub struct Indexed {
    /// Its path.
    pub path: PathBuf,
    /// Its text.
    pub text: Arc<str>,
    /// Its analysis.
    pub analysis: Arc<DocumentAnalysis>,
}

/// Finds, reads and analyses every article under the roots in parallel,
/// honouring `.gitignore` and the config's globs. Unreadable, binary, invalid
/// UTF-8 and oversized files are skipped with a line on stderr. `progress`
/// is called with (done, total) now and then.
pub fn index(
    roots: &[PathBuf],
    config: &Config,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Vec<Indexed> {
    index_reporting(roots, config, None, progress, &|line| {
        eprintln!("marginalia: {line}")
    })
}

/// Like [`index`], but names each skipped file to `skipped`, and takes the
/// analyses of unchanged articles from `cache` (storing the others there).
pub fn index_reporting(
    roots: &[PathBuf],
    config: &Config,
    cache: Option<&AnalysisCache>,
    progress: &(dyn Fn(usize, usize) + Sync),
    skipped: &(dyn Fn(String) + Sync),
) -> Vec<Indexed> {
    let mut paths = Vec::new();
    for root in roots {
        let collected = collect_articles(std::slice::from_ref(root), config);
        for error in collected.errors {
            skipped(format!("indexing: {error}"));
        }
        paths.extend(collected.paths);
    }
    paths.sort();
    paths.dedup();
    let total = paths.len();
    progress(0, total);
    let done = AtomicUsize::new(0);
    let step = (total / 100).max(1);
    paths
        .par_iter()
        .filter_map(|path| {
            let result = read_article(path, config.max_file_size);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if n % step == 0 || n == total {
                progress(n, total);
            }
            match result {
                Ok(article) => {
                    let format = DocFormat::from_path(&article.display);
                    let analysis = match cache {
                        Some(cache) => cache.analyse(&article.text, format, config),
                        None => DocumentAnalysis::new(&article.text, format, config),
                    };
                    Some(Indexed {
                        path: path.clone(),
                        text: Arc::from(article.text),
                        analysis: Arc::new(analysis),
                    })
                }
                Err(error) => {
                    skipped(format!("skipped {error}"));
                    None
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_desk_is_the_nearest_configured_folder_else_the_workspace_else_the_own_folder() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().to_path_buf();
        let home = base.join("home");
        let work = home.join("work");
        let desk = work.join("desk");
        std::fs::create_dir_all(desk.join("drafts")).unwrap();
        std::fs::write(desk.join(CONFIG_FILE), "").unwrap();
        let folders = vec![work.clone()];
        let home = Some(home.as_path());
        let folder = |p: &Path| DeskRoot::Folder(p.to_path_buf());
        // A config above the article wins over the workspace folder.
        assert_eq!(
            desk_of_article(&desk.join("drafts/a.md"), &folders, home),
            folder(&desk)
        );
        // No config: the workspace folder, however deep the article.
        assert_eq!(
            desk_of_article(&work.join("x/y/a.md"), &folders, home),
            folder(&work)
        );
        // Outside every workspace folder: the article's own folder.
        let elsewhere = base.join("elsewhere");
        assert_eq!(
            desk_of_article(&elsewhere.join("a.md"), &folders, home),
            folder(&elsewhere)
        );
        // A home folder is never a desk, nor is a config in it one.
        let home_path = base.join("home");
        std::fs::write(home_path.join(CONFIG_FILE), "").unwrap();
        assert_eq!(
            desk_of_article(
                &home_path.join("a.md"),
                std::slice::from_ref(&home_path),
                home
            ),
            DeskRoot::TooWide(home_path.clone())
        );
        assert_eq!(
            desk_of_article(&home_path.join("a.md"), &[], home),
            DeskRoot::TooWide(home_path.clone())
        );
        assert_eq!(
            desk_of_article(Path::new("/a.md"), &[], home),
            DeskRoot::TooWide(PathBuf::from("/"))
        );
        // Workspace folders before any article is open.
        assert_eq!(desk_of_folder(&desk.join("drafts"), home), folder(&desk));
        assert_eq!(desk_of_folder(&work, home), folder(&work));
        assert_eq!(
            desk_of_folder(&home_path, home),
            DeskRoot::TooWide(home_path.clone())
        );
    }

    #[test]
    fn settings_lay_over_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "debounce_ms = 10\n[rules]\narithmetic = \"error\"\n",
        )
        .unwrap();
        let roots = vec![dir.path().to_path_buf()];
        let settings =
            serde_json::json!({"debounce_ms": 0, "rules": {"figure-drift": "off"}, "ignore": null});
        let config = load_config(&roots, Some(&settings)).unwrap();
        assert_eq!(config.debounce_ms, 0);
        assert_eq!(config.severity("figure-drift"), None);
        assert_eq!(
            config.severity("arithmetic"),
            Some(crate::analysis::config::Severity::Error)
        );
    }

    #[test]
    fn ignored_files_are_those_indexing_leaves_out() {
        let dir = tempfile::tempdir().expect("a folder");
        let root = dir.path().to_path_buf();
        let write = |name: &str, text: &str| {
            let path = root.join(name);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("folders");
            std::fs::write(&path, text).expect("a file");
            path
        };
        write(".gitignore", "drafts/\n*.tmp.md\n");
        write("sub/.gitignore", "!keep.tmp.md\n");
        let roots = vec![root.clone()];
        let kept = write("a.md", "A.");
        let draft = write("drafts/b.md", "B.");
        let temporary = write("c.tmp.md", "C.");
        let rescued = write("sub/keep.tmp.md", "D.");
        let hidden = write(".notes/e.md", "E.");
        assert!(!ignored(&kept, &roots));
        assert!(ignored(&draft, &roots));
        assert!(ignored(&temporary, &roots));
        assert!(!ignored(&rescued, &roots));
        assert!(ignored(&hidden, &roots));
        // Indexing agrees.
        let indexed: Vec<PathBuf> = index(&roots, &Config::default(), &|_, _| {})
            .into_iter()
            .map(|i| i.path)
            .collect();
        for path in [&kept, &draft, &temporary, &rescued, &hidden] {
            assert_eq!(indexed.contains(path), !ignored(path, &roots), "{path:?}");
        }
    }

    #[test]
    fn atomic_writes_replace_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CONFIG_FILE);
        write_atomically(&path, "debounce_ms = 1\n").unwrap();
        write_atomically(&path, "debounce_ms = 2\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "debounce_ms = 2\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        assert!(write_atomically(&dir.path().join("missing/x.toml"), "x").is_err());
    }

    #[test]
    fn atomic_writes_keep_permissions_and_links() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("shared.toml");
        std::fs::write(&real, "debounce_ms = 1\n").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join(CONFIG_FILE);
        std::os::unix::fs::symlink("shared.toml", &link).unwrap();
        write_atomically(&link, "debounce_ms = 2\n").unwrap();
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "debounce_ms = 2\n");
        let mode = std::fs::metadata(&real).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn a_broken_file_names_its_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), "debounce_ms = 1\n[rules\n").unwrap();
        let error = load_config(&[dir.path().to_path_buf()], None).unwrap_err();
        assert!(error.contains("line 2"), "{error}");
    }
}
