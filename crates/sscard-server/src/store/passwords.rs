//! Service passwords on record (Argon2id hashes, computed off the writer by `crate::password`).

use crate::{
    db::{Conn, DbResult},
    params,
    password::Stored,
};

/// What is on record as `person`'s service password (see [`Stored`]).
pub fn stored(c: &Conn<'_>, person: i64) -> DbResult<Stored> {
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

/// Whether `person` still has the initial password (or none stored).
pub fn is_initial(c: &Conn<'_>, person: i64) -> DbResult<bool> {
    c.query_row(
        "SELECT password_hash IS NULL OR password_is_initial = 1 FROM persons WHERE id = ?1",
        params![person],
        |r| r.get(0),
    )
}

/// Stores `new_hash` as `person`'s chosen password, only if the stored hash is still
/// `old_hash` (nobody changed it meanwhile); returns whether it did.
pub fn replace(
    tx: &Conn<'_>,
    person: i64,
    new_hash: &str,
    old_hash: Option<&str>,
) -> DbResult<bool> {
    Ok(tx.execute(
        "UPDATE persons SET password_hash = ?2, password_is_initial = 0
         WHERE id = ?1 AND password_hash IS NOT DISTINCT FROM ?3",
        params![person, new_hash, old_hash],
    )? > 0)
}

/// Replaces an old-format hash of the same password by `new_hash`, only if it is still
/// `old_hash`.
pub fn rehash(tx: &Conn<'_>, person: i64, new_hash: &str, old_hash: &str) -> DbResult<()> {
    tx.execute(
        "UPDATE persons SET password_hash = ?2 WHERE id = ?1 AND password_hash = ?3",
        params![person, new_hash, old_hash],
    )?;
    Ok(())
}
