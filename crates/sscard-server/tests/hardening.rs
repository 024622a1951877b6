//! Hardening regressions from the security review: each test is the attack,
//! through real HTTP on loopback against the real server binary, and failed
//! against the code before the fix.
//!
//! * slow and idle connections (slowloris) and the connection cap,
//! * over-long and malformed static paths,
//! * request ids and per-request logging,
//! * `Host` (DNS rebinding), `Origin` and HSTS.

#[path = "common/mod.rs"]
mod common;

use std::{
    io::{BufRead, BufReader},
    net::SocketAddr,
    path::PathBuf,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use common::{Server, people::WANG};
use hyper::Method;
use serde_json::json;
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
};

// ---------------------------------------------------------------------------
// Helpers

/// A demo server started with extra flags, its log (stderr) in a file.
struct Proc {
    child: Child,
    base: String,
    addr: SocketAddr,
    log: PathBuf,
    _tmp: tempfile::TempDir,
}

impl Proc {
    /// Starts the binary in demo mode with `args`; `rust_log` `None` leaves the
    /// server's default log filter.
    fn start(args: &[&str], rust_log: Option<&str>) -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("dist")).unwrap();
        common::write_fake_dist(&root.join("dist"));
        let log = root.join("server.log");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sscard-server"));
        cmd.args(args)
            .arg("--addr")
            .arg("127.0.0.1:0")
            .arg("--dist")
            .arg(root.join("dist"))
            .arg("--data-dir")
            .arg(root.join("data"))
            .arg("--demo");
        for var in [
            "SSCARD_DEMO",
            "SSCARD_SIGN_IN_ATTEMPTS",
            "SSCARD_LOG_FORMAT",
            "SSCARD_IDENTITY_REGISTRY",
            "SSCARD_TRUSTED_PROXIES",
            "SSCARD_SECRET_KEY",
            "SSCARD_DATABASE_URL",
            "SSCARD_MAX_CONNECTIONS",
            "SSCARD_HEADER_READ_TIMEOUT_SECS",
            "SSCARD_PUBLIC_ORIGIN",
            "RUST_LOG",
        ] {
            cmd.env_remove(var);
        }
        if let Some(filter) = rust_log {
            cmd.env("RUST_LOG", filter);
        }
        cmd.stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap());
        let mut child = cmd.spawn().expect("start sscard-server");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line
            .trim()
            .strip_prefix("sscard-server listening on ")
            .unwrap_or_else(|| {
                let log = std::fs::read_to_string(&log).unwrap_or_default();
                panic!("unexpected first line: {line:?}; log: {log}")
            })
            .to_owned();
        let addr = addr_of(&base);
        Self {
            child,
            base,
            addr,
            log,
            _tmp: tmp,
        }
    }

    /// Stops the server with SIGTERM (graceful) and returns its log.
    fn stop(&mut self) -> String {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        for _ in 0..100 {
            if self.child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        std::fs::read_to_string(&self.log).unwrap()
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `127.0.0.1:PORT` of `http://127.0.0.1:PORT`.
fn addr_of(base: &str) -> SocketAddr {
    base.strip_prefix("http://").unwrap().parse().unwrap()
}

/// A response read off a raw connection.
#[derive(Debug)]
struct Raw {
    status: u16,
    head: String,
    body: String,
}

impl Raw {
    /// The first value of header `name` (case-insensitive), or "".
    fn header(&self, name: &str) -> &str {
        self.head
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once(':'))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
            .unwrap_or("")
    }
}

/// Sends `request` (which should say `Connection: close`) and reads the
/// response up to the server's close (at most 5 s).
async fn raw(addr: SocketAddr, request: &str) -> Raw {
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(request.as_bytes()).await.unwrap();
    let mut buf = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), s.read_to_end(&mut buf))
        .await
        .expect("server answered and closed within 5 s")
        .unwrap();
    parse(&buf)
}

fn parse(buf: &[u8]) -> Raw {
    let text = String::from_utf8_lossy(buf).into_owned();
    let (head, body) = text
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("no response head in {text:?}"));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line in {head:?}"));
    Raw {
        status,
        head: head.to_owned(),
        body: body.to_owned(),
    }
}

/// `GET path` with the given `Host` header.
async fn get_with_host(addr: SocketAddr, path: &str, host: &str) -> Raw {
    raw(
        addr,
        &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
    )
    .await
}

/// Opens `n` connections that send the start of a request line and then nothing.
async fn half_open(addr: SocketAddr, n: usize) -> Vec<TcpStream> {
    let mut conns = Vec::with_capacity(n);
    for _ in 0..n {
        let mut s = TcpStream::connect(addr).await.unwrap();
        s.write_all(b"GET /api/v1/hea").await.unwrap();
        conns.push(s);
    }
    conns
}

/// Waits (at most until `deadline`) for the server to close each connection;
/// returns when each was closed, or `None` for one still open at the deadline.
async fn closed_by_server(conns: Vec<TcpStream>, deadline: Instant) -> Vec<Option<Instant>> {
    let tasks: Vec<_> = conns
        .into_iter()
        .map(|mut s| {
            tokio::spawn(async move {
                let mut buf = [0u8; 512];
                let read_all = async {
                    // EOF or reset: the server closed it (anything it wrote first is ignored).
                    while let Ok(n) = s.read(&mut buf).await {
                        if n == 0 {
                            break;
                        }
                    }
                };
                tokio::time::timeout_at(deadline.into(), read_all)
                    .await
                    .ok()
                    .map(|()| Instant::now())
            })
        })
        .collect();
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
}

/// Whether `id` is what the server may echo: 1–64 of `[A-Za-z0-9._-]`.
fn is_plain_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

// ---------------------------------------------------------------------------
// 1. Slow connections

/// Slowloris: 300 connections each send half a request line and then nothing.
/// With default settings the server still answers others at once, and drops
/// the 300 after the header-read timeout (10 s) instead of keeping them (and
/// their file descriptors) forever.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn half_open_connections_neither_starve_others_nor_stay_open() {
    let s = Server::start(true);
    let addr = addr_of(&s.base);
    let opened = Instant::now();
    let conns = half_open(addr, 300).await;
    let open_took = opened.elapsed();

    let mut c = s.client();
    let t = Instant::now();
    let r = c.get("/api/v1/health").await;
    let health_took = t.elapsed();
    assert_eq!(r.status, 200);
    assert!(
        health_took < Duration::from_secs(2),
        "health took {health_took:?} beside 300 half-open connections"
    );

    let closed = closed_by_server(conns, opened + Duration::from_secs(14)).await;
    let still_open = closed.iter().filter(|c| c.is_none()).count();
    assert_eq!(still_open, 0, "half-open connections still open after 14 s");
    let (first, last) = close_span(&closed, opened);
    assert!(
        first >= Duration::from_secs(9),
        "closed after {first:?}, before the 10 s header-read timeout"
    );
    eprintln!(
        "300 half-open connections opened in {open_took:?}; health took {health_took:?}; \
         the server closed them after {first:?}..{last:?}"
    );
}

/// How long after `opened` the first and the last of `closed` were closed.
fn close_span(closed: &[Option<Instant>], opened: Instant) -> (Duration, Duration) {
    let times = closed.iter().flatten().map(|t| t.duration_since(opened));
    (times.clone().min().unwrap(), times.max().unwrap())
}

/// Over `--max-connections`, a connection gets a raw 503 with `Retry-After`
/// and is closed; the half-open ones holding the slots are dropped after the
/// header-read timeout, after which the server serves again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_over_the_cap_get_503_and_slow_heads_are_dropped() {
    let p = Proc::start(
        &["--max-connections", "20", "--header-read-timeout-secs", "2"],
        Some("warn"),
    );
    let opened = Instant::now();
    let conns = half_open(p.addr, 20).await;

    let t = Instant::now();
    let r = get_with_host(p.addr, "/api/v1/health", &p.addr.to_string()).await;
    let refusal_took = t.elapsed();
    assert_eq!(r.status, 503, "{r:?}");
    assert_eq!(r.header("retry-after"), "1");
    assert_eq!(r.header("connection"), "close");
    assert!(refusal_took < Duration::from_secs(1), "{refusal_took:?}");

    let closed = closed_by_server(conns, opened + Duration::from_secs(6)).await;
    assert!(closed.iter().all(Option::is_some), "{closed:?}");
    let (first, last) = close_span(&closed, opened);
    assert!(
        first >= Duration::from_millis(1500),
        "closed after {first:?}"
    );

    // The slots are free again.
    let mut status = 0;
    for _ in 0..20 {
        let r = get_with_host(p.addr, "/api/v1/health", &p.addr.to_string()).await;
        status = r.status;
        if status == 200 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(status, 200);
    eprintln!(
        "connection 21 refused in {refusal_took:?}; 20 half-open closed after {first:?}..{last:?}"
    );
}

/// An idle keep-alive connection (one request answered, then silence) is
/// closed after the header-read timeout too.
#[tokio::test]
async fn idle_keep_alive_connections_are_closed() {
    let p = Proc::start(&["--header-read-timeout-secs", "2"], Some("warn"));
    let mut s = TcpStream::connect(p.addr).await.unwrap();
    let req = format!("GET /api/v1/health HTTP/1.1\r\nHost: {}\r\n\r\n", p.addr);
    s.write_all(req.as_bytes()).await.unwrap();
    // Read the whole response (it has a Content-Length) and keep the connection.
    let mut buf = Vec::new();
    let answered = loop {
        let mut chunk = [0u8; 4096];
        let n = tokio::time::timeout(Duration::from_secs(5), s.read(&mut chunk))
            .await
            .unwrap()
            .unwrap();
        assert!(n > 0, "closed before answering");
        buf.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&buf);
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let r = parse(&buf);
            let len: usize = r.header("content-length").parse().unwrap();
            assert!(!head.to_ascii_lowercase().contains("connection: close"));
            if body.len() >= len {
                assert_eq!(r.status, 200);
                break Instant::now();
            }
        }
    };
    let closed = closed_by_server(vec![s], answered + Duration::from_secs(6)).await;
    let after = closed[0]
        .expect("idle keep-alive connection still open after 6 s")
        .duration_since(answered);
    assert!(
        after >= Duration::from_millis(1500),
        "closed after {after:?}"
    );
    eprintln!("idle keep-alive connection closed {after:?} after its response");
}

/// SIGTERM during a slowloris: the half-open connections used to hold the
/// graceful shutdown forever. Now connections without a request in progress
/// close at once, while a request in progress (its body still arriving) is
/// finished and answered before the server exits.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_finishes_requests_but_not_half_open_connections() {
    let mut p = Proc::start(&[], Some("warn"));
    let conns = half_open(p.addr, 5).await;
    let body = json!({"id_number": WANG.1, "password": WANG.3}).to_string();
    let mut req = TcpStream::connect(p.addr).await.unwrap();
    let head = format!(
        "POST /api/v1/auth/sign-in HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n",
        p.addr,
        body.len()
    );
    req.write_all(head.as_bytes()).await.unwrap();
    req.write_all(&body.as_bytes()[..10]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;

    let signalled = Instant::now();
    let pid = p.child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let closed = closed_by_server(conns, signalled + Duration::from_secs(3)).await;
    assert!(closed.iter().all(Option::is_some), "{closed:?}");
    let last = closed
        .iter()
        .flatten()
        .max()
        .unwrap()
        .duration_since(signalled);
    assert!(
        last < Duration::from_secs(2),
        "half-open closed {last:?} after SIGTERM"
    );
    assert!(
        p.child.try_wait().unwrap().is_none(),
        "exited with a request in progress"
    );

    req.write_all(&body.as_bytes()[10..]).await.unwrap();
    let mut buf = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), req.read_to_end(&mut buf))
        .await
        .expect("the request in progress is answered")
        .unwrap();
    let r = parse(&buf);
    assert_eq!(r.status, 202, "the initial password's first step: {r:?}");

    let mut status = None;
    for _ in 0..60 {
        status = p.child.try_wait().unwrap();
        if status.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(status.is_some_and(|s| s.success()), "{status:?}");
    eprintln!(
        "after SIGTERM: half-open closed within {last:?}; exited {:?} after the signal",
        signalled.elapsed()
    );
}

// ---------------------------------------------------------------------------
// 2. Static paths

/// Paths that cannot name a file (segment over 255 bytes, a name whose `.br`
/// variant is too long, NUL) were `500 File name too long` / `Invalid
/// argument`; now a 404 with an extension, and never a 5xx without one.
#[tokio::test]
async fn overlong_and_malformed_static_paths_are_never_5xx() {
    let s = Server::start(true);
    let mut c = s.client();
    let long = "a".repeat(300);
    for path in [
        format!("/{long}.js"),
        format!("/{}.js", "a".repeat(250)),
        format!("/dir/{long}/x.css"),
        "/a%00.js".to_owned(),
        "/a%0a.js".to_owned(),
        format!("/{}.wasm", "%61".repeat(300)),
    ] {
        let r = c.get_with(&path, &[("accept-encoding", "br, gzip")]).await;
        assert_eq!(r.status, 404, "{path}: {}", r.text());
    }
    for path in [format!("/{long}"), "/%00".to_owned(), "/a".repeat(700)] {
        let r = c.get(&path).await;
        assert!(!r.status.is_server_error(), "{path}: {}", r.status);
    }
    // Real files and deep links are unaffected.
    assert_eq!(c.get("/x-abc123.js").await.status, 200);
    assert_eq!(c.get("/apply/bank").await.status, 200);
}

// ---------------------------------------------------------------------------
// 3. Request ids and logs

/// A client's `X-Request-Id` is echoed (and logged) only when it is a short
/// plain token; anything else is replaced by a fresh id.
#[tokio::test]
async fn request_ids_are_validated_before_being_echoed() {
    let s = Server::start(true);
    let mut c = s.client();
    let long = "x".repeat(500);
    for bad in [long.as_str(), "abc def \"x=1\"", "a,b", "a;b=c"] {
        let r = c.get_with("/api/v1/health", &[("x-request-id", bad)]).await;
        let echoed = r.header("x-request-id");
        assert_ne!(echoed, bad);
        assert!(is_plain_id(echoed), "{echoed:?}");
    }
    let r = c
        .get_with(
            "/api/v1/health",
            &[("x-request-id", "req-1"), ("x-request-id", "req-2")],
        )
        .await;
    let echoed = r.header("x-request-id");
    assert!(
        is_plain_id(echoed) && echoed != "req-1" && echoed != "req-2",
        "{echoed:?}"
    );
    let r = c
        .get_with("/api/v1/health", &[("x-request-id", "req-123")])
        .await;
    assert_eq!(r.header("x-request-id"), "req-123");
}

/// With the default log filter a request writes no log line (it used to be
/// ~600 bytes of INFO per request).
#[tokio::test]
async fn requests_are_not_logged_at_the_default_level() {
    let mut p = Proc::start(&[], None);
    let mut c = common::Http::new(&p.base);
    for _ in 0..20 {
        assert_eq!(c.get("/api/v1/health").await.status, 200);
        assert_eq!(c.get("/apply/bank").await.status, 200);
    }
    let log = p.stop();
    assert!(!log.contains("finished processing request"), "{log}");
    assert!(!log.contains("/api/v1/health"), "{log}");
    assert!(log.len() < 8 * 1024, "{} bytes of log", log.len());
}

// ---------------------------------------------------------------------------
// 4. Host, Origin, HSTS

/// DNS rebinding: `evil.example` re-pointed at the server sends its own name
/// in `Host`. Refused with 421 (problem+json under /api, plain elsewhere);
/// the loopback names of the bound port still work.
#[tokio::test]
async fn foreign_host_is_misdirected() {
    let s = Server::start(true);
    let addr = addr_of(&s.base);
    let port = addr.port();
    let r = get_with_host(addr, "/api/v1/health", &format!("evil.example:{port}")).await;
    assert_eq!(r.status, 421, "{r:?}");
    assert_eq!(r.header("content-type"), "application/problem+json");
    let j: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(j["code"], "host_not_allowed");

    let r = get_with_host(addr, "/", &format!("evil.example:{port}")).await;
    assert_eq!(r.status, 421);
    assert!(r.header("content-type").starts_with("text/plain"), "{r:?}");

    // Absolute-form target naming another host.
    let r = raw(
        addr,
        &format!(
            "GET http://evil.example:{port}/api/v1/health HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        ),
    )
    .await;
    assert_eq!(r.status, 421);

    for host in [
        addr.to_string(),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let r = get_with_host(addr, "/api/v1/health", &host).await;
        assert_eq!(r.status, 200, "{host}");
    }
}

/// A page on `evil.example` (rebound to the server) posts a sign-in: Origin and
/// Host agree, which used to pass the check. Also: the right host with the
/// wrong scheme is another origin.
#[tokio::test]
async fn mutation_from_a_foreign_or_wrong_scheme_origin_is_refused() {
    let s = Server::start(true);
    let addr = addr_of(&s.base);
    let body = json!({"id_number": WANG.1, "password": WANG.3}).to_string();
    let sign_in = |host: &str, origin: &str| {
        format!(
            "POST /api/v1/auth/sign-in HTTP/1.1\r\nHost: {host}\r\nOrigin: {origin}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
    };
    let r = raw(addr, &sign_in("evil.example", "http://evil.example")).await;
    assert!(matches!(r.status, 403 | 421), "{r:?}");
    assert!(r.header("set-cookie").is_empty());

    let r = raw(
        addr,
        &sign_in(&addr.to_string(), &format!("https://{addr}")),
    )
    .await;
    assert_eq!(r.status, 403, "{r:?}");
    assert!(r.body.contains("origin_mismatch"), "{}", r.body);

    // The server's own origin passes.
    let r = raw(addr, &sign_in(&addr.to_string(), &s.base)).await;
    assert_eq!(r.status, 202, "{r:?}");
}

/// Two `Origin` headers (a forged one first or second) are refused: the check
/// used to read only the first.
#[tokio::test]
async fn two_origin_headers_are_refused() {
    let s = Server::start(true);
    let mut c = s.client();
    c.origin = None;
    let body = json!({"id_number": WANG.1, "password": WANG.3});
    for origins in [
        [s.base.as_str(), "http://evil.example"],
        ["http://evil.example", s.base.as_str()],
        [s.base.as_str(), s.base.as_str()],
    ] {
        let r = c
            .send(
                Method::POST,
                "/api/v1/auth/sign-in",
                Some(body.clone()),
                &[("origin", origins[0]), ("origin", origins[1])],
            )
            .await;
        assert_eq!(r.status, 403, "{origins:?}: {}", r.text());
        assert_eq!(r.problem_code(), "origin_mismatch");
    }
    assert!(c.cookie.is_none());
}

/// `--public-origin https://…` sends HSTS and makes that origin the only
/// one; without it no HSTS is sent.
#[tokio::test]
async fn hsts_for_an_https_public_origin_only() {
    let s = Server::start(true);
    let r = s.client().get("/api/v1/health").await;
    assert_eq!(r.status, 200);
    assert!(r.header("strict-transport-security").is_empty());

    let p = Proc::start(
        &["--public-origin", "https://sscard.example.cn"],
        Some("warn"),
    );
    for path in ["/api/v1/health", "/", "/x-abc123.js"] {
        let r = get_with_host(p.addr, path, "sscard.example.cn").await;
        assert_eq!(r.status, 200, "{path}: {r:?}");
        assert_eq!(
            r.header("strict-transport-security"),
            "max-age=31536000",
            "{path}"
        );
    }
    // The loopback names are not this deployment's.
    let r = get_with_host(p.addr, "/api/v1/health", &p.addr.to_string()).await;
    assert_eq!(r.status, 421);
    assert!(p.base.starts_with("http://127.0.0.1:"));

    // A mutation from the public origin passes the check; from http:// it does not.
    let body = json!({"id_number": WANG.1, "password": WANG.3}).to_string();
    for (origin, status) in [
        ("https://sscard.example.cn", 202),
        ("http://sscard.example.cn", 403),
    ] {
        let r = raw(
            p.addr,
            &format!(
                "POST /api/v1/auth/sign-in HTTP/1.1\r\nHost: sscard.example.cn\r\nOrigin: {origin}\r\n\
                 Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            ),
        )
        .await;
        assert_eq!(r.status, status, "{origin}: {r:?}");
    }
}
