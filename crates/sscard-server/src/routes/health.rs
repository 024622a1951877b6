//! `GET /api/v1/health`: liveness for people, scripts and load balancers.

use axum::{Json, extract::State};
use sscard_rules::wire::Health;

use crate::state::AppState;

/// Answers `{"status":"ok","version":…,"demo":…}`.
#[utoipa::path(get, path = "/api/v1/health", tag = "health",
    responses((status = 200, description = "The server is up", body = Health)))]
pub async fn health(State(state): State<AppState>) -> Json<Health> {
    Json(Health {
        status: "ok".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        demo: state.config.demo,
    })
}
