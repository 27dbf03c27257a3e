//! The language server: the only part of Marginalia that knows the protocol.

pub mod convert;
pub mod features;
pub mod state;

/// Serves LSP over stdin/stdout until the client says exit.
pub fn run_stdio() {
    eprintln!("marginalia: the language server is not built yet");
}
