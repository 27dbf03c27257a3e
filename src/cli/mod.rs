//! `marginalia check`: the command-line checker over files and folders.

mod files;
mod human;
mod json;

use std::io::Write;
use std::path::PathBuf;

use crate::analysis::config::Config;
use crate::analysis::desk::{Desk, DeskReport};
use crate::analysis::text::DocFormat;
use crate::cache::AnalysisCache;

pub use files::{
    Article, ArticleError, GlobFilter, collect_articles, decode_article, load_config, read_article,
};

/// The output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Compiler-style warnings with source lines and carets.
    Human,
    /// One JSON object with documents, entities and findings.
    Json,
}

/// When `check` colours its human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// When stdout is a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour, given whether the output is a terminal.
    pub fn colors(self, terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// Options of `marginalia check`.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Files and folders to check; none checks the current folder.
    pub paths: Vec<PathBuf>,
    /// How to print the result.
    pub format: OutputFormat,
    /// Whether to colour the human output (decided by the caller).
    pub color: bool,
    /// A config file to use instead of the `marginalia.toml` found beside the input.
    pub config: Option<PathBuf>,
    /// Whether to read and write the cache of analyses ([`crate::cache`]).
    pub cache: bool,
    /// Whether to say on stderr how the cache fared.
    pub verbose: bool,
}

/// Exit status of `check`: 0 clean, 1 findings, 2 usage or IO error.
pub fn check(options: &CheckOptions, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let here = [PathBuf::from(".")];
    let paths = if options.paths.is_empty() {
        &here[..]
    } else {
        &options.paths[..]
    };
    let config = match load_config(options.config.as_deref(), paths) {
        Ok(config) => config,
        Err(message) => {
            let _ = writeln!(stderr, "error: {message}");
            return 2;
        }
    };
    let collected = collect_articles(paths, &config);
    let mut io_error = false;
    for error in &collected.errors {
        let _ = writeln!(stderr, "error: {error}");
        io_error = true;
    }
    let articles: Vec<Article> = collected
        .paths
        .iter()
        .filter_map(|path| match read_article(path, config.max_file_size) {
            Ok(mut article) => {
                // Under `.`, say `a.md` rather than `./a.md`.
                if let Some(shorter) = article.display.strip_prefix("./") {
                    article.display = shorter.to_string();
                }
                Some(article)
            }
            Err(error) => {
                let _ = writeln!(stderr, "warning: skipped {error}");
                io_error = true;
                None
            }
        })
        .collect();
    let cache = if options.cache {
        AnalysisCache::open(&config)
    } else {
        None
    };
    let desk = analyse_with(&articles, &config, cache.as_ref());
    if let Some(cache) = &cache {
        if options.verbose {
            let stats = cache.stats();
            let _ = writeln!(
                stderr,
                "cache: {} analyses read, {} articles analysed, {} entries written ({})",
                stats.read,
                stats.analysed,
                stats.written,
                cache.dir().display()
            );
        }
        cache.prune();
    } else if options.verbose {
        let _ = writeln!(stderr, "cache: not used");
    }
    let mut report = desk.report(&config);
    silence(&mut report, &articles, &config);
    let style = human::Style {
        color: options.color,
    };
    if let Err(error) = write_styled(&desk, &report, options.format, style, stdout) {
        let _ = writeln!(stderr, "error: cannot write output: {error}");
        return 2;
    }
    let findings = report.findings.iter().map(|f| f.len()).sum::<usize>();
    if collected.paths.is_empty() && collected.errors.is_empty() {
        let _ = writeln!(stderr, "warning: no articles (.txt, .md, .markdown) found");
    }
    if io_error && articles.is_empty() {
        2
    } else if findings > 0 {
        1
    } else {
        0
    }
}

/// Writes a desk's report the way `check` prints it.
pub fn write_report(
    desk: &Desk,
    report: &DeskReport,
    format: OutputFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    write_styled(desk, report, format, human::Style { color: false }, out)
}

fn write_styled(
    desk: &Desk,
    report: &DeskReport,
    format: OutputFormat,
    style: human::Style,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        OutputFormat::Json => json::write(desk, report, out),
        OutputFormat::Human => human::write(desk, report, style, out),
    }
}

/// Drops the findings silenced by `[[silence]]` entries or by
/// `<!-- marginalia: ignore RULE -->` comments.
fn silence(report: &mut DeskReport, articles: &[Article], config: &Config) {
    for doc in 0..report.findings.len() {
        let Some(path) = report.paths.get(doc) else {
            continue;
        };
        let Some(article) = articles.iter().find(|a| a.display == *path) else {
            continue;
        };
        let visible = crate::analysis::silence::visible(config, report, doc, path, &article.text);
        report.findings[doc] = visible;
    }
}

/// Analyses articles in parallel and gathers them into a desk.
pub fn analyse(articles: &[Article], config: &Config) -> Desk {
    analyse_with(articles, config, None)
}

/// Like [`analyse`], taking the analyses of unchanged articles from `cache`
/// and storing the others there.
pub fn analyse_with(articles: &[Article], config: &Config, cache: Option<&AnalysisCache>) -> Desk {
    use rayon::prelude::*;
    let analysed: Vec<_> = articles
        .par_iter()
        .map(|a| {
            let format = DocFormat::from_path(&a.display);
            let analysis = match cache {
                Some(cache) => cache.analyse(&a.text, format, config),
                None => crate::analysis::document::DocumentAnalysis::new(&a.text, format, config),
            };
            (a, analysis)
        })
        .collect();
    let mut desk = Desk::new();
    for (article, analysis) in analysed {
        desk.insert_analysed(
            &article.display,
            crate::analysis::source::text(article.text.as_str()),
            analysis.into(),
        );
    }
    desk
}
