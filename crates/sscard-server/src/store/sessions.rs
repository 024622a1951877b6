//! Sessions: one row per signed-in browser, found by the sha256 of its token.

use chrono::{DateTime, Duration, Utc};
use sscard_rules::wire::SessionKind;

use crate::{
    db::{Conn, DbResult, OptionalExt},
    ids, params,
};

/// How long a session lasts (real time, not the demo clock).
pub const SESSION_HOURS: i64 = 8;

/// A session as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The person's row id.
    pub person: i64,
    /// The person's public id.
    pub public_id: String,
    /// How it was opened.
    pub kind: SessionKind,
    /// When it ends.
    pub expires_at: DateTime<Utc>,
    /// When it was opened.
    pub opened_at: DateTime<Utc>,
}

/// A session just opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// The token for the cookie (only its hash is stored).
    pub token: String,
    /// When it ends.
    pub expires_at: DateTime<Utc>,
}

/// The session whose token has sha256 `token_hash`, if any (expired or not).
pub fn find(c: &Conn<'_>, token_hash: &str) -> DbResult<Option<Session>> {
    c.query_row(
        "SELECT s.person_id, p.public_id, s.kind, s.expires_at, s.created_at
         FROM sessions s JOIN persons p ON p.id = s.person_id
         WHERE s.token_hash = ?1",
        params![token_hash],
        |r| {
            Ok(Session {
                person: r.get(0)?,
                public_id: r.get(1)?,
                kind: r.get(2)?,
                expires_at: r.get(3)?,
                opened_at: r.get(4)?,
            })
        },
    )
    .optional()
}

/// Opens a session for `person` (and drops expired ones as it goes).
pub fn open(tx: &Conn<'_>, person: i64, kind: SessionKind) -> DbResult<Opened> {
    let token = ids::token();
    let now = Utc::now();
    let expires_at = now + Duration::hours(SESSION_HOURS);
    tx.execute("DELETE FROM sessions WHERE expires_at < ?1", params![now])?;
    tx.execute(
        "INSERT INTO sessions (token_hash, person_id, kind, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            ids::sha256_hex(token.as_bytes()),
            person,
            kind,
            now,
            expires_at
        ],
    )?;
    Ok(Opened { token, expires_at })
}

/// Ends the session whose token has sha256 `token_hash`.
pub fn end(tx: &Conn<'_>, token_hash: &str) -> DbResult<()> {
    tx.execute(
        "DELETE FROM sessions WHERE token_hash = ?1",
        params![token_hash],
    )?;
    Ok(())
}

/// Ends every session of `person` but `keep` (the sha256 of the token of the request that
/// changed the password or the mobile).
pub fn end_others(tx: &Conn<'_>, person: i64, keep: Option<&str>) -> DbResult<()> {
    tx.execute(
        "DELETE FROM sessions WHERE person_id = ?1 AND token_hash IS DISTINCT FROM ?2",
        params![person, keep],
    )?;
    Ok(())
}
