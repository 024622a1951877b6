//! Simulated card production: the stand-in for the card centre and the banks.
//!
//! Applications move through their states on dates derived from the rules
//! crate's timeline (the production deadline stored at submission, and the
//! official working-day calendar). Every step gets the date it was due, so a
//! jump of the demo clock yields the same history as waiting.
//!
//! Assumptions the seeds leave open (shown as such in the docs):
//! * accepted the first working day after submission, production starts the
//!   next working day, the card is made on the production deadline;
//! * postal transit takes 3 natural days (the seeds give no figure);
//! * where a city states no production time (Shanghai, Urumqi), the card is made
//!   [`UNSTATED_PRODUCTION_DAYS`] natural days after submission; the citizen is never shown
//!   this as a rule (D36);
//! * a card waiting at a branch is collected 2 days later, and the branch
//!   enables the social function and activates the financial one (Q15).

use crate::db::Conn;
use crate::params;
use chrono::NaiveDate;
use sscard_rules::{
    Actor, ApplicationContext, ApplicationEvent, ApplicationState, Bank, Calendar, CardAction,
    CardContext, CardState, City, PickupMethod, SocialState, application_transition,
    card_transition, wire::ApplicationStatus,
};

use crate::{cardstate, db::Db, ids, notices::Notices, problem::ApiResult, store};

/// Assumed postal transit in natural days (demo assumption, not a rule).
pub const TRANSIT_DAYS: u64 = 3;
/// Natural days the simulated card centre takes where the sources state no production time
/// (demo assumption, not a rule).
pub const UNSTATED_PRODUCTION_DAYS: u64 = 30;
/// Days a card waits at the branch before the simulated holder collects it.
pub const BRANCH_WAIT_DAYS: u64 = 2;

fn next_working_day(d: NaiveDate) -> NaiveDate {
    Calendar::current()
        .add_working_days(d, 1)
        .map(|s| s.end)
        .unwrap_or_else(|_| d.succ_opt().unwrap_or(d))
}

/// The simulated schedule of an application, in order.
pub fn schedule(
    submitted: NaiveDate,
    deadline: NaiveDate,
    pickup: PickupMethod,
) -> Vec<(ApplicationStatus, NaiveDate)> {
    let accepted = next_working_day(submitted);
    let in_production = next_working_day(accepted);
    let made = deadline.max(in_production);
    let mut s = vec![
        (ApplicationStatus::Accepted, accepted),
        (ApplicationStatus::InProduction, in_production),
        (ApplicationStatus::Made, made),
    ];
    if pickup == PickupMethod::Mail {
        s.push((ApplicationStatus::SentByPost, made));
        s.push((
            ApplicationStatus::Collected,
            sscard_rules::add_days(made, TRANSIT_DAYS).unwrap_or(made),
        ));
    } else {
        let at_branch = next_working_day(made);
        let collected = sscard_rules::add_days(at_branch, BRANCH_WAIT_DAYS).unwrap_or(at_branch);
        s.push((ApplicationStatus::AtBranch, at_branch));
        s.push((ApplicationStatus::Collected, collected));
        s.push((ApplicationStatus::Enabled, collected));
    }
    s
}

fn rank(s: ApplicationStatus) -> u8 {
    match s {
        ApplicationStatus::Submitted => 0,
        ApplicationStatus::Accepted => 1,
        ApplicationStatus::InProduction => 2,
        ApplicationStatus::Made => 3,
        ApplicationStatus::SentByPost | ApplicationStatus::AtBranch => 4,
        ApplicationStatus::Collected => 5,
        ApplicationStatus::Enabled => 6,
    }
}

/// An application production has not finished with.
struct OpenApplication {
    id: i64,
    status: ApplicationStatus,
    submitted_on: NaiveDate,
    /// The rules' production deadline; `None` where the sources state none.
    deadline: Option<NaiveDate>,
    pickup: PickupMethod,
    subject: i64,
    /// The guardian who applied for a minor.
    guardian: Option<i64>,
    city: City,
    /// `None` where the sources name no banks (Shanghai, D36).
    bank: Option<Bank>,
}

/// The applications with a step due by `today`. A row this build cannot read (an unknown
/// city, a broken date) is logged by id and left alone: it must not stop everyone else's cards.
fn open_applications(tx: &Conn<'_>, today: NaiveDate) -> ApiResult<Vec<OpenApplication>> {
    let rows = tx.query_all(
        "SELECT a.id, a.status, a.submitted_on, a.production_deadline, a.pickup, a.subject_id,
                (SELECT applicant_id FROM applications WHERE id = a.id AND actor = ?2),
                a.city, a.bank
         FROM applications a
         WHERE a.status NOT IN (?3, ?4)
           AND (a.next_due_on IS NULL OR a.next_due_on <= ?1)",
        params![
            today,
            Actor::Guardian,
            ApplicationStatus::Collected,
            ApplicationStatus::Enabled
        ],
        |r| {
            let id: i64 = r.get(0)?;
            let read = || -> crate::db::DbResult<OpenApplication> {
                Ok(OpenApplication {
                    id,
                    status: r.get(1)?,
                    submitted_on: r.get(2)?,
                    deadline: r.get(3)?,
                    pickup: r.get(4)?,
                    subject: r.get(5)?,
                    guardian: r.get(6)?,
                    city: r.get(7)?,
                    bank: r.get(8)?,
                })
            };
            Ok(read()
                .inspect_err(|e| {
                    tracing::error!(application = id, error = %e, "unreadable application skipped by production");
                })
                .ok())
        },
    )?;
    Ok(rows.into_iter().flatten().collect())
}

/// Moves every application and temporary loss forward to `today`.
pub async fn advance(db: &Db, today: NaiveDate) -> ApiResult<usize> {
    db.write(move |tx| advance_tx(tx, today, Notices::Record))
        .await
}

/// [`advance`] inside a transaction; returns the number of events added.
pub fn advance_tx(tx: &Conn<'_>, today: NaiveDate, notices: Notices) -> ApiResult<usize> {
    // A temporary loss lifts itself once the rules crate's AutoLift is due.
    let lost: Vec<i64> = tx.query_all(
        "SELECT id FROM cards WHERE social_state = ?1",
        params![SocialState::TempLost],
        |r| r.get(0),
    )?;
    let ctx = CardContext {
        on: today,
        channel: None,
    };
    for card in lost {
        let state = cardstate::load(tx, card)?;
        if let Ok(t) = card_transition(&state, CardAction::AutoLift, &ctx) {
            cardstate::store(tx, card, &t.result.state, None)?;
        }
    }
    let mut added = 0;
    for app in open_applications(tx, today)? {
        let mut current = rank(app.status);
        let actx = ApplicationContext {
            city: app.city,
            pickup: app.pickup,
        };
        let mut rules_state = rules_state_of(app.status);
        let deadline = app.deadline.unwrap_or_else(|| {
            sscard_rules::add_days(app.submitted_on, UNSTATED_PRODUCTION_DAYS)
                .unwrap_or(app.submitted_on)
        });
        let steps = schedule(app.submitted_on, deadline, app.pickup);
        for &(kind, on) in &steps {
            if rank(kind) <= current {
                continue;
            }
            if on > today {
                break;
            }
            // Each step must be a transition the rules crate's state machine allows.
            if let Some(event) = rules_event(kind) {
                match application_transition(rules_state, event, &actx) {
                    Ok(next) => rules_state = next,
                    Err(e) => {
                        tracing::warn!(application = app.id, step = ?kind, error = %e, "production step refused by the rules");
                        break;
                    }
                }
            }
            store::applications::add_event(tx, app.id, kind, on, notices)?;
            current = rank(kind);
            added += 1;
            if kind == ApplicationStatus::Collected {
                issue_card(tx, &app, on)?;
            }
        }
        let next_due = steps
            .iter()
            .find(|(k, _)| rank(*k) > current)
            .map(|(_, on)| *on);
        tx.execute(
            "UPDATE applications SET next_due_on = ?2 WHERE id = ?1",
            params![app.id, next_due],
        )?;
    }
    Ok(added)
}

/// The rules crate's application state for a stored status.
fn rules_state_of(s: ApplicationStatus) -> ApplicationState {
    match s {
        ApplicationStatus::Submitted | ApplicationStatus::Accepted => ApplicationState::Submitted,
        ApplicationStatus::InProduction => ApplicationState::InProduction,
        ApplicationStatus::Made => ApplicationState::Produced,
        ApplicationStatus::SentByPost => ApplicationState::InTransit,
        ApplicationStatus::AtBranch => ApplicationState::ReadyAtBranch,
        ApplicationStatus::Collected | ApplicationStatus::Enabled => ApplicationState::Received,
    }
}

/// The rules crate's event for a step ("accepted" and "enabled" are not
/// application transitions there: acceptance is this service's receipt, and
/// enabling is a card transition).
fn rules_event(s: ApplicationStatus) -> Option<ApplicationEvent> {
    match s {
        ApplicationStatus::InProduction => Some(ApplicationEvent::StartProduction),
        ApplicationStatus::Made => Some(ApplicationEvent::FinishProduction),
        ApplicationStatus::SentByPost => Some(ApplicationEvent::Dispatch),
        ApplicationStatus::AtBranch => Some(ApplicationEvent::ReadyForPickup),
        ApplicationStatus::Collected => Some(ApplicationEvent::Receive),
        _ => None,
    }
}

/// Creates the card of a collected application, in the state the rules crate
/// gives a card received this way (posted: not enabled; at a branch: enabled
/// and, the branch activating it, financially active — Q15). The holder's
/// service password starts as the last 6 characters of the ID number (Q17).
fn issue_card(tx: &Conn<'_>, app: &OpenApplication, on: NaiveDate) -> ApiResult<()> {
    let state = CardState::received(
        app.city,
        app.pickup,
        app.pickup == PickupMethod::Branch,
        false,
    );
    let number: String = ids::random_bytes::<8>()
        .iter()
        .map(|b| format!("{:02}", b % 100))
        .collect();
    tx.execute(
        "INSERT INTO cards (public_id, holder_id, guardian_id, application_id, city, bank, card_number,
            social_state, financial_state, issued_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            ids::public_id("card"),
            app.subject,
            app.guardian,
            app.id,
            app.city,
            app.bank,
            number,
            state.social,
            state.financial,
            on,
            chrono::Utc::now().to_rfc3339()
        ],
    )?;
    if state.social == SocialState::Enabled {
        cardstate::end_replaced_card(tx, app.id, on)?;
    }
    // The holder's service password starts as the last 6 characters of the ID
    // number (manual Q17); it is not stored until changed (`password::Stored::Initial`).
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedule_is_ordered_and_ends_collected() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        for pickup in [PickupMethod::Mail, PickupMethod::Branch] {
            let s = schedule(d("2026-03-02"), d("2026-04-01"), pickup);
            assert!(s.windows(2).all(|w| w[0].1 <= w[1].1), "{s:?}");
            assert!(s.iter().any(|(k, _)| *k == ApplicationStatus::Collected));
            assert_eq!(s[2], (ApplicationStatus::Made, d("2026-04-01")));
        }
    }
}
