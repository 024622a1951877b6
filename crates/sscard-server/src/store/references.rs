//! Hotline references (DECISIONS D34): drawn for each application, stored compact, shown
//! grouped.

use sscard_rules::Reference;

use crate::{
    db::{Conn, DbError, DbResult},
    params,
};

/// Tries for a fresh reference before giving up: with 31⁹ references, even one collision is
/// astronomically rare, so running out means something else is wrong.
const REFERENCE_TRIES: usize = 8;

/// Gives application row `id` a hotline reference from `next` (the server passes
/// [`crate::ids::reference`]), drawing again while another row has it. Returns the reference.
///
/// It asks before it writes rather than catching the unique index's refusal: on PostgreSQL a
/// refused statement ends the transaction. Writes follow one another (see [`crate::db`]), so
/// nothing takes the reference between the question and the update; the index stays as the
/// second line.
pub fn assign(c: &Conn<'_>, id: i64, mut next: impl FnMut() -> Reference) -> DbResult<Reference> {
    for _ in 0..REFERENCE_TRIES {
        let reference = next();
        let taken: bool = c.query_row(
            "SELECT EXISTS(SELECT 1 FROM applications WHERE reference = ?1)",
            params![reference.as_compact()],
            |r| r.get(0),
        )?;
        if taken {
            tracing::warn!(application = id, "reference collision, drawing another");
            continue;
        }
        c.execute(
            "UPDATE applications SET reference = ?2 WHERE id = ?1",
            params![id, reference.as_compact()],
        )?;
        return Ok(reference);
    }
    Err(DbError::Conversion(format!(
        "no free reference after {REFERENCE_TRIES} draws"
    )))
}

/// Gives every application without a reference one (rows created before migration 0010).
/// Idempotent: rows that have one keep it. Returns how many rows got one.
pub fn backfill(c: &Conn<'_>, mut next: impl FnMut() -> Reference) -> DbResult<usize> {
    let ids: Vec<i64> = c
        .prepare("SELECT id FROM applications WHERE reference IS NULL ORDER BY id")?
        .query_map(params![], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in &ids {
        assign(c, *id, &mut next)?;
    }
    Ok(ids.len())
}

/// The grouped form of a stored (compact) reference, as people read it.
pub fn grouped(stored: Option<String>) -> String {
    let stored = stored.unwrap_or_default();
    Reference::parse(&stored).map_or(stored, |r| r.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> rusqlite::Connection {
        let c = rusqlite::Connection::open_in_memory().unwrap();
        c.execute_batch(
            "CREATE TABLE applications (id INTEGER PRIMARY KEY, reference TEXT);
             CREATE UNIQUE INDEX applications_reference ON applications (reference);
             INSERT INTO applications (id) VALUES (1), (2), (3);",
        )
        .unwrap();
        c
    }

    fn generated(byte: u8) -> Reference {
        Reference::generate_from([byte; sscard_rules::REFERENCE_RANDOM_BYTES])
    }

    #[test]
    fn a_colliding_reference_is_drawn_again() {
        let raw = table();
        let c = Conn::sqlite(&raw);
        assign(&c, 1, || generated(1)).unwrap();
        // Row 2 draws row 1's reference twice, then a free one.
        let mut draws = vec![generated(2), generated(1), generated(1)];
        let got = assign(&c, 2, || draws.pop().unwrap()).unwrap();
        assert_eq!(got, generated(2));
        assert!(draws.is_empty());
    }

    #[test]
    fn endless_collisions_are_an_error_not_a_loop() {
        let raw = table();
        let c = Conn::sqlite(&raw);
        assign(&c, 1, || generated(1)).unwrap();
        let mut n = 0;
        let got = assign(&c, 2, || {
            n += 1;
            generated(1)
        });
        assert!(got.is_err());
        assert_eq!(n, REFERENCE_TRIES);
    }

    #[test]
    fn the_backfill_only_fills_rows_without_one() {
        let raw = table();
        let c = Conn::sqlite(&raw);
        assign(&c, 2, || generated(2)).unwrap();
        let mut byte = 10;
        let mut next = || {
            byte += 1;
            generated(byte)
        };
        assert_eq!(backfill(&c, &mut next).unwrap(), 2);
        assert_eq!(backfill(&c, &mut next).unwrap(), 0);
        let two: String = c
            .query_row(
                "SELECT reference FROM applications WHERE id = 2",
                params![],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(two, generated(2).as_compact());
    }
}
