//! Gives the crate `MARGINALIA_ANALYSIS_SOURCE`: a hash of the analysis
//! library's source and of the data it embeds. Stored analyses are keyed by
//! it (`src/cache.rs`), so any change to how articles are analysed makes
//! analyses stored by an earlier build unreachable, with nothing to bump by hand.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let mut paths = Vec::new();
    for dir in ["src/analysis", "data"] {
        println!("cargo:rerun-if-changed={dir}");
        files(Path::new(dir), &mut paths);
    }
    paths.sort();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for path in &paths {
        path.hash(&mut hasher);
        std::fs::read(path).unwrap_or_default().hash(&mut hasher);
    }
    println!(
        "cargo:rustc-env=MARGINALIA_ANALYSIS_SOURCE={:016x}",
        hasher.finish()
    );
}
