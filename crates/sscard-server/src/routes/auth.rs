//! Sign-in (password or one-time code), session, sign-out, password change.

use axum::{
    Json,
    extract::{ConnectInfo, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::{Duration, Utc};
use rusqlite::{OptionalExtension, params};
use sscard_rules::{
    parse_id_number, parse_mobile, parse_name, parse_new_service_password, parse_one_time_code,
    wire::{
        CodeRequest, CodeSent, CodeVerify, PasswordChange, PasswordSignIn, SessionInfo, SessionKind,
    },
};
use std::net::SocketAddr;

use crate::{
    auth::{self, Signed},
    ids,
    json::Body,
    password,
    problem::{ApiError, ApiResult, FieldErrors},
    state::AppState,
};

/// Wrong passwords in a row before the service password is locked.
pub const MAX_FAILURES: i64 = 5;
/// How long a locked password stays locked (real time).
pub const LOCK_MINUTES: i64 = 30;
/// Validity of a one-time code.
pub const CODE_SECONDS: u32 = 300;
/// Wrong codes before a challenge is void.
const MAX_CODE_ATTEMPTS: i64 = 5;

/// Refuses with `429` while the address or the subject is over its limit.
fn rate_limit(state: &AppState, addr: &SocketAddr, who: &str) -> ApiResult<()> {
    state
        .limiter
        .check(&addr.ip().to_string(), who)
        .map_err(|wait| {
            tracing::warn!(address = %addr.ip(), subject = %auth::mask_id_number(who), "sign-in rate limited");
            ApiError::rate_limited(wait)
        })
}

/// Counts a failed attempt (or a code request) against the address and subject.
fn record_attempt(state: &AppState, addr: &SocketAddr, who: &str) {
    state.limiter.record(&addr.ip().to_string(), who);
}

fn signed_in(info: SessionInfo, token: &str, headers: &HeaderMap) -> Response {
    let cookie = auth::session_cookie(Some(token), auth::is_https(headers));
    ([(header::SET_COOKIE, cookie)], Json(info)).into_response()
}

fn session_info(
    c: &rusqlite::Connection,
    person_id: i64,
    kind: SessionKind,
    expires: chrono::DateTime<Utc>,
) -> ApiResult<SessionInfo> {
    let initial: bool = c.query_row(
        "SELECT password_hash IS NULL OR password_is_initial = 1 FROM persons WHERE id = ?1",
        params![person_id],
        |r| r.get(0),
    )?;
    Ok(SessionInfo {
        person: auth::person_ref(c, person_id)?,
        kind,
        password_is_initial: initial,
        expires_at: expires.to_rfc3339(),
    })
}

/// Card holder signs in with ID number and service password.
#[utoipa::path(post, path = "/api/v1/auth/sign-in", tag = "auth",
    request_body = PasswordSignIn,
    responses(
        (status = 200, description = "Signed in; sets the session cookie", body = SessionInfo),
        (status = 400, description = "`validation_failed` (id_number.* codes)", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 401, description = "`invalid_credentials`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 403, description = "`password_locked`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Body(req): Body<PasswordSignIn>,
) -> ApiResult<Response> {
    let today = state.clock.today();
    let mut errors = FieldErrors::default();
    let id = errors.check("id_number", parse_id_number(&req.id_number, today), |e| {
        e.code()
    });
    if req.password.is_empty() {
        errors.push("password", "password.empty", "enter the service password");
    }
    errors.finish()?;
    let id = id.expect("checked");
    rate_limit(&state, &addr, &id.number)?;
    let subject = id.number.clone();

    let password = req.password;
    let outcome = state
        .db
        .write(move |tx| {
            let row = tx
                .query_row(
                    "SELECT id, password_hash, failed_attempts, locked_until FROM persons WHERE id_number = ?1",
                    params![id.number],
                    |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, Option<String>>(1)?,
                            r.get::<_, i64>(2)?,
                            r.get::<_, Option<String>>(3)?,
                        ))
                    },
                )
                .optional()?;
            let now = Utc::now();
            let invalid = || {
                ApiError::new(StatusCode::UNAUTHORIZED, "invalid_credentials", "身份证号码或服务密码不正确")
            };
            // Unknown person and person without a card answer exactly like a wrong
            // password: the sign-in must not reveal who holds a card.
            let Some((pid, Some(hash), failures, locked_until)) = row else {
                return Ok(Err(invalid()));
            };
            if let Some(until) = locked_until
                .as_deref()
                .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
                && until > now
            {
                return Ok(Err(locked_error()));
            }
            if !password::verify(&password, &hash) {
                let failures = failures + 1;
                let lock = (failures >= MAX_FAILURES)
                    .then(|| (now + Duration::minutes(LOCK_MINUTES)).to_rfc3339());
                tx.execute(
                    "UPDATE persons SET failed_attempts = ?2, locked_until = ?3 WHERE id = ?1",
                    params![pid, if lock.is_some() { 0 } else { failures }, lock],
                )?;
                // The failure count must be committed, so the error is returned as a value.
                return Ok(Err(if lock.is_some() { locked_error() } else { invalid() }));
            }
            tx.execute(
                "UPDATE persons SET failed_attempts = 0, locked_until = NULL WHERE id = ?1",
                params![pid],
            )?;
            let (token, expires) = auth::create_session(tx, pid, SessionKind::Password)?;
            Ok(Ok((session_info(tx, pid, SessionKind::Password, expires)?, token)))
        })
        .await?;
    if outcome.is_err() {
        record_attempt(&state, &addr, &subject);
    }
    let (info, token) = outcome?;
    tracing::info!(person = %info.person.id, "signed in with password");
    Ok(signed_in(info, &token, &headers))
}

fn locked_error() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        "password_locked",
        "服务密码错误次数过多，已被锁定",
    )
    .detail(format!(
        "请 {LOCK_MINUTES} 分钟后再试，或到社保卡服务网点、合作银行网点重置服务密码"
    ))
}

/// New applicant asks for a one-time code (stands in for the real-name check).
#[utoipa::path(post, path = "/api/v1/auth/code", tag = "auth",
    request_body = CodeRequest,
    responses(
        (status = 201, description = "Code issued (written to the server log; returned only in demo mode)", body = CodeSent),
        (status = 400, description = "`validation_failed` (name.*, id_number.*, mobile.* codes)", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn request_code(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Body(req): Body<CodeRequest>,
) -> ApiResult<(StatusCode, Json<CodeSent>)> {
    let today = state.clock.today();
    let mut errors = FieldErrors::default();
    let name = errors.check("name", parse_name(&req.name), |e| e.code());
    let id = errors.check("id_number", parse_id_number(&req.id_number, today), |e| {
        e.code()
    });
    let mobile = errors.check("mobile", parse_mobile(&req.mobile), |e| e.code());
    errors.finish()?;
    let (name, id, mobile) = (
        name.expect("checked"),
        id.expect("checked"),
        mobile.expect("checked"),
    );
    rate_limit(&state, &addr, &id.number)?;
    // Every code request counts: each one would send an SMS.
    record_attempt(&state, &addr, &id.number);

    let code = ids::six_digit_code();
    let challenge = ids::public_id("otp");
    let now = Utc::now();
    let expires = now + Duration::seconds(i64::from(CODE_SECONDS));
    {
        let (challenge, code_hash) = (
            challenge.clone(),
            ids::sha256_hex(format!("{challenge}:{code}").as_bytes()),
        );
        state
            .db
            .write(move |tx| {
                tx.execute("DELETE FROM otp_challenges WHERE expires_at < ?1", params![now.to_rfc3339()])?;
                tx.execute(
                    "INSERT INTO otp_challenges (id, name, id_number, mobile, code_hash, created_at, expires_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![challenge, name.name, id.number, mobile, code_hash, now.to_rfc3339(), expires.to_rfc3339()],
                )?;
                Ok(())
            })
            .await?;
    }
    // Stands in for the SMS / real-name check: the operator reads the log.
    tracing::info!(challenge = %challenge, code = %code, "one-time code issued");
    Ok((
        StatusCode::CREATED,
        Json(CodeSent {
            challenge_id: challenge,
            expires_in: CODE_SECONDS,
            demo_code: state.config.demo.then_some(code),
        }),
    ))
}

/// New applicant verifies the one-time code and gets a session.
#[utoipa::path(post, path = "/api/v1/auth/code/verify", tag = "auth",
    request_body = CodeVerify,
    responses(
        (status = 200, description = "Signed in; sets the session cookie", body = SessionInfo),
        (status = 400, description = "`validation_failed`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 401, description = "`code_invalid`, `code_expired` or `identity_mismatch`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn verify_code(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Body(req): Body<CodeVerify>,
) -> ApiResult<Response> {
    let mut errors = FieldErrors::default();
    let code = errors.check("code", parse_one_time_code(&req.code), |e| e.code());
    errors.finish()?;
    let code = code.unwrap_or_default();
    rate_limit(&state, &addr, &req.challenge_id)?;
    let subject = req.challenge_id.clone();
    let today = state.clock.today();
    let outcome = state
        .db
        .write(move |tx| {
            let now = Utc::now();
            let row = tx
                .query_row(
                    "SELECT name, id_number, mobile, code_hash, attempts, used, expires_at FROM otp_challenges WHERE id = ?1",
                    params![req.challenge_id],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, String>(3)?,
                            r.get::<_, i64>(4)?,
                            r.get::<_, bool>(5)?,
                            r.get::<_, String>(6)?,
                        ))
                    },
                )
                .optional()?;
            let invalid = || ApiError::new(StatusCode::UNAUTHORIZED, "code_invalid", "验证码不正确");
            let Some((name, id_number, mobile, code_hash, attempts, used, expires)) = row else {
                return Ok(Err(invalid()));
            };
            let expired = chrono::DateTime::parse_from_rfc3339(&expires).map_or(true, |e| e <= now);
            if used || expired || attempts >= MAX_CODE_ATTEMPTS {
                return Ok(Err(ApiError::new(StatusCode::UNAUTHORIZED, "code_expired", "验证码已失效，请重新获取")));
            }
            if ids::sha256_hex(format!("{}:{}", req.challenge_id, code).as_bytes()) != code_hash {
                tx.execute("UPDATE otp_challenges SET attempts = attempts + 1 WHERE id = ?1", params![req.challenge_id])?;
                return Ok(Err(invalid()));
            }
            tx.execute("UPDATE otp_challenges SET used = 1 WHERE id = ?1", params![req.challenge_id])?;
            let existing = tx
                .query_row(
                    "SELECT id, name FROM persons WHERE id_number = ?1",
                    params![id_number],
                    |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
                )
                .optional()?;
            let pid = match existing {
                Some((_, stored)) if stored != name => {
                    return Ok(Err(ApiError::new(
                        StatusCode::UNAUTHORIZED,
                        "identity_mismatch",
                        "姓名与身份证号码不一致",
                    )));
                }
                Some((pid, _)) => {
                    tx.execute("UPDATE persons SET mobile = ?2 WHERE id = ?1", params![pid, mobile])?;
                    pid
                }
                None => {
                    let birth = parse_id_number(&id_number, today)
                        .map(|i| i.birth_date.to_string())
                        .map_err(ApiError::internal)?;
                    insert_person(tx, &id_number, &name, Some(&mobile), &birth)?
                }
            };
            let (token, expires) = auth::create_session(tx, pid, SessionKind::Code)?;
            Ok(Ok((session_info(tx, pid, SessionKind::Code, expires)?, token)))
        })
        .await?;
    if outcome.is_err() {
        record_attempt(&state, &addr, &subject);
    }
    let (info, token) = outcome?;
    tracing::info!(person = %info.person.id, "signed in with one-time code");
    Ok(signed_in(info, &token, &headers))
}

/// Inserts a person without a password; returns the row id.
pub fn insert_person(
    tx: &rusqlite::Transaction<'_>,
    id_number: &str,
    name: &str,
    mobile: Option<&str>,
    birth_date: &str,
) -> ApiResult<i64> {
    tx.execute(
        "INSERT INTO persons (public_id, id_number, name, mobile, birth_date, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            ids::public_id("per"),
            id_number,
            name,
            mobile,
            birth_date,
            Utc::now().to_rfc3339()
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The current session.
#[utoipa::path(get, path = "/api/v1/auth/session", tag = "auth",
    responses(
        (status = 200, description = "Who is signed in", body = SessionInfo),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn session(State(state): State<AppState>, me: Signed) -> ApiResult<Json<SessionInfo>> {
    let info = state
        .db
        .read(move |c| session_info(c, me.person_id, me.kind, me.expires_at))
        .await?;
    Ok(Json(info))
}

/// Ends the session (always succeeds; clears the cookie).
#[utoipa::path(post, path = "/api/v1/auth/sign-out", tag = "auth",
    responses((status = 204, description = "Signed out; the cookie is cleared")))]
pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> ApiResult<Response> {
    if let Some(token) = auth::token_from(&headers) {
        let hash = ids::sha256_hex(token.as_bytes());
        state.sessions.remove(&hash);
        state
            .db
            .write(move |tx| {
                tx.execute("DELETE FROM sessions WHERE token_hash = ?1", params![hash])?;
                Ok(())
            })
            .await?;
    }
    let cookie = auth::session_cookie(None, auth::is_https(&headers));
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}

/// Changes the service password (card holders).
#[utoipa::path(post, path = "/api/v1/auth/password", tag = "auth",
    request_body = PasswordChange,
    responses(
        (status = 204, description = "Changed; other sessions of the person are closed"),
        (status = 400, description = "`validation_failed` (password.format, password.weak, password.initial)", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 401, description = "`unauthenticated` or `invalid_credentials`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 409, description = "`no_card`: only card holders have a service password", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn change_password(
    State(state): State<AppState>,
    me: Signed,
    headers: HeaderMap,
    Body(req): Body<PasswordChange>,
) -> ApiResult<StatusCode> {
    let keep = auth::token_from(&headers).map(|t| ids::sha256_hex(t.as_bytes()));
    let keep_for_cache = keep.clone();
    state
        .db
        .write(move |tx| {
            let (hash, id_number): (Option<String>, String) = tx.query_row(
                "SELECT password_hash, id_number FROM persons WHERE id = ?1",
                params![me.person_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let Some(hash) = hash else {
                return Err(ApiError::conflict(
                    "no_card",
                    "您还没有社保卡，没有服务密码",
                ));
            };
            // The rule is the rules crate's (002 Q17 L131; DECISIONS D28).
            let mut errors = FieldErrors::default();
            errors.check(
                "new_password",
                parse_new_service_password(&req.new_password, &id_number),
                |e| e.code(),
            );
            errors.finish()?;
            if !password::verify(&req.current_password, &hash) {
                return Err(ApiError::new(
                    StatusCode::UNAUTHORIZED,
                    "invalid_credentials",
                    "当前服务密码不正确",
                )
                .field(
                    "current_password",
                    "password.wrong",
                    "the current password is wrong",
                ));
            }
            tx.execute(
                "UPDATE persons SET password_hash = ?2, password_is_initial = 0 WHERE id = ?1",
                params![me.person_id, password::hash(&req.new_password)],
            )?;
            // A changed password ends every other session of the person.
            tx.execute(
                "DELETE FROM sessions WHERE person_id = ?1 AND token_hash IS NOT ?2",
                params![me.person_id, keep],
            )?;
            Ok(())
        })
        .await?;
    state
        .sessions
        .remove_person(me.person_id, keep_for_cache.as_deref());
    Ok(StatusCode::NO_CONTENT)
}
