//! Start-up and shutdown: bind, announce the address, serve until a signal.

use std::sync::Arc;

use tokio::net::TcpListener;

use crate::{
    app,
    clock::Clock,
    config::Config,
    db::{Db, Target},
    demo,
    notices::{
        self,
        notifier::{FileNotifier, LogNotifier, Notifier},
    },
    production,
    registry::ListRegistry,
    secret::ServerKey,
    state::AppState,
    static_files::AppPage,
};

/// How often simulated production catches up with the clock.
const PRODUCTION_TICK: std::time::Duration = std::time::Duration::from_secs(60);

/// Runs the server until SIGINT/SIGTERM. Errors are start-up failures, with a
/// message meant for the person who started the server.
pub async fn run(config: Config) -> Result<(), String> {
    // Before anything is decided: every answer follows the newer rules or none does.
    if let Some(dir) = &config.policy_dir {
        let changed = crate::policy_files::install_from(dir)?;
        tracing::info!(?changed, revisions = %sscard_rules::revisions(), "policy documents installed");
    }
    let page = AppPage::load(&config.dist, config.demo)?;
    // Without a registry nobody new could be checked: refuse to start rather
    // than let a first sign-in fix an unconfirmed name.
    let registry = ListRegistry::configured(config.demo, config.identity_registry.as_deref())?;
    tracing::info!(csp = page.csp(), "app page loaded");
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    let local = listener
        .local_addr()
        .map_err(|e| format!("cannot read the bound address: {e}"))?;

    if config.database.is_some() && config.secret_key.is_none() {
        // A key file per instance would give each instance its own key: a code sent by one
        // would be refused by the next.
        return Err(
            "--database needs --secret-key (SSCARD_SECRET_KEY), the same on every instance"
                .to_owned(),
        );
    }
    let target = Target::choose(config.database.as_deref(), &config.data_dir);
    // Opening connects and migrates with blocking clients: off the async workers.
    let db = tokio::task::spawn_blocking(move || Db::open(&target))
        .await
        .map_err(|e| format!("cannot open the database: {e}"))??;
    let key = ServerKey::load(config.secret_key.as_deref(), &config.data_dir)?;
    crate::secret::key_check(&db, &key).await?;
    tracing::info!(db = %db.describe(), "database ready");
    // The demo clock offset survives a restart; without --demo it is always 0.
    let offset = if config.demo {
        demo::load_offset(&db).await.map_err(|e| e.title.clone())?
    } else {
        0
    };
    let clock = Arc::new(Clock::with_offset(offset));
    // Background work, stopped before the runtime is (a task caught mid-read at shutdown would
    // otherwise touch a timer that is already gone).
    let mut background: Vec<tokio::task::JoinHandle<()>> = Vec::new();
    if config.demo {
        demo::seed(&db, clock.today())
            .await
            .map_err(|e| format!("cannot seed demo data: {}", e.title))?;
        // Another instance may move the demo clock.
        background.push(tokio::spawn(demo::follow_offset(db.clone(), clock.clone())));
    }
    production::advance(&db, clock.today())
        .await
        .map_err(|e| format!("cannot run production: {}", e.title))?;

    let state = AppState {
        key: Arc::new(key),
        registry: Arc::new(registry),
        config: Arc::new(config),
        page: Arc::new(page),
        db: db.clone(),
        clock: clock.clone(),
    };
    // Simulated production follows the clock (day changes, demo jumps).
    background.push(tokio::spawn(async move {
        let mut tick = tokio::time::interval(PRODUCTION_TICK);
        loop {
            tick.tick().await;
            if let Err(e) = production::advance(&db, clock.today()).await {
                tracing::warn!(error = %e.title, "production tick failed");
            }
        }
    }));
    let origins = crate::security::AllowedOrigins::new(&state.config.public_origins, local);
    let allowed: Vec<String> = origins.origins().iter().map(|o| o.to_string()).collect();
    tracing::info!(origins = %allowed.join(","), "allowed origins");
    // Notices: delivered from the outbox by one worker (at least once, stable ids).
    let notifier: Arc<dyn Notifier> = match &state.config.notice_outbox {
        Some(path) => Arc::new(FileNotifier::new(path.clone())?),
        None => Arc::new(LogNotifier),
    };
    background.push(tokio::spawn(notices::worker::run(
        state.db.clone(),
        state.clock.clone(),
        notifier,
    )));
    let router = app::router(state.clone(), Arc::new(origins));
    let fd_limit = crate::listener::raise_fd_limit();
    let limits = crate::listener::Limits {
        max_connections: crate::listener::effective_max_connections(
            state.config.max_connections,
            fd_limit,
        ),
        header_read_timeout: std::time::Duration::from_secs(state.config.header_read_timeout_secs),
    };

    // Signal handlers are installed before the address is announced: a script
    // may send SIGTERM as soon as it has read the line.
    let shutdown = shutdown_signal()?;
    // Scripts parse this exact line (port 0 picks a free port).
    println!("sscard-server listening on http://{local}");
    tracing::info!(addr = %local, demo = state.config.demo, "listening");

    crate::listener::serve(listener, router, limits, shutdown).await;
    for task in &background {
        task.abort();
    }
    for task in background {
        // Each ends at its next await; a cancelled task's error is the expected answer.
        let _ = task.await;
    }
    tracing::info!("stopped");
    Ok(())
}

/// Installs the SIGINT/SIGTERM handlers now; the returned future resolves on
/// the first signal.
fn shutdown_signal() -> Result<impl std::future::Future<Output = ()>, String> {
    #[cfg(unix)]
    let (mut int, mut term) = {
        use tokio::signal::unix::{SignalKind, signal};
        let int =
            signal(SignalKind::interrupt()).map_err(|e| format!("cannot handle SIGINT: {e}"))?;
        let term =
            signal(SignalKind::terminate()).map_err(|e| format!("cannot handle SIGTERM: {e}"))?;
        (int, term)
    };
    Ok(async move {
        #[cfg(unix)]
        tokio::select! {
            _ = int.recv() => {},
            _ = term.recv() => {},
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("shutdown signal received, finishing open requests");
    })
}
