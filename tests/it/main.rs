//! The integration tests, in one binary so that the crate is linked once.
//!
//! Each module is one suite; run one with `cargo test --test it lsp_hostile::`.
//! The stdio suites (`lsp`, `lsp_desk`, `lsp_hostile`, `hostile_cli`,
//! `regressions`, `seeds`, `silence_cli`, `cache_cli`) drive the real
//! `marginalia` binary, with the cache of analyses off except in
//! `cache_cli`; the others call the library. Shared code is in [`support`].

mod support;

mod cache_cli;
mod figures_news;
mod fixtures;
mod hostile_cli;
mod lsp;
mod lsp_desk;
mod lsp_hostile;
mod lsp_inprocess;
mod lsp_session;
mod names;
mod properties;
mod properties_lsp;
mod publications;
mod recognizers;
mod regressions;
mod seeds;
mod silence_cli;
