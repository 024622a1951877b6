//! Security events: what a person must hear about through their channel on
//! record, recorded in the same transaction as the change itself (the
//! notification outbox delivers them; a rolled-back change records nothing).

use crate::{db::Conn, params};
use chrono::{NaiveDate, Utc};
use sscard_rules::wire::NoticeKind;

use crate::notices::{self, NewNotice};

/// Something that happened to a person's account or card (the `security_events.kind`
/// column, stored by its serde name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SecurityEvent {
    /// The service password was changed.
    PasswordChanged,
    /// The service password was reset online (after a code to the mobile on record).
    PasswordReset,
    /// A temporary loss was reported for a card the person holds (or, as a
    /// guardian, reported it).
    TemporaryLossReported,
    /// Someone signed in from a browser not used before.
    NewDeviceSignIn,
    /// A password sign-in succeeded after several wrong passwords for the ID number.
    SignInAfterFailures,
    /// The mobile on record was changed (its notices go to both numbers: sent
    /// by the change itself).
    MobileChanged,
    /// A replacement card was requested for a card the person holds (or, as a
    /// guardian, requested it).
    ReplacementRequested,
    /// The address or occupation on record was changed online (told to the
    /// person, and to the guardian who changed a minor's).
    DetailsChanged,
}

/// The notice a security event sends, if any.
const fn notice(event: SecurityEvent) -> Option<NoticeKind> {
    match event {
        SecurityEvent::PasswordChanged => Some(NoticeKind::PasswordChanged),
        SecurityEvent::PasswordReset => Some(NoticeKind::PasswordReset),
        SecurityEvent::TemporaryLossReported => Some(NoticeKind::LossReported),
        SecurityEvent::SignInAfterFailures => Some(NoticeKind::SignInAfterFailures),
        SecurityEvent::ReplacementRequested => Some(NoticeKind::ReplacementRequested),
        SecurityEvent::DetailsChanged => Some(NoticeKind::DetailsChanged),
        // Every browser change would text the person: recorded for the audit
        // trail, not texted.
        SecurityEvent::NewDeviceSignIn => None,
        // Two notices, to the old and the new number (routes::contact).
        SecurityEvent::MobileChanged => None,
    }
}

/// Records `event` for `person`, with its security notice: `about` is what it
/// concerns (a card, or the person's own public id), `on` the date the notice
/// names (the day a loss lifts; else `today`), `today` the service day.
pub fn record(
    tx: &Conn<'_>,
    person: i64,
    event: SecurityEvent,
    about: &str,
    on: NaiveDate,
    today: NaiveDate,
) -> crate::db::DbResult<()> {
    let row: i64 = tx.query_row(
        "INSERT INTO security_events (person_id, kind, occurred_at) VALUES (?1, ?2, ?3)
         RETURNING id",
        params![person, event, Utc::now().to_rfc3339()],
        |r| r.get(0),
    )?;
    // One notice per event; the alarm after failed passwords at most once a day,
    // so that a correct sign-in cannot be turned into a text-message bomb.
    let id = match event {
        SecurityEvent::SignInAfterFailures => format!("day-{today}"),
        _ => row.to_string(),
    };
    if let Some(kind) = notice(event) {
        // To the number on record now: a mobile change right after must not
        // redirect a notice about what happened before it.
        let to: Option<String> = tx.query_row(
            "SELECT mobile FROM persons WHERE id = ?1",
            params![person],
            |r| r.get(0),
        )?;
        notices::enqueue(
            tx,
            &NewNotice {
                person,
                kind,
                about,
                on,
                due_on: today,
                event: &id,
                to: to.as_deref(),
                detail: None,
            },
        )?;
    }
    Ok(())
}

/// [`record`] for an event about the person's account (dated today).
pub fn record_account(
    tx: &Conn<'_>,
    person: i64,
    event: SecurityEvent,
    today: NaiveDate,
) -> crate::db::DbResult<()> {
    let me: String = tx.query_row(
        "SELECT public_id FROM persons WHERE id = ?1",
        params![person],
        |r| r.get(0),
    )?;
    record(tx, person, event, &me, today, today)
}
