//! Reading applications and cards from SQLite into wire types, with the
//! authorisation rule in one place: a person sees their own applications and
//! cards, and those of the minors they applied for as guardian.

use crate::{
    db::{Conn, OptionalExt},
    params,
};
use chrono::Utc;
use sscard_rules::wire::{
    Application, ApplicationEvent, ApplicationStatus, Card, ExpectedDates, PersonRef, ReplacementOf,
};
use sscard_rules::{Actor, Bank, City, FinancialState, PickupMethod, Reference, SocialState};

use crate::{
    auth::{mask_id_number, person_ref},
    notices::Notices,
    problem::ApiResult,
};

/// Appends an event and moves the application's status.
/// With [`Notices::Record`], the status notice it causes is recorded in the same transaction.
pub fn add_event(
    tx: &Conn<'_>,
    app_id: i64,
    kind: ApplicationStatus,
    on: chrono::NaiveDate,
    notices: Notices,
) -> ApiResult<()> {
    tx.execute(
        "INSERT INTO application_events (application_id, kind, on_date, recorded_at) VALUES (?1, ?2, ?3, ?4)",
        params![app_id, kind, on, Utc::now().to_rfc3339()],
    )?;
    tx.execute(
        "UPDATE applications SET status = ?2 WHERE id = ?1",
        params![app_id, kind],
    )?;
    if notices == Notices::Record {
        crate::notices::for_application_event(tx, app_id, kind, on)?;
    }
    Ok(())
}

/// The row id of application `id` if `person` may see it. `id` is the internal public id or the
/// hotline reference in any typing (`k7m 2q9 xd4f`); anything else finds nothing.
pub fn application_for(c: &Conn<'_>, id: &str, person: i64) -> ApiResult<Option<i64>> {
    let reference = Reference::parse(id).ok();
    Ok(c.prepare_cached(
        "SELECT id FROM applications WHERE (public_id = ?1 OR reference = ?2)
         AND (applicant_id = ?3 OR subject_id = ?3)",
    )?
    .query_row(
        params![id, reference.as_ref().map(Reference::as_compact), person],
        |r| r.get(0),
    )
    .optional()?)
}

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
pub fn assign_reference(
    c: &Conn<'_>,
    id: i64,
    mut next: impl FnMut() -> Reference,
) -> crate::db::DbResult<Reference> {
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
    Err(crate::db::DbError::Conversion(format!(
        "no free reference after {REFERENCE_TRIES} draws"
    )))
}

/// Gives every application without a reference one (rows created before migration 0010).
/// Idempotent: rows that have one keep it. Returns how many rows got one.
pub fn backfill_references(
    c: &Conn<'_>,
    mut next: impl FnMut() -> Reference,
) -> crate::db::DbResult<usize> {
    let ids: Vec<i64> = c
        .prepare("SELECT id FROM applications WHERE reference IS NULL ORDER BY id")?
        .query_map(params![], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in &ids {
        assign_reference(c, *id, &mut next)?;
    }
    Ok(ids.len())
}

/// The grouped form of a stored (compact) reference, as people read it.
pub fn grouped_reference(stored: Option<String>) -> String {
    let stored = stored.unwrap_or_default();
    Reference::parse(&stored).map_or(stored, |r| r.to_string())
}

/// Loads one application with its events (two indexed queries).
pub fn load_application(c: &Conn<'_>, id: i64) -> ApiResult<Application> {
    let stmt = c.prepare_cached(
        "SELECT a.public_id, a.status, a.city, a.bank, a.pickup, a.branch_id,
                s.public_id, s.name, s.id_number, p.public_id, p.name, p.id_number,
                a.actor, a.guardianship_proof, a.submitted_on, a.production_deadline,
                (SELECT public_id FROM cards WHERE application_id = a.id),
                (SELECT public_id FROM cards WHERE id = a.replaces_card_id), a.replacement_reason,
                a.reference
         FROM applications a
         JOIN persons s ON s.id = a.subject_id
         JOIN persons p ON p.id = a.applicant_id
         WHERE a.id = ?1",
    )?;
    let mut app = stmt.query_row(params![id], |r| {
        let pickup: PickupMethod = r.get(4)?;
        Ok(Application {
            id: r.get(0)?,
            reference: grouped_reference(r.get(19)?),
            status: r.get(1)?,
            city: r.get::<_, City>(2)?.id().to_owned(),
            bank: r.get::<_, Bank>(3)?.id().to_owned(),
            pickup: pickup.id().to_owned(),
            branch_id: r.get(5)?,
            cardholder: PersonRef {
                id: r.get(6)?,
                name: r.get(7)?,
                id_number_masked: mask_id_number(&r.get::<_, String>(8)?),
            },
            submitted_by: PersonRef {
                id: r.get(9)?,
                name: r.get(10)?,
                id_number_masked: mask_id_number(&r.get::<_, String>(11)?),
            },
            actor: r.get::<_, Actor>(12)?.id().to_owned(),
            guardianship_proof: r.get(13)?,
            submitted_on: r.get(14)?,
            expected: ExpectedDates {
                production_deadline: r.get(15)?,
                plus_postal_transit: pickup == PickupMethod::Mail,
            },
            events: Vec::new(),
            card_id: r.get(16)?,
            replacement: match (r.get(17)?, r.get(18)?) {
                (Some(card_id), Some(reason)) => Some(ReplacementOf { card_id, reason }),
                _ => None,
            },
        })
    })?;
    let stmt = c.prepare_cached(
        "SELECT kind, on_date FROM application_events WHERE application_id = ?1 ORDER BY id",
    )?;
    app.events = stmt
        .query_map(params![id], |r| {
            Ok(ApplicationEvent {
                kind: r.get(0)?,
                on: r.get(1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(app)
}

fn placeholder() -> sscard_rules::wire::PersonRef {
    sscard_rules::wire::PersonRef {
        id: String::new(),
        name: String::new(),
        id_number_masked: String::new(),
    }
}

/// Every application `person` may see, newest first.
pub fn list_applications(c: &Conn<'_>, person: i64) -> ApiResult<Vec<Application>> {
    let ids: Vec<i64> = c
        .prepare_cached(
            "SELECT id FROM applications WHERE applicant_id = ?1 OR subject_id = ?1 ORDER BY id DESC",
        )?
        .query_map(params![person], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.into_iter().map(|id| load_application(c, id)).collect()
}

/// The row id of card `public_id` if `person` holds it or is its guardian.
pub fn card_for(c: &Conn<'_>, public_id: &str, person: i64) -> ApiResult<Option<i64>> {
    Ok(c.query_row(
        "SELECT id FROM cards WHERE public_id = ?1 AND (holder_id = ?2 OR guardian_id = ?2)",
        params![public_id, person],
        |r| r.get(0),
    )
    .optional()?)
}

fn mask_card(n: &str) -> String {
    let len = n.chars().count();
    n.chars()
        .enumerate()
        .map(|(i, ch)| if i < 4 || i + 4 >= len { ch } else { '*' })
        .collect()
}

/// Loads one card as seen by `viewer`.
pub fn load_card(c: &Conn<'_>, id: i64, viewer: i64) -> ApiResult<Card> {
    let (mut card, holder) = c.query_row(
        "SELECT c.public_id, c.holder_id, c.guardian_id, c.city, c.bank, c.card_number, c.social_state,
                c.financial_state, c.issued_on, c.temp_loss_on, c.temp_loss_lift_on,
                (SELECT public_id FROM applications WHERE id = c.application_id),
                (SELECT public_id FROM applications WHERE id = c.replaced_by)
         FROM cards c WHERE c.id = ?1",
        params![id],
        |r| {
            let holder: i64 = r.get(1)?;
            Ok((
                Card {
                    id: r.get(0)?,
                    holder: placeholder(),
                    as_guardian: holder != viewer && r.get::<_, Option<i64>>(2)? == Some(viewer),
                    city: r.get::<_, City>(3)?.id().to_owned(),
                    bank: r.get::<_, Bank>(4)?.id().to_owned(),
                    card_number_masked: mask_card(&r.get::<_, String>(5)?),
                    // The columns hold the state machine's states (`cardstate::store`); the
                    // rules crate maps its states to the wire's.
                    social_function: r.get::<_, SocialState>(6)?.into(),
                    financial_function: r.get::<_, FinancialState>(7)?.into(),
                    issued_on: r.get(8)?,
                    temp_loss_reported_on: r.get(9)?,
                    temp_loss_lifts_on: r.get(10)?,
                    application_id: r.get(11)?,
                    replacement_id: r.get(12)?,
                },
                holder,
            ))
        },
    )?;
    card.holder = person_ref(c, holder)?;
    Ok(card)
}

/// Every card `person` holds or is guardian of.
pub fn list_cards(c: &Conn<'_>, person: i64) -> ApiResult<Vec<Card>> {
    let ids: Vec<i64> = c
        .prepare_cached(
            "SELECT id FROM cards WHERE holder_id = ?1 OR guardian_id = ?1 ORDER BY id",
        )?
        .query_map(params![person], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.into_iter().map(|id| load_card(c, id, person)).collect()
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
        assign_reference(&c, 1, || generated(1)).unwrap();
        // Row 2 draws row 1's reference twice, then a free one.
        let mut draws = vec![generated(2), generated(1), generated(1)];
        let got = assign_reference(&c, 2, || draws.pop().unwrap()).unwrap();
        assert_eq!(got, generated(2));
        assert!(draws.is_empty());
    }

    #[test]
    fn endless_collisions_are_an_error_not_a_loop() {
        let raw = table();
        let c = Conn::sqlite(&raw);
        assign_reference(&c, 1, || generated(1)).unwrap();
        let mut n = 0;
        let got = assign_reference(&c, 2, || {
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
        assign_reference(&c, 2, || generated(2)).unwrap();
        let mut byte = 10;
        let mut next = || {
            byte += 1;
            generated(byte)
        };
        assert_eq!(backfill_references(&c, &mut next).unwrap(), 2);
        assert_eq!(backfill_references(&c, &mut next).unwrap(), 0);
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
