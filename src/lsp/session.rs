//! One language server session in memory: the bytes a client would write to
//! the server's stdin go in, whatever the server writes is dropped. The
//! message loop, the framing guard, the ordered edit path, the handlers and
//! the analysis worker are the ones `marginalia lsp` runs; only the host
//! differs ([`Host::InMemory`]: no file system, no debounce, `exit` does not
//! end the process). Built for the `lsp_messages` fuzz target and for tests
//! that feed the server hostile streams.

use std::time::Duration;

use super::server::{self, Host};
use super::transport;
use crate::analysis::config::Config;

/// How long a session may run before it is abandoned.
pub const SESSION_LIMIT: Duration = Duration::from_secs(5);

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionEnd {
    /// The server stopped by itself: the input ran out or `exit` arrived,
    /// and every answer was written.
    Finished,
    /// The server was still running when the time limit came, and was dropped.
    TimedOut,
}

/// Serves one LSP session over in-memory pipes: `input` is exactly the bytes
/// a client would write to the server's stdin (`Content-Length` headers and
/// JSON bodies, possibly malformed or truncated). Runs until the input is
/// exhausted or `exit` arrives, discards everything the server writes, and
/// returns how the session ended. The end of input is the client hanging up.
///
/// Never exits the process; at most [`SESSION_LIMIT`] of serving (plus a
/// bounded wait for blocking handlers) passes before it returns, and the
/// session's threads have ended by then, except a blocking handler still
/// running past that wait, which is detached.
pub fn fuzz_session(input: &[u8]) -> SessionEnd {
    serve_in_memory(input, SESSION_LIMIT)
}

/// [`fuzz_session`] with a time limit of one's own.
pub fn serve_in_memory(input: &[u8], limit: Duration) -> SessionEnd {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("cannot build a tokio runtime");
    let input = std::io::Cursor::new(input.to_vec());
    let (ended, core) = runtime.block_on(async {
        let (service, socket, core) = server::build_service_for(Config::default(), Host::InMemory);
        let guarded = transport::guard(input, tokio::io::sink());
        let session = async {
            tower_lsp_server::Server::new(guarded.input, guarded.output, socket)
                .serve(service)
                .await;
            let _ = guarded.writer.await;
        };
        let ended = match tokio::time::timeout(limit, session).await {
            Ok(()) => SessionEnd::Finished,
            Err(_) => SessionEnd::TimedOut,
        };
        (ended, core)
    });
    // Drops every task; waits for handlers running on blocking threads.
    runtime.shutdown_timeout(Duration::from_secs(5));
    core.stop_worker();
    ended
}
