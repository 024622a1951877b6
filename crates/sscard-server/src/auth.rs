//! Sessions: the cookie, its lookup, and the `Signed` extractor.
//!
//! The cookie holds a random 256-bit token; only its sha256 is stored, so a
//! copy of the database opens no session. The cookie is HttpOnly,
//! SameSite=Strict, and Secure when the request came over HTTPS.

use crate::db::Conn;
use crate::{db::OptionalExt, params};
use axum::{
    extract::FromRequestParts,
    http::{HeaderMap, HeaderValue, header, request::Parts},
};
use chrono::{DateTime, Duration, Utc};
use sscard_rules::wire::{PersonRef, SessionKind};

use crate::{ids, problem::ApiError, state::AppState};

/// Name of the session cookie.
pub const COOKIE: &str = "sscard_session";

/// How long a session lasts (real time, not the demo clock).
pub const SESSION_HOURS: i64 = 8;

/// The signed-in person, extracted from the session cookie.
#[derive(Debug, Clone)]
pub struct Signed {
    /// Internal row id.
    pub person_id: i64,
    /// Public id.
    pub public_id: String,
    /// How the session was opened.
    pub kind: SessionKind,
    /// When the session ends.
    pub expires_at: DateTime<Utc>,
    /// When the session was opened.
    pub opened_at: DateTime<Utc>,
}

impl Signed {
    /// Whether the session was opened with a code sent to the mobile on record
    /// in the last `minutes`: a fresh proof that the person holds that phone,
    /// which resetting the password and changing the mobile ask for.
    pub fn fresh_code(&self, minutes: i64) -> bool {
        self.kind == SessionKind::Code && Utc::now() - self.opened_at <= Duration::minutes(minutes)
    }
}

/// The value of cookie `name` in the `Cookie` headers, when present and not empty.
fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|kv| {
            let (k, v) = kv.trim().split_once('=')?;
            (k == name && !v.is_empty()).then_some(v)
        })
}

/// Reads the session token from the `Cookie` header.
pub fn token_from(headers: &HeaderMap) -> Option<String> {
    cookie(headers, COOKIE).map(str::to_owned)
}

impl FromRequestParts<AppState> for Signed {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = token_from(&parts.headers).ok_or_else(ApiError::unauthenticated)?;
        let hash = ids::sha256_hex(token.as_bytes());
        let now = Utc::now();
        // Asked of the database on every request, never cached: a sign-out or a password
        // change on any instance ends the session on every instance at once.
        let key = hash;
        let found = state
            .db
            .read(move |c| {
                Ok(c.query_row(
                    "SELECT s.person_id, p.public_id, s.kind, s.expires_at, s.created_at
                     FROM sessions s JOIN persons p ON p.id = s.person_id
                     WHERE s.token_hash = ?1",
                    params![key],
                    |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, SessionKind>(2)?,
                            r.get::<_, String>(3)?,
                            r.get::<_, String>(4)?,
                        ))
                    },
                )
                .optional()?)
            })
            .await?;
        let (person_id, public_id, kind, expires, opened) =
            found.ok_or_else(ApiError::unauthenticated)?;
        let instant = |s: &str| {
            DateTime::parse_from_rfc3339(s)
                .map(|t| t.with_timezone(&Utc))
                .map_err(ApiError::internal)
        };
        let (expires_at, opened_at) = (instant(&expires)?, instant(&opened)?);
        if expires_at <= now {
            return Err(ApiError::unauthenticated().detail("登录已过期，请重新登录"));
        }
        let signed = Signed {
            person_id,
            public_id,
            kind,
            expires_at,
            opened_at,
        };
        Ok(signed)
    }
}

/// Creates a session row; returns the token and its expiry.
pub fn create_session(
    tx: &Conn<'_>,
    person_id: i64,
    kind: SessionKind,
) -> Result<(String, DateTime<Utc>), ApiError> {
    let token = ids::token();
    let now = Utc::now();
    let expires = now + Duration::hours(SESSION_HOURS);
    // Housekeeping: expired sessions are useless; drop them as we go.
    tx.execute(
        "DELETE FROM sessions WHERE expires_at < ?1",
        params![now.to_rfc3339()],
    )?;
    tx.execute(
        "INSERT INTO sessions (token_hash, person_id, kind, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            ids::sha256_hex(token.as_bytes()),
            person_id,
            kind,
            now.to_rfc3339(),
            expires.to_rfc3339()
        ],
    )?;
    Ok((token, expires))
}

/// Whether the request arrived over HTTPS (directly or via a proxy that says so).
pub fn is_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("https"))
        || headers
            .get(header::ORIGIN)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("https://"))
}

/// The `Set-Cookie` value for a new session (or, with `None`, one that clears it).
pub fn session_cookie(token: Option<&str>, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let v = match token {
        Some(t) => format!(
            "{COOKIE}={t}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{secure}",
            SESSION_HOURS * 3600
        ),
        None => format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{secure}"),
    };
    HeaderValue::from_str(&v).expect("cookie is ASCII")
}

/// `110101********123X`: the first 6 and last 4 characters of an ID number.
pub fn mask_id_number(n: &str) -> String {
    let chars: Vec<char> = n.chars().collect();
    if chars.len() < 10 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..6].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 10))
}

/// Loads a person as a [`PersonRef`].
pub fn person_ref(c: &Conn<'_>, person_id: i64) -> Result<PersonRef, ApiError> {
    Ok(c.query_row(
        "SELECT public_id, name, id_number FROM persons WHERE id = ?1",
        params![person_id],
        |r| {
            Ok(PersonRef {
                id: r.get(0)?,
                name: r.get(1)?,
                id_number_masked: mask_id_number(&r.get::<_, String>(2)?),
            })
        },
    )?)
}

/// Name of the cookie that marks a browser a person has signed in from.
pub const DEVICE_COOKIE: &str = "sscard_device";

/// How long a browser stays known after a sign-in from it.
pub const DEVICE_DAYS: i64 = 180;

/// The sha256 of the device token in the `Cookie` header, if any.
pub fn device_from(headers: &HeaderMap) -> Option<String> {
    cookie(headers, DEVICE_COOKIE)
        .filter(|v| v.len() <= 64)
        .map(|v| ids::sha256_hex(v.as_bytes()))
}

/// Whether the browser with token hash `device` is known for `person`.
pub fn device_known(
    c: &Conn<'_>,
    device: &str,
    person: i64,
    now: DateTime<Utc>,
) -> crate::db::DbResult<bool> {
    c.query_row(
        "SELECT EXISTS(SELECT 1 FROM trusted_devices
         WHERE token_hash = ?1 AND person_id = ?2 AND expires_at > ?3)",
        params![device, person, now.to_rfc3339()],
        |r| r.get(0),
    )
}

/// Remembers the browser for `person`: with `device` (an existing token's hash)
/// nothing new is sent; otherwise a new token is made and returned for the cookie.
pub fn remember_device(
    tx: &Conn<'_>,
    device: Option<&str>,
    person: i64,
) -> crate::db::DbResult<Option<String>> {
    let now = Utc::now();
    let (token, hash) = match device {
        Some(h) => (None, h.to_owned()),
        None => {
            let t = ids::token();
            let h = ids::sha256_hex(t.as_bytes());
            (Some(t), h)
        }
    };
    tx.execute(
        "DELETE FROM trusted_devices WHERE expires_at < ?1",
        params![now.to_rfc3339()],
    )?;
    tx.execute(
        "INSERT INTO trusted_devices (token_hash, person_id, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(token_hash, person_id) DO UPDATE SET expires_at = excluded.expires_at",
        params![
            hash,
            person,
            now.to_rfc3339(),
            (now + Duration::days(DEVICE_DAYS)).to_rfc3339()
        ],
    )?;
    Ok(token)
}

/// The `Set-Cookie` value of a new device token (sent only to the sign-in endpoints).
pub fn device_cookie(token: &str, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{DEVICE_COOKIE}={token}; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Max-Age={}{secure}",
        DEVICE_DAYS * 24 * 3600
    ))
    .expect("cookie is ASCII")
}
