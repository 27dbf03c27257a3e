//! The analysis library: article text in, names, figures, claims and findings out.
//!
//! Nothing here knows about editors, the protocol, async runtimes or the file
//! system. Work is in byte offsets; user text never makes analysis fail.
//!
//! - [`text`]: front matter, chunks, Markdown masking, blocks and sentences.
//! - [`entities`] and [`figures`]: what one block of prose mentions.
//! - [`claims`]: what each figure's sentence says it is about.
//! - [`document`]: one article, analysed chunk by chunk with reuse.
//! - [`desk`]: all articles together: entity identity, claims and findings.
//! - [`inputs`]: what the rules read, made by the desk.
//! - [`findings`]: the rules, their registry and the findings they raise.
//! - [`lexicon`]: the word lists under `data/lexicon/`, shared by all of these.
//! - [`source`]: the text of an article, read in slices or whole.
//! - [`stored`]: an article's analysis as plain data to keep between runs.
//! - [`syntax`]: treebank tokens and part-of-speech tags for a sentence.

pub mod claims;
pub mod config;
pub mod desk;
pub mod document;
pub mod entities;
pub mod figures;
pub mod findings;
pub mod inputs;
pub mod lexicon;
pub mod model;
pub mod name_index;
pub mod resolve;
pub mod silence;
pub mod source;
pub mod stored;
pub mod syntax;
pub mod text;
