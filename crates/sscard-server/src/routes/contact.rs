//! Changing the mobile on record (manual Q9: 个人信息变更 online), without
//! reopening the takeover: the person first signs in with a code sent to the
//! current mobile, the identity registry must confirm the new one is registered
//! to their ID number, and only a code sent to the new one changes the record.
//! Both the old and the new number are told.

use crate::{db::OptionalExt, params};
use axum::{
    Json,
    extract::State,
    http::{HeaderMap, StatusCode},
};
use chrono::{Duration, Utc};
use sscard_rules::{
    parse_mobile, parse_one_time_code,
    wire::{CodeSent, CodeVerify, MobileChange, NoticeKind},
};

use super::{
    auth::{CODE_SECONDS, mask_mobile},
    password::RESET_WINDOW_MINUTES,
};
use crate::{
    auth::{self, Signed},
    ids,
    json::Body,
    notices::{self, NewNotice},
    problem::{ApiError, ApiResult, FieldErrors},
    registry::IdentityCheck,
    secret::{self, Purpose},
    security_events::{self, SecurityEvent},
    state::AppState,
    throttle::{self, Bucket},
};

/// Wrong codes before a change is void.
const MAX_ATTEMPTS: i64 = 5;

fn needs_fresh_code() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        "contact.needs_code",
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
    let new = errors.check("new_mobile", parse_mobile(&req.new_mobile), |e| e.code());
    errors.finish()?;
    let new = new.expect("checked");
    let pid = me.person_id;
    let (name, number, current): (String, String, Option<String>) = state
        .db
        .read(move |c| {
            Ok(c.query_row(
                "SELECT name, id_number, mobile FROM persons WHERE id = ?1",
                params![pid],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?)
        })
        .await?;
    if current.as_deref() == Some(new.as_str()) {
        return Err(ApiError::validation(vec![]).field(
            "new_mobile",
            "mobile.same",
            "this is already the mobile on record",
        ));
    }
    // The carrier's real-name record: the number must be the person's own.
    if state.registry.check(&name, &number, Some(&new)) != IdentityCheck::Confirmed {
        return Err(ApiError::validation(vec![]).field(
            "new_mobile",
            "mobile.not_registered",
            "the number is not registered under your ID number",
        ));
    }
    let code = ids::six_digit_code();
    let change = ids::public_id("mch");
    let (key, id, to) = (state.key.clone(), change.clone(), new.clone());
    let code_mac = state.key.mac(Purpose::MobileChange, &[&change, &code]);
    let sent = state
        .db
        .write(move |tx| {
            let now = Utc::now();
            let texts = Bucket::new(&key, throttle::CODE_CHANGE_PER_SUBJECT, &[&number]);
            if throttle::wait(tx, &[&texts], now.timestamp())? > 0 {
                return Ok(false);
            }
            throttle::count(tx, &texts, now.timestamp())?;
            // Expired changes keep no number; a new request voids the earlier ones.
            tx.execute("DELETE FROM mobile_changes WHERE expires_at < ?1", params![now.to_rfc3339()])?;
            tx.execute("UPDATE mobile_changes SET used = 1 WHERE person_id = ?1", params![pid])?;
            tx.execute(
                "INSERT INTO mobile_changes (id, person_id, new_mobile, code_hash, created_at, expires_at, old_mobile)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    id,
                    pid,
                    to,
                    code_mac,
                    now.to_rfc3339(),
                    (now + Duration::seconds(i64::from(CODE_SECONDS))).to_rfc3339(),
                    current,
                ],
            )?;
            Ok(true)
        })
        .await?;
    if !sent {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "codes.daily_limit",
            "今天发送的验证码已达上限",
        )
        .retry_after(throttle::CODE_CHANGE_PER_SUBJECT.base_secs));
    }
    tracing::info!(change = %change, to = %mask_mobile(&new), "one-time code sent to a new mobile");
    Ok((
        StatusCode::CREATED,
        Json(CodeSent {
            challenge_id: change,
            expires_in: CODE_SECONDS,
            demo_code: state.config.demo.then_some(code),
        }),
    ))
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
    let code = errors.check("code", parse_one_time_code(&req.code), |e| e.code());
    errors.finish()?;
    let code = code.unwrap_or_default();
    let keep = auth::token_from(&headers).map(|t| ids::sha256_hex(t.as_bytes()));
    let (pid, key, today) = (me.person_id, state.key.clone(), state.clock.today());
    state
        .db
        .write(move |tx| {
            let now = Utc::now();
            let row: Option<(String, String, i64, bool, String, Option<String>)> = tx
                .query_row(
                    "SELECT new_mobile, code_hash, attempts, used, expires_at, old_mobile FROM mobile_changes
                     WHERE id = ?1 AND person_id = ?2",
                    params![req.challenge_id, pid],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
                )
                .optional()?;
            let invalid =
                || ApiError::new(StatusCode::UNAUTHORIZED, "code_invalid", "验证码不正确");
            let Some((new, code_hash, attempts, used, expires, from)) = row else {
                return Ok(Err(invalid()));
            };
            let expired = chrono::DateTime::parse_from_rfc3339(&expires).map_or(true, |e| e <= now);
            if used || expired || attempts >= MAX_ATTEMPTS {
                return Ok(Err(ApiError::new(
                    StatusCode::UNAUTHORIZED,
                    "code_expired",
                    "验证码已失效，请重新获取",
                )));
            }
            if !secret::constant_time_eq(
                &key.mac(Purpose::MobileChange, &[&req.challenge_id, &code]),
                &code_hash,
            ) {
                tx.execute(
                    "UPDATE mobile_changes SET attempts = attempts + 1 WHERE id = ?1",
                    params![req.challenge_id],
                )?;
                return Ok(Err(invalid()));
            }
            tx.execute("UPDATE mobile_changes SET used = 1 WHERE person_id = ?1", params![pid])?;
            let (me_public, number): (String, String) = tx.query_row(
                "SELECT public_id, id_number FROM persons WHERE id = ?1",
                params![pid],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            // Only if the record is still what the change started from (no other
            // change, online or at a counter, since).
            let changed = tx.execute(
                "UPDATE persons SET mobile = ?2 WHERE id = ?1 AND mobile IS NOT DISTINCT FROM ?3",
                params![pid, new, from],
            )?;
            if changed == 0 {
                return Ok(Err(ApiError::new(StatusCode::UNAUTHORIZED, "code_expired", "验证码已失效，请重新获取")));
            }
            let old = from;
            throttle::forgive(tx, &Bucket::new(&key, throttle::CODE_CHANGE_PER_SUBJECT, &[&number]), false)?;
            security_events::record_account(tx, pid, SecurityEvent::MobileChanged, today)?;
            // Told at the new number (the one on record now) and at the old one.
            let tail = &new[new.len().saturating_sub(4)..];
            let event = format!("mobile-{}", req.challenge_id);
            // Each to its fixed number: a later change must not redirect them.
            let sides = [("new", Some(new.as_str())), ("old", old.as_deref())];
            for (side, to) in sides.into_iter().filter(|(_, to)| to.is_some()) {
                notices::enqueue(
                    tx,
                    &NewNotice {
                        person: pid,
                        kind: NoticeKind::MobileChanged,
                        about: &me_public,
                        on: today,
                        due_on: today,
                        event: &format!("{event}-{side}"),
                        to,
                        detail: Some(tail),
                    },
                )?;
            }
            // As with a new password, every other session ends.
            tx.execute(
                "DELETE FROM sessions WHERE person_id = ?1 AND token_hash IS DISTINCT FROM ?2",
                params![pid, keep],
            )?;
            Ok(Ok(()))
        })
        .await??;
    Ok(StatusCode::NO_CONTENT)
}
