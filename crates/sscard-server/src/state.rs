//! Shared application state handed to every handler.

use std::sync::Arc;

use crate::{
    clock::Clock, config::Config, db::Db, registry::IdentityRegistry, secret::ServerKey,
    static_files::AppPage,
};

/// Everything handlers need; cheap to clone (all `Arc`s).
#[derive(Clone)]
pub struct AppState {
    /// The configuration the server was started with.
    pub config: Arc<Config>,
    /// The app page prepared at start.
    pub page: Arc<AppPage>,
    /// Storage.
    pub db: Db,
    /// Server today (with the demo offset).
    pub clock: Arc<Clock>,
    /// The server key (MACs of codes and throttling keys).
    pub key: Arc<ServerKey>,
    /// Who a person without a record is.
    pub registry: Arc<dyn IdentityRegistry>,
}

impl axum::extract::FromRef<AppState> for Arc<AppPage> {
    fn from_ref(state: &AppState) -> Self {
        state.page.clone()
    }
}
