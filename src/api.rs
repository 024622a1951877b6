//! One typed client for the sscard JSON API (`docs/api.md`). Same origin; the session travels in
//! an HttpOnly cookie the browser sends by itself. Errors are RFC 9457 problems.

pub mod early;
mod error;
mod fetched;
pub mod policy_update;

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::{Serialize, de::DeserializeOwned};
use sscard_rules::wire::{
    Application, ApplicationRequest, Branch, BranchQuery, Card, CodeRequest, CodeSent, CodeVerify,
    DemoClock, Draft, MobileChange, Notice, NoticeSettings, PasswordChange, PasswordReset,
    PasswordSignIn, PersonDetails, PersonDetailsUpdate, Problem, ReplacementRequest, SessionInfo,
    TempLossReport,
};

pub use error::ApiError;
pub use fetched::{Fetched, fetch_for, fetch_for_again, fetch_once};

const BASE: &str = "/api/v1";

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    policy_update::notice(&response.headers());
    let status = response.status();
    // Read as text, then one decoder for every answer (early or not, GET or POST).
    decode_text(response.text().await.ok().map(|body| (status, body)))
}

async fn decode_empty(response: Response) -> Result<(), ApiError> {
    policy_update::notice(&response.headers());
    if response.ok() {
        Ok(())
    } else {
        match response.json::<Problem>().await {
            Ok(problem) => Err(ApiError::Problem(problem)),
            Err(_) => Err(ApiError::Unexpected(response.status())),
        }
    }
}

async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let url = format!("{BASE}{path}");
    let answer = match early::take(&url).await {
        Some(answer) => answer,
        None => early::fetch(&url).await,
    };
    decode_text(answer)
}

/// Starts, before the page's code has arrived, a GET the page will make when it opens
/// (see [`early`]); `path` as in this module's functions, e.g. `/cards`.
pub fn start_early(path: &str) {
    early::start(format!("{BASE}{path}"));
}

/// [`decode`] for an answer that came early, as status and body text.
fn decode_text<T: DeserializeOwned>(answer: early::Answer) -> Result<T, ApiError> {
    let (status, body) = answer.ok_or(ApiError::Network)?;
    if (200..300).contains(&status) {
        serde_json::from_str(&body).map_err(|_| ApiError::Unexpected(status))
    } else {
        match serde_json::from_str::<Problem>(&body) {
            Ok(problem) => Err(ApiError::Problem(problem)),
            Err(_) => Err(ApiError::Unexpected(status)),
        }
    }
}

fn with_json<B: Serialize>(builder: RequestBuilder, body: &B) -> Result<Request, ApiError> {
    builder.json(body).map_err(|_| ApiError::Unexpected(0))
}

async fn send<B: Serialize, T: DeserializeOwned>(
    builder: RequestBuilder,
    body: &B,
) -> Result<T, ApiError> {
    let response = with_json(builder, body)?
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    decode(response).await
}

/// `GET /auth/session`: who is signed in (a 401 problem when nobody is).
pub async fn session() -> Result<SessionInfo, ApiError> {
    get("/auth/session").await
}

/// `POST /auth/code`: asks for a one-time code for a new applicant.
pub async fn request_code(body: &CodeRequest) -> Result<CodeSent, ApiError> {
    send(Request::post(&format!("{BASE}/auth/code")), body).await
}

/// `POST /auth/code/verify`: signs in with the one-time code.
pub async fn verify_code(body: &CodeVerify) -> Result<SessionInfo, ApiError> {
    send(Request::post(&format!("{BASE}/auth/code/verify")), body).await
}

/// What a right service password leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignInAnswer {
    /// Signed in.
    SignedIn(SessionInfo),
    /// The initial password: a code was sent to the mobile on record, to be
    /// verified with [`verify_code`] (`202 Accepted`).
    CodeSent(CodeSent),
}

/// `POST /auth/sign-in`: a card holder signs in with the service password.
pub async fn sign_in(body: &PasswordSignIn) -> Result<SignInAnswer, ApiError> {
    let response = with_json(Request::post(&format!("{BASE}/auth/sign-in")), body)?
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    if response.status() == 202 {
        decode(response).await.map(SignInAnswer::CodeSent)
    } else {
        decode(response).await.map(SignInAnswer::SignedIn)
    }
}

/// `POST /auth/sign-out`.
pub async fn sign_out() -> Result<(), ApiError> {
    let response = Request::post(&format!("{BASE}/auth/sign-out"))
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    decode_empty(response).await
}

/// `POST /auth/password`: changes the service password.
pub async fn change_password(body: &PasswordChange) -> Result<(), ApiError> {
    let response = with_json(Request::post(&format!("{BASE}/auth/password")), body)?
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    decode_empty(response).await
}

/// `POST /auth/password/reset`: a new service password, right after a code sign-in.
pub async fn reset_password(body: &PasswordReset) -> Result<(), ApiError> {
    let response = with_json(Request::post(&format!("{BASE}/auth/password/reset")), body)?
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    decode_empty(response).await
}

/// `POST /me/mobile`: a new mobile on record; a code goes to it.
pub async fn request_mobile_change(body: &MobileChange) -> Result<CodeSent, ApiError> {
    send(Request::post(&format!("{BASE}/me/mobile")), body).await
}

/// `POST /me/mobile/verify`: confirms the new mobile with its code.
pub async fn verify_mobile_change(body: &CodeVerify) -> Result<(), ApiError> {
    let response = with_json(Request::post(&format!("{BASE}/me/mobile/verify")), body)?
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    decode_empty(response).await
}

/// `GET /me/details`: my details on record, or (`person`) a minor's in my care.
pub async fn details(person: Option<String>) -> Result<PersonDetails, ApiError> {
    match person {
        Some(id) => get(&format!("/me/details?person={}", encode(&id))).await,
        None => get("/me/details").await,
    }
}

/// `PUT /me/details`: the address and occupation to keep on record (idempotent).
pub async fn save_details(body: &PersonDetailsUpdate) -> Result<PersonDetails, ApiError> {
    send(Request::put(&format!("{BASE}/me/details")), body).await
}

/// `GET /notices`: the notices sent to the signed-in person, oldest first.
pub async fn notices() -> Result<Vec<Notice>, ApiError> {
    get("/notices").await
}

/// `GET /notices/settings`.
pub async fn notice_settings() -> Result<NoticeSettings, ApiError> {
    get("/notices/settings").await
}

/// `PUT /notices/settings`.
pub async fn save_notice_settings(body: &NoticeSettings) -> Result<NoticeSettings, ApiError> {
    send(Request::put(&format!("{BASE}/notices/settings")), body).await
}

/// `GET /draft`: the signed-in person's unfinished application; `None` when none is saved (`204`).
pub async fn get_draft() -> Result<Option<Draft>, ApiError> {
    let url = format!("{BASE}/draft");
    match early::fetch(&url).await {
        // None saved: an ordinary answer.
        Some((204, _)) => Ok(None),
        answer => decode_text(answer).map(Some),
    }
}

/// `PUT /draft`: saves the unfinished application.
pub async fn put_draft(draft: &Draft) -> Result<Draft, ApiError> {
    send(Request::put(&format!("{BASE}/draft")), draft).await
}

/// A fresh idempotency key for a submission (a random UUID from the browser).
pub fn new_idempotency_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("k{}", js_sys::Math::random().to_bits()))
}

/// `POST /applications` with an `Idempotency-Key`: a retry with the same key returns the same
/// application instead of making a second one.
pub async fn create_application(
    body: &ApplicationRequest,
    idempotency_key: &str,
) -> Result<Application, ApiError> {
    send(
        Request::post(&format!("{BASE}/applications")).header("Idempotency-Key", idempotency_key),
        body,
    )
    .await
}

/// `GET /applications/{id}`.
pub async fn application(id: &str) -> Result<Application, ApiError> {
    get(&format!("/applications/{}", encode(id))).await
}

/// `GET /applications`: mine and those of minors in my care.
pub async fn applications() -> Result<Vec<Application>, ApiError> {
    get("/applications").await
}

/// `GET /cards`: mine and those of minors in my care.
pub async fn cards() -> Result<Vec<Card>, ApiError> {
    get("/cards").await
}

/// `POST /cards/{id}/enable`: enables the social-security function.
pub async fn enable_card(id: &str) -> Result<Card, ApiError> {
    send(
        Request::post(&format!("{BASE}/cards/{}/enable", encode(id))),
        &EmptyBody {},
    )
    .await
}

/// `POST /cards/{id}/replacement` with an `Idempotency-Key`: a new card for a lost, damaged or
/// outdated one; a retry with the same key returns the same replacement.
pub async fn request_replacement(
    card_id: &str,
    body: &ReplacementRequest,
    idempotency_key: &str,
) -> Result<Application, ApiError> {
    send(
        Request::post(&format!("{BASE}/cards/{}/replacement", encode(card_id)))
            .header("Idempotency-Key", idempotency_key),
        body,
    )
    .await
}

/// `POST /cards/{id}/unfreeze`: asks to lift a loss early (the rules send this to a counter,
/// or refuse it for good after a reissue, Q22).
pub async fn unfreeze(id: &str) -> Result<Card, ApiError> {
    send(
        Request::post(&format!("{BASE}/cards/{}/unfreeze", encode(id))),
        &EmptyBody {},
    )
    .await
}

/// `POST /cards/{id}/temporary-loss`: reports a temporary loss.
pub async fn report_temporary_loss(id: &str) -> Result<TempLossReport, ApiError> {
    send(
        Request::post(&format!("{BASE}/cards/{}/temporary-loss", encode(id))),
        &EmptyBody {},
    )
    .await
}

/// `GET /policy/{city}/branches`: the (sample) branches of a city.
pub async fn branches(city: &str, query: &BranchQuery) -> Result<Vec<Branch>, ApiError> {
    let mut params = Vec::new();
    if let Some(bank) = &query.bank {
        params.push(format!("bank={}", encode(bank)));
    }
    if let Some(district) = &query.district {
        params.push(format!("district={}", encode(district)));
    }
    if let Some(on_the_spot) = query.on_the_spot {
        params.push(format!("on_the_spot={on_the_spot}"));
    }
    let query = if params.is_empty() {
        String::new()
    } else {
        format!("?{}", params.join("&"))
    };
    get(&format!("/policy/{}/branches{query}", encode(city))).await
}

/// `GET /demo/clock` (demo mode only): the server's today.
pub async fn demo_clock() -> Result<DemoClock, ApiError> {
    get("/demo/clock").await
}

/// Percent-encodes a path segment or query value (Chinese district names, ids), because
/// iOS web-views show a white page for raw non-ASCII URLs.
pub fn encode(value: &str) -> String {
    js_sys::encode_uri_component(value).into()
}

/// The `{}` body of a POST that needs no fields (without `serde_json::json!`, whose `Value` the
/// app otherwise never needs).
#[derive(serde::Serialize)]
struct EmptyBody {}
