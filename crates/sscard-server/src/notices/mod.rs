//! Notices: a transactional outbox and its delivery.
//!
//! * [`enqueue`] is called inside the transaction of the event that causes the
//!   notice (an application reaching a state, a loss report, a password
//!   change), so a notice is never lost and never exists for a rolled-back
//!   event. A unique key per event makes every event produce one notice, once.
//! * [`worker`] delivers due notices through a [`notifier::Notifier`]: at least
//!   once, with a stable message id and a text fixed at the first attempt, so a
//!   gateway can drop a duplicate after a crash; failures are retried with
//!   backoff. A notice that can no longer matter when it is due (the card was
//!   collected, the loss already ended) expires instead.
//! * Status notices and reminders follow the person's settings; security
//!   notices are always sent. Texts: [`templates`].

pub mod notifier;
pub mod templates;
pub mod worker;

use crate::{db::Conn, params};
use chrono::{NaiveDate, Utc};
use sscard_rules::{
    SocialState,
    wire::{ApplicationStatus, NoticeKind},
};

use crate::ids;

/// Where a notice is in its delivery (the `notices.state` column, by its serde name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeState {
    /// Recorded; sent when due (again after a failed attempt).
    Pending,
    /// Handed to the channel.
    Sent,
    /// It no longer mattered when it was due.
    Expired,
    /// Switched off by the person, or no mobile on record.
    Skipped,
    /// Given up after the last attempt.
    Failed,
}

/// Whether an event records its notices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notices {
    /// A real event: its notices are recorded.
    Record,
    /// The demo seed writes a fictitious past nobody was told about.
    Withhold,
}

/// A notice to record.
#[derive(Debug, Clone)]
pub struct NewNotice<'a> {
    /// Who receives it.
    pub person: i64,
    /// What it is about.
    pub kind: NoticeKind,
    /// The public id of the application or card it is about (a person's for
    /// account notices).
    pub about: &'a str,
    /// The (service) day of the event, or the date the notice names.
    pub on: NaiveDate,
    /// The (service) day from which it may be sent.
    pub due_on: NaiveDate,
    /// What makes this notice unique (one notice per event).
    pub event: &'a str,
    /// A fixed recipient (the old number of a mobile change); `None`: the
    /// person's mobile on record when the notice is sent.
    pub to: Option<&'a str>,
    /// A template parameter (the new number's last 4 digits).
    pub detail: Option<&'a str>,
}

/// Records a notice in the caller's transaction; a second call for the same
/// event does nothing.
pub fn enqueue(tx: &Conn<'_>, n: &NewNotice<'_>) -> crate::db::DbResult<()> {
    tx.execute(
        "INSERT INTO notices (message_id, dedupe_key, person_id, kind, about, on_date, due_on, created_at, to_mobile, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (dedupe_key) DO NOTHING",
        params![
            ids::public_id("msg"),
            format!("{}:{}:{}:{}", n.kind, n.about, n.event, n.person),
            n.person,
            n.kind,
            n.about,
            n.on,
            n.due_on,
            Utc::now().to_rfc3339(),
            n.to,
            n.detail,
        ],
    )?;
    Ok(())
}

/// The status notice of an application event, for whoever submitted it (the
/// guardian, for a child), with the reminder that goes with it.
pub fn for_application_event(
    tx: &Conn<'_>,
    app: i64,
    status: ApplicationStatus,
    on: NaiveDate,
) -> crate::db::DbResult<()> {
    let kind = match status {
        ApplicationStatus::Submitted => NoticeKind::ApplicationReceived,
        ApplicationStatus::Made => NoticeKind::CardMade,
        ApplicationStatus::SentByPost => NoticeKind::CardPosted,
        ApplicationStatus::AtBranch => NoticeKind::CardAtBranch,
        ApplicationStatus::Enabled => NoticeKind::CardEnabled,
        ApplicationStatus::Accepted
        | ApplicationStatus::InProduction
        | ApplicationStatus::Collected => return Ok(()),
    };
    let (person, about, replacement): (i64, String, bool) = tx.query_row(
        "SELECT applicant_id, public_id, replaces_card_id IS NOT NULL FROM applications WHERE id = ?1",
        params![app],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    // A replacement's receipt is its security notice (always sent, with the reference): one
    // text, not two at the same moment.
    if replacement && kind == NoticeKind::ApplicationReceived {
        return Ok(());
    }
    let mut notice = NewNotice {
        person,
        kind,
        about: &about,
        on,
        due_on: on,
        event: "status",
        to: None,
        detail: None,
    };
    enqueue(tx, &notice)?;
    // A card at the branch gets a reminder if it is still there after the
    // rules crate's days (D30; the seeds set no collection deadline to name).
    if kind == NoticeKind::CardAtBranch
        && let Some(remind) = sscard_rules::uncollected_reminder_on(on)
    {
        notice.kind = NoticeKind::CardUncollected;
        notice.on = remind;
        notice.due_on = remind;
        enqueue(tx, &notice)?;
    }
    Ok(())
}

/// Whether a due notice still matters on `today`; otherwise it expires unsent.
pub fn still_matters(
    c: &Conn<'_>,
    kind: NoticeKind,
    about: &str,
    on: NaiveDate,
    today: NaiveDate,
) -> crate::db::DbResult<bool> {
    match kind {
        // Only while the loss still lifts on that day, and not after it.
        NoticeKind::LossLiftsTomorrow => Ok(today < on
            && c.query_row(
                "SELECT EXISTS(SELECT 1 FROM cards WHERE public_id = ?1
                 AND social_state = ?3 AND temp_loss_lift_on = ?2)",
                params![about, on, SocialState::TempLost],
                |r| r.get(0),
            )?),
        // Only while the card still waits at the branch.
        NoticeKind::CardAtBranch | NoticeKind::CardUncollected => c.query_row(
            "SELECT EXISTS(SELECT 1 FROM applications WHERE public_id = ?1 AND status = ?2)",
            params![about, ApplicationStatus::AtBranch],
            |r| r.get(0),
        ),
        _ => Ok(true),
    }
}
