//! sscard-server binary: parse flags, start logging, run.

use clap::Parser;
use sscard_server::{config::Config, server, telemetry};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let config = Config::parse();
    telemetry::init(&config.log_format);
    match server::run(config).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("sscard-server: {msg}");
            std::process::ExitCode::FAILURE
        }
    }
}
