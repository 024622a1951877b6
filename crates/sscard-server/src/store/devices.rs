//! Trusted browsers: one a person signed in from, known by the sha256 of its device token, is
//! its own throttling client (`routes::auth`).

use chrono::{DateTime, Duration, Utc};

use crate::{
    db::{Conn, DbResult},
    ids, params,
};

/// How long a browser stays known after a sign-in from it.
pub const DEVICE_DAYS: i64 = 180;

/// Whether the browser with token hash `device` is known for `person`.
pub fn known(c: &Conn<'_>, device: &str, person: i64, now: DateTime<Utc>) -> DbResult<bool> {
    c.query_row(
        "SELECT EXISTS(SELECT 1 FROM trusted_devices
         WHERE token_hash = ?1 AND person_id = ?2 AND expires_at > ?3)",
        params![device, person, now],
        |r| r.get(0),
    )
}

/// Remembers the browser for `person`: with `device` (an existing token's hash)
/// nothing new is sent; otherwise a new token is made and returned for the cookie.
pub fn remember(tx: &Conn<'_>, device: Option<&str>, person: i64) -> DbResult<Option<String>> {
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
        params![now],
    )?;
    tx.execute(
        "INSERT INTO trusted_devices (token_hash, person_id, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(token_hash, person_id) DO UPDATE SET expires_at = excluded.expires_at",
        params![hash, person, now, now + Duration::days(DEVICE_DAYS)],
    )?;
    Ok(token)
}
