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
//! * a card waiting at a branch is collected 2 days later, and the branch
//!   enables the social function and activates the financial one (Q15).

use chrono::NaiveDate;
use rusqlite::params;
use sscard_rules::{Calendar, wire::ApplicationStatus};

use crate::{db::Db, ids, password, problem::ApiResult, store};

/// Assumed postal transit in natural days (demo assumption, not a rule).
pub const TRANSIT_DAYS: u64 = 3;
/// Days a card waits at the branch before the simulated holder collects it.
pub const BRANCH_WAIT_DAYS: u64 = 2;

fn next_working_day(d: NaiveDate) -> NaiveDate {
    Calendar::embedded()
        .add_working_days(d, 1)
        .map(|s| s.end)
        .unwrap_or_else(|_| d.succ_opt().unwrap_or(d))
}

/// The simulated schedule of an application, in order.
pub fn schedule(
    submitted: NaiveDate,
    deadline: NaiveDate,
    mail: bool,
) -> Vec<(ApplicationStatus, NaiveDate)> {
    let accepted = next_working_day(submitted);
    let in_production = next_working_day(accepted);
    let made = deadline.max(in_production);
    let mut s = vec![
        (ApplicationStatus::Accepted, accepted),
        (ApplicationStatus::InProduction, in_production),
        (ApplicationStatus::Made, made),
    ];
    if mail {
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

/// (id, status, submitted_on, deadline, pickup, subject, guardian, city, bank)
type OpenRow = (
    i64,
    String,
    String,
    String,
    String,
    i64,
    Option<i64>,
    String,
    String,
);

/// Moves every application and temporary loss forward to `today`.
pub async fn advance(db: &Db, today: NaiveDate) -> ApiResult<usize> {
    db.write(move |tx| advance_tx(tx, today)).await
}

/// [`advance`] inside a transaction; returns the number of events added.
pub fn advance_tx(tx: &rusqlite::Transaction<'_>, today: NaiveDate) -> ApiResult<usize> {
    let t = today.to_string();
    // A temporary loss lifts itself on its lift day (rules crate's date).
    tx.execute(
        "UPDATE cards SET social_state = 'enabled', temp_loss_on = NULL, temp_loss_lift_on = NULL
         WHERE social_state = 'temp_lost' AND temp_loss_lift_on <= ?1",
        params![t],
    )?;
    let open: Vec<OpenRow> = tx
        .prepare(
            "SELECT a.id, a.status, a.submitted_on, a.production_deadline, a.pickup, a.subject_id,
                    (SELECT applicant_id FROM applications WHERE id = a.id AND actor = 'guardian'),
                    a.city, a.bank
             FROM applications a WHERE a.status NOT IN ('collected', 'enabled')",
        )?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    let mut added = 0;
    for (id, status, submitted, deadline, pickup, subject, guardian, city, bank) in open {
        let (Ok(submitted), Ok(deadline)) = (submitted.parse(), deadline.parse()) else {
            continue;
        };
        let mut current = rank(store::parse_status(&status));
        let mail = pickup == "mail";
        for (kind, on) in schedule(submitted, deadline, mail) {
            if rank(kind) <= current {
                continue;
            }
            if on > today {
                break;
            }
            store::add_event(tx, id, kind, on)?;
            current = rank(kind);
            added += 1;
            if kind == ApplicationStatus::Collected {
                issue_card(tx, id, subject, guardian, &city, &bank, on, !mail)?;
            }
        }
    }
    Ok(added)
}

/// Creates the card of a collected application. The holder's service password
/// starts as the last 6 characters of the ID number (manual Q17).
#[allow(clippy::too_many_arguments)]
fn issue_card(
    tx: &rusqlite::Transaction<'_>,
    app: i64,
    holder: i64,
    guardian: Option<i64>,
    city: &str,
    bank: &str,
    on: NaiveDate,
    at_branch: bool,
) -> ApiResult<()> {
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
            holder,
            guardian,
            app,
            city,
            bank,
            number,
            if at_branch { "enabled" } else { "not_enabled" },
            if at_branch { "active" } else { "not_activated" },
            on.to_string(),
            chrono::Utc::now().to_rfc3339()
        ],
    )?;
    set_initial_password(tx, holder)
}

/// Gives a person without a service password the initial one.
pub fn set_initial_password(tx: &rusqlite::Transaction<'_>, person: i64) -> ApiResult<()> {
    let (hash, id_number): (Option<String>, String) = tx.query_row(
        "SELECT password_hash, id_number FROM persons WHERE id = ?1",
        params![person],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if hash.is_none() {
        let initial = id_number.get(12..).unwrap_or_default();
        tx.execute(
            "UPDATE persons SET password_hash = ?2, password_is_initial = 1 WHERE id = ?1",
            params![person, password::hash(initial)],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedule_is_ordered_and_ends_collected() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        for mail in [true, false] {
            let s = schedule(d("2026-03-02"), d("2026-04-01"), mail);
            assert!(s.windows(2).all(|w| w[0].1 <= w[1].1), "{s:?}");
            assert!(s.iter().any(|(k, _)| *k == ApplicationStatus::Collected));
            assert_eq!(s[2], (ApplicationStatus::Made, d("2026-04-01")));
        }
    }
}
