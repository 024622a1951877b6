//! Sign-in (service password or one-time code), session and sign-out.
//!
//! The identity model (server README, "Identity"): who someone is comes from a
//! record, never from the request.
//!
//! * A one-time code goes only to the mobile on record of a person the service
//!   knows, and only when the name matches too; for a person without a record,
//!   only when the identity registry confirms that the name and the mobile
//!   belong to the ID number. Every well-formed request gets the same neutral
//!   answer, whether or not a code was sent, and nothing a sign-in request
//!   carries ever overwrites a record.
//! * Sign-in, code request and code check do the same work and give the same
//!   answers whether or not the ID number is on record (one Argon2id check
//!   always; the same throttling buckets).
//! * Throttling is by growing delays per (ID number, client), per ID number and
//!   per client address (`throttle`), never a lock anyone can trigger.

use crate::db::Conn;
use crate::{db::OptionalExt, params};
use axum::{
    Json,
    extract::{ConnectInfo, State},
    http::{HeaderMap, StatusCode, header},
    response::{AppendHeaders, IntoResponse, Response},
};
use chrono::{Duration, Utc};
use sscard_rules::{
    parse_id_number, parse_mobile, parse_name, parse_one_time_code,
    wire::{CodeRequest, CodeSent, CodeVerify, PasswordSignIn, SessionInfo, SessionKind},
};
use std::net::SocketAddr;

use crate::{
    auth::{self, Signed},
    client, ids,
    json::Body,
    password::{self, Stored},
    problem::{ApiError, ApiResult, FieldErrors},
    registry::IdentityCheck,
    secret::{self, Purpose},
    security_events::{self, SecurityEvent},
    state::AppState,
    throttle::{self, Bucket},
};

/// Validity of a one-time code.
pub const CODE_SECONDS: u32 = 300;
/// Wrong codes before a challenge is void.
const MAX_CODE_ATTEMPTS: i64 = 5;
/// Wrong passwords for an ID number before a successful sign-in that the
/// person is told about.
const SUSPICIOUS_FAILURES: u32 = 3;

/// The client address as throttling sees it.
pub(crate) fn client_of(state: &AppState, addr: SocketAddr, headers: &HeaderMap) -> String {
    client::throttle_key(client::client_ip(
        addr,
        headers,
        &state.config.trusted_proxies,
    ))
}

/// `429 rate_limited`: the attempt was not evaluated.
pub(crate) fn delayed(wait_secs: i64, detail: &str) -> ApiError {
    let wait = u64::try_from(wait_secs.max(1)).unwrap_or(1);
    ApiError::rate_limited(wait).detail(format!(
        "请 {} 后再试。{detail}",
        if wait < 60 {
            format!("{wait} 秒")
        } else {
            format!("{} 分钟", wait.div_ceil(60))
        }
    ))
}

/// The per-address policies, scaled by `--sign-in-attempts` (default 20 → 200).
pub(crate) fn per_address(state: &AppState, p: throttle::Policy) -> throttle::Policy {
    p.with_free(state.config.sign_in_attempts.saturating_mul(10))
}

/// A signed-in answer: the session cookie, and a device cookie for a new browser.
fn signed_in(
    info: SessionInfo,
    token: &str,
    device: Option<String>,
    headers: &HeaderMap,
) -> Response {
    let secure = auth::is_https(headers);
    let mut cookies = vec![(
        header::SET_COOKIE,
        auth::session_cookie(Some(token), secure),
    )];
    if let Some(d) = device {
        cookies.push((header::SET_COOKIE, auth::device_cookie(&d, secure)));
    }
    (AppendHeaders(cookies), Json(info)).into_response()
}

/// `fresh_code`: the session was opened with a code in the last
/// [`FRESH_CODE_MINUTES`](sscard_rules::FRESH_CODE_MINUTES) (a new session opened
/// with a code is).
fn session_info(
    c: &Conn<'_>,
    person_id: i64,
    kind: SessionKind,
    expires: chrono::DateTime<Utc>,
    fresh_code: bool,
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
        fresh_code,
    })
}

/// What is on record as a person's service password (see [`Stored`]).
pub(crate) fn stored_password(c: &Conn<'_>, person: i64) -> ApiResult<Stored> {
    let (hash, id_number, holder): (Option<String>, String, bool) = c.query_row(
        "SELECT password_hash, id_number, EXISTS(SELECT 1 FROM cards WHERE holder_id = persons.id)
         FROM persons WHERE id = ?1",
        params![person],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    Ok(match hash {
        Some(h) => Stored::Hash(h),
        // Only card holders have a service password; it starts as the ID number's last 6 (Q17).
        None if holder => Stored::Initial(id_number.get(12..).unwrap_or_default().to_owned()),
        None => Stored::Nothing,
    })
}

fn invalid_credentials() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
        "身份证号码或服务密码不正确",
    )
}

/// Card holder signs in with ID number and service password.
#[utoipa::path(post, path = "/api/v1/auth/sign-in", tag = "auth",
    request_body = PasswordSignIn,
    responses(
        (status = 200, description = "Signed in; sets the session cookie (and `sscard_device` for a new browser)", body = SessionInfo),
        (status = 202, description = "The initial password was right, but anyone could know it (the ID number's last 6): a code was sent to the mobile on record; finish with `POST /auth/code/verify`", body = CodeSent),
        (status = 400, description = "`validation_failed` (id_number.* codes)", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 401, description = "`invalid_credentials`, whether or not the ID number is on record", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 403, description = "`initial_password.at_counter`: the initial password, and no mobile on record", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`: too many wrong passwords (`Retry-After` says when the next try is evaluated), or `codes.daily_limit`: no more codes today for the initial password", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
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
    let number = id.expect("checked").number;
    let ip = client_of(&state, addr, &headers);
    let device = auth::device_from(&headers);
    let address_policy = per_address(&state, throttle::PASSWORD_PER_ADDRESS);

    // 1. Count the attempt before it is evaluated (concurrent guesses cannot
    //    exceed the allowance) and read what is on record.
    let (key, n, d) = (state.key.clone(), number.clone(), device.clone());
    let admitted = state
        .db
        .write(move |tx| {
            let now = Utc::now();
            let person: Option<i64> = tx
                .query_row(
                    "SELECT id FROM persons WHERE id_number = ?1",
                    params![n],
                    |r| r.get(0),
                )
                .optional()?;
            let known_device = match (person, &d) {
                (Some(p), Some(d)) => auth::device_known(tx, d, p, now)?,
                _ => false,
            };
            // A known browser is its own client and is not held back by what
            // strangers do to this ID number or from its address.
            let client_key = if known_device {
                d.as_deref().unwrap_or_default()
            } else {
                &ip
            };
            let mut buckets = vec![Bucket::new(
                &key,
                throttle::PASSWORD_PER_CLIENT,
                &[&n, client_key],
            )];
            if !known_device {
                buckets.push(Bucket::new(&key, throttle::PASSWORD_PER_SUBJECT, &[&n]));
                buckets.push(Bucket::new(&key, address_policy, &[&ip]));
            }
            let refs: Vec<&Bucket> = buckets.iter().collect();
            // Wrong passwords for this ID number before this attempt (for the alert).
            let subject = Bucket::new(&key, throttle::PASSWORD_PER_SUBJECT, &[&n]);
            let prior_failures = throttle::failures(tx, &subject, now.timestamp())?;
            if let Err(wait) = throttle::admit(tx, &refs, now.timestamp())? {
                return Ok(Err(wait));
            }
            let stored = match person {
                Some(p) => stored_password(tx, p)?,
                None => Stored::Nothing,
            };
            Ok(Ok((person, stored, known_device, buckets, prior_failures)))
        })
        .await?;
    let (person, stored, known_device, buckets, prior_failures) = match admitted {
        Ok(a) => a,
        Err(wait) => {
            tracing::info!(subject = %auth::mask_id_number(&number), "password sign-in delayed");
            return Err(delayed(wait, "在以前登录过的浏览器上可以照常登录。"));
        }
    };

    // 2. One Argon2id check, whatever is on record, off the writer.
    let old_hash = match &stored {
        Stored::Hash(h) => Some(h.clone()),
        _ => None,
    };
    let initial = matches!(stored, Stored::Initial(_));
    let checked = password::check_async(req.password.clone(), stored).await;
    let (Some(pid), true) = (person, checked.ok) else {
        return Err(invalid_credentials());
    };
    let rehash = if checked.needs_rehash {
        Some(password::hash_async(req.password).await)
    } else {
        None
    };

    // 3. For the initial password (the ID number's last 6, which anyone who has
    //    the ID number knows): a code to the mobile on record, and the attempt
    //    stays counted, so guessing it from many browsers is slowed like any other.
    //    Otherwise: forgive the counted attempt and open the session.
    let key = state.key.clone();
    let outcome = state
        .db
        .write(move |tx| {
            if initial {
                return second_step(tx, &key, pid, number);
            }
            // Several wrong passwords for this ID number before this success: the
            // person hears of it, in case it was not them (at most once a day).
            if prior_failures >= SUSPICIOUS_FAILURES {
                security_events::record_account(
                    tx,
                    pid,
                    SecurityEvent::SignInAfterFailures,
                    today,
                )?;
            }
            let mut buckets = buckets.iter();
            if let Some(pair) = buckets.next() {
                throttle::forgive(tx, pair, true)?;
            }
            for shared in buckets {
                throttle::forgive(tx, shared, false)?;
            }
            if let (Some(new), Some(old)) = (rehash, old_hash) {
                // Only if nobody changed the password in the meantime.
                tx.execute(
                    "UPDATE persons SET password_hash = ?2 WHERE id = ?1 AND password_hash = ?3",
                    params![pid, new, old],
                )?;
            }
            let new_device = if known_device {
                auth::remember_device(tx, device.as_deref(), pid)?
            } else {
                security_events::record_account(tx, pid, SecurityEvent::NewDeviceSignIn, today)?;
                auth::remember_device(tx, None, pid)?
            };
            let (token, expires) = auth::create_session(tx, pid, SessionKind::Password)?;
            let info = session_info(tx, pid, SessionKind::Password, expires, false)?;
            Ok(Ok(SignedIn::Session(Box::new(info), token, new_device)))
        })
        .await??;
    match outcome {
        SignedIn::Session(info, token, new_device) => {
            tracing::info!(person = %info.person.id, "signed in with password");
            Ok(signed_in(*info, &token, new_device, &headers))
        }
        SignedIn::CodeSent(challenge, code, mobile) => Ok((
            StatusCode::ACCEPTED,
            Json(code_sent(&state, challenge, Some(code), &mobile)),
        )
            .into_response()),
    }
}

/// What a correct password leads to.
enum SignedIn {
    /// A session (the info, the token, a new device token).
    Session(Box<SessionInfo>, String, Option<String>),
    /// The initial password: a code was sent to the mobile on record first
    /// (the challenge, the code, the mobile).
    CodeSent(String, String, String),
}

/// The second step after a correct initial password: a code to the mobile on
/// record, verified with `/auth/code/verify` (which opens the session).
fn second_step(
    tx: &Conn<'_>,
    key: &crate::secret::ServerKey,
    pid: i64,
    number: String,
) -> ApiResult<Result<SignedIn, ApiError>> {
    let (name, mobile): (String, Option<String>) = tx.query_row(
        "SELECT name, mobile FROM persons WHERE id = ?1",
        params![pid],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let Some(mobile) = mobile else {
        return Ok(Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "initial_password.at_counter",
            "登记信息中没有手机号码，初始服务密码不能在线使用",
        )
        .detail("带本人身份证件到社保卡服务网点或合作银行网点修改服务密码")));
    };
    let to = Recipient {
        name,
        id_number: number.clone(),
        mobile: mobile.clone(),
        person: Some(pid),
        after_password: true,
    };
    // Its own daily allowance: someone who has only the ID number can use it up,
    // but not the codes of `/auth/code` (which also needs the name and mobile).
    Ok(
        match issue_challenge(
            tx,
            key,
            throttle::CODE_SIGN_IN_STEP_PER_SUBJECT,
            &number,
            Some(to),
        )? {
            (challenge, Some(code)) => Ok(SignedIn::CodeSent(challenge, code, mobile)),
            (_, None) => Err(ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "codes.daily_limit",
                "今天发送到登记手机号码的验证码已达上限",
            )
            .retry_after(throttle::CODE_SIGN_IN_STEP_PER_SUBJECT.base_secs)
            .detail("明天再试，或用“在网上重置服务密码”（需要姓名和登记的手机号码）")),
        },
    )
}

/// Asks for a one-time code to sign in (new applicants, and card holders
/// without their password). The answer is the same whether or not a code was sent.
#[utoipa::path(post, path = "/api/v1/auth/code", tag = "auth",
    request_body = CodeRequest,
    responses(
        (status = 201, description = "Accepted: if the details match the records (or, for someone without a record, the identity registry), a code was sent to that mobile. The answer is the same either way; in demo mode `demo_code` is present only when a code was sent", body = CodeSent),
        (status = 400, description = "`validation_failed` (name.*, id_number.*, mobile.* codes)", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn request_code(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
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
    let (name, number, mobile) = (
        name.expect("checked").name,
        id.expect("checked").number,
        mobile.expect("checked"),
    );
    let ip = client_of(&state, addr, &headers);
    let address_policy = per_address(&state, throttle::CODE_REQUEST_PER_ADDRESS);

    // 1. Every request counts (each could send a text); then the record.
    let (key, n) = (state.key.clone(), number.clone());
    let record = state
        .db
        .write(move |tx| {
            let pair = Bucket::new(&key, throttle::CODE_REQUEST_PER_CLIENT, &[&n, &ip]);
            let from = Bucket::new(&key, address_policy, &[&ip]);
            if let Err(wait) = throttle::admit(tx, &[&pair, &from], Utc::now().timestamp())? {
                return Ok(Err(wait));
            }
            Ok(Ok(tx
                .query_row(
                    "SELECT id, name, mobile FROM persons WHERE id_number = ?1",
                    params![n],
                    |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, Option<String>>(2)?,
                        ))
                    },
                )
                .optional()?))
        })
        .await?
        .map_err(|wait| delayed(wait, "请核对姓名、身份证号码和手机号码。"))?;

    // 2. Who may get a code: the record decides; without one, the registry.
    let (deliver, person_id) = match &record {
        Some((pid, stored_name, stored_mobile)) => (
            *stored_name == name && stored_mobile.as_deref() == Some(mobile.as_str()),
            Some(*pid),
        ),
        None => (
            state.registry.check(&name, &number, Some(&mobile)) == IdentityCheck::Confirmed,
            None,
        ),
    };

    // 3. A challenge either way, so that checking it takes the same path.
    let recipient = deliver.then(|| Recipient {
        name,
        id_number: number.clone(),
        mobile: mobile.clone(),
        person: person_id,
        after_password: false,
    });
    let key = state.key.clone();
    let (challenge, code) = state
        .db
        .write(move |tx| {
            Ok(issue_challenge(
                tx,
                &key,
                throttle::CODE_DELIVERY_PER_SUBJECT,
                &number,
                recipient,
            )?)
        })
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(code_sent(&state, challenge, code, &mobile)),
    ))
}

/// Who a code goes to.
struct Recipient {
    name: String,
    id_number: String,
    mobile: String,
    /// The record it was sent for; `None` for a registry-confirmed newcomer.
    person: Option<i64>,
    /// The second step of an initial-password sign-in.
    after_password: bool,
}

/// Records a challenge: a code sent to `to`, or (`None`, or past the texts a
/// person may receive in a day) one that can never be verified and keeps no
/// personal data. Returns the challenge id and the code when it was sent.
fn issue_challenge(
    tx: &Conn<'_>,
    key: &crate::secret::ServerKey,
    allowance: throttle::Policy,
    id_number: &str,
    to: Option<Recipient>,
) -> crate::db::DbResult<(String, Option<String>)> {
    let now = Utc::now();
    let code = ids::six_digit_code();
    let challenge = ids::public_id("otp");
    let texts = Bucket::new(key, allowance, &[id_number]);
    let to = match to {
        Some(r) if throttle::wait(tx, &[&texts], now.timestamp())? == 0 => {
            throttle::count(tx, &texts, now.timestamp())?;
            Some(r)
        }
        _ => None,
    };
    throttle::sweep(tx, now.timestamp())?;
    tx.execute(
        "DELETE FROM otp_challenges WHERE expires_at < ?1",
        params![now.to_rfc3339()],
    )?;
    let delivered = to.is_some();
    let r = to.unwrap_or(Recipient {
        name: String::new(),
        id_number: String::new(),
        mobile: String::new(),
        person: None,
        after_password: false,
    });
    tx.execute(
        "INSERT INTO otp_challenges (id, name, id_number, mobile, code_hash, created_at, expires_at, delivered, person_id, after_password)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            challenge,
            r.name,
            r.id_number,
            r.mobile,
            key.mac(Purpose::OneTimeCode, &[&challenge, &code]),
            now.to_rfc3339(),
            (now + Duration::seconds(i64::from(CODE_SECONDS))).to_rfc3339(),
            delivered,
            r.person,
            r.after_password,
        ],
    )?;
    Ok((challenge, delivered.then_some(code)))
}

/// The answer about a challenge; logs that a code went out (never the code).
fn code_sent(state: &AppState, challenge: String, code: Option<String>, mobile: &str) -> CodeSent {
    if code.is_some() {
        // Stands in for the text-message gateway.
        tracing::info!(challenge = %challenge, to = %mask_mobile(mobile), "one-time code sent");
    }
    CodeSent {
        challenge_id: challenge,
        expires_in: CODE_SECONDS,
        demo_code: code.filter(|_| state.config.demo),
    }
}

/// `138****0001`.
pub fn mask_mobile(m: &str) -> String {
    m.char_indices()
        .map(|(i, c)| if (3..7).contains(&i) { '*' } else { c })
        .collect()
}

/// Checks a one-time code and opens a session.
#[utoipa::path(post, path = "/api/v1/auth/code/verify", tag = "auth",
    request_body = CodeVerify,
    responses(
        (status = 200, description = "Signed in; sets the session cookie", body = SessionInfo),
        (status = 400, description = "`validation_failed`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 401, description = "`code_invalid` (also for a challenge whose details did not match: nothing was sent) or `code_expired`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
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
    let ip = client_of(&state, addr, &headers);
    let today = state.clock.today();
    let key = state.key.clone();
    let device = auth::device_from(&headers);
    let check_policy = per_address(&state, throttle::CODE_CHECK_PER_ADDRESS);
    let password_address_policy = per_address(&state, throttle::PASSWORD_PER_ADDRESS);
    let outcome = state
        .db
        .write(move |tx| {
            let now = Utc::now();
            let checks = Bucket::new(&key, check_policy, &[&ip]);
            if let Err(wait) = throttle::admit(tx, &[&checks], now.timestamp())? {
                return Ok(Err(delayed(wait, "")));
            }
            let row = tx
                .query_row(
                    "SELECT name, id_number, mobile, code_hash, attempts, used, expires_at, delivered, person_id, after_password
                     FROM otp_challenges WHERE id = ?1",
                    params![req.challenge_id],
                    |r| {
                        Ok((
                            (r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?),
                            r.get::<_, String>(3)?,
                            r.get::<_, i64>(4)?,
                            r.get::<_, bool>(5)?,
                            r.get::<_, String>(6)?,
                            r.get::<_, bool>(7)?,
                            (r.get::<_, Option<i64>>(8)?, r.get::<_, bool>(9)?),
                        ))
                    },
                )
                .optional()?;
            let invalid = || ApiError::new(StatusCode::UNAUTHORIZED, "code_invalid", "验证码不正确");
            let Some(((name, id_number, mobile), code_hash, attempts, used, expires, delivered, (person_id, after_password))) = row else {
                return Ok(Err(invalid()));
            };
            let expired = chrono::DateTime::parse_from_rfc3339(&expires).map_or(true, |e| e <= now);
            if used || expired || attempts >= MAX_CODE_ATTEMPTS {
                return Ok(Err(ApiError::new(StatusCode::UNAUTHORIZED, "code_expired", "验证码已失效，请重新获取")));
            }
            let typed = key.mac(Purpose::OneTimeCode, &[&req.challenge_id, &code]);
            if !delivered || !secret::constant_time_eq(&typed, &code_hash) {
                tx.execute("UPDATE otp_challenges SET attempts = attempts + 1 WHERE id = ?1", params![req.challenge_id])?;
                return Ok(Err(invalid()));
            }
            tx.execute("UPDATE otp_challenges SET used = 1 WHERE id = ?1", params![req.challenge_id])?;
            // The client proved it holds the mobile: its code requests are forgiven.
            throttle::forgive(tx, &checks, false)?;
            throttle::forgive(tx, &Bucket::new(&key, throttle::CODE_REQUEST_PER_CLIENT, &[&id_number, &ip]), true)?;
            throttle::forgive(tx, &Bucket::new(&key, throttle::CODE_DELIVERY_PER_SUBJECT, &[&id_number]), false)?;
            // The record (or, for a new person, the registry) decided when the code
            // was sent; the record is read again in case it changed since.
            let existing = tx
                .query_row(
                    "SELECT id, name, mobile FROM persons WHERE id_number = ?1",
                    params![id_number],
                    |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?)),
                )
                .optional()?;
            let pid = match (existing, person_id) {
                (Some((pid, n, Some(m))), _) if n == name && m == mobile => pid,
                // A record made since (a guardian applying for a child) without a
                // mobile: the registry confirmed this one, so it is filled in, never replaced.
                (Some((pid, n, None)), None) if n == name => {
                    tx.execute("UPDATE persons SET mobile = ?2 WHERE id = ?1 AND mobile IS NULL", params![pid, mobile])?;
                    pid
                }
                (None, None) => {
                    let birth = parse_id_number(&id_number, today)
                        .map(|i| i.birth_date.to_string())
                        .map_err(ApiError::internal)?;
                    insert_person(tx, &id_number, &name, Some(&mobile), &birth)?
                }
                _ => return Ok(Err(invalid())),
            };
            let known = match &device {
                Some(d) => auth::device_known(tx, d, pid, now)?,
                None => false,
            };
            if after_password {
                // The initial password was right and the phone is the holder's: the
                // attempt counted at the password step is taken back.
                let client_key = if known { device.as_deref().unwrap_or_default() } else { &ip };
                throttle::forgive(tx, &Bucket::new(&key, throttle::PASSWORD_PER_CLIENT, &[&id_number, client_key]), true)?;
                if !known {
                    throttle::forgive(tx, &Bucket::new(&key, throttle::PASSWORD_PER_SUBJECT, &[&id_number]), false)?;
                    throttle::forgive(tx, &Bucket::new(&key, password_address_policy, &[&ip]), false)?;
                }
                throttle::forgive(tx, &Bucket::new(&key, throttle::CODE_SIGN_IN_STEP_PER_SUBJECT, &[&id_number]), false)?;
            }
            if !known {
                security_events::record_account(tx, pid, SecurityEvent::NewDeviceSignIn, today)?;
            }
            let new_device = auth::remember_device(tx, device.as_deref().filter(|_| known), pid)?;
            let (token, expires) = auth::create_session(tx, pid, SessionKind::Code)?;
            Ok(Ok((session_info(tx, pid, SessionKind::Code, expires, true)?, token, new_device)))
        })
        .await?;
    let (info, token, new_device) = outcome?;
    tracing::info!(person = %info.person.id, "signed in with one-time code");
    Ok(signed_in(info, &token, new_device, &headers))
}

/// Inserts a person without a password; returns the row id.
pub fn insert_person(
    tx: &Conn<'_>,
    id_number: &str,
    name: &str,
    mobile: Option<&str>,
    birth_date: &str,
) -> ApiResult<i64> {
    Ok(tx.query_row(
        "INSERT INTO persons (public_id, id_number, name, mobile, birth_date, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
        params![
            ids::public_id("per"),
            id_number,
            name,
            mobile,
            birth_date,
            Utc::now().to_rfc3339()
        ],
        |r| r.get(0),
    )?)
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
        .read(move |c| {
            let fresh = me.fresh_code(sscard_rules::FRESH_CODE_MINUTES);
            session_info(c, me.person_id, me.kind, me.expires_at, fresh)
        })
        .await?;
    Ok(Json(info))
}

/// Ends the session (always succeeds; clears the cookie).
#[utoipa::path(post, path = "/api/v1/auth/sign-out", tag = "auth",
    responses((status = 204, description = "Signed out; the cookie is cleared")))]
pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> ApiResult<Response> {
    if let Some(token) = auth::token_from(&headers) {
        let hash = ids::sha256_hex(token.as_bytes());
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
