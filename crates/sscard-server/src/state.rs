//! Shared application state handed to every handler.

use std::sync::Arc;

use crate::{config::Config, static_files::AppPage};

/// Everything handlers need; cheap to clone (all `Arc`s).
#[derive(Clone)]
pub struct AppState {
    /// The configuration the server was started with.
    pub config: Arc<Config>,
    /// The app page prepared at start.
    pub page: Arc<AppPage>,
}

impl axum::extract::FromRef<AppState> for Arc<AppPage> {
    fn from_ref(state: &AppState) -> Self {
        state.page.clone()
    }
}
