//! `marginalia check`: the command-line checker over files and folders.

mod files;
mod human;
mod json;

use std::io::Write;
use std::path::PathBuf;

use crate::analysis::config::Config;
use crate::analysis::desk::{Desk, DeskReport};
use crate::analysis::text::DocFormat;

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

/// Options of `marginalia check`.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Files and folders to check.
    pub paths: Vec<PathBuf>,
    /// How to print the result.
    pub format: OutputFormat,
    /// A config file to use instead of the `marginalia.toml` found beside the input.
    pub config: Option<PathBuf>,
}

/// Exit status of `check`: 0 clean, 1 findings, 2 usage or IO error.
pub fn check(options: &CheckOptions, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let config = match load_config(options.config.as_deref(), &options.paths) {
        Ok(config) => config,
        Err(message) => {
            let _ = writeln!(stderr, "error: {message}");
            return 2;
        }
    };
    let collected = collect_articles(&options.paths, &config);
    let mut io_error = false;
    for error in &collected.errors {
        let _ = writeln!(stderr, "error: {error}");
        io_error = true;
    }
    let articles: Vec<Article> = collected
        .paths
        .iter()
        .filter_map(|path| match read_article(path, config.max_file_size) {
            Ok(article) => Some(article),
            Err(error) => {
                let _ = writeln!(stderr, "warning: skipped {error}");
                io_error = true;
                None
            }
        })
        .collect();
    let desk = analyse(&articles, &config);
    let report = desk.report(&config);
    if let Err(error) = write_report(&desk, &report, options.format, stdout) {
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
    match format {
        OutputFormat::Json => json::write(desk, report, out),
        OutputFormat::Human => human::write(desk, report, out),
    }
}

/// Analyses articles in parallel and gathers them into a desk.
pub fn analyse(articles: &[Article], config: &Config) -> Desk {
    use rayon::prelude::*;
    let analysed: Vec<_> = articles
        .par_iter()
        .map(|a| {
            let format = DocFormat::from_path(&a.display);
            let analysis =
                crate::analysis::document::DocumentAnalysis::new(&a.text, format, config);
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
