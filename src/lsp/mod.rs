//! The language server: the only part of Marginalia that knows the protocol.
//!
//! - [`convert`]: byte offsets to and from protocol positions (UTF-8 or UTF-16).
//! - [`state`]: open documents, indexed files, the desk and its report behind one lock.
//! - [`features`]: each editor feature as a plain function over the report.
//! - [`handlers`]: protocol parameters in, feature, protocol results out.
//! - [`files`]: configuration loading and workspace indexing.
//! - [`server`]: capabilities, the ordered edit path, the analysis worker.
//! - [`transport`]: framing that answers malformed messages instead of stopping.
//! - [`session`]: one whole session in memory, for the fuzzer and tests.

pub mod convert;
pub mod features;
pub mod files;
pub mod handlers;
pub mod server;
pub mod session;
pub mod state;
pub mod transport;

pub use session::fuzz_session;

use crate::analysis::config::Config;

/// Serves LSP over stdin/stdout until the client says exit, then ends the
/// process (background threads do not keep it alive).
pub fn run_stdio() {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("marginalia: cannot start: {error}");
            std::process::exit(2);
        }
    };
    let code = runtime.block_on(async {
        let (service, socket, core) = server::build_service(Config::default());
        let guarded = transport::guard(tokio::io::stdin(), tokio::io::stdout());
        let serve =
            tower_lsp_server::Server::new(guarded.input, guarded.output, socket).serve(service);
        // tower-lsp ends once the input ends and every handler is done, but a
        // handler may be waiting for the client to answer a request of ours,
        // which it never will once it has gone: then give up after a grace.
        let input_closed = guarded.input_closed;
        let gone = async move {
            let _ = input_closed.await;
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            eprintln!("marginalia: the client has gone; stopping");
        };
        tokio::select! {
            () = serve => {}
            () = gone => {}
        }
        // Let the last frames reach stdout, but do not wait on stdin.
        let _ = tokio::time::timeout(std::time::Duration::from_millis(200), guarded.writer).await;
        if core.shutdown_requested() { 0 } else { 1 }
    });
    std::process::exit(code);
}
