//! The PostgreSQL backend, for several stateless instances over one shared database.
//!
//! Writes keep the semantics they have on SQLite: each runs in one transaction that first
//! takes a cluster-wide transaction lock (`pg_advisory_xact_lock`), so writes from every
//! instance follow one another exactly as they do behind SQLite's single writer. No write path
//! needs a second, weaker reasoning about concurrency (an idempotency check, a throttle
//! count and a one-replacement-per-card check each read and then write), and the database's
//! unique indexes stay a second line. Writes are rare next to status reads (a city's whole
//! changeover is a few applications a second); reads take no lock and scale with instances.
//!
//! Connections come from two small pools of blocking clients (the `postgres` crate, see
//! [`super::pg_pool`]), one for reads and one for writes, used on the blocking thread pool.

use std::time::Duration;

use super::{Conn, DbResult, conn::PgConn, pg_pool::Pool};
use crate::problem::ApiError;

/// The migrations, applied in order, each once, recorded by name (as on SQLite).
const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_schema",
        include_str!("../../migrations/postgres/0001_schema.sql"),
    ),
    (
        "0011_cleanup_indexes",
        include_str!("../../migrations/postgres/0011_cleanup_indexes.sql"),
    ),
    (
        "0012_city_terms",
        include_str!("../../migrations/postgres/0012_city_terms.sql"),
    ),
];

/// The advisory lock key every write transaction and the migrations take ("sscard" in ASCII).
const WRITE_LOCK: i64 = 0x7373_6361_7264;

/// Connections per instance for reads, which run side by side.
pub const READ_POOL: usize = 8;

/// Connections per instance for writes. Writes follow one another across the cluster, so a
/// few are enough; separate from the reads' so that writes queued behind the write lock never
/// hold the connections status reads need.
pub const WRITE_POOL: usize = 2;

/// Limits every session sets, so nothing waits forever: a statement (a write waiting for the
/// write lock included), a lock wait, a transaction left open by a stuck or vanished
/// instance (its locks are freed when PostgreSQL ends the session).
const SESSION_LIMITS: &str = "-c statement_timeout=15000 -c lock_timeout=10000 \
                              -c idle_in_transaction_session_timeout=30000";

/// The PostgreSQL store.
pub struct Store {
    shown: String,
    reads: Pool,
    writes: Pool,
    /// One slot per pooled connection: a request waits for a connection here, asynchronously,
    /// instead of holding a thread while the pool is busy (`Db::read`, `Db::write`).
    pub read_slots: tokio::sync::Semaphore,
    /// See `read_slots`.
    pub write_slots: tokio::sync::Semaphore,
}

impl Store {
    /// Connects to `url` (`postgres://user@host:port/db`), applies migrations and the backfill.
    pub fn open(url: &str) -> Result<Self, String> {
        let mut config: postgres::Config = url
            .parse()
            .map_err(|e| format!("cannot read the database URL: {e}"))?;
        config.connect_timeout(Duration::from_secs(5));
        config.application_name("sscard-server");
        config.options(SESSION_LIMITS);
        // A peer that vanished (a crashed machine, a cut network) is noticed in about a
        // minute, not after the system's two hours.
        config.keepalives(true);
        config.keepalives_idle(Duration::from_secs(30));
        config.keepalives_interval(Duration::from_secs(10));
        config.keepalives_retries(3);
        let shown = shown(&config);
        let store = Self {
            shown,
            reads: Pool::new(config.clone(), READ_POOL),
            writes: Pool::new(config, WRITE_POOL),
            read_slots: tokio::sync::Semaphore::new(READ_POOL),
            write_slots: tokio::sync::Semaphore::new(WRITE_POOL),
        };
        store
            .writes
            .with(migrate)
            .and_then(|r| r)
            .map_err(|e| format!("cannot prepare {}: {e}", store.shown))?;
        store
            .write(|c| {
                let n = crate::store::references::backfill(c, crate::ids::reference)?;
                if n > 0 {
                    tracing::info!(applications = n, "references given to older applications");
                }
                Ok(())
            })
            .map_err(|e| format!("reference backfill failed: {}", e.title))?;
        Ok(store)
    }

    /// The database, for logs: host, port and name, never a password.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Runs `f` on a pooled connection, outside a transaction (each statement on its own).
    pub fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Conn<'_>) -> Result<T, ApiError>,
    {
        self.reads
            .with(|c| f(&Conn::postgres(c)))
            .map_err(ApiError::internal)?
    }

    /// Runs `f` in one transaction behind the cluster-wide write lock; commits when `f`
    /// returns `Ok`, rolls back otherwise.
    pub fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Conn<'_>) -> Result<T, ApiError>,
    {
        self.writes
            .with(|c| {
                // READ COMMITTED whatever the database's default: each statement then sees
                // what the writers before this one committed while it waited for the lock.
                c.failed = false;
                c.client
                    .batch_execute("BEGIN ISOLATION LEVEL READ COMMITTED READ WRITE")
                    .inspect_err(|_| c.broken = true)
                    .map_err(ApiError::internal)?;
                let locked = Conn::postgres(c).query_row(
                    "SELECT pg_advisory_xact_lock(?1)",
                    [WRITE_LOCK],
                    |_| Ok(()),
                );
                let mut out = locked
                    .map_err(ApiError::internal)
                    .and_then(|()| f(&Conn::postgres(c)));
                if out.is_ok() && c.failed {
                    // A statement failed and its error was handled: PostgreSQL has aborted
                    // the transaction, so COMMIT would roll back without a word.
                    out = Err(ApiError::internal(
                        "a statement of the transaction failed; nothing was written",
                    ));
                }
                let end = if out.is_ok() { "COMMIT" } else { "ROLLBACK" };
                if let Err(e) = c.client.batch_execute(end) {
                    c.broken = true;
                    if out.is_ok() {
                        return Err(ApiError::internal(e));
                    }
                    // The rollback failed too: the connection is dropped (which ends the
                    // transaction); the first error is the one to answer.
                    tracing::warn!(error = %e, "rollback failed; connection dropped");
                }
                out
            })
            .map_err(ApiError::internal)?
    }
}

/// Applies the migrations not recorded yet, under the write lock held for the session (a
/// second instance starting at the same moment waits, then finds the work done).
fn migrate(c: &mut PgConn) -> DbResult<()> {
    c.client
        .execute("SELECT pg_advisory_lock($1)", &[&WRITE_LOCK])?;
    let out = (|| {
        c.client.batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                 name        TEXT COLLATE \"C\" PRIMARY KEY,
                 applied_at  TEXT COLLATE \"C\" NOT NULL
             )",
        )?;
        for (name, sql) in MIGRATIONS {
            let applied: bool = c
                .client
                .query_one(
                    "SELECT EXISTS(SELECT 1 FROM schema_migrations WHERE name = $1)",
                    &[name],
                )?
                .get(0);
            if !applied {
                tracing::info!(migration = name, "applying migration");
                let mut tx = c.client.transaction()?;
                tx.batch_execute(sql)?;
                tx.execute(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)",
                    &[name, &chrono::Utc::now().to_rfc3339()],
                )?;
                tx.commit()?;
            }
        }
        Ok(())
    })();
    c.client
        .execute("SELECT pg_advisory_unlock($1)", &[&WRITE_LOCK])?;
    out
}

/// `host:port/dbname` of a configuration, for logs.
fn shown(config: &postgres::Config) -> String {
    let host = config
        .get_hosts()
        .first()
        .map(|h| match h {
            postgres::config::Host::Tcp(name) => name.clone(),
            postgres::config::Host::Unix(path) => path.display().to_string(),
        })
        .unwrap_or_default();
    let port = config.get_ports().first().copied().unwrap_or(5432);
    format!(
        "postgres://{host}:{port}/{}",
        config.get_dbname().unwrap_or_default()
    )
}
