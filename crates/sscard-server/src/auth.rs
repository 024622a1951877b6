//! Sessions: the cookie, its lookup, and the `Signed` extractor.
//!
//! The cookie holds a random 256-bit token; only its sha256 is stored, so a
//! copy of the database opens no session. The cookie is HttpOnly,
//! SameSite=Strict, and Secure when the request came over HTTPS.

use axum::{
    extract::FromRequestParts,
    http::{HeaderMap, HeaderValue, header, request::Parts},
};
use chrono::{DateTime, Duration, Utc};
use sscard_rules::wire::SessionKind;

use crate::{ids, problem::ApiError, state::AppState, store::sessions};

/// Name of the session cookie.
pub const COOKIE: &str = "sscard_session";

pub use crate::store::{devices::DEVICE_DAYS, sessions::SESSION_HOURS};

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
        // Asked of the database on every request, never cached: a sign-out or a password
        // change on any instance ends the session on every instance at once.
        let found = state
            .db
            .read(move |c| match sessions::find(c, &hash) {
                // A session row this build cannot read (a kind it does not know) opens
                // nothing: fail closed, as for no session at all.
                Err(crate::db::DbError::Conversion(e)) => {
                    tracing::warn!(error = %e, "unreadable session refused");
                    Ok(None)
                }
                other => Ok(other?),
            })
            .await?;
        let session = found.ok_or_else(ApiError::unauthenticated)?;
        if session.expires_at <= Utc::now() {
            return Err(ApiError::unauthenticated().detail("登录已过期，请重新登录"));
        }
        Ok(Signed {
            person_id: session.person,
            public_id: session.public_id,
            kind: session.kind,
            expires_at: session.expires_at,
            opened_at: session.opened_at,
        })
    }
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

/// Name of the cookie that marks a browser a person has signed in from.
pub const DEVICE_COOKIE: &str = "sscard_device";

/// The sha256 of the device token in the `Cookie` header, if any.
pub fn device_from(headers: &HeaderMap) -> Option<String> {
    cookie(headers, DEVICE_COOKIE)
        .filter(|v| v.len() <= 64)
        .map(|v| ids::sha256_hex(v.as_bytes()))
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
