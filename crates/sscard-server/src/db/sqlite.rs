//! The SQLite backend, the embedded default: one file under the data directory, WAL mode,
//! migrations at start.
//!
//! One writer connection behind a mutex serialises every write (so two
//! concurrent submissions can never both pass an idempotency check), and a few
//! reader connections serve the many status reads in parallel — WAL lets them
//! read while the writer writes. Writes run on the blocking thread pool.

use std::{
    path::{Path, PathBuf},
    sync::{
        Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use rusqlite::Connection;

use super::{Conn, DbResult};
use crate::problem::ApiError;

/// The migrations, applied in order, each once: the `schema_migrations` table records which ran
/// by name, so branches that add migrations in different orders still upgrade every database.
/// (Before that table, `user_version` counted them; a database from then is read by that count.)
const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_initial",
        include_str!("../../migrations/sqlite/0001_initial.sql"),
    ),
    (
        "0002_next_due",
        include_str!("../../migrations/sqlite/0002_next_due.sql"),
    ),
    (
        "0003_identity",
        include_str!("../../migrations/sqlite/0003_identity.sql"),
    ),
    (
        "0004_notices",
        include_str!("../../migrations/sqlite/0004_notices.sql"),
    ),
    (
        "0005_initial_passwords",
        include_str!("../../migrations/sqlite/0005_initial_passwords.sql"),
    ),
    (
        "0006_mobile_changes",
        include_str!("../../migrations/sqlite/0006_mobile_changes.sql"),
    ),
    (
        "0008_person_details",
        include_str!("../../migrations/sqlite/0008_person_details.sql"),
    ),
    (
        "0009_replacements",
        include_str!("../../migrations/sqlite/0009_replacements.sql"),
    ),
    (
        "0010_references",
        include_str!("../../migrations/sqlite/0010_references.sql"),
    ),
    (
        "0011_cleanup_indexes",
        include_str!("../../migrations/sqlite/0011_cleanup_indexes.sql"),
    ),
    (
        "0012_city_terms",
        include_str!("../../migrations/sqlite/0012_city_terms.sql"),
    ),
];

/// The first line of a migration that rebuilds tables. SQLite drops a table's children's rows
/// (`ON DELETE CASCADE`) when the table is dropped with foreign keys on, and the pragma cannot
/// change inside a transaction, so such a migration runs with them off and is checked with
/// `PRAGMA foreign_key_check` before it commits.
const REBUILDS_TABLES: &str = "-- sscard: rebuilds tables";

/// Number of reader connections.
const READERS: usize = 4;

/// The SQLite store.
pub struct Store {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
}

impl Store {
    /// Opens (creating when missing) `<data_dir>/sscard.sqlite3` and applies migrations.
    pub fn open(data_dir: &Path) -> Result<Self, String> {
        crate::private_files::private_dir(data_dir)?;
        let path = data_dir.join("sscard.sqlite3");
        // SQLite gives its -wal and -shm files the mode of the database file,
        // so creating the database 0600 first keeps all three private.
        for file in [
            path.clone(),
            data_dir.join("sscard.sqlite3-wal"),
            data_dir.join("sscard.sqlite3-shm"),
        ] {
            crate::private_files::private_file(&file, file == path)?;
        }
        let writer =
            open_conn(&path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        migrate(&writer).map_err(|e| format!("migration failed: {e}"))?;
        backfill(&writer).map_err(|e| format!("reference backfill failed: {e}"))?;
        let mut readers = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            readers.push(Mutex::new(
                open_conn(&path).map_err(|e| format!("cannot open {}: {e}", path.display()))?,
            ));
        }
        Ok(Self {
            path,
            writer: Mutex::new(writer),
            readers,
            next_reader: AtomicUsize::new(0),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` with a reader connection, on the calling thread.
    ///
    /// Reads are short indexed lookups (tens of microseconds) and, in WAL mode,
    /// never wait for the writer, so they run inline: a hop to the blocking
    /// pool would cost more than the query (status reads are the hot path).
    pub fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Conn<'_>) -> Result<T, ApiError>,
    {
        let inner = self;
        let start = inner.next_reader.fetch_add(1, Ordering::Relaxed);
        // Take the first free reader, starting at a rotating index.
        for i in 0..inner.readers.len() {
            if let Ok(conn) = inner.readers[(start + i) % inner.readers.len()].try_lock() {
                return f(&Conn::sqlite(&conn));
            }
        }
        let conn = inner.readers[start % inner.readers.len()]
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        f(&Conn::sqlite(&conn))
    }

    /// Runs `f` inside one immediate transaction on the writer connection, on the calling
    /// thread (the caller is on the blocking pool).
    ///
    /// The transaction commits when `f` returns `Ok` and rolls back otherwise.
    pub fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Conn<'_>) -> Result<T, ApiError>,
    {
        let mut conn = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(ApiError::internal)?;
        let out = f(&Conn::sqlite(&tx))?;
        tx.commit().map_err(ApiError::internal)?;
        Ok(out)
    }
}

fn open_conn(path: &Path) -> DbResult<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    // WAL: readers do not block the writer; NORMAL sync is durable across
    // process crashes (only an OS crash may lose the last transactions).
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Every query goes through the statement cache (`db::Conn`); the server has more than
    // rusqlite's default 16.
    conn.set_prepared_statement_cache_capacity(128);
    Ok(conn)
}

fn migrate(conn: &Connection) -> DbResult<()> {
    // IMMEDIATE: a second instance starting at the same moment waits, then finds the work done.
    conn.execute_batch(
        "BEGIN IMMEDIATE;
         CREATE TABLE IF NOT EXISTS schema_migrations (
             name        TEXT PRIMARY KEY,
             applied_at  TEXT NOT NULL
         );",
    )?;
    let recorded: i64 =
        conn.query_row("SELECT COUNT(*) FROM schema_migrations", [], |r| r.get(0))?;
    if recorded == 0 {
        // A database from before the table: `user_version` counted the migrations that ran,
        // in the order of this list's first entries.
        let done: usize = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        for (name, _) in MIGRATIONS.iter().take(done) {
            conn.execute(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (?1, 'before the table')",
                [name],
            )?;
        }
    }
    conn.execute_batch("COMMIT;")?;
    for (name, sql) in MIGRATIONS {
        let rebuilds = sql.starts_with(REBUILDS_TABLES);
        if rebuilds {
            // Only outside a transaction does the pragma take effect.
            conn.pragma_update(None, "foreign_keys", "OFF")?;
        }
        let result = apply(conn, name, sql, rebuilds);
        if rebuilds {
            conn.pragma_update(None, "foreign_keys", "ON")?;
        }
        result?;
    }
    // Kept for tools that read it: how many migrations this database has.
    conn.pragma_update(None, "user_version", MIGRATIONS.len())?;
    Ok(())
}

/// Applies one migration and records it, in one transaction; a rebuild must not break a
/// foreign key.
fn apply(conn: &Connection, name: &str, sql: &str, rebuilds: bool) -> DbResult<()> {
    let tx = rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
    // Read under the write lock: a second instance starting at once finds the work done.
    let applied: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM schema_migrations WHERE name = ?1)",
        [name],
        |r| r.get(0),
    )?;
    if !applied {
        tracing::info!(migration = name, "applying migration");
        // A rebuild must not break a reference; rows a hand edit left broken before it are no
        // reason to refuse to start, so the check compares before and after.
        let broken_before = if rebuilds { broken_keys(&tx)? } else { 0 };
        tx.execute_batch(sql)?;
        if rebuilds {
            let broken = broken_keys(&tx)?;
            if broken > broken_before {
                return Err(super::DbError::Conversion(format!(
                    "{name} would break {} foreign keys",
                    broken - broken_before
                )));
            }
            if broken > 0 {
                tracing::warn!(rows = broken, "rows whose foreign keys were already broken");
            }
        }
        tx.execute(
            "INSERT INTO schema_migrations (name, applied_at) VALUES (?1, ?2)",
            rusqlite::params![name, chrono::Utc::now().to_rfc3339()],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// How many rows have a foreign key pointing at nothing.
fn broken_keys(tx: &rusqlite::Transaction<'_>) -> DbResult<i64> {
    Ok(
        tx.query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })?,
    )
}

/// What SQL migrations cannot do, run right after them on every start (each step idempotent):
/// applications from before 0010 get a hotline reference (the check symbol is Rust code).
fn backfill(conn: &Connection) -> DbResult<()> {
    // IMMEDIATE: two instances starting at once take turns instead of one failing on a
    // read lock it cannot upgrade.
    let tx = rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
    let n = crate::store::references::backfill(&Conn::sqlite(&tx), crate::ids::reference)?;
    tx.commit()?;
    if n > 0 {
        tracing::info!(applications = n, "references given to older applications");
    }
    Ok(())
}
