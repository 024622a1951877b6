//! One-time code challenges (`otp_challenges`): a code sent to a mobile on record, or a
//! challenge nothing was sent for, which can never be verified and keeps no personal data.

use chrono::{DateTime, Utc};

use crate::{
    db::{Conn, DbResult, OptionalExt},
    params,
};

/// Who a code goes to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Recipient {
    /// The name on record (or confirmed by the registry).
    pub name: String,
    /// The ID number.
    pub id_number: String,
    /// The mobile the code goes to.
    pub mobile: String,
    /// The record it was sent for; `None` for a registry-confirmed newcomer.
    pub person: Option<i64>,
    /// The second step of an initial-password sign-in.
    pub after_password: bool,
}

/// A challenge as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    /// Who the code went to (empty when nothing was sent).
    pub to: Recipient,
    /// The code's MAC under the server key.
    pub code_hash: String,
    /// Wrong codes so far.
    pub attempts: i64,
    /// A right code was given already.
    pub used: bool,
    /// When the code stops working.
    pub expires_at: DateTime<Utc>,
    /// Whether a code was sent.
    pub delivered: bool,
}

/// A new challenge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewChallenge {
    /// Its public id.
    pub id: String,
    /// Who the code went to (`Recipient::default()` when nothing was sent).
    pub to: Recipient,
    /// The code's MAC under the server key.
    pub code_hash: String,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// When the code stops working.
    pub expires_at: DateTime<Utc>,
    /// Whether a code was sent.
    pub delivered: bool,
}

/// Stores `new`, after dropping the challenges that expired before `new` was made.
pub fn insert(tx: &Conn<'_>, new: &NewChallenge) -> DbResult<()> {
    tx.execute(
        "DELETE FROM otp_challenges WHERE expires_at < ?1",
        params![new.created_at],
    )?;
    let to = &new.to;
    tx.execute(
        "INSERT INTO otp_challenges (id, name, id_number, mobile, code_hash, created_at, expires_at, delivered, person_id, after_password)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            new.id,
            to.name,
            to.id_number,
            to.mobile,
            new.code_hash,
            new.created_at,
            new.expires_at,
            new.delivered,
            to.person,
            to.after_password,
        ],
    )?;
    Ok(())
}

/// The challenge `id`, if there is one.
pub fn find(c: &Conn<'_>, id: &str) -> DbResult<Option<Challenge>> {
    c.query_row(
        "SELECT name, id_number, mobile, code_hash, attempts, used, expires_at, delivered, person_id, after_password
         FROM otp_challenges WHERE id = ?1",
        params![id],
        |r| {
            Ok(Challenge {
                to: Recipient {
                    name: r.get(0)?,
                    id_number: r.get(1)?,
                    mobile: r.get(2)?,
                    person: r.get(8)?,
                    after_password: r.get(9)?,
                },
                code_hash: r.get(3)?,
                attempts: r.get(4)?,
                used: r.get(5)?,
                expires_at: r.get(6)?,
                delivered: r.get(7)?,
            })
        },
    )
    .optional()
}

/// Counts a wrong code against challenge `id`.
pub fn count_wrong(tx: &Conn<'_>, id: &str) -> DbResult<()> {
    tx.execute(
        "UPDATE otp_challenges SET attempts = attempts + 1 WHERE id = ?1",
        params![id],
    )?;
    Ok(())
}

/// Marks challenge `id` used: its code opens nothing more.
pub fn mark_used(tx: &Conn<'_>, id: &str) -> DbResult<()> {
    tx.execute(
        "UPDATE otp_challenges SET used = 1 WHERE id = ?1",
        params![id],
    )?;
    Ok(())
}
