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

    /// Directory for the SQLite database file (created when missing).
    #[arg(long, env = "SSCARD_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// Demo mode: demo people, one-time codes in responses, a movable demo clock.
    #[arg(long, env = "SSCARD_DEMO")]
    pub demo: bool,

    /// Sign-in attempts (password sign-in, code request, code check) allowed per
    /// client address and per ID number in 5 minutes. Raise it for end-to-end
    /// suites that sign in many times from one address.
    #[arg(long, env = "SSCARD_SIGN_IN_ATTEMPTS", default_value_t = 20)]
    pub sign_in_attempts: u32,

    /// Log format: `text` for people, `json` for machines.
    #[arg(long, env = "SSCARD_LOG_FORMAT", default_value = "text", value_parser = ["text", "json"])]
    pub log_format: String,
}
