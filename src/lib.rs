//! Marginalia: names, figures and claims in news articles.
//!
//! [`analysis`] is a plain library (text in, annotations out) and [`lsp`] is the
//! thin language-server layer on top of it; [`cache`] keeps articles' analyses
//! between runs for both it and [`cli`].
#![deny(clippy::print_stdout)]

pub mod analysis;
pub mod cache;
pub mod cli;
pub mod lsp;
#[cfg(test)]
pub(crate) mod test_support;
