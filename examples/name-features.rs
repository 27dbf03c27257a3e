//! Prints, for every name the rules find in the `.txt` files of a folder, its
//! byte span and the features the kind model reads, one JSON object a line:
//! `{"doc", "start", "end", "text", "features"}`. `scripts/train-kinds.py`
//! runs it to learn the model from gold mentions.
//!
//!     cargo run --release --example name-features -- FOLDER > rows.jsonl

use std::io::Write;

use marginalia::analysis::config::Config;
use marginalia::analysis::entities::mention_features;
use marginalia::analysis::text::{self, DocFormat};

fn main() {
    let Some(folder) = std::env::args().nth(1) else {
        eprintln!("usage: name-features FOLDER");
        std::process::exit(2);
    };
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("cannot read {folder}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let config = Config::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for path in paths {
        let Ok(content) = std::fs::read_to_string(&path) else {
            eprintln!("skipping {}: not UTF-8 text", path.display());
            continue;
        };
        let doc = path.file_stem().unwrap_or_default().to_string_lossy();
        let (_, chunks) = text::split_chunks(&content, DocFormat::Plain);
        for chunk in chunks {
            let chunk_text = &content[chunk.start..chunk.end];
            let prose = text::prose(chunk_text, DocFormat::Plain);
            for block in &prose.blocks {
                let block_text = &prose.masked[block.range.clone()];
                let sentences = text::sentences(block_text);
                let base = chunk.start + block.range.start;
                for (m, features) in mention_features(block_text, block.kind, &sentences, &config) {
                    let row = serde_json::json!({
                        "doc": doc,
                        "start": base + m.span.start,
                        "end": base + m.span.end,
                        "text": m.text.as_ref(),
                        "demonym": m.demonym,
                        "features": features,
                    });
                    writeln!(out, "{row}").expect("stdout");
                }
            }
        }
    }
}
