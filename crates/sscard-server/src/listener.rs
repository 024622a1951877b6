//! The serving loop: accepts TCP connections and serves HTTP/1.1 on them, with
//! the limits `axum::serve` does not have.
//!
//! `axum::serve` waits for a request head forever and accepts connections
//! without bound, so a few thousand clients that connect and send half a
//! request line (slowloris) exhaust the server's file descriptors and nobody
//! else is served. This loop instead
//!
//! * gives every connection [`Limits::header_read_timeout`] to send a complete
//!   request head. hyper 1.x arms that timer whenever it waits for a head —
//!   on a fresh connection and again after every response — so it is also the
//!   longest an idle keep-alive connection is kept;
//! * serves at most [`Limits::max_connections`] connections at once; one more
//!   is answered a fixed `503 Service Unavailable` with `Retry-After: 1` and
//!   closed, without reading its request;
//! * raises the open-file soft limit to the hard limit at start
//!   ([`raise_fd_limit`]) and lowers the connection cap when the limit is
//!   still too small for it, keeping [`FD_RESERVE`] descriptors for the
//!   database, files and refusals;
//! * gives each request its peer address (`ConnectInfo<SocketAddr>`), as
//!   `into_make_service_with_connect_info` did;
//! * on SIGINT/SIGTERM stops accepting, closes every connection without a
//!   request in progress (idle keep-alive ones at once; half-open ones still
//!   sending a head, which would otherwise hold the shutdown for the whole
//!   header-read timeout, after [`IDLE_CLOSE_GRACE`]), lets open requests
//!   finish — their responses included — for at most [`SHUTDOWN_GRACE`], then
//!   stops.
//!
//! Only HTTP/1.1 is served: browsers speak HTTP/2 only over TLS, which a
//! reverse proxy in front of this server terminates. (hyper-util's `auto`
//! builder would also wait, without a timeout, for the bytes telling HTTP/2
//! from HTTP/1.) Slow request bodies are bounded by the router
//! (`app::BODY_READ_TIMEOUT`, `app::REQUEST_TIMEOUT`).

use std::{
    convert::Infallible,
    future::Future,
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use axum::{Router, body::Body, extract::ConnectInfo};
use http_body_util::BodyExt as _;
use hyper::{body::Incoming, server::conn::http1};
use hyper_util::{
    rt::{TokioIo, TokioTimer},
    server::graceful::GracefulShutdown,
};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
    sync::{Semaphore, watch},
    time::Instant,
};
use tower::Service;

/// Default of `--max-connections`.
pub const DEFAULT_MAX_CONNECTIONS: u32 = 1024;

/// Default of `--header-read-timeout-secs`.
pub const DEFAULT_HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Longest wait for open requests after SIGINT/SIGTERM before the server
/// stops anyway (a request is itself bounded by `app::REQUEST_TIMEOUT`).
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

/// At shutdown, how long a connection without a request in progress may take
/// to close by itself (flushing the end of a response) before it is dropped.
pub const IDLE_CLOSE_GRACE: Duration = Duration::from_secs(1);

/// File descriptors kept free of client connections: SQLite files, files of
/// `dist/` being sent, refusals in progress, the listener.
pub const FD_RESERVE: u64 = 128;

/// Refusals (`503`) in progress at once; beyond that a connection over the
/// cap is closed without an answer, so a flood costs nothing but an accept.
pub const MAX_REFUSALS_IN_FLIGHT: usize = 32;

/// How long a refused connection may take to receive its `503`.
pub const REFUSAL_LINGER: Duration = Duration::from_secs(1);

/// Pause after a failed `accept` (such as running out of file descriptors),
/// so the loop does not spin while the condition lasts.
pub const ACCEPT_ERROR_PAUSE: Duration = Duration::from_millis(100);

/// At most one "connection limit reached" log line per this period.
pub const REFUSAL_LOG_PERIOD: Duration = Duration::from_secs(10);

/// The answer for a connection over the cap, sent before its request is read.
pub const BUSY_RESPONSE: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
Content-Length: 12\r\n\
Retry-After: 1\r\n\
Cache-Control: no-store\r\n\
Connection: close\r\n\
\r\n\
server busy\n";

/// Connection limits of the serving loop.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Most connections served at once.
    pub max_connections: usize,
    /// Time to send a request head; also the idle keep-alive time.
    pub header_read_timeout: Duration,
}

/// Serves `router` on `listener` until `shutdown` resolves, then finishes open
/// requests (at most [`SHUTDOWN_GRACE`]).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) {
    let connections = Arc::new(Semaphore::new(limits.max_connections));
    let refusals = Arc::new(Semaphore::new(MAX_REFUSALS_IN_FLIGHT));
    let graceful = GracefulShutdown::new();
    // Tells connection tasks to drop their connection unless a request is in progress.
    let (stopping_tx, stopping) = watch::channel(false);
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        .keep_alive(true);
    let mut refused = RefusalLog::default();
    tokio::pin!(shutdown);

    loop {
        let (stream, peer) = tokio::select! {
            biased;
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(conn) => conn,
                Err(e) if is_connection_error(&e) => continue,
                Err(e) => {
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(ACCEPT_ERROR_PAUSE).await;
                    continue;
                }
            },
        };
        let Ok(permit) = connections.clone().try_acquire_owned() else {
            refused.note(limits.max_connections);
            refuse(stream, &refusals);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let in_flight = Arc::new(AtomicUsize::new(0));
        let service = {
            let (router, in_flight) = (router.clone(), in_flight.clone());
            hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
                // Counted from here (synchronously, when hyper has read the head)
                // until the response body is sent or dropped.
                let busy = InFlight::start(&in_flight);
                let mut req = req.map(Body::new);
                req.extensions_mut().insert(ConnectInfo(peer));
                let mut router = router.clone();
                async move {
                    let res = router.call(req).await?;
                    Ok::<_, Infallible>(res.map(|body| {
                        Body::new(body.map_frame(move |frame| {
                            let _busy = &busy;
                            frame
                        }))
                    }))
                }
            })
        };
        let conn = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        let mut stopping = stopping.clone();
        tokio::spawn(async move {
            tokio::pin!(conn);
            let result = tokio::select! {
                result = &mut conn => result,
                // hyper closes an idle connection at once and one whose request
                // is done after flushing; without a request in progress after
                // IDLE_CLOSE_GRACE (a half-open head), the connection is dropped.
                _ = stopping.changed() => loop {
                    match tokio::time::timeout(IDLE_CLOSE_GRACE, &mut conn).await {
                        Ok(result) => break result,
                        Err(_) if in_flight.load(Ordering::Acquire) == 0 => return,
                        Err(_) => {}
                    }
                },
            };
            if let Err(e) = result {
                // Header timeouts, resets, malformed requests: the client's doing.
                tracing::debug!(%peer, error = %e, "connection closed with an error");
            }
            drop(permit);
        });
    }

    drop(listener);
    let _ = stopping_tx.send(true);
    tracing::info!(
        connections = graceful.count(),
        "stopped accepting, finishing open requests"
    );
    if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            "open requests still running after {}s; stopping anyway",
            SHUTDOWN_GRACE.as_secs()
        );
    }
}

/// One request in progress on a connection (a count decremented on drop).
struct InFlight(Arc<AtomicUsize>);

impl InFlight {
    fn start(count: &Arc<AtomicUsize>) -> Self {
        count.fetch_add(1, Ordering::AcqRel);
        Self(count.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Answers [`BUSY_RESPONSE`] on a connection over the cap and closes it,
/// in the background and for at most [`REFUSAL_LINGER`].
fn refuse(stream: TcpStream, refusals: &Arc<Semaphore>) {
    let Ok(permit) = refusals.clone().try_acquire_owned() else {
        return; // dropped: closed unanswered
    };
    tokio::spawn(async move {
        let _permit = permit;
        let mut stream = stream;
        let _ = tokio::time::timeout(REFUSAL_LINGER, async {
            stream.write_all(BUSY_RESPONSE).await?;
            stream.shutdown().await?;
            // Read what the client sends until it closes: closing with unread
            // data would send a reset, which can destroy the 503 before the
            // client has read it.
            let mut sink = [0u8; 1024];
            while stream.read(&mut sink).await? > 0 {}
            Ok::<_, std::io::Error>(())
        })
        .await;
    });
}

/// Counts refusals and logs them at most once per [`REFUSAL_LOG_PERIOD`].
#[derive(Debug, Default)]
struct RefusalLog {
    since_last: u64,
    last: Option<Instant>,
}

impl RefusalLog {
    fn note(&mut self, max: usize) {
        self.since_last += 1;
        let now = Instant::now();
        if self
            .last
            .is_none_or(|t| now.duration_since(t) >= REFUSAL_LOG_PERIOD)
        {
            tracing::warn!(
                max_connections = max,
                refused = self.since_last,
                "connection limit reached, refusing connections with 503"
            );
            self.since_last = 0;
            self.last = Some(now);
        }
    }
}

/// Errors of one incoming connection, not of the listener (as in `axum::serve`).
fn is_connection_error(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::ConnectionRefused
            | std::io::ErrorKind::ConnectionAborted
            | std::io::ErrorKind::ConnectionReset
    )
}

/// Raises the open-file soft limit to the hard limit (where the platform
/// allows) and logs both; returns the soft limit now in force, if known.
pub fn raise_fd_limit() -> Option<u64> {
    #[cfg(unix)]
    {
        let before = rlimit::getrlimit(rlimit::Resource::NOFILE).ok();
        match rlimit::increase_nofile_limit(u64::MAX) {
            Ok(now) => {
                tracing::info!(
                    before = before.map(|(soft, _)| soft),
                    now,
                    hard = before.map(|(_, hard)| hard),
                    "open-file limit"
                );
                Some(now)
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot raise the open-file limit");
                before.map(|(soft, _)| soft)
            }
        }
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// The connection cap actually used: `configured`, lowered to leave
/// [`FD_RESERVE`] of `fd_limit` free (logged when lowered).
pub fn effective_max_connections(configured: u32, fd_limit: Option<u64>) -> usize {
    let configured = u64::from(configured);
    let cap = match fd_limit {
        Some(limit) if limit.saturating_sub(FD_RESERVE) < configured => {
            let lowered = limit.saturating_sub(FD_RESERVE).max(1);
            tracing::warn!(
                configured,
                lowered,
                fd_limit = limit,
                "open-file limit too small for --max-connections; lowered"
            );
            lowered
        }
        _ => configured,
    };
    usize::try_from(cap).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_response_is_well_formed() {
        let text = std::str::from_utf8(BUSY_RESPONSE).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.1 503 "));
        assert!(head.contains("\r\nRetry-After: 1"));
        assert!(head.contains("\r\nConnection: close"));
        assert!(head.contains(&format!("\r\nContent-Length: {}", body.len())));
    }

    #[test]
    fn cap_leaves_room_for_the_reserve() {
        assert_eq!(effective_max_connections(1024, None), 1024);
        assert_eq!(effective_max_connections(1024, Some(1_048_576)), 1024);
        assert_eq!(effective_max_connections(1024, Some(1024)), 896);
        assert_eq!(effective_max_connections(20, Some(10)), 1);
    }
}
