//! Arbitrary text as `marginalia.toml`: parsing never panics, an error names a
//! line that exists, and a config that parses can be used: its globs compile
//! or fail with a message, and analysis runs with it.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use marginalia::analysis::config::Config;
use marginalia::analysis::desk::Desk;
use marginalia::analysis::text::DocFormat;
use marginalia::cli::GlobFilter;

fuzz_target!(|source: &str| {
    match Config::from_toml(source) {
        Err(error) => {
            if let Some(line) = error.line {
                let lines = source.matches('\n').count() + 1;
                assert!(
                    (1..=lines).contains(&line),
                    "line {line} of a {lines}-line file"
                );
            }
            assert!(!error.to_string().is_empty());
        }
        Ok(config) => {
            if let Ok(filter) = GlobFilter::new(&config) {
                let _ = filter.accepts(Path::new("world/2024-10-23 troops.md"));
            }
            let mut desk = Desk::new();
            desk.upsert(
                "a.md",
                "# North Korea\n\nNorth Korea has sent 3,000 troops to Russia, officials said.\n",
                DocFormat::Markdown,
                &config,
            );
            desk.upsert(
                "b.txt",
                "Kim Jong Un sent about 12,000 soldiers, Zelensky said.\n",
                DocFormat::Plain,
                &config,
            );
            let _ = desk.report(&config);
        }
    }
});
