//! Start-up and shutdown: bind, announce the address, serve until a signal.

use std::sync::Arc;

use tokio::net::TcpListener;

use crate::{app, config::Config, state::AppState, static_files::AppPage};

/// Runs the server until SIGINT/SIGTERM. Errors are start-up failures, with a
/// message meant for the person who started the server.
pub async fn run(config: Config) -> Result<(), String> {
    let page = AppPage::load(&config.dist)?;
    tracing::info!(csp = page.csp(), "app page loaded");
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    let local = listener
        .local_addr()
        .map_err(|e| format!("cannot read the bound address: {e}"))?;

    let state = AppState {
        config: Arc::new(config),
        page: Arc::new(page),
    };
    let router = app::router(state.clone());

    // Scripts parse this exact line (port 0 picks a free port).
    println!("sscard-server listening on http://{local}");
    tracing::info!(addr = %local, demo = state.config.demo, "listening");

    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| format!("server error: {e}"))?;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown signal received, finishing open requests");
}
