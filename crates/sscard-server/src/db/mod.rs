//! Storage: one store interface over two backends.
//!
//! * **SQLite** ([`sqlite`]), the embedded default: one file in the data directory, for trying
//!   the product and for a small deployment on one machine.
//! * **PostgreSQL** ([`postgres`]), with `--database postgres://…`: any number of stateless
//!   instances over one shared database.
//!
//! Handlers and stores see neither: they run closures on a [`Conn`] through [`Db::read`] and
//! [`Db::write`], with SQL written once in the subset both understand ([`dialect`]) and
//! values that convert the same way on both ([`value`]). A write is one transaction, and
//! writes follow one another on either backend (SQLite's single writer; PostgreSQL's
//! cluster-wide transaction lock), so every write path reasons about concurrency once.

mod conn;
pub mod dialect;
mod enums;
mod pg_pool;
mod postgres;
mod sqlite;
mod value;

use sscard_rules::ProblemCode;
use std::{path::PathBuf, sync::Arc};

pub use conn::{Backend, Conn, OptionalExt, Row};
pub use value::{FromValue, Params, ToValue, Value};

use crate::problem::ApiError;

/// Where the data lives.
#[derive(Clone, PartialEq, Eq)]
pub enum Target {
    /// `<data_dir>/sscard.sqlite3`.
    Sqlite(PathBuf),
    /// A PostgreSQL URL.
    Postgres(String),
}

impl std::fmt::Debug for Target {
    // Never the URL: it may carry a password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Sqlite(dir) => f.debug_tuple("Sqlite").field(dir).finish(),
            Self::Postgres(_) => f.write_str("Postgres(..)"),
        }
    }
}

impl Target {
    /// The PostgreSQL URL when one is given, else the SQLite file in `data_dir`.
    pub fn choose(database: Option<&str>, data_dir: &std::path::Path) -> Self {
        match database {
            Some(url) => Self::Postgres(url.to_owned()),
            None => Self::Sqlite(data_dir.to_path_buf()),
        }
    }
}

/// An error from storage; never shown to clients (see [`ApiError::internal`]).
#[derive(Debug)]
pub enum DbError {
    /// A query for one row selected none (see [`OptionalExt::optional`]).
    NoRows,
    /// From SQLite.
    Sqlite(rusqlite::Error),
    /// From PostgreSQL.
    Postgres(::postgres::Error),
    /// A column held something its reader cannot take.
    Conversion(String),
    /// No connection could be had.
    Pool(String),
    /// A text parameter holds NUL (see `conn::checked`).
    NulInText,
}

/// The result of a storage call.
pub type DbResult<T> = Result<T, DbError>;

impl DbError {
    /// Whether a unique index or a primary key refused the row.
    pub fn is_unique_violation(&self) -> bool {
        match self {
            Self::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => {
                e.code == rusqlite::ErrorCode::ConstraintViolation
                    && matches!(
                        e.extended_code,
                        rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                            | rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
                    )
            }
            Self::Postgres(e) => e.code() == Some(&::postgres::error::SqlState::UNIQUE_VIOLATION),
            _ => false,
        }
    }
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoRows => f.write_str("query returned no rows"),
            Self::Sqlite(e) => write!(f, "sqlite: {e}"),
            Self::Postgres(e) => match e.as_db_error() {
                Some(db) => write!(f, "postgres: {} ({})", db.message(), db.code().code()),
                None => write!(f, "postgres: {e}"),
            },
            Self::Conversion(e) => write!(f, "conversion: {e}"),
            Self::Pool(e) => write!(f, "pool: {e}"),
            Self::NulInText => f.write_str("a text parameter holds NUL"),
        }
    }
}

impl std::error::Error for DbError {}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::QueryReturnedNoRows => Self::NoRows,
            e => Self::Sqlite(e),
        }
    }
}

impl From<::postgres::Error> for DbError {
    fn from(e: ::postgres::Error) -> Self {
        Self::Postgres(e)
    }
}

impl From<DbError> for ApiError {
    fn from(e: DbError) -> Self {
        match e {
            // What the client sent, not a fault of the server: the same answer on both backends.
            DbError::NulInText => ApiError::new(
                axum::http::StatusCode::BAD_REQUEST,
                ProblemCode::TextNul.id(),
                "内容含有不允许的字符",
            ),
            e => ApiError::internal(e),
        }
    }
}

/// Runs `f` on one plain connection to `target`, opened for it and closed after (tools and
/// tests that look into a running server's database). Neither migrates nor pools; call it
/// outside an async runtime's threads (the PostgreSQL client blocks).
pub fn connect_once<T>(target: &Target, f: impl FnOnce(&Conn<'_>) -> DbResult<T>) -> DbResult<T> {
    match target {
        Target::Sqlite(dir) => {
            let c = rusqlite::Connection::open(dir.join("sscard.sqlite3"))?;
            c.busy_timeout(std::time::Duration::from_secs(5))?;
            f(&Conn::sqlite(&c))
        }
        Target::Postgres(url) => {
            let mut c = conn::PgConn::new(::postgres::Client::connect(url, ::postgres::NoTls)?);
            f(&Conn::postgres(&mut c))
        }
    }
}

/// The database handle; cheap to clone.
#[derive(Clone)]
pub struct Db {
    store: Arc<Store>,
}

enum Store {
    Sqlite(sqlite::Store),
    Postgres(Box<postgres::Store>),
}

impl Db {
    /// Opens the store (creating the SQLite file when missing) and applies migrations.
    pub fn open(target: &Target) -> Result<Self, String> {
        let store = match target {
            Target::Sqlite(dir) => Store::Sqlite(sqlite::Store::open(dir)?),
            Target::Postgres(url) => Store::Postgres(Box::new(postgres::Store::open(url)?)),
        };
        Ok(Self {
            store: Arc::new(store),
        })
    }

    /// Which backend this is.
    pub fn backend(&self) -> Backend {
        match *self.store {
            Store::Sqlite(_) => Backend::Sqlite,
            Store::Postgres(_) => Backend::Postgres,
        }
    }

    /// The database, for logs: the SQLite file, or PostgreSQL's host, port and name.
    pub fn describe(&self) -> String {
        match &*self.store {
            Store::Sqlite(s) => s.path().display().to_string(),
            Store::Postgres(s) => s.shown().to_owned(),
        }
    }

    /// Runs `f` with a reading connection.
    ///
    /// On SQLite it runs inline: reads are short indexed lookups that, in WAL mode, never
    /// wait for the writer, and a hop to the blocking pool would cost more than the query.
    /// A PostgreSQL read waits on the network, so the worker thread hands its other tasks
    /// on while it waits (`block_in_place`).
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Conn<'_>) -> Result<T, ApiError>,
    {
        match &*self.store {
            Store::Postgres(s) => {
                let multi_thread = tokio::runtime::Handle::try_current().is_ok_and(|h| {
                    h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread
                });
                if !multi_thread {
                    // The blocking client runs its own runtime, which cannot start inside
                    // a current-thread one; the server always runs multi-threaded.
                    return Err(ApiError::internal(
                        "PostgreSQL reads need tokio's multi-thread runtime",
                    ));
                }
                let _slot = s.read_slots.acquire().await.map_err(ApiError::internal)?;
                tokio::task::block_in_place(|| s.read(f))
            }
            Store::Sqlite(s) => s.read(f),
        }
    }

    /// Runs `f` inside one write transaction, on the blocking pool. The transaction commits
    /// when `f` returns `Ok` and rolls back otherwise; no other write runs meanwhile.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Conn<'_>) -> Result<T, ApiError> + Send + 'static,
    {
        let _slot = match &*self.store {
            Store::Postgres(s) => Some(s.write_slots.acquire().await.map_err(ApiError::internal)?),
            Store::Sqlite(_) => None,
        };
        let store = self.store.clone();
        tokio::task::spawn_blocking(move || match &*store {
            Store::Sqlite(s) => s.write(f),
            Store::Postgres(s) => s.write(f),
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// Whether the database answers a query now and can take writes (readiness): on
    /// PostgreSQL, a server in recovery (a standby the address still points at) cannot.
    pub async fn ping(&self) -> bool {
        let sql = match self.backend() {
            Backend::Sqlite => "SELECT 1",
            Backend::Postgres => "SELECT CASE WHEN pg_is_in_recovery() THEN 0 ELSE 1 END",
        };
        self.read(|c| Ok(c.query_row(sql, crate::params![], |r| r.get::<_, i64>(0))?))
            .await
            .is_ok_and(|one| one == 1)
    }
}
