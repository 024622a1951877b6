//! Changing the mobile on record (manual Q9: 个人信息变更 online), without
//! reopening the takeover: the person first signs in with a code sent to the
//! current mobile, the identity registry must confirm the new one is registered
//! to their ID number, and only a code sent to the new one changes the record.
//! Both the old and the new number are told.

use axum::{
    Json,
    extract::State,
    http::{HeaderMap, StatusCode},
};
use chrono::{Duration, NaiveDate, Utc};
use sscard_rules::ProblemCode;
use sscard_rules::{
    parse_mobile, parse_one_time_code,
    wire::{CodeSent, CodeVerify, MobileChange, NoticeKind},
};
use std::sync::Arc;

use super::{
    auth::{CODE_SECONDS, code_invalid, code_still_valid, mask_mobile},
    password::RESET_WINDOW_MINUTES,
};
use crate::{
    auth::{self, Signed},
    db::Conn,
    ids,
    json::Body,
    notices::{self, NewNotice},
    problem::{ApiError, ApiResult, FieldErrors},
    registry::IdentityCheck,
    secret::{self, Purpose, ServerKey},
    security_events::{self, SecurityEvent},
    state::AppState,
    store::{
        mobile_changes::{self, NewMobileChange},
        persons::{self, Record},
        sessions,
    },
    throttle::{self, Bucket},
};

fn needs_fresh_code() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        ProblemCode::ContactNeedsCode.id(),
        "修改手机号码前，先用发送到现在登记的手机号码的验证码登录",
    )
    .detail(format!(
        "验证码登录后 {RESET_WINDOW_MINUTES} 分钟内可以修改手机号码"
    ))
}

/// Asks to change the mobile on record: a code goes to the new number.
#[utoipa::path(post, path = "/api/v1/me/mobile", tag = "auth",
    request_body = MobileChange,
    responses(
        (status = 201, description = "A code was sent to the new mobile (returned as `demo_code` in demo mode)", body = CodeSent),
        (status = 400, description = "`validation_failed`: `mobile.*`, `mobile.same`, or `mobile.not_registered` (the registry does not list the number under the person's ID number)", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 403, description = "`contact.needs_code`: the session was not opened with a code in the last 10 minutes", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 429, description = "`codes.daily_limit`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn request_change(
    State(state): State<AppState>,
    me: Signed,
    Body(req): Body<MobileChange>,
) -> ApiResult<(StatusCode, Json<CodeSent>)> {
    if !me.fresh_code(RESET_WINDOW_MINUTES) {
        return Err(needs_fresh_code());
    }
    let mut errors = FieldErrors::default();
    let new = errors.check("new_mobile", parse_mobile(&req.new_mobile));
    errors.finish()?;
    let new = new.unwrap_or_default();
    let pid = me.person_id;
    let person = state.db.read(move |c| Ok(persons::get(c, pid)?)).await?;
    may_change_to(&state, &person, &new)?;
    let (code, now) = (ids::six_digit_code(), Utc::now());
    let id = ids::public_id("mch");
    let change = NewMobileChange {
        code_hash: state.key.mac(Purpose::MobileChange, &[&id, &code]),
        id,
        person: pid,
        new_mobile: new,
        old_mobile: person.mobile,
        created_at: now,
        expires_at: now + Duration::seconds(i64::from(CODE_SECONDS)),
    };
    let (key, number, stored) = (state.key.clone(), person.id_number, change.clone());
    let sent = state
        .db
        .write(move |tx| Ok(start(tx, &key, &number, &stored)?))
        .await?;
    if !sent {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            ProblemCode::CodesDailyLimit.id(),
            "今天发送的验证码已达上限",
        )
        .retry_after(throttle::CODE_CHANGE_PER_SUBJECT.base_secs));
    }
    let to = mask_mobile(&change.new_mobile);
    tracing::info!(change = %change.id, to = %to, "one-time code sent to a new mobile");
    Ok((
        StatusCode::CREATED,
        Json(CodeSent {
            challenge_id: change.id,
            expires_in: CODE_SECONDS,
            demo_code: state.config.demo.then_some(code),
        }),
    ))
}

/// Refuses a new mobile that is the one on record, or that the carrier's real-name record
/// (the identity registry) does not list under the person's ID number.
fn may_change_to(state: &AppState, person: &Record, new: &str) -> ApiResult<()> {
    if person.mobile.as_deref() == Some(new) {
        return Err(ApiError::validation(vec![]).field(
            "new_mobile",
            "mobile.same",
            "this is already the mobile on record",
        ));
    }
    // The carrier's real-name record: the number must be the person's own.
    if state
        .registry
        .check(&person.name, &person.id_number, Some(new))
        != IdentityCheck::Confirmed
    {
        return Err(ApiError::validation(vec![]).field(
            "new_mobile",
            "mobile.not_registered",
            "the number is not registered under your ID number",
        ));
    }
    Ok(())
}

/// Starts `change` unless the person (ID number `number`) had all the codes of the day;
/// returns whether a code goes out.
fn start(
    tx: &Conn<'_>,
    key: &ServerKey,
    number: &str,
    change: &NewMobileChange,
) -> crate::db::DbResult<bool> {
    let now = Utc::now().timestamp();
    let texts = Bucket::new(key, throttle::CODE_CHANGE_PER_SUBJECT, &[number]);
    if throttle::wait(tx, &[&texts], now)? > 0 {
        return Ok(false);
    }
    throttle::count(tx, &texts, now)?;
    mobile_changes::start(tx, change)?;
    Ok(true)
}

/// Confirms the change with the code sent to the new number.
#[utoipa::path(post, path = "/api/v1/me/mobile/verify", tag = "auth",
    request_body = CodeVerify,
    responses(
        (status = 204, description = "The mobile on record is the new one; other sessions are closed; notices go to the old and the new number"),
        (status = 400, description = "`validation_failed` (`code.*`)", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 401, description = "`unauthenticated`, `code_invalid` or `code_expired`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn verify_change(
    State(state): State<AppState>,
    me: Signed,
    headers: HeaderMap,
    Body(req): Body<CodeVerify>,
) -> ApiResult<StatusCode> {
    let mut errors = FieldErrors::default();
    let code = errors.check("code", parse_one_time_code(&req.code));
    errors.finish()?;
    let confirmation = Confirmation {
        person: me.person_id,
        change: req.challenge_id,
        code: code.unwrap_or_default(),
        keep: auth::token_from(&headers).map(|t| ids::sha256_hex(t.as_bytes())),
        key: state.key.clone(),
        today: state.clock.today(),
    };
    state
        .db
        .write(move |tx| confirm(tx, &confirmation))
        .await??;
    Ok(StatusCode::NO_CONTENT)
}

/// A typed code for a mobile change.
struct Confirmation {
    person: i64,
    /// The change id.
    change: String,
    /// The code, normalised.
    code: String,
    /// The sha256 of the session token of the request: this session stays open.
    keep: Option<String>,
    key: Arc<ServerKey>,
    today: NaiveDate,
}

/// Checks the code and changes the mobile on record, in one write transaction: a wrong code
/// counts against the change, and the record changes only if it is still what the change
/// started from (no other change, online or at a counter, since). Both numbers are told and
/// every other session ends.
fn confirm(tx: &Conn<'_>, c: &Confirmation) -> ApiResult<Result<(), ApiError>> {
    let Some(change) = mobile_changes::find(tx, &c.change, c.person)? else {
        return Ok(Err(code_invalid()));
    };
    if let Err(e) = code_still_valid(change.used, change.expires_at, change.attempts, Utc::now()) {
        return Ok(Err(e));
    }
    let typed = c.key.mac(Purpose::MobileChange, &[&c.change, &c.code]);
    if !secret::constant_time_eq(&typed, &change.code_hash) {
        mobile_changes::count_wrong(tx, &c.change)?;
        return Ok(Err(code_invalid()));
    }
    mobile_changes::close_all(tx, c.person)?;
    let person = persons::get(tx, c.person)?;
    let (new, old) = (&change.new_mobile, change.old_mobile.as_deref());
    if !persons::change_mobile(tx, c.person, new, old)? {
        return Ok(Err(super::auth::code_expired()));
    }
    let texts = Bucket::new(
        &c.key,
        throttle::CODE_CHANGE_PER_SUBJECT,
        &[&person.id_number],
    );
    throttle::forgive(tx, &texts, false)?;
    security_events::record_account(tx, c.person, SecurityEvent::MobileChanged, c.today)?;
    tell_both(tx, c, &person.public_id, new, old)?;
    // As with a new password, every other session ends.
    sessions::end_others(tx, c.person, c.keep.as_deref())?;
    Ok(Ok(()))
}

/// The notice of a mobile change, at the new number (the one on record now) and at the old
/// one, each to its fixed number: a later change must not redirect them.
fn tell_both(
    tx: &Conn<'_>,
    c: &Confirmation,
    about: &str,
    new: &str,
    old: Option<&str>,
) -> crate::db::DbResult<()> {
    let tail = &new[new.len().saturating_sub(4)..];
    let event = format!("mobile-{}", c.change);
    for (side, to) in [("new", Some(new)), ("old", old)] {
        let Some(to) = to else { continue };
        let notice = NewNotice {
            person: c.person,
            kind: NoticeKind::MobileChanged,
            about,
            on: c.today,
            due_on: c.today,
            event: &format!("{event}-{side}"),
            to: Some(to),
            detail: Some(tail),
        };
        notices::enqueue(tx, &notice)?;
    }
    Ok(())
}
