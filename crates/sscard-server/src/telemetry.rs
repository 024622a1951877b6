//! Structured logging (tracing). Level via `RUST_LOG`, default `info`.

use tracing_subscriber::{EnvFilter, fmt};

/// Installs the global subscriber; logs go to stderr so stdout stays for the
/// one "listening on" line scripts parse.
pub fn init(format: &str) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,tower_http=info"));
    let builder = fmt().with_env_filter(filter).with_writer(std::io::stderr);
    // `try_init` because tests may start several servers in one process.
    let _ = if format == "json" {
        builder.json().flatten_event(true).try_init()
    } else {
        builder.try_init()
    };
}
