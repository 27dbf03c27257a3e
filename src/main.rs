//! The `marginalia` command: a language server over stdio, or `check`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use marginalia::cli::{self, CheckOptions, ColorChoice, OutputFormat};

/// Names, figures and claims in news articles, checked across a folder.
#[derive(Parser)]
#[command(name = "marginalia", version, about)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Speak the Language Server Protocol over stdio (the default).
    Lsp,
    /// Check articles (files or folders) together and report warnings.
    Check {
        /// Files and folders (default: the current folder); folders are
        /// searched for .txt, .md and .markdown.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: OutputFormat,
        /// Use this config file instead of the marginalia.toml beside the articles.
        #[arg(long)]
        config: Option<PathBuf>,
        /// Colour the human output: when stdout is a terminal (auto), always or never.
        #[arg(long, value_enum, default_value = "auto")]
        color: ColorChoice,
        /// Analyse every article afresh: neither read nor write the cache of
        /// analyses kept between runs.
        #[arg(long)]
        no_cache: bool,
        /// Also say on stderr where the cache is and how many analyses it gave.
        #[arg(long, short)]
        verbose: bool,
    },
}

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    match args.command {
        None | Some(Command::Lsp) => {
            one_malloc_arena();
            marginalia::lsp::run_stdio();
            ExitCode::SUCCESS
        }
        Some(Command::Check {
            paths,
            format,
            config,
            color,
            no_cache,
            verbose,
        }) => {
            use std::io::IsTerminal;
            let options = CheckOptions {
                paths,
                format,
                config,
                color: color.colors(std::io::stdout().is_terminal()),
                cache: !no_cache,
                verbose,
            };
            let stdout = std::io::stdout();
            let stderr = std::io::stderr();
            let code = cli::check(&options, &mut stdout.lock(), &mut stderr.lock());
            ExitCode::from(code as u8)
        }
    }
}

/// The server lives long and allocates from many threads. glibc gives each
/// thread that contends for the allocator an arena of its own (up to eight
/// per core) and rarely returns their free memory, so a desk of many short
/// articles, indexed in parallel, would leave much of its memory stranded
/// in arenas. One arena keeps the server's footprint close to what it holds.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn one_malloc_arena() {
    // SAFETY: `mallopt` only sets a parameter of the allocator; it is called
    // before the server starts any thread.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn one_malloc_arena() {}
