//! The delivery worker: hands due notices to the notifier, at least once.

use crate::db::Conn;
use std::{sync::Arc, time::Duration};

use crate::{db::OptionalExt, params};
use chrono::{NaiveDate, Utc};
use sscard_rules::{
    City,
    wire::{NoticeCategory, NoticeKind, NoticeLanguage, NoticeSettings},
};

use super::{
    NoticeState,
    notifier::{Notifier, Outgoing},
    still_matters,
    templates::{TemplateParams, render},
};
use crate::{clock::Clock, db::Db, problem::ApiResult};

/// How often the worker looks for due notices.
pub const POLL: Duration = Duration::from_millis(500);
/// Notices handled per round.
const BATCH: i64 = 50;
/// Attempts before a notice is given up as failed: with [`backoff_secs`],
/// retries go on for about a day (2 s doubling to 10 minutes, then every 10).
pub const MAX_ATTEMPTS: i64 = 150;
/// How long a notice handed to this worker is not picked up by another
/// instance's worker (a crash mid-delivery: it is sent again after that).
pub const LEASE_SECS: i64 = 15;

/// Seconds to wait after the `attempts`-th failed attempt: 2, 4, 8 … up to 10 minutes.
pub fn backoff_secs(attempts: i64) -> i64 {
    (1_i64 << attempts.clamp(1, 20)).min(600)
}

/// A pending notice that is due, as stored.
struct Due {
    id: i64,
    message_id: String,
    person: i64,
    /// Read per row: a notice whose kind or date this build cannot read fails alone,
    /// instead of holding up every notice behind it.
    kind: crate::db::DbResult<NoticeKind>,
    about: String,
    on: crate::db::DbResult<NaiveDate>,
    attempts: i64,
    to: Option<String>,
    text: Option<String>,
    detail: Option<String>,
}

/// A notice ready to go, its text fixed.
struct Ready {
    id: i64,
    message_id: String,
    to: String,
    text: String,
    attempts: i64,
}

/// Delivers due notices until the server stops.
pub async fn run(db: Db, clock: Arc<Clock>, notifier: Arc<dyn Notifier>) {
    let mut tick = tokio::time::interval(POLL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(e) = deliver_due(&db, clock.today(), notifier.clone()).await {
            tracing::warn!(error = %e.title, "notice delivery round failed");
        }
    }
}

/// One round: decides what is due (expired, skipped or ready, its text fixed),
/// then hands the ready ones to the notifier outside any transaction and marks
/// each sent, or schedules a retry. Returns how many were sent.
pub async fn deliver_due(
    db: &Db,
    today: NaiveDate,
    notifier: Arc<dyn Notifier>,
) -> ApiResult<usize> {
    // A read first: every instance polls twice a second, and a write would take the
    // cluster-wide write lock each time even with nothing to send.
    let now = Utc::now().to_rfc3339();
    let due: bool = db
        .read(|c| {
            Ok(c.query_row(
                "SELECT EXISTS(SELECT 1 FROM notices
                    WHERE state = ?3 AND due_on <= ?1 AND (next_attempt_at IS NULL OR next_attempt_at <= ?2))",
                params![today, now, NoticeState::Pending],
                |r| r.get(0),
            )?)
        })
        .await?;
    if !due {
        return Ok(0);
    }
    let ready = db.write(move |tx| Ok(prepare(tx, today)?)).await?;
    let mut sent = 0;
    for m in ready {
        let (id, attempts) = (m.id, m.attempts);
        let n = notifier.clone();
        let outcome = tokio::task::spawn_blocking(move || {
            n.deliver(&Outgoing {
                message_id: &m.message_id,
                to: &m.to,
                text: &m.text,
            })
        })
        .await;
        // A panicking notifier counts as a failed attempt, like an error.
        let result = outcome.unwrap_or_else(|e| Err(format!("notifier panicked: {e}")));
        let ok = result.is_ok();
        if let Err(e) = &result {
            tracing::warn!(notice = id, error = %e, "notice delivery failed; will retry");
        }
        db.write(move |tx| {
            if ok {
                tx.execute(
                    "UPDATE notices SET state = ?4, sent_on = ?2, attempts = ?3 WHERE id = ?1",
                    params![id, today.to_string(), attempts + 1, NoticeState::Sent],
                )?;
            } else {
                let attempts = attempts + 1;
                let next = Utc::now() + chrono::Duration::seconds(backoff_secs(attempts));
                tx.execute(
                    "UPDATE notices SET attempts = ?2, next_attempt_at = ?3,
                         state = CASE WHEN ?2 >= ?4 THEN ?5 ELSE ?6 END
                     WHERE id = ?1",
                    params![
                        id,
                        attempts,
                        next.to_rfc3339(),
                        MAX_ATTEMPTS,
                        NoticeState::Failed,
                        NoticeState::Pending
                    ],
                )?;
            }
            Ok(())
        })
        .await?;
        sent += usize::from(ok);
    }
    Ok(sent)
}

/// Picks due notices: expires those that no longer matter, skips optional ones
/// the person switched off (or with no mobile on record), fixes the text of
/// the others at their first attempt.
fn prepare(tx: &Conn<'_>, today: NaiveDate) -> crate::db::DbResult<Vec<Ready>> {
    let now = Utc::now();
    let lease = (now + chrono::Duration::seconds(LEASE_SECS)).to_rfc3339();
    let now = now.to_rfc3339();
    let due: Vec<Due> = tx
        .prepare(
            "SELECT id, message_id, person_id, kind, about, on_date, attempts, to_mobile, text, detail
             FROM notices
             WHERE state = ?4 AND due_on <= ?1 AND (next_attempt_at IS NULL OR next_attempt_at <= ?2)
             ORDER BY id LIMIT ?3",
        )?
        .query_map(params![today, now, BATCH, NoticeState::Pending], |r| {
            Ok(Due {
                id: r.get(0)?,
                message_id: r.get(1)?,
                person: r.get(2)?,
                kind: r.get(3),
                about: r.get(4)?,
                on: r.get(5),
                attempts: r.get(6)?,
                to: r.get(7)?,
                text: r.get(8)?,
                detail: r.get(9)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut ready = Vec::new();
    for d in due {
        let set_state = |state: NoticeState| {
            tx.execute(
                "UPDATE notices SET state = ?2 WHERE id = ?1",
                params![d.id, state],
            )
        };
        let (Ok(kind), Ok(on)) = (d.kind, d.on) else {
            set_state(NoticeState::Failed)?;
            continue;
        };
        let fixed = match (d.to, d.text) {
            // A retry: the same text to the same number.
            (Some(to), Some(text)) => Some((to, text)),
            (to, _) => {
                let first = First {
                    id: d.id,
                    person: d.person,
                    kind,
                    about: &d.about,
                    on,
                    to,
                    detail: d.detail.as_deref(),
                };
                first_attempt(tx, today, &first)?
            }
        };
        let Some((to, text)) = fixed else {
            continue;
        };
        tx.execute(
            "UPDATE notices SET next_attempt_at = ?2 WHERE id = ?1",
            params![d.id, lease],
        )?;
        ready.push(Ready {
            id: d.id,
            message_id: d.message_id,
            to,
            text,
            attempts: d.attempts,
        });
    }
    Ok(ready)
}

/// A notice at its first attempt.
struct First<'a> {
    id: i64,
    person: i64,
    kind: NoticeKind,
    about: &'a str,
    on: NaiveDate,
    /// A fixed recipient, else the mobile on record.
    to: Option<String>,
    detail: Option<&'a str>,
}

/// Expires a notice that no longer matters, skips one switched off (or with no
/// number), else fixes its number and text; `Some((to, text))` when it goes.
fn first_attempt(
    tx: &Conn<'_>,
    today: NaiveDate,
    n: &First<'_>,
) -> crate::db::DbResult<Option<(String, String)>> {
    let set_state = |state: NoticeState| {
        tx.execute(
            "UPDATE notices SET state = ?2 WHERE id = ?1",
            params![n.id, state],
        )
    };
    if !still_matters(tx, n.kind, n.about, n.on, today)? {
        set_state(NoticeState::Expired)?;
        return Ok(None);
    }
    let settings = settings_of(tx, n.person)?;
    let wanted = match n.kind.category() {
        NoticeCategory::Security => true,
        NoticeCategory::Status => settings.status_notices,
        NoticeCategory::Reminder => settings.reminders,
    };
    let on_record: Option<String> = tx.query_row(
        "SELECT mobile FROM persons WHERE id = ?1",
        params![n.person],
        |r| r.get(0),
    )?;
    let (true, Some(to)) = (wanted, n.to.clone().or(on_record)) else {
        set_state(NoticeState::Skipped)?;
        return Ok(None);
    };
    let hotline = city_of(tx, n.about, n.person)?
        .and_then(|city| sscard_rules::policy(city, today).ok())
        .and_then(|p| p.hotline.map(|h| h.value.into_owned()));
    let reference = hotline_reference(tx, n.about)?;
    let text = render(
        n.kind,
        settings.language,
        &TemplateParams {
            reference: &reference,
            date: Some(n.on),
            hotline: hotline.as_deref(),
            detail: n.detail,
        },
    );
    tx.execute(
        "UPDATE notices SET to_mobile = ?2, language = ?3, text = ?4 WHERE id = ?1",
        params![n.id, to, settings.language, text],
    )?;
    Ok(Some((to, text)))
}

/// A person's notice settings (the defaults when they never chose, or when the stored ones
/// cannot be read: a notice, a security notice above all, still goes out).
pub fn settings_of(c: &Conn<'_>, person: i64) -> crate::db::DbResult<NoticeSettings> {
    let row: Option<(NoticeLanguage, bool, bool)> = c
        .query_row(
            "SELECT language, status_notices, reminders FROM notice_settings WHERE person_id = ?1",
            params![person],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()
        .or_else(|e| match e {
            crate::db::DbError::Conversion(_) => {
                tracing::error!(person, error = %e, "unreadable notice settings; defaults used");
                Ok(None)
            }
            e => Err(e),
        })?;
    Ok(match row {
        Some((language, status_notices, reminders)) => NoticeSettings {
            language,
            status_notices,
            reminders,
        },
        None => NoticeSettings::default(),
    })
}

/// What a notice calls the application it is about: the hotline reference people quote to
/// 96066, grouped (`K7M-2Q9-XD4F`, DECISIONS D34), also for a card (its application's); the
/// public id only if there is none.
fn hotline_reference(c: &Conn<'_>, about: &str) -> crate::db::DbResult<String> {
    let stored: Option<String> = c.query_row(
        "SELECT COALESCE(
             (SELECT reference FROM applications WHERE public_id = ?1),
             (SELECT a.reference FROM cards c JOIN applications a ON a.id = c.application_id
              WHERE c.public_id = ?1))",
        params![about],
        |r| r.get(0),
    )?;
    Ok(stored
        .and_then(|s| sscard_rules::Reference::parse(&s).ok())
        .map_or_else(|| about.to_owned(), |r| r.to_string()))
}

/// The city whose hotline a notice names: its application's or card's, else
/// the person's latest card or application; none when it cannot be read (the notice then
/// names no hotline rather than not going out).
fn city_of(c: &Conn<'_>, about: &str, person: i64) -> crate::db::DbResult<Option<City>> {
    let city = c.query_row(
        "SELECT city FROM (
             SELECT city, 0 AS o FROM applications WHERE public_id = ?1
             UNION ALL SELECT city, 1 FROM cards WHERE public_id = ?1
             UNION ALL SELECT city, 2 FROM (SELECT city FROM cards WHERE holder_id = ?2 OR guardian_id = ?2 ORDER BY id DESC LIMIT 1) AS latest_card
             UNION ALL SELECT city, 3 FROM (SELECT city FROM applications WHERE applicant_id = ?2 ORDER BY id DESC LIMIT 1) AS latest_application
         ) AS candidates ORDER BY o LIMIT 1",
        params![about, person],
        |r| r.get::<_, String>(0),
    )
    .optional()?;
    Ok(city.and_then(|id| {
        let city = City::from_id(&id);
        if city.is_none() {
            tracing::error!(
                about,
                "a stored city this build does not know; no hotline named"
            );
        }
        city
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_to_ten_minutes() {
        let waits: Vec<i64> = (1..=11).map(backoff_secs).collect();
        assert_eq!(waits, [2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600]);
    }
}
