//! Health for people, scripts and load balancers: `GET /api/v1/health` (liveness: the process
//! answers) and `GET /api/v1/health/ready` (readiness: it can also reach its database).
//!
//! Two answers because a load balancer acts differently on each: a live instance that cannot
//! reach the database is taken out of rotation, not restarted (a restart would not bring the
//! database back, and every instance would restart at once).

use axum::{Json, extract::State, http::StatusCode};
use sscard_rules::ProblemCode;
use sscard_rules::wire::Health;

use crate::{
    problem::{ApiError, ApiResult},
    state::AppState,
};

fn ok(state: &AppState) -> Json<Health> {
    Json(Health {
        status: "ok".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        demo: state.config.demo,
    })
}

/// Liveness: answers `{"status":"ok","version":…,"demo":…}` while the process serves HTTP,
/// whatever the database does.
#[utoipa::path(get, path = "/api/v1/health", tag = "health",
    responses((status = 200, description = "The server is up", body = Health)))]
pub async fn health(State(state): State<AppState>) -> Json<Health> {
    ok(&state)
}

/// Readiness: the liveness answer once the database answers a query now; `503 not_ready`
/// while it does not.
#[utoipa::path(get, path = "/api/v1/health/ready", tag = "health",
    responses(
        (status = 200, description = "The server and its database answer", body = Health),
        (status = 503, description = "`not_ready`: the database does not answer", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn ready(State(state): State<AppState>) -> ApiResult<Json<Health>> {
    if state.db.ping().await {
        Ok(ok(&state))
    } else {
        Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            ProblemCode::NotReady.id(),
            "数据库暂时无法访问",
        ))
    }
}
