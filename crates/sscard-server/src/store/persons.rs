//! People on record.

use chrono::{NaiveDate, Utc};
use sscard_rules::wire::PersonRef;

use crate::{
    auth::mask_id_number,
    db::{Conn, DbResult, OptionalExt},
    ids, params,
};

/// A person found by ID number: what a sign-in or a guardian's application compares with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Row id.
    pub id: i64,
    /// The name on record.
    pub name: String,
    /// The mobile on record.
    pub mobile: Option<String>,
}

/// A person's record, by row id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Public id.
    pub public_id: String,
    /// The name on record.
    pub name: String,
    /// The ID number.
    pub id_number: String,
    /// The birth date (from the ID number).
    pub birth_date: NaiveDate,
    /// The mobile on record.
    pub mobile: Option<String>,
}

/// The person with ID number `id_number`, if there is one.
pub fn by_id_number(c: &Conn<'_>, id_number: &str) -> DbResult<Option<Person>> {
    c.query_row(
        "SELECT id, name, mobile FROM persons WHERE id_number = ?1",
        params![id_number],
        |r| {
            Ok(Person {
                id: r.get(0)?,
                name: r.get(1)?,
                mobile: r.get(2)?,
            })
        },
    )
    .optional()
}

/// The record of person row `id`.
pub fn get(c: &Conn<'_>, id: i64) -> DbResult<Record> {
    c.query_row(
        "SELECT public_id, name, id_number, birth_date, mobile FROM persons WHERE id = ?1",
        params![id],
        |r| {
            Ok(Record {
                public_id: r.get(0)?,
                name: r.get(1)?,
                id_number: r.get(2)?,
                birth_date: r.get(3)?,
                mobile: r.get(4)?,
            })
        },
    )
}

/// Person row `id` as others may see them (ID number masked).
pub fn person_ref(c: &Conn<'_>, id: i64) -> DbResult<PersonRef> {
    let r = get(c, id)?;
    Ok(PersonRef {
        id: r.public_id,
        name: r.name,
        id_number_masked: mask_id_number(&r.id_number),
    })
}

/// Inserts a person without a password; returns the row id.
pub fn insert(
    tx: &Conn<'_>,
    id_number: &str,
    name: &str,
    mobile: Option<&str>,
    birth_date: NaiveDate,
) -> DbResult<i64> {
    tx.query_row(
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
    )
}

/// Sets `person`'s mobile to `new`, only if it is still `from` (no other change, online or at a
/// counter, since); returns whether it did.
pub fn change_mobile(tx: &Conn<'_>, person: i64, new: &str, from: Option<&str>) -> DbResult<bool> {
    Ok(tx.execute(
        "UPDATE persons SET mobile = ?2 WHERE id = ?1 AND mobile IS NOT DISTINCT FROM ?3",
        params![person, new, from],
    )? > 0)
}

/// Fills in `person`'s mobile when the record has none; never replaces one.
pub fn fill_mobile(tx: &Conn<'_>, person: i64, mobile: &str) -> DbResult<()> {
    tx.execute(
        "UPDATE persons SET mobile = ?2 WHERE id = ?1 AND mobile IS NULL",
        params![person, mobile],
    )?;
    Ok(())
}
