//! The router: API under `/api/v1`, the app page and its files for everything else.

use sscard_rules::ProblemCode;
use std::{any::Any, sync::Arc, time::Duration};

use axum::{
    Router,
    extract::{DefaultBodyLimit, Request},
    http::{HeaderName, HeaderValue, StatusCode},
    middleware,
    response::{IntoResponse, Response},
    routing::{any, get, post},
};
use tower::ServiceBuilder;
use tower_http::{
    catch_panic::CatchPanicLayer,
    compression::CompressionLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    set_header::SetResponseHeaderLayer,
    timeout::RequestBodyTimeoutLayer,
    trace::{DefaultOnFailure, DefaultOnResponse, TraceLayer},
};
use tracing::Level;

use crate::{
    problem::ApiError, routes, security, security::AllowedOrigins, state::AppState, static_files,
};

/// Header carrying the request id (the client's when valid, see
/// [`is_valid_request_id`], else a fresh UUID; echoed back).
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Longest accepted client request id: longer ones are replaced, so the id
/// cannot bloat every log line of the request.
pub const MAX_REQUEST_ID_LEN: usize = 64;

/// Longest wait for the next piece of a request body (a slow-body attack
/// holds a connection and a task). The whole request is bounded by
/// [`REQUEST_TIMEOUT`] besides.
pub const BODY_READ_TIMEOUT: Duration = Duration::from_secs(15);

/// Longest time a request may take, body included: answered `408` after it.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Header of every API answer: the revision of each city's policy the server decides with
/// (`beijing=…,shanghai=…,urumqi=…`). An app built with other data fetches the city's
/// document and previews with it (`GET /api/v1/policy/{city}/document`).
pub const POLICY_REVISIONS: HeaderName = HeaderName::from_static("sscard-policy");

/// [`POLICY_REVISIONS`]'s value. Documents are installed before the router is built and never
/// after, so it is computed once.
fn policy_revisions() -> HeaderValue {
    // Revisions are hex digests or a publisher's label; one that is not a valid header value
    // is left out of the header rather than stopping the server.
    HeaderValue::from_str(&sscard_rules::revisions())
        .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// Largest accepted request body: applications are small JSON documents.
const BODY_LIMIT: usize = 64 * 1024;

/// Builds the whole application router; `origins` are what `Host` and
/// `Origin` must name (see [`security::origin_check`]).
pub fn router(state: AppState, origins: Arc<AllowedOrigins>) -> Router {
    use routes::{
        applications, auth, cards, contact, demo, details, drafts, health, notices, password,
        policy, replacements,
    };
    let mut api = Router::new()
        .route("/api/v1/health", get(health::health))
        .route("/api/v1/health/ready", get(health::ready))
        .route("/api/v1/openapi.json", get(crate::openapi::serve))
        .route("/api/v1/policy/cities", get(policy::cities))
        .route("/api/v1/policy/calendar", get(policy::calendar))
        .route("/api/v1/policy/{city}", get(policy::city_policy))
        .route("/api/v1/policy/{city}/branches", get(policy::city_branches))
        .route("/api/v1/policy/{city}/document", get(policy::city_document))
        .route("/api/v1/auth/sign-in", post(auth::sign_in))
        .route("/api/v1/auth/code", post(auth::request_code))
        .route("/api/v1/auth/code/verify", post(auth::verify_code))
        .route("/api/v1/auth/session", get(auth::session))
        .route("/api/v1/auth/sign-out", post(auth::sign_out))
        .route("/api/v1/auth/password", post(password::change_password))
        .route(
            "/api/v1/auth/password/reset",
            post(password::reset_password),
        )
        .route("/api/v1/me/mobile", post(contact::request_change))
        .route("/api/v1/me/mobile/verify", post(contact::verify_change))
        .route(
            "/api/v1/me/details",
            get(details::get_details).put(details::put_details),
        )
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
        .route("/api/v1/cards/{id}/formal-loss", post(cards::formal_loss))
        .route("/api/v1/cards/{id}/replacement", post(replacements::create))
        .route("/api/v1/notices", get(notices::list))
        .route(
            "/api/v1/notices/settings",
            get(notices::get_settings).put(notices::put_settings),
        );
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
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(SetResponseHeaderLayer::overriding(
            POLICY_REVISIONS,
            policy_revisions(),
        ));

    let files = static_files::dist_service(&state.config.dist, state.page.clone());

    Router::new()
        .merge(api)
        .route("/", get(static_files::index))
        .route("/index.html", get(static_files::index))
        .fallback_service(files)
        .with_state(state)
        .layer(
            ServiceBuilder::new()
                .layer(middleware::map_request(drop_invalid_request_id))
                .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(|req: &Request| {
                            let id = req
                                .headers()
                                .get(REQUEST_ID)
                                .and_then(|v| v.to_str().ok())
                                .unwrap_or("-");
                            // The span itself prints nothing; it gives the
                            // request id to every event logged inside.
                            tracing::info_span!(
                                "request",
                                request_id = %id,
                                method = %req.method(),
                                path = %req.uri().path(),
                            )
                        })
                        // One line per request only at DEBUG; a 5xx is an ERROR line.
                        .on_response(
                            DefaultOnResponse::new()
                                .level(Level::DEBUG)
                                .latency_unit(tower_http::LatencyUnit::Micros),
                        )
                        .on_failure(
                            DefaultOnFailure::new()
                                .level(Level::ERROR)
                                .latency_unit(tower_http::LatencyUnit::Micros),
                        ),
                )
                .layer(PropagateRequestIdLayer::new(REQUEST_ID))
                .layer(CatchPanicLayer::custom(panic_response))
                .layer(middleware::from_fn(security::hardening_headers))
                .layer(middleware::from_fn_with_state(
                    origins,
                    security::origin_check,
                ))
                .layer(middleware::from_fn(static_files::cache_headers))
                .layer(CompressionLayer::new())
                .layer(tower_http::timeout::TimeoutLayer::with_status_code(
                    StatusCode::REQUEST_TIMEOUT,
                    REQUEST_TIMEOUT,
                ))
                .layer(RequestBodyTimeoutLayer::new(BODY_READ_TIMEOUT)),
        )
}

/// Whether a client's `X-Request-Id` is kept: 1 to [`MAX_REQUEST_ID_LEN`]
/// characters of `A-Z a-z 0-9 . _ -` (nothing that could forge or break a log line).
pub fn is_valid_request_id(id: &[u8]) -> bool {
    (1..=MAX_REQUEST_ID_LEN).contains(&id.len())
        && id
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// Removes the client's `X-Request-Id` unless it is exactly one valid id, so
/// the next layer sets a fresh UUID.
async fn drop_invalid_request_id(mut req: Request) -> Request {
    let mut ids = req.headers().get_all(REQUEST_ID).iter();
    let keep = match (ids.next(), ids.next()) {
        (Some(id), None) => is_valid_request_id(id.as_bytes()),
        _ => false,
    };
    if !keep {
        req.headers_mut().remove(REQUEST_ID);
    }
    req
}

/// Unknown `/api/...` paths are JSON problems, never the app page.
async fn api_not_found() -> ApiError {
    ApiError::not_found().detail("没有这个接口")
}

/// A known API path with the wrong method.
async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        ProblemCode::MethodNotAllowed.id(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_are_short_and_plain() {
        assert!(is_valid_request_id(b"req-123"));
        assert!(is_valid_request_id(b"0f8e2c1a-9b7d-4e3f-8a6b-5c4d3e2f1a0b"));
        assert!(is_valid_request_id(&[b'a'; MAX_REQUEST_ID_LEN]));
        assert!(!is_valid_request_id(&[b'a'; MAX_REQUEST_ID_LEN + 1]));
        assert!(!is_valid_request_id(b""));
        assert!(!is_valid_request_id(b"abc def \"x=1\""));
        assert!(!is_valid_request_id(b"a\tb"));
        assert!(!is_valid_request_id("é".as_bytes()));
    }
}
