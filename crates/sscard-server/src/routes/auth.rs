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

use axum::{
    Json,
    extract::{ConnectInfo, State},
    http::{HeaderMap, StatusCode, header},
    response::{AppendHeaders, IntoResponse, Response},
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sscard_rules::ProblemCode;
use sscard_rules::{
    parse_id_number, parse_mobile, parse_name, parse_one_time_code,
    wire::{CodeRequest, CodeSent, CodeVerify, PasswordSignIn, SessionInfo, SessionKind},
};
use std::{net::SocketAddr, sync::Arc};

use crate::{
    auth::{self, Signed},
    client,
    db::Conn,
    ids,
    json::Body,
    password::{self, Stored},
    problem::{ApiError, ApiResult, FieldErrors},
    registry::IdentityCheck,
    secret::{self, Purpose, ServerKey},
    security_events::{self, SecurityEvent},
    state::AppState,
    store::{
        challenges::{self, Challenge, NewChallenge, Recipient},
        devices, passwords,
        persons::{self, Person},
        sessions,
    },
    throttle::{self, Bucket},
};

/// Validity of a one-time code.
pub const CODE_SECONDS: u32 = 300;
/// Wrong codes before a challenge (or a mobile change) is void.
pub(crate) const MAX_CODE_ATTEMPTS: i64 = 5;
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

/// A session just opened: what the answer carries.
struct SessionOpened {
    info: SessionInfo,
    /// The session token for the cookie.
    token: String,
    /// A new device token, for a browser not known before.
    new_device: Option<String>,
}

/// A signed-in answer: the session cookie, and a device cookie for a new browser.
fn signed_in(opened: SessionOpened, headers: &HeaderMap) -> Response {
    let secure = auth::is_https(headers);
    let mut cookies = vec![(
        header::SET_COOKIE,
        auth::session_cookie(Some(&opened.token), secure),
    )];
    if let Some(d) = opened.new_device {
        cookies.push((header::SET_COOKIE, auth::device_cookie(&d, secure)));
    }
    (AppendHeaders(cookies), Json(opened.info)).into_response()
}

/// Opens a session of `kind` for `person`, remembering the browser (`device`, when it is
/// known for them; else a new device token).
fn open_session(
    tx: &Conn<'_>,
    person: i64,
    kind: SessionKind,
    device: Option<&str>,
) -> ApiResult<SessionOpened> {
    let new_device = devices::remember(tx, device, person)?;
    let opened = sessions::open(tx, person, kind)?;
    // A new session opened with a code is a fresh proof of the phone.
    let fresh_code = kind == SessionKind::Code;
    Ok(SessionOpened {
        info: session_info(tx, person, kind, opened.expires_at, fresh_code)?,
        token: opened.token,
        new_device,
    })
}

/// `fresh_code`: the session was opened with a code in the last
/// [`FRESH_CODE_MINUTES`](sscard_rules::FRESH_CODE_MINUTES) (a new session opened
/// with a code is).
fn session_info(
    c: &Conn<'_>,
    person_id: i64,
    kind: SessionKind,
    expires: DateTime<Utc>,
    fresh_code: bool,
) -> ApiResult<SessionInfo> {
    Ok(SessionInfo {
        person: persons::person_ref(c, person_id)?,
        kind,
        password_is_initial: passwords::is_initial(c, person_id)?,
        expires_at: expires.to_rfc3339(),
        fresh_code,
    })
}

fn invalid_credentials() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        ProblemCode::InvalidCredentials.id(),
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
    let number = parse_sign_in(&req, today)?;
    let attempt = PasswordAttempt {
        key: state.key.clone(),
        number: number.clone(),
        ip: client_of(&state, addr, &headers),
        device: auth::device_from(&headers),
        address_policy: per_address(&state, throttle::PASSWORD_PER_ADDRESS),
    };
    // 1. Count the attempt before it is evaluated (concurrent guesses cannot
    //    exceed the allowance) and read what is on record.
    let admitted = state
        .db
        .write(move |tx| Ok(admit_password(tx, &attempt)?))
        .await?
        .map_err(|wait| {
            tracing::info!(subject = %auth::mask_id_number(&number), "password sign-in delayed");
            delayed(wait, "在以前登录过的浏览器上可以照常登录。")
        })?;
    // 2. One Argon2id check, whatever is on record, off the writer.
    let old_hash = admitted.stored.hash().map(str::to_owned);
    let initial = matches!(admitted.stored, Stored::Initial(_));
    let checked = password::check_async(req.password.clone(), admitted.stored.clone()).await;
    let (Some(pid), true) = (admitted.person, checked.ok) else {
        return Err(invalid_credentials());
    };
    let rehash = match (checked.needs_rehash, old_hash) {
        (true, Some(old)) => Some((password::hash_async(req.password).await, old)),
        _ => None,
    };
    // 3. For the initial password (the ID number's last 6, which anyone who has
    //    the ID number knows): a code to the mobile on record, and the attempt
    //    stays counted, so guessing it from many browsers is slowed like any other.
    //    Otherwise: forgive the counted attempt and open the session.
    let (key, device) = (state.key.clone(), auth::device_from(&headers));
    let outcome = state
        .db
        .write(move |tx| match initial {
            true => second_step(tx, &key, pid),
            false => password_session(tx, pid, admitted, device, rehash, today).map(Ok),
        })
        .await??;
    match outcome {
        SignedIn::Session(opened) => {
            tracing::info!(person = %opened.info.person.id, "signed in with password");
            Ok(signed_in(*opened, &headers))
        }
        SignedIn::CodeSent(challenge, code, mobile) => Ok((
            StatusCode::ACCEPTED,
            Json(code_sent(&state, challenge, Some(code), &mobile)),
        )
            .into_response()),
    }
}

/// The ID number of a password sign-in; `400 validation_failed` for a wrong one or no password.
fn parse_sign_in(req: &PasswordSignIn, today: NaiveDate) -> ApiResult<String> {
    let mut errors = FieldErrors::default();
    let id = errors.check("id_number", parse_id_number(&req.id_number, today));
    if req.password.is_empty() {
        errors.push("password", "password.empty", "enter the service password");
    }
    errors.finish()?;
    id.map(|id| id.number)
        .ok_or_else(|| ApiError::internal("a checked ID number is missing"))
}

/// A password sign-in, as throttling counts it.
struct PasswordAttempt {
    key: Arc<ServerKey>,
    /// The ID number.
    number: String,
    /// The client address.
    ip: String,
    /// The hash of the browser's device token.
    device: Option<String>,
    address_policy: throttle::Policy,
}

/// A password attempt that was counted and may be evaluated.
struct Admitted {
    /// The person with the ID number, if any.
    person: Option<i64>,
    /// What is on record as their password.
    stored: Stored,
    /// The browser signed in as them before: it is its own client.
    known_device: bool,
    /// The buckets the attempt counted in, the (ID number, client) pair first.
    buckets: Vec<Bucket>,
    /// Wrong passwords for the ID number before this attempt (for the alert).
    prior_failures: u32,
}

/// Counts a password attempt before it is evaluated and reads what is on record; `Err` is
/// the wait when it is held back.
fn admit_password(
    tx: &Conn<'_>,
    a: &PasswordAttempt,
) -> crate::db::DbResult<Result<Admitted, i64>> {
    let now = Utc::now();
    let person = persons::by_id_number(tx, &a.number)?.map(|p| p.id);
    let known_device = match (person, &a.device) {
        (Some(p), Some(d)) => devices::known(tx, d, p, now)?,
        _ => false,
    };
    // A known browser is its own client and is not held back by what
    // strangers do to this ID number or from its address.
    let client_key = match (&a.device, known_device) {
        (Some(d), true) => d.as_str(),
        _ => &a.ip,
    };
    let mut buckets = vec![Bucket::new(
        &a.key,
        throttle::PASSWORD_PER_CLIENT,
        &[&a.number, client_key],
    )];
    let subject = Bucket::new(&a.key, throttle::PASSWORD_PER_SUBJECT, &[&a.number]);
    if !known_device {
        buckets.push(subject.clone());
        buckets.push(Bucket::new(&a.key, a.address_policy, &[&a.ip]));
    }
    let prior_failures = throttle::failures(tx, &subject, now.timestamp())?;
    let refs: Vec<&Bucket> = buckets.iter().collect();
    if let Err(wait) = throttle::admit(tx, &refs, now.timestamp())? {
        return Ok(Err(wait));
    }
    let stored = match person {
        Some(p) => passwords::stored(tx, p)?,
        None => Stored::Nothing,
    };
    Ok(Ok(Admitted {
        person,
        stored,
        known_device,
        buckets,
        prior_failures,
    }))
}

/// After a right password that is not the initial one: forgives the counted attempt, tells
/// the person of wrong passwords before it, stores the new hash of an old-format one
/// (`rehash`: new, old), and opens the session.
fn password_session(
    tx: &Conn<'_>,
    pid: i64,
    admitted: Admitted,
    device: Option<String>,
    rehash: Option<(String, String)>,
    today: NaiveDate,
) -> ApiResult<SignedIn> {
    // Several wrong passwords for this ID number before this success: the
    // person hears of it, in case it was not them (at most once a day).
    if admitted.prior_failures >= SUSPICIOUS_FAILURES {
        security_events::record_account(tx, pid, SecurityEvent::SignInAfterFailures, today)?;
    }
    let mut buckets = admitted.buckets.iter();
    if let Some(pair) = buckets.next() {
        throttle::forgive(tx, pair, true)?;
    }
    for shared in buckets {
        throttle::forgive(tx, shared, false)?;
    }
    if let Some((new, old)) = rehash {
        // Only if nobody changed the password in the meantime.
        passwords::rehash(tx, pid, &new, &old)?;
    }
    if !admitted.known_device {
        security_events::record_account(tx, pid, SecurityEvent::NewDeviceSignIn, today)?;
    }
    let device = device.as_deref().filter(|_| admitted.known_device);
    let opened = open_session(tx, pid, SessionKind::Password, device)?;
    Ok(SignedIn::Session(Box::new(opened)))
}

/// What a correct password leads to.
enum SignedIn {
    /// A session.
    Session(Box<SessionOpened>),
    /// The initial password: a code was sent to the mobile on record first
    /// (the challenge, the code, the mobile).
    CodeSent(String, String, String),
}

/// The second step after a correct initial password: a code to the mobile on
/// record, verified with `/auth/code/verify` (which opens the session).
fn second_step(tx: &Conn<'_>, key: &ServerKey, pid: i64) -> ApiResult<Result<SignedIn, ApiError>> {
    let person = persons::get(tx, pid)?;
    let Some(mobile) = person.mobile else {
        return Ok(Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ProblemCode::InitialPasswordAtCounter.id(),
            "登记信息中没有手机号码，初始服务密码不能在线使用",
        )
        .detail("带本人身份证件到社保卡服务网点或合作银行网点修改服务密码")));
    };
    let to = Recipient {
        name: person.name,
        id_number: person.id_number.clone(),
        mobile: mobile.clone(),
        person: Some(pid),
        after_password: true,
    };
    // Its own daily allowance: someone who has only the ID number can use it up,
    // but not the codes of `/auth/code` (which also needs the name and mobile).
    let allowance = throttle::CODE_SIGN_IN_STEP_PER_SUBJECT;
    Ok(
        match issue_challenge(tx, key, allowance, &person.id_number, Some(to))? {
            (challenge, Some(code)) => Ok(SignedIn::CodeSent(challenge, code, mobile)),
            (_, None) => Err(ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                ProblemCode::CodesDailyLimit.id(),
                "今天发送到登记手机号码的验证码已达上限",
            )
            .retry_after(allowance.base_secs)
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
    let asked = parse_code_request(&req, state.clock.today())?;
    let ip = client_of(&state, addr, &headers);
    let address_policy = per_address(&state, throttle::CODE_REQUEST_PER_ADDRESS);

    // 1. Every request counts (each could send a text); then the record.
    let (key, number) = (state.key.clone(), asked.id_number.clone());
    let record = state
        .db
        .write(move |tx| {
            let pair = Bucket::new(&key, throttle::CODE_REQUEST_PER_CLIENT, &[&number, &ip]);
            let from = Bucket::new(&key, address_policy, &[&ip]);
            if let Err(wait) = throttle::admit(tx, &[&pair, &from], Utc::now().timestamp())? {
                return Ok(Err(wait));
            }
            Ok(Ok(persons::by_id_number(tx, &number)?))
        })
        .await?
        .map_err(|wait| delayed(wait, "请核对姓名、身份证号码和手机号码。"))?;

    // 2. Who may get a code: the record decides; without one, the registry.
    let (number, mobile) = (asked.id_number.clone(), asked.mobile.clone());
    let recipient = recipient(&state, asked, record);
    // 3. A challenge either way, so that checking it takes the same path.
    let key = state.key.clone();
    let allowance = throttle::CODE_DELIVERY_PER_SUBJECT;
    let (challenge, code) = state
        .db
        .write(move |tx| Ok(issue_challenge(tx, &key, allowance, &number, recipient)?))
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(code_sent(&state, challenge, code, &mobile)),
    ))
}

/// The name, ID number and mobile of a code request, checked with the rules crate.
fn parse_code_request(req: &CodeRequest, today: NaiveDate) -> ApiResult<Recipient> {
    let mut errors = FieldErrors::default();
    let name = errors.check("name", parse_name(&req.name));
    let id = errors.check("id_number", parse_id_number(&req.id_number, today));
    let mobile = errors.check("mobile", parse_mobile(&req.mobile));
    errors.finish()?;
    match (name, id, mobile) {
        (Some(name), Some(id), Some(mobile)) => Ok(Recipient {
            name: name.name,
            id_number: id.number,
            mobile,
            person: None,
            after_password: false,
        }),
        _ => Err(ApiError::internal(
            "a checked code request is missing a field",
        )),
    }
}

/// Who gets the code asked for: a person on record when name and mobile equal the record;
/// someone without one when the identity registry confirms them; else nobody.
fn recipient(state: &AppState, asked: Recipient, record: Option<Person>) -> Option<Recipient> {
    match record {
        Some(p) => (p.name == asked.name && p.mobile.as_deref() == Some(asked.mobile.as_str()))
            .then_some(Recipient {
                person: Some(p.id),
                ..asked
            }),
        None => (state
            .registry
            .check(&asked.name, &asked.id_number, Some(&asked.mobile))
            == IdentityCheck::Confirmed)
            .then_some(asked),
    }
}

/// Records a challenge: a code sent to `to`, or (`None`, or past the texts a
/// person may receive in a day) one that can never be verified and keeps no
/// personal data. Returns the challenge id and the code when it was sent.
fn issue_challenge(
    tx: &Conn<'_>,
    key: &ServerKey,
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
    let delivered = to.is_some();
    challenges::insert(
        tx,
        &NewChallenge {
            code_hash: key.mac(Purpose::OneTimeCode, &[&challenge, &code]),
            id: challenge.clone(),
            to: to.unwrap_or_default(),
            created_at: now,
            expires_at: now + Duration::seconds(i64::from(CODE_SECONDS)),
            delivered,
        },
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
    let code = errors.check("code", parse_one_time_code(&req.code));
    errors.finish()?;
    let attempt = CodeAttempt {
        key: state.key.clone(),
        challenge: req.challenge_id,
        code: code.unwrap_or_default(),
        ip: client_of(&state, addr, &headers),
        device: auth::device_from(&headers),
        today: state.clock.today(),
        check_policy: per_address(&state, throttle::CODE_CHECK_PER_ADDRESS),
        password_address_policy: per_address(&state, throttle::PASSWORD_PER_ADDRESS),
    };
    let opened = state
        .db
        .write(move |tx| code_session(tx, &attempt))
        .await??;
    tracing::info!(person = %opened.info.person.id, "signed in with one-time code");
    Ok(signed_in(opened, &headers))
}

/// A typed one-time code, with what throttling and the session need.
struct CodeAttempt {
    key: Arc<ServerKey>,
    /// The challenge id.
    challenge: String,
    /// The code, normalised.
    code: String,
    /// The client address.
    ip: String,
    /// The hash of the browser's device token.
    device: Option<String>,
    today: NaiveDate,
    check_policy: throttle::Policy,
    password_address_policy: throttle::Policy,
}

/// `401 code_invalid`.
pub(crate) fn code_invalid() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        ProblemCode::CodeInvalid.id(),
        "验证码不正确",
    )
}

/// `401 code_expired`.
pub(crate) fn code_expired() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        ProblemCode::CodeExpired.id(),
        "验证码已失效，请重新获取",
    )
}

/// `code_expired` for a code that was used, has expired or was guessed at too often.
pub(crate) fn code_still_valid(
    used: bool,
    expires_at: DateTime<Utc>,
    attempts: i64,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    if used || expires_at <= now || attempts >= MAX_CODE_ATTEMPTS {
        return Err(code_expired());
    }
    Ok(())
}

/// Checks the code and opens a session, in one write transaction: the check is counted per
/// address first, a wrong code counts against its challenge, and a right one forgives what
/// the client's code requests (and, after an initial password, its password step) counted.
fn code_session(tx: &Conn<'_>, a: &CodeAttempt) -> ApiResult<Result<SessionOpened, ApiError>> {
    let now = Utc::now();
    let checks = Bucket::new(&a.key, a.check_policy, &[&a.ip]);
    if let Err(wait) = throttle::admit(tx, &[&checks], now.timestamp())? {
        return Ok(Err(delayed(wait, "")));
    }
    let Some(challenge) = challenges::find(tx, &a.challenge)? else {
        return Ok(Err(code_invalid()));
    };
    if let Err(e) = code_still_valid(
        challenge.used,
        challenge.expires_at,
        challenge.attempts,
        now,
    ) {
        return Ok(Err(e));
    }
    let typed = a.key.mac(Purpose::OneTimeCode, &[&a.challenge, &a.code]);
    if !challenge.delivered || !secret::constant_time_eq(&typed, &challenge.code_hash) {
        challenges::count_wrong(tx, &a.challenge)?;
        return Ok(Err(code_invalid()));
    }
    challenges::mark_used(tx, &a.challenge)?;
    let to = &challenge.to;
    // The client proved it holds the mobile: its code requests are forgiven.
    throttle::forgive(tx, &checks, false)?;
    let requests = Bucket::new(
        &a.key,
        throttle::CODE_REQUEST_PER_CLIENT,
        &[&to.id_number, &a.ip],
    );
    throttle::forgive(tx, &requests, true)?;
    let texts = Bucket::new(
        &a.key,
        throttle::CODE_DELIVERY_PER_SUBJECT,
        &[&to.id_number],
    );
    throttle::forgive(tx, &texts, false)?;
    let Some(pid) = person_for_code(tx, &challenge, a.today)? else {
        return Ok(Err(code_invalid()));
    };
    let known = match &a.device {
        Some(d) => devices::known(tx, d, pid, now)?,
        None => false,
    };
    if to.after_password {
        forgive_password_step(tx, a, &to.id_number, known)?;
    }
    if !known {
        security_events::record_account(tx, pid, SecurityEvent::NewDeviceSignIn, a.today)?;
    }
    let device = a.device.as_deref().filter(|_| known);
    Ok(Ok(open_session(tx, pid, SessionKind::Code, device)?))
}

/// The person a right code signs in. The record (or, for a new person, the registry) decided
/// when the code was sent; the record is read again in case it changed since. `None`: it did,
/// and the code opens nothing.
fn person_for_code(
    tx: &Conn<'_>,
    challenge: &Challenge,
    today: NaiveDate,
) -> ApiResult<Option<i64>> {
    let to = &challenge.to;
    Ok(
        match (persons::by_id_number(tx, &to.id_number)?, to.person) {
            (
                Some(Person {
                    id,
                    name,
                    mobile: Some(m),
                }),
                _,
            ) if name == to.name && m == to.mobile => Some(id),
            // A record made since (a guardian applying for a child) without a
            // mobile: the registry confirmed this one, so it is filled in, never replaced.
            (
                Some(Person {
                    id,
                    name,
                    mobile: None,
                }),
                None,
            ) if name == to.name => {
                persons::fill_mobile(tx, id, &to.mobile)?;
                Some(id)
            }
            (None, None) => {
                let birth = parse_id_number(&to.id_number, today)
                    .map(|i| i.birth_date)
                    .map_err(ApiError::internal)?;
                Some(persons::insert(
                    tx,
                    &to.id_number,
                    &to.name,
                    Some(&to.mobile),
                    birth,
                )?)
            }
            _ => None,
        },
    )
}

/// The initial password was right and the phone is the holder's: the attempt counted at the
/// password step is taken back.
fn forgive_password_step(
    tx: &Conn<'_>,
    a: &CodeAttempt,
    id_number: &str,
    known: bool,
) -> crate::db::DbResult<()> {
    let client_key = match (&a.device, known) {
        (Some(d), true) => d.as_str(),
        _ => &a.ip,
    };
    let pair = Bucket::new(
        &a.key,
        throttle::PASSWORD_PER_CLIENT,
        &[id_number, client_key],
    );
    throttle::forgive(tx, &pair, true)?;
    if !known {
        let subject = Bucket::new(&a.key, throttle::PASSWORD_PER_SUBJECT, &[id_number]);
        throttle::forgive(tx, &subject, false)?;
        let address = Bucket::new(&a.key, a.password_address_policy, &[&a.ip]);
        throttle::forgive(tx, &address, false)?;
    }
    let step = Bucket::new(
        &a.key,
        throttle::CODE_SIGN_IN_STEP_PER_SUBJECT,
        &[id_number],
    );
    throttle::forgive(tx, &step, false)
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
            .write(move |tx| Ok(sessions::end(tx, &hash)?))
            .await?;
    }
    let cookie = auth::session_cookie(None, auth::is_https(&headers));
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}
