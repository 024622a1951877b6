//! The service password: changing it (with the current one), and resetting it
//! right after signing in with a code sent to the mobile on record.

use axum::{
    extract::{ConnectInfo, State},
    http::{HeaderMap, StatusCode},
};
use chrono::Utc;
use sscard_rules::ProblemCode;
use sscard_rules::{
    parse_new_service_password,
    wire::{PasswordChange, PasswordReset},
};
use std::net::SocketAddr;

use super::auth::{client_of, delayed, per_address};
use crate::{
    auth::{self, Signed},
    ids,
    json::Body,
    password::{self, Stored},
    problem::{ApiError, ApiResult, FieldErrors},
    security_events::{self, SecurityEvent},
    state::AppState,
    store::{passwords, persons, sessions},
    throttle::{self, Bucket},
};

/// How long after a code sign-in the password may be reset without the current one.
pub use sscard_rules::FRESH_CODE_MINUTES as RESET_WINDOW_MINUTES;

/// What is on record for a card holder, and their ID number; `409 no_card` for
/// someone who holds no card (only card holders have a service password).
async fn holder(state: &AppState, pid: i64) -> ApiResult<(Stored, String)> {
    let (stored, id_number) = state
        .db
        .read(move |c| Ok((passwords::stored(c, pid)?, persons::get(c, pid)?.id_number)))
        .await?;
    if matches!(stored, Stored::Nothing) {
        return Err(ApiError::conflict(
            ProblemCode::NoCard.id(),
            "您还没有社保卡，没有服务密码",
        ));
    }
    Ok((stored, id_number))
}

/// The rules crate's rule for a new password (002 Q17 L131; DECISIONS D28).
fn check_new(new_password: &str, id_number: &str) -> ApiResult<()> {
    let mut errors = FieldErrors::default();
    errors.check(
        "new_password",
        parse_new_service_password(new_password, id_number),
    );
    errors.finish()
}

/// Stores `new_password` in place of `old_hash` (only if it is still that:
/// no concurrent change), records `event` with its notice, ends every other
/// session of the person, and forgives `buckets` (bucket, empty it?). The hash is
/// computed first, off the writer.
async fn save(
    state: &AppState,
    pid: i64,
    headers: &HeaderMap,
    new_password: String,
    old_hash: Option<String>,
    event: SecurityEvent,
    buckets: Vec<(Bucket, bool)>,
) -> ApiResult<()> {
    let keep = auth::token_from(headers).map(|t| ids::sha256_hex(t.as_bytes()));
    let today = state.clock.today();
    let new_hash = password::hash_async(new_password).await;
    state
        .db
        .write(move |tx| {
            for (b, empty) in &buckets {
                throttle::forgive(tx, b, *empty)?;
            }
            if !passwords::replace(tx, pid, &new_hash, old_hash.as_deref())? {
                return Err(ApiError::conflict(
                    ProblemCode::PasswordChangedMeanwhile.id(),
                    "服务密码刚刚被修改过，请重新登录后再试",
                ));
            }
            security_events::record_account(tx, pid, event, today)?;
            // A new password ends every other session of the person.
            sessions::end_others(tx, pid, keep.as_deref())?;
            Ok(())
        })
        .await
}

/// Changes the service password (card holders).
#[utoipa::path(post, path = "/api/v1/auth/password", tag = "auth",
    request_body = PasswordChange,
    responses(
        (status = 204, description = "Changed; other sessions of the person are closed; a security notice is recorded"),
        (status = 400, description = "`validation_failed` (password.format, password.weak, password.initial)", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 401, description = "`unauthenticated` or `invalid_credentials`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 409, description = "`no_card`: only card holders have a service password; `password.changed_meanwhile`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`: too many wrong current passwords", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn change_password(
    State(state): State<AppState>,
    me: Signed,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Body(req): Body<PasswordChange>,
) -> ApiResult<StatusCode> {
    let pid = me.person_id;
    let (stored, id_number) = holder(&state, pid).await?;
    check_new(&req.new_password, &id_number)?;
    // A stolen session must not become a way to guess the current password: the
    // guesses count like sign-in failures, per client, per ID number and per address.
    let buckets = guess_buckets(&state, &id_number, &client_of(&state, addr, &headers));
    let counted = buckets.clone();
    state
        .db
        .write(move |tx| {
            let refs: Vec<&Bucket> = counted.iter().collect();
            Ok(throttle::admit(tx, &refs, Utc::now().timestamp())?)
        })
        .await?
        .map_err(|wait| delayed(wait, ""))?;
    let old_hash = stored.hash().map(str::to_owned);
    if !password::check_async(req.current_password, stored).await.ok {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            ProblemCode::InvalidCredentials.id(),
            "当前服务密码不正确",
        )
        .field(
            "current_password",
            "password.wrong",
            "the current password is wrong",
        ));
    }
    // The (ID number, client) pair is emptied; the shared buckets forgive this attempt.
    let forgive = (buckets.into_iter().enumerate())
        .map(|(i, b)| (b, i == 0))
        .collect();
    let event = SecurityEvent::PasswordChanged;
    save(
        &state,
        pid,
        &headers,
        req.new_password,
        old_hash,
        event,
        forgive,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The buckets guesses of the current password count in, as sign-in failures do: the
/// (ID number, client) pair first, then the ID number and the client address.
fn guess_buckets(state: &AppState, id_number: &str, ip: &str) -> [Bucket; 3] {
    let address = per_address(state, throttle::PASSWORD_PER_ADDRESS);
    [
        Bucket::new(&state.key, throttle::PASSWORD_PER_CLIENT, &[id_number, ip]),
        Bucket::new(&state.key, throttle::PASSWORD_PER_SUBJECT, &[id_number]),
        Bucket::new(&state.key, address, &[ip]),
    ]
}

/// Resets the service password without the current one, within
/// [`RESET_WINDOW_MINUTES`] of signing in with a code sent to the mobile on
/// record (the holder proved they hold that phone).
#[utoipa::path(post, path = "/api/v1/auth/password/reset", tag = "auth",
    request_body = PasswordReset,
    responses(
        (status = 204, description = "Reset; other sessions of the person are closed; a security notice goes to the mobile on record"),
        (status = 400, description = "`validation_failed` (password.format, password.weak, password.initial)", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 403, description = "`reset.needs_code`: the session was not opened with a code in the last 10 minutes", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 409, description = "`no_card`, or `password.changed_meanwhile`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn reset_password(
    State(state): State<AppState>,
    me: Signed,
    headers: HeaderMap,
    Body(req): Body<PasswordReset>,
) -> ApiResult<StatusCode> {
    if !me.fresh_code(RESET_WINDOW_MINUTES) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ProblemCode::ResetNeedsCode.id(),
            "重置服务密码前，先用发送到登记手机号码的验证码登录",
        )
        .detail(format!(
            "验证码登录后 {RESET_WINDOW_MINUTES} 分钟内可以重置服务密码"
        )));
    }
    let pid = me.person_id;
    let (stored, id_number) = holder(&state, pid).await?;
    check_new(&req.new_password, &id_number)?;
    let old_hash = stored.hash().map(str::to_owned);
    save(
        &state,
        pid,
        &headers,
        req.new_password,
        old_hash,
        SecurityEvent::PasswordReset,
        Vec::new(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
