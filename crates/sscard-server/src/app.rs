//! The router: API under `/api/v1`, the app page and its files for everything else.

use std::{any::Any, time::Duration};

use axum::{
    Router,
    extract::{DefaultBodyLimit, Request},
    http::{HeaderName, StatusCode},
    middleware,
    response::{IntoResponse, Response},
    routing::{any, get, post},
};
use tower::ServiceBuilder;
use tower_http::{
    catch_panic::CatchPanicLayer,
    compression::CompressionLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    trace::{DefaultOnResponse, TraceLayer},
};
use tracing::Level;

use crate::{problem::ApiError, routes, security, state::AppState, static_files};

/// Header carrying the request id (set when the client sent none, echoed back).
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Largest accepted request body: applications are small JSON documents.
const BODY_LIMIT: usize = 64 * 1024;

/// Builds the whole application router.
pub fn router(state: AppState) -> Router {
    use routes::{applications, auth, cards, demo, drafts, health, policy};
    let mut api = Router::new()
        .route("/api/v1/health", get(health::health))
        .route("/api/v1/openapi.json", get(crate::openapi::serve))
        .route("/api/v1/policy/cities", get(policy::cities))
        .route("/api/v1/policy/calendar", get(policy::calendar))
        .route("/api/v1/policy/{city}", get(policy::city_policy))
        .route("/api/v1/policy/{city}/branches", get(policy::city_branches))
        .route("/api/v1/auth/sign-in", post(auth::sign_in))
        .route("/api/v1/auth/code", post(auth::request_code))
        .route("/api/v1/auth/code/verify", post(auth::verify_code))
        .route("/api/v1/auth/session", get(auth::session))
        .route("/api/v1/auth/sign-out", post(auth::sign_out))
        .route("/api/v1/auth/password", post(auth::change_password))
        .route(
            "/api/v1/draft",
            get(drafts::get_draft)
                .put(drafts::put_draft)
                .delete(drafts::delete_draft),
        )
        .route(
            "/api/v1/applications",
            get(applications::list).post(applications::create),
        )
        .route("/api/v1/applications/{id}", get(applications::get_one))
        .route("/api/v1/cards", get(cards::list))
        .route("/api/v1/cards/{id}", get(cards::get_one))
        .route("/api/v1/cards/{id}/enable", post(cards::enable))
        .route(
            "/api/v1/cards/{id}/temporary-loss",
            post(cards::temporary_loss),
        )
        .route("/api/v1/cards/{id}/unfreeze", post(cards::unfreeze))
        .route(
            "/api/v1/cards/{id}/financial-activation",
            post(cards::financial_activation),
        )
        .route("/api/v1/cards/{id}/formal-loss", post(cards::formal_loss));
    if state.config.demo {
        api = api
            .route("/api/v1/demo/people", get(demo::people))
            .route("/api/v1/demo/clock", get(demo::get_clock))
            .route("/api/v1/demo/clock/advance", post(demo::advance));
    }
    let api = api
        .route("/api", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found))
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(BODY_LIMIT));

    let files = static_files::dist_service(&state.config.dist, state.page.clone());

    Router::new()
        .merge(api)
        .route("/", get(static_files::index))
        .route("/index.html", get(static_files::index))
        .fallback_service(files)
        .with_state(state)
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(|req: &Request| {
                            let id = req
                                .headers()
                                .get(REQUEST_ID)
                                .and_then(|v| v.to_str().ok())
                                .unwrap_or("-");
                            tracing::info_span!(
                                "request",
                                request_id = %id,
                                method = %req.method(),
                                path = %req.uri().path(),
                            )
                        })
                        .on_response(
                            DefaultOnResponse::new()
                                .level(Level::INFO)
                                .latency_unit(tower_http::LatencyUnit::Micros),
                        ),
                )
                .layer(PropagateRequestIdLayer::new(REQUEST_ID))
                .layer(CatchPanicLayer::custom(panic_response))
                .layer(middleware::from_fn(security::hardening_headers))
                .layer(middleware::from_fn(security::origin_check))
                .layer(middleware::from_fn(static_files::cache_headers))
                .layer(CompressionLayer::new())
                .layer(tower_http::timeout::TimeoutLayer::with_status_code(
                    StatusCode::REQUEST_TIMEOUT,
                    Duration::from_secs(30),
                )),
        )
}

/// Unknown `/api/...` paths are JSON problems, never the app page.
async fn api_not_found() -> ApiError {
    ApiError::not_found().detail("没有这个接口")
}

/// A known API path with the wrong method.
async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "不支持该请求方法",
    )
}

/// A panicking handler answers a generic problem; the panic is logged, never sent.
fn panic_response(err: Box<dyn Any + Send + 'static>) -> Response {
    let msg = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("panic");
    ApiError::internal(format!("handler panicked: {msg}")).into_response()
}
