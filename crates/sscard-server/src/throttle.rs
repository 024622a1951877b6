//! Sign-in throttling: growing delays per (ID number, client), per ID number
//! and per client address, persisted in the database.
//!
//! Why not a hard lock of the account: anyone who knows an ID number could
//! lock its holder out, again and again. Instead each limited thing has a
//! bucket of failures; after a few free attempts every further one must wait
//! a delay that doubles up to a cap, and the count is forgotten after a quiet
//! period. The buckets are chosen so that an attacker cannot turn them against
//! the victim:
//!
//! * per (ID number, client): the tight one; the victim is another client;
//! * per ID number across clients, which stops a guesser with many addresses,
//!   does not apply to a browser the person has signed in from before (the
//!   `sscard_device` cookie, see `routes::auth`), nor to the one-time code sent
//!   to the mobile on record;
//! * per client address, which stops one address trying many ID numbers, is
//!   loose (many people share an address behind a NAT) and also skips known
//!   browsers.
//!
//! Buckets are keyed by a keyed MAC of what they limit, whether or not the ID
//! number is on record, so they behave the same for unknown ID numbers (no
//! enumeration) and store no ID number in clear. An attempt is counted before
//! it is evaluated and forgiven when it succeeds, in the writer's transaction,
//! so concurrent guesses cannot get more tries than allowed. The rows live in
//! the database: a restart forgets nothing, and several instances share them.

use crate::{
    db::{Conn, OptionalExt},
    params,
};

use crate::secret::{Purpose, ServerKey};

/// How one kind of bucket counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Prefix of the bucket key (names the policy in the database).
    pub name: &'static str,
    /// Attempts without any delay; the attempt that reaches it starts the first delay.
    pub free: u32,
    /// The first delay, in seconds; each further attempt doubles it.
    pub base_secs: i64,
    /// The longest delay, in seconds.
    pub cap_secs: i64,
    /// After this many seconds without an attempt the count starts again.
    pub forget_after_secs: i64,
}

const MINUTE: i64 = 60;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// Wrong service passwords from one client for one ID number.
pub const PASSWORD_PER_CLIENT: Policy = Policy {
    name: "pw-client",
    free: 5,
    base_secs: 30,
    cap_secs: 15 * MINUTE,
    forget_after_secs: DAY,
};

/// Wrong service passwords for one ID number from clients it does not know.
/// A 6-digit password must not be guessable from many addresses: after 10
/// failures, one try per delay, growing to one a day.
pub const PASSWORD_PER_SUBJECT: Policy = Policy {
    name: "pw-subject",
    free: 10,
    base_secs: MINUTE,
    cap_secs: DAY,
    forget_after_secs: 7 * DAY,
};

/// Wrong service passwords from one client address, any ID number
/// (`free` is scaled by `--sign-in-attempts`).
pub const PASSWORD_PER_ADDRESS: Policy = Policy {
    name: "pw-address",
    free: 200,
    base_secs: 10,
    cap_secs: 10 * MINUTE,
    forget_after_secs: HOUR,
};

/// Code requests from one client for one ID number (each may send a text).
pub const CODE_REQUEST_PER_CLIENT: Policy = Policy {
    name: "code-client",
    free: 5,
    base_secs: MINUTE,
    cap_secs: HOUR,
    forget_after_secs: DAY,
};

/// Codes actually sent to one ID number's mobile (against text-message bombing):
/// a hard cap of 10 a day; the tenth starts a day without texts.
pub const CODE_DELIVERY_PER_SUBJECT: Policy = Policy {
    name: "code-sent",
    free: 10,
    base_secs: DAY,
    cap_secs: DAY,
    forget_after_secs: DAY,
};

/// Codes sent as the second step of a sign-in with the initial password: their
/// own hard cap of 10 a day, so that someone who has only the ID number cannot
/// use up the codes of `/auth/code` (which also needs the name and mobile).
pub const CODE_SIGN_IN_STEP_PER_SUBJECT: Policy = Policy {
    name: "code-step",
    free: 10,
    base_secs: DAY,
    cap_secs: DAY,
    forget_after_secs: DAY,
};

/// Codes sent to a new mobile (a mobile change): their own 10 a day, so that
/// changes cannot use up the codes the person signs in with.
pub const CODE_CHANGE_PER_SUBJECT: Policy = Policy {
    name: "code-change",
    free: 10,
    base_secs: DAY,
    cap_secs: DAY,
    forget_after_secs: DAY,
};

/// Code requests from one client address, any ID number (scaled like the password one).
pub const CODE_REQUEST_PER_ADDRESS: Policy = Policy {
    name: "code-address",
    free: 200,
    base_secs: 10,
    cap_secs: 10 * MINUTE,
    forget_after_secs: HOUR,
};

/// Wrong one-time codes from one client address, any challenge (scaled like the password one).
pub const CODE_CHECK_PER_ADDRESS: Policy = Policy {
    name: "code-check",
    free: 200,
    base_secs: 10,
    cap_secs: 10 * MINUTE,
    forget_after_secs: HOUR,
};

/// A guardian's applications for children the registry does not confirm as
/// theirs: each is a guess at a child's name, ID number and guardian.
pub const MINOR_CHECK_PER_PERSON: Policy = Policy {
    name: "minor-check",
    free: 5,
    base_secs: MINUTE,
    cap_secs: DAY,
    forget_after_secs: DAY,
};

impl Policy {
    /// This policy with `free` replaced (the `--sign-in-attempts` scaling).
    pub const fn with_free(self, free: u32) -> Self {
        Self { free, ..self }
    }

    /// Seconds to wait after the `failures`-th counted attempt (0 below `free`).
    pub fn delay_after(&self, failures: u32) -> i64 {
        if failures < self.free {
            return 0;
        }
        let doublings = (failures - self.free).min(40);
        self.base_secs
            .saturating_mul(1_i64 << doublings)
            .min(self.cap_secs)
    }
}

/// One bucket: a policy and the MAC of what it limits.
#[derive(Debug, Clone)]
pub struct Bucket {
    policy: Policy,
    key: String,
}

impl Bucket {
    /// The bucket of `policy` for `parts` (e.g. an ID number and a client address).
    pub fn new(server_key: &ServerKey, policy: Policy, parts: &[&str]) -> Self {
        let mut all = vec![policy.name];
        all.extend_from_slice(parts);
        Self {
            policy,
            key: format!(
                "{}:{}",
                policy.name,
                server_key.mac(Purpose::Throttle, &all)
            ),
        }
    }
}

type Row = (u32, i64, Option<i64>);

fn load(tx: &Conn<'_>, b: &Bucket, now: i64) -> crate::db::DbResult<Row> {
    let row: Option<Row> = tx
        .query_row(
            "SELECT failures, last_at, blocked_until FROM throttle WHERE bucket = ?1",
            params![b.key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(match row {
        Some((_, last, _)) if now - last > b.policy.forget_after_secs => (0, now, None),
        Some(r) => r,
        None => (0, now, None),
    })
}

/// Seconds until every bucket lets an attempt through (0: now).
pub fn wait(tx: &Conn<'_>, buckets: &[&Bucket], now: i64) -> crate::db::DbResult<i64> {
    let mut wait = 0;
    for b in buckets {
        if let (_, _, Some(until)) = load(tx, b, now)? {
            wait = wait.max(until - now);
        }
    }
    Ok(wait)
}

/// The attempts counted on `b` and not yet forgotten.
pub fn failures(tx: &Conn<'_>, b: &Bucket, now: i64) -> crate::db::DbResult<u32> {
    Ok(load(tx, b, now)?.0)
}

/// Counts one attempt on `b` and starts its delay when due.
pub fn count(tx: &Conn<'_>, b: &Bucket, now: i64) -> crate::db::DbResult<()> {
    let (failures, _, _) = load(tx, b, now)?;
    let failures = failures.saturating_add(1);
    let delay = b.policy.delay_after(failures);
    tx.execute(
        "INSERT INTO throttle (bucket, failures, last_at, blocked_until) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(bucket) DO UPDATE SET failures = excluded.failures,
             last_at = excluded.last_at, blocked_until = excluded.blocked_until",
        params![b.key, failures, now, (delay > 0).then_some(now + delay)],
    )?;
    Ok(())
}

/// `Err(seconds)` when any bucket must wait; otherwise counts one attempt on
/// each (to be forgiven with [`forgive`] if the attempt succeeds).
pub fn admit(tx: &Conn<'_>, buckets: &[&Bucket], now: i64) -> crate::db::DbResult<Result<(), i64>> {
    let w = wait(tx, buckets, now)?;
    if w > 0 {
        return Ok(Err(w));
    }
    for b in buckets {
        count(tx, b, now)?;
    }
    Ok(Ok(()))
}

/// Takes back the attempt [`admit`] counted, after it succeeded.
///
/// The (ID number, client) bucket is emptied: the client proved it knows the
/// secret. Shared buckets only lose this one attempt, so a success in the
/// middle of an attack does not reset the attacker's count.
pub fn forgive(tx: &Conn<'_>, b: &Bucket, empty: bool) -> crate::db::DbResult<()> {
    if empty {
        tx.execute("DELETE FROM throttle WHERE bucket = ?1", params![b.key])?;
    } else {
        tx.execute(
            "UPDATE throttle SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END,
                 blocked_until = CASE WHEN failures - 1 < ?2 THEN NULL ELSE blocked_until END
             WHERE bucket = ?1",
            params![b.key, b.policy.free],
        )?;
    }
    Ok(())
}

/// Forgets buckets idle for longer than any policy remembers.
pub fn sweep(tx: &Conn<'_>, now: i64) -> crate::db::DbResult<usize> {
    tx.execute(
        "DELETE FROM throttle WHERE last_at < ?1 AND (blocked_until IS NULL OR blocked_until < ?2)",
        params![now - PASSWORD_PER_SUBJECT.forget_after_secs, now],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_from_the_free_attempts_to_the_cap() {
        let p = PASSWORD_PER_CLIENT;
        let delays: Vec<i64> = (1..=12).map(|n| p.delay_after(n)).collect();
        assert_eq!(delays, [0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
        assert_eq!(PASSWORD_PER_SUBJECT.delay_after(100), DAY);
        assert_eq!(PASSWORD_PER_SUBJECT.delay_after(u32::MAX), DAY);
    }
}
