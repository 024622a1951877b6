//! Changes of the mobile on record waiting for the code sent to the new number.

use chrono::{DateTime, Utc};

use crate::{
    db::{Conn, DbResult, OptionalExt},
    params,
};

/// A change as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MobileChange {
    /// The number the code went to.
    pub new_mobile: String,
    /// The mobile on record when the change started.
    pub old_mobile: Option<String>,
    /// The code's MAC under the server key.
    pub code_hash: String,
    /// Wrong codes so far.
    pub attempts: i64,
    /// Done, or voided by a later request.
    pub used: bool,
    /// When the code stops working.
    pub expires_at: DateTime<Utc>,
}

/// A change to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMobileChange {
    /// Its public id.
    pub id: String,
    /// Whose mobile.
    pub person: i64,
    /// The number the code goes to.
    pub new_mobile: String,
    /// The mobile on record now.
    pub old_mobile: Option<String>,
    /// The code's MAC under the server key.
    pub code_hash: String,
    /// When it was asked for.
    pub created_at: DateTime<Utc>,
    /// When the code stops working.
    pub expires_at: DateTime<Utc>,
}

/// Starts `new`: expired changes keep no number, and a new request voids the person's
/// earlier ones.
pub fn start(tx: &Conn<'_>, new: &NewMobileChange) -> DbResult<()> {
    tx.execute(
        "DELETE FROM mobile_changes WHERE expires_at < ?1",
        params![new.created_at],
    )?;
    close_all(tx, new.person)?;
    tx.execute(
        "INSERT INTO mobile_changes (id, person_id, new_mobile, code_hash, created_at, expires_at, old_mobile)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            new.id,
            new.person,
            new.new_mobile,
            new.code_hash,
            new.created_at,
            new.expires_at,
            new.old_mobile,
        ],
    )?;
    Ok(())
}

/// `person`'s change `id`, if there is one.
pub fn find(c: &Conn<'_>, id: &str, person: i64) -> DbResult<Option<MobileChange>> {
    c.query_row(
        "SELECT new_mobile, code_hash, attempts, used, expires_at, old_mobile FROM mobile_changes
         WHERE id = ?1 AND person_id = ?2",
        params![id, person],
        |r| {
            Ok(MobileChange {
                new_mobile: r.get(0)?,
                code_hash: r.get(1)?,
                attempts: r.get(2)?,
                used: r.get(3)?,
                expires_at: r.get(4)?,
                old_mobile: r.get(5)?,
            })
        },
    )
    .optional()
}

/// Counts a wrong code against change `id`.
pub fn count_wrong(tx: &Conn<'_>, id: &str) -> DbResult<()> {
    tx.execute(
        "UPDATE mobile_changes SET attempts = attempts + 1 WHERE id = ?1",
        params![id],
    )?;
    Ok(())
}

/// Closes every change of `person`.
pub fn close_all(tx: &Conn<'_>, person: i64) -> DbResult<()> {
    tx.execute(
        "UPDATE mobile_changes SET used = 1 WHERE person_id = ?1",
        params![person],
    )?;
    Ok(())
}
