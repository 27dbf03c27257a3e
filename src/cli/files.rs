//! Finding and reading article files for the checker.

use std::path::{Path, PathBuf};

use crate::analysis::config::Config;
use crate::analysis::text::DocFormat;

/// An article read from disk.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path as shown to the user.
    pub display: String,
    /// The file's text.
    pub text: String,
}

/// Why an article could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleError {
    /// The path as shown to the user.
    pub path: String,
    /// What went wrong.
    pub reason: String,
}

impl std::fmt::Display for ArticleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// Article paths found, and the inputs that could not be walked.
#[derive(Debug, Default)]
pub struct Collected {
    /// Article files, sorted and without duplicates.
    pub paths: Vec<PathBuf>,
    /// Inputs that do not exist or could not be listed.
    pub errors: Vec<String>,
}

/// Finds the articles under the given files and folders. Folders are walked
/// recursively, honouring `.gitignore` and the config's include/exclude globs;
/// files named explicitly are always taken.
pub fn collect_articles(inputs: &[PathBuf], config: &Config) -> Collected {
    let mut collected = Collected::default();
    let filter = match GlobFilter::new(config) {
        Ok(filter) => filter,
        Err(error) => {
            collected.errors.push(error);
            return collected;
        }
    };
    for input in inputs {
        if input.is_file() {
            collected.paths.push(input.clone());
            continue;
        }
        if !input.is_dir() {
            let reason = if input.exists() {
                "not a regular file or a folder"
            } else {
                "no such file or directory"
            };
            collected
                .errors
                .push(format!("{}: {reason}", input.display()));
            continue;
        }
        let walker = ignore::WalkBuilder::new(input)
            .hidden(true)
            .git_ignore(true)
            .git_exclude(true)
            .require_git(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build();
        for entry in walker {
            match entry {
                Ok(entry) => {
                    let path = entry.path();
                    // A link to a file is taken as the file it leads to. A
                    // link that leads nowhere (an article deleted since it
                    // was linked) is taken too, so that reading it reports
                    // it by name instead of it vanishing without a word.
                    // Links to folders, pipes and devices are not followed.
                    let is_file = entry.file_type().is_some_and(|t| {
                        t.is_file()
                            || (t.is_symlink()
                                && std::fs::metadata(path).map_or(true, |m| m.is_file()))
                    });
                    let is_article = path
                        .extension()
                        .and_then(|e| e.to_str())
                        .and_then(DocFormat::from_extension)
                        .is_some();
                    let relative = path.strip_prefix(input).unwrap_or(path);
                    if is_file && is_article && filter.accepts(relative) {
                        collected.paths.push(path.to_path_buf());
                    }
                }
                Err(error) => collected.errors.push(error.to_string()),
            }
        }
    }
    collected.paths.sort();
    collected.paths.dedup();
    collected
}

/// Include and exclude globs from the config.
pub struct GlobFilter {
    include: Option<globset::GlobSet>,
    exclude: globset::GlobSet,
}

impl GlobFilter {
    /// Compiles the config's globs.
    pub fn new(config: &Config) -> Result<GlobFilter, String> {
        let build = |globs: &[String]| -> Result<globset::GlobSet, String> {
            let mut builder = globset::GlobSetBuilder::new();
            for glob in globs {
                builder.add(
                    globset::Glob::new(glob)
                        .map_err(|e| format!("marginalia.toml: bad glob `{glob}`: {e}"))?,
                );
            }
            builder.build().map_err(|e| e.to_string())
        };
        Ok(GlobFilter {
            include: if config.include.is_empty() {
                None
            } else {
                Some(build(&config.include)?)
            },
            exclude: build(&config.exclude)?,
        })
    }

    /// Whether a path (relative to the folder root) is taken.
    pub fn accepts(&self, relative: &Path) -> bool {
        self.include
            .as_ref()
            .is_none_or(|set| set.is_match(relative))
            && !self.exclude.is_match(relative)
    }
}

/// Reads an article, refusing binary, invalid UTF-8 and oversized files.
pub fn read_article(path: &Path, max_size: u64) -> Result<Article, ArticleError> {
    let display = path.display().to_string();
    let error = |reason: String| ArticleError {
        path: display.clone(),
        reason,
    };
    let over =
        |len: u64| format!("file is {len} bytes, over the limit of {max_size} (max_file_size)");
    let metadata = std::fs::metadata(path).map_err(|e| error(e.to_string()))?;
    // A pipe or a device would block or never end: only regular files are read.
    if !metadata.is_file() {
        return Err(error("not a regular file".to_string()));
    }
    if metadata.len() > max_size {
        return Err(error(over(metadata.len())));
    }
    // The file may grow between the size check and the read: read no more
    // than the limit allows.
    let file = std::fs::File::open(path).map_err(|e| error(e.to_string()))?;
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, max_size.saturating_add(1)),
        &mut bytes,
    )
    .map_err(|e| error(e.to_string()))?;
    if bytes.len() as u64 > max_size {
        return Err(error(over(bytes.len() as u64)));
    }
    let text = decode_article(&bytes).map_err(error)?;
    Ok(Article { display, text })
}

/// Decodes an article's bytes: UTF-8 and not binary. A BOM is kept, so that
/// offsets stay offsets into the file.
pub fn decode_article(bytes: &[u8]) -> Result<String, String> {
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes)".to_string());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => Err(format!("not valid UTF-8 (at byte {})", e.valid_up_to())),
    }
}

/// Loads the config: the given file, else `marginalia.toml` in the first
/// folder input (or the folder of the first file input), else the default.
pub fn load_config(explicit: Option<&Path>, inputs: &[PathBuf]) -> Result<Config, String> {
    let candidate = explicit.map(Path::to_path_buf).or_else(|| {
        inputs.iter().find_map(|input| {
            let dir = if input.is_dir() {
                input.as_path()
            } else {
                input.parent()?
            };
            let file = dir.join("marginalia.toml");
            file.is_file().then_some(file)
        })
    });
    let Some(path) = candidate else {
        return Ok(Config::default());
    };
    let source = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Config::from_toml(&source).map_err(|e| format!("{}: {e}", path.display()))
}
