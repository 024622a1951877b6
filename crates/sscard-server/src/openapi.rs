//! The OpenAPI 3.1 document, generated from the handlers' annotations and the
//! wire types. Served at `/api/v1/openapi.json` and committed as
//! `docs/openapi.json` (a test fails when the two differ).

use axum::{http::header, response::IntoResponse};
use utoipa::OpenApi;

use crate::routes;

/// The API document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "sscard API",
        version = "1.0.0",
        description = "JSON API of the third-generation social security card service (第三代社保卡). \
            Errors are RFC 9457 problem documents (`application/problem+json`) with a machine-readable `code`. \
            Sessions use the `sscard_session` cookie (HttpOnly, SameSite=Strict). See docs/api.md.",
        license(name = "MIT OR Apache-2.0")
    ),
    paths(
        routes::health::health,
        routes::health::ready,
        routes::policy::cities,
        routes::policy::calendar,
        routes::policy::city_policy,
        routes::policy::city_branches,
        routes::policy::city_document,
        routes::auth::sign_in,
        routes::auth::request_code,
        routes::auth::verify_code,
        routes::auth::session,
        routes::auth::sign_out,
        routes::password::change_password,
        routes::password::reset_password,
        routes::contact::request_change,
        routes::contact::verify_change,
        routes::details::get_details,
        routes::details::put_details,
        routes::drafts::get_draft,
        routes::drafts::put_draft,
        routes::drafts::delete_draft,
        routes::applications::create,
        routes::applications::list,
        routes::applications::get_one,
        routes::cards::list,
        routes::cards::get_one,
        routes::cards::enable,
        routes::cards::temporary_loss,
        routes::cards::unfreeze,
        routes::cards::financial_activation,
        routes::cards::formal_loss,
        routes::replacements::create,
        routes::notices::list,
        routes::notices::get_settings,
        routes::notices::put_settings,
        routes::demo::people,
        routes::demo::get_clock,
        routes::demo::advance,
    ),
    components(schemas(sscard_rules::wire::Problem)),
    modifiers(&SessionCookie),
    tags(
        (name = "health", description = "Liveness and readiness"),
        (name = "policy", description = "Cities, banks, sample branches, parameters and calendar"),
        (name = "auth", description = "Sign-in, session and service password"),
        (name = "details", description = "The address and occupation on record, changed online"),
        (name = "drafts", description = "Save and resume an unfinished application"),
        (name = "applications", description = "Card applications (idempotent submission)"),
        (name = "cards", description = "Cards and their services"),
        (name = "notices", description = "Notices sent to the person, and their settings"),
        (name = "demo", description = "Demo mode only (404 without --demo)"),
    )
)]
pub struct ApiDoc;

/// Declares the session cookie as a security scheme.
struct SessionCookie;

impl utoipa::Modify for SessionCookie {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("sscard_session"))),
        );
    }
}

/// The document as pretty JSON with a trailing newline (the committed form).
pub fn json() -> String {
    let mut s = ApiDoc::openapi()
        .to_pretty_json()
        .expect("OpenAPI serialises");
    s.push('\n');
    s
}

/// `GET /api/v1/openapi.json`.
pub async fn serve() -> impl IntoResponse {
    static DOC: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    (
        [(header::CONTENT_TYPE, "application/json")],
        DOC.get_or_init(json).clone(),
    )
}
