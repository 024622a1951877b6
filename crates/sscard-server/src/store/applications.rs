//! Applications (first applications and replacements): one row each, with its events.

use chrono::{NaiveDate, Utc};
use sscard_rules::wire::{
    Application, ApplicationEvent, ApplicationStatus, ExpectedDates, GuardianshipProof, PersonRef,
    PostalAddress, ReplacementOf,
};
use sscard_rules::{Actor, Bank, City, PickupMethod, Reference, ReplacementReason};

use super::references;
use crate::{
    auth::mask_id_number,
    db::{Conn, DbResult, OptionalExt},
    ids,
    notices::Notices,
    params,
    problem::ApiResult,
};

/// An application stored under an idempotency key, which a retry with that key answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prior {
    /// Row id.
    pub id: i64,
    /// The hash of the request that stored it.
    pub request_hash: String,
}

/// The application `applicant` stored under idempotency key `key`, if any.
pub fn by_idempotency_key(c: &Conn<'_>, applicant: i64, key: &str) -> DbResult<Option<Prior>> {
    c.query_row(
        "SELECT id, request_hash FROM applications WHERE applicant_id = ?1 AND idempotency_key = ?2",
        params![applicant, key],
        |r| {
            Ok(Prior {
                id: r.get(0)?,
                request_hash: r.get(1)?,
            })
        },
    )
    .optional()
}

/// The reference people quote (grouped; the public id when it has none) of an application for
/// `subject` that is not finished yet, if there is one.
pub fn unfinished_for(c: &Conn<'_>, subject: i64) -> DbResult<Option<String>> {
    let open: Option<Option<String>> = c
        .query_row(
            "SELECT COALESCE(reference, public_id) FROM applications WHERE subject_id = ?1 AND status <> ?2",
            params![subject, ApplicationStatus::Enabled],
            |r| r.get(0),
        )
        .optional()?;
    Ok(open.map(references::grouped))
}

/// A new application: a first application, or a replacement of a card.
#[derive(Debug, Clone)]
pub struct NewApplication {
    /// Who submits it.
    pub applicant: i64,
    /// Whose card it is (the applicant, or the minor of a guardian).
    pub subject: i64,
    /// The holder, or a guardian.
    pub actor: Actor,
    /// For a minor: the guardianship proof given.
    pub guardianship_proof: Option<GuardianshipProof>,
    /// The city.
    pub city: City,
    /// The issuing bank; `None` where the sources name none (Shanghai, D36).
    pub bank: Option<Bank>,
    /// How the card is collected.
    pub pickup: PickupMethod,
    /// The branch, kept for a pickup at a branch.
    pub branch_id: Option<String>,
    /// Where the card goes, kept for a card sent by post.
    pub postal_address: Option<PostalAddress>,
    /// The day of submission.
    pub submitted_on: NaiveDate,
    /// The rules' production deadline; `None` where the sources state none.
    pub production_deadline: Option<NaiveDate>,
    /// The backup community centre for a failed delivery (Shanghai).
    pub backup_centre: Option<String>,
    /// The client's idempotency key.
    pub idempotency_key: String,
    /// The hash of the request, to tell a retry from another request under the same key.
    pub request_hash: String,
    /// For a replacement: the card row it replaces, and why.
    pub replaces: Option<(i64, ReplacementReason)>,
}

/// Stores `new` as submitted, with a hotline reference and its `submitted` event (and, with
/// [`Notices::Record`], that event's notice); returns the row id. A second replacement of the
/// same card is refused by a unique index ([`DbError::is_unique_violation`](crate::db::DbError)).
pub fn insert(tx: &Conn<'_>, new: &NewApplication, notices: Notices) -> DbResult<i64> {
    let postal_address = new
        .postal_address
        .as_ref()
        .filter(|_| new.pickup == PickupMethod::Mail)
        .map(|a| serde_json::to_string(a).unwrap_or_default());
    let id: i64 = tx.query_row(
        "INSERT INTO applications (public_id, applicant_id, subject_id, actor, guardianship_proof,
            city, bank, pickup, branch_id, postal_address, status, submitted_on, production_deadline,
            idempotency_key, request_hash, created_at, replaces_card_id, replacement_reason,
            backup_centre)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)
         RETURNING id",
        params![
            ids::public_id("app"),
            new.applicant,
            new.subject,
            new.actor,
            new.guardianship_proof,
            new.city,
            new.bank,
            new.pickup,
            new.branch_id
                .as_deref()
                .filter(|_| new.pickup == PickupMethod::Branch),
            postal_address,
            ApplicationStatus::Submitted,
            new.submitted_on,
            new.production_deadline,
            new.idempotency_key,
            new.request_hash,
            Utc::now().to_rfc3339(),
            new.replaces.map(|(card, _)| card),
            new.replaces.map(|(_, reason)| reason),
            new.backup_centre.as_deref(),
        ],
        |r| r.get(0),
    )?;
    references::assign(tx, id, ids::reference)?;
    add_event(
        tx,
        id,
        ApplicationStatus::Submitted,
        new.submitted_on,
        notices,
    )?;
    Ok(id)
}

/// Appends an event and moves the application's status.
/// With [`Notices::Record`], the status notice it causes is recorded in the same transaction.
pub fn add_event(
    tx: &Conn<'_>,
    app_id: i64,
    kind: ApplicationStatus,
    on: NaiveDate,
    notices: Notices,
) -> DbResult<()> {
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
pub fn visible_to(c: &Conn<'_>, id: &str, person: i64) -> ApiResult<Option<i64>> {
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

/// Loads one application with its events (two indexed queries).
pub fn load(c: &Conn<'_>, id: i64) -> ApiResult<Application> {
    let stmt = c.prepare_cached(
        "SELECT a.public_id, a.status, a.city, a.bank, a.pickup, a.branch_id,
                s.public_id, s.name, s.id_number, p.public_id, p.name, p.id_number,
                a.actor, a.guardianship_proof, a.submitted_on, a.production_deadline,
                (SELECT public_id FROM cards WHERE application_id = a.id),
                (SELECT public_id FROM cards WHERE id = a.replaces_card_id), a.replacement_reason,
                a.reference, a.backup_centre
         FROM applications a
         JOIN persons s ON s.id = a.subject_id
         JOIN persons p ON p.id = a.applicant_id
         WHERE a.id = ?1",
    )?;
    let mut app = stmt.query_row(params![id], |r| {
        let pickup: PickupMethod = r.get(4)?;
        Ok(Application {
            id: r.get(0)?,
            reference: references::grouped(r.get(19)?),
            status: r.get(1)?,
            city: r.get::<_, City>(2)?,
            bank: r.get::<_, Option<Bank>>(3)?,
            pickup,
            backup_centre: r.get(20)?,
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
            actor: r.get::<_, Actor>(12)?,
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

/// Every application `person` may see, newest first.
pub fn list(c: &Conn<'_>, person: i64) -> ApiResult<Vec<Application>> {
    let ids: Vec<i64> = c
        .prepare_cached(
            "SELECT id FROM applications WHERE applicant_id = ?1 OR subject_id = ?1 ORDER BY id DESC",
        )?
        .query_map(params![person], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.into_iter().map(|id| load(c, id)).collect()
}
