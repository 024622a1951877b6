//! Command-line and environment configuration.
//!
//! Every flag has an environment fallback so the server can be configured the
//! same way in a shell, a test script or a container.

use std::{net::SocketAddr, path::PathBuf};

use clap::Parser;

/// Reference server for the sscard JSON API; also serves the built app.
#[derive(Debug, Clone, Parser)]
#[command(name = "sscard-server", version, about)]
pub struct Config {
    /// Address to listen on. Port 0 picks a free port (the chosen one is printed).
    #[arg(long, env = "SSCARD_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// Directory with the app built by Trunk (must contain index.html).
    #[arg(long, env = "SSCARD_DIST", default_value = "dist")]
    pub dist: PathBuf,

    /// Directory for the SQLite database file (created when missing) and, without
    /// `--secret-key`, the server key.
    #[arg(long, env = "SSCARD_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// A PostgreSQL database (`postgres://user@host:port/name`) shared by any number of
    /// instances, instead of the SQLite file in the data directory. Needs `--secret-key`,
    /// the same for every instance.
    #[arg(long, env = "SSCARD_DATABASE_URL", hide_env_values = true)]
    pub database: Option<String>,

    /// Directory of newer policy documents, `<city>.json` each (the format of
    /// `GET /api/v1/policy/{city}/document`): installed at start, decided with, served, and
    /// taken by apps built with older data. Every instance of a deployment needs the same.
    #[arg(long, env = "SSCARD_POLICY_DIR")]
    pub policy_dir: Option<PathBuf>,

    /// Demo mode: demo people, one-time codes in responses, a movable demo clock.
    #[arg(long, env = "SSCARD_DEMO")]
    pub demo: bool,

    /// Scales the per-address throttling: 10 × this many failed sign-ins, code
    /// requests and wrong codes per client address before delays start. Raise
    /// it for end-to-end suites that sign in many times from one address.
    #[arg(long, env = "SSCARD_SIGN_IN_ATTEMPTS", default_value_t = 20)]
    pub sign_in_attempts: u32,

    /// Identity registry file (`{"people": [{"name", "id_number", "mobile"}]}`): who a
    /// person without a record is. Stands in for the public-security identity check and
    /// the carrier's real-name check. Required without --demo.
    #[arg(long, env = "SSCARD_IDENTITY_REGISTRY")]
    pub identity_registry: Option<PathBuf>,

    /// Addresses of reverse proxies whose `X-Forwarded-For` names the client
    /// (comma-separated). Without it the header is ignored: the client is the peer.
    #[arg(
        long = "trusted-proxy",
        env = "SSCARD_TRUSTED_PROXIES",
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<std::net::IpAddr>,

    /// The server key, 64 hex digits, shared by every instance of a deployment.
    /// When unset, `<data-dir>/server.key` is used (created 0600 on first start).
    #[arg(long, env = "SSCARD_SECRET_KEY", hide_env_values = true)]
    pub secret_key: Option<String>,

    /// Deliver notices by appending them as JSON lines to this file (0600): the
    /// stand-in for a text-message gateway. Without it, a log line says that a
    /// notice went out (masked mobile, message id).
    #[arg(long, env = "SSCARD_NOTICE_OUTBOX")]
    pub notice_outbox: Option<PathBuf>,

    /// Log format: `text` for people, `json` for machines.
    #[arg(long, env = "SSCARD_LOG_FORMAT", default_value = "text", value_parser = ["text", "json"])]
    pub log_format: String,

    /// Most client connections held open at once. One more is answered a short
    /// `503 Service Unavailable` (`Retry-After: 1`) and closed, so a flood of
    /// idle connections cannot exhaust file descriptors. Lowered at start when
    /// the open-file limit is too small for it.
    #[arg(
        long,
        env = "SSCARD_MAX_CONNECTIONS",
        default_value_t = crate::listener::DEFAULT_MAX_CONNECTIONS,
        value_parser = clap::value_parser!(u32).range(1..=1_000_000)
    )]
    pub max_connections: u32,

    /// Seconds a client has to send a complete request head (request line and
    /// headers); also how long an idle keep-alive connection stays open. Slower
    /// clients are disconnected (slowloris defence).
    #[arg(
        long,
        env = "SSCARD_HEADER_READ_TIMEOUT_SECS",
        default_value_t = crate::listener::DEFAULT_HEADER_READ_TIMEOUT.as_secs(),
        value_parser = clap::value_parser!(u64).range(1..=300)
    )]
    pub header_read_timeout_secs: u64,

    /// The origins the app is served from (comma-separated), e.g.
    /// `https://sscard.example.cn`. Requests must name one of them in `Host`
    /// (DNS-rebinding defence) and API mutations in `Origin`; `https` origins
    /// turn on HSTS. Default: `http://127.0.0.1:PORT`, `http://localhost:PORT`
    /// and `http://[::1]:PORT` for the bound port (and the bound address itself).
    #[arg(
        long = "public-origin",
        env = "SSCARD_PUBLIC_ORIGIN",
        value_delimiter = ','
    )]
    pub public_origins: Vec<crate::security::PublicOrigin>,
}
