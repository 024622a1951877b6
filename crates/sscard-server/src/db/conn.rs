//! [`Conn`]: one connection (or transaction) of either backend, with the small query API the
//! server uses: `execute`, `query_row`, `prepare(…).query_map(…)`. Rows are read through
//! [`Row::get`], parameters bound through [`Params`]; both go through [`Value`], so a query
//! written once runs on SQLite and on PostgreSQL.

use std::{cell::RefCell, collections::HashMap};

use super::{
    DbError, DbResult,
    dialect::to_postgres,
    value::{FromValue, Params, Value},
};

/// Which database a [`Conn`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// The embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// A PostgreSQL connection with the statements it has prepared (by their SQLite text), so a
/// hot query is parsed once per connection instead of once per call.
pub struct PgConn {
    /// The connection.
    pub client: postgres::Client,
    statements: HashMap<String, postgres::Statement>,
    /// A statement of the open transaction failed: PostgreSQL has aborted it, and a `COMMIT`
    /// would quietly roll back, so the write must not report success.
    pub failed: bool,
    /// Transaction control failed: the session's state is unknown, so it is not reused.
    pub broken: bool,
    /// When it was last handed back, to check a long-idle one before use.
    pub idle_since: std::time::Instant,
}

impl PgConn {
    /// Wraps a fresh connection.
    pub fn new(client: postgres::Client) -> Self {
        Self {
            client,
            statements: HashMap::new(),
            failed: false,
            broken: false,
            idle_since: std::time::Instant::now(),
        }
    }

    /// Runs `f` on the client; an error from the server marks the transaction failed.
    fn run<T>(
        &mut self,
        sql: &str,
        f: impl FnOnce(&mut postgres::Client, &postgres::Statement) -> Result<T, postgres::Error>,
    ) -> DbResult<T> {
        let out = self
            .statement(sql)
            .and_then(|s| f(&mut self.client, &s).map_err(DbError::from));
        if out.is_err() {
            self.failed = true;
        }
        out
    }

    fn statement(&mut self, sql: &str) -> DbResult<postgres::Statement> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let s = self.client.prepare(&to_postgres(sql))?;
        self.statements.insert(sql.to_owned(), s.clone());
        Ok(s)
    }
}

/// A connection, or the transaction a write runs in: the same API either way.
pub struct Conn<'a>(Kind<'a>);

enum Kind<'a> {
    Sqlite(&'a rusqlite::Connection),
    Postgres(RefCell<&'a mut PgConn>),
}

impl<'a> Conn<'a> {
    /// A SQLite connection (a `rusqlite::Transaction` derefs to one).
    pub fn sqlite(c: &'a rusqlite::Connection) -> Self {
        Self(Kind::Sqlite(c))
    }

    /// A PostgreSQL connection; a transaction when the caller began one.
    pub fn postgres(c: &'a mut PgConn) -> Self {
        Self(Kind::Postgres(RefCell::new(c)))
    }

    /// Which backend this is.
    pub fn backend(&self) -> Backend {
        match self.0 {
            Kind::Sqlite(_) => Backend::Sqlite,
            Kind::Postgres(_) => Backend::Postgres,
        }
    }

    /// Runs one statement; returns the number of rows it changed.
    pub fn execute<P: Params>(&self, sql: &str, params: P) -> DbResult<usize> {
        let values = checked(params)?;
        match &self.0 {
            Kind::Sqlite(c) => Ok(c
                .prepare_cached(sql)?
                .execute(rusqlite::params_from_iter(values.iter()))?),
            Kind::Postgres(c) => {
                let n = c
                    .borrow_mut()
                    .run(sql, |client, s| client.execute(s, &pg_params(&values)))?;
                Ok(usize::try_from(n).unwrap_or(usize::MAX))
            }
        }
    }

    /// The first row `sql` selects, through `f`; [`DbError::NoRows`] when there is none
    /// (see [`OptionalExt::optional`]).
    pub fn query_row<T, P, F>(&self, sql: &str, params: P, f: F) -> DbResult<T>
    where
        P: Params,
        F: FnOnce(&Row<'_>) -> DbResult<T>,
    {
        let values = checked(params)?;
        match &self.0 {
            Kind::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let mut rows = stmt.query(rusqlite::params_from_iter(values.iter()))?;
                match rows.next()? {
                    Some(row) => f(&Row(RowKind::Sqlite(row))),
                    None => Err(DbError::NoRows),
                }
            }
            Kind::Postgres(c) => {
                let rows = c
                    .borrow_mut()
                    .run(sql, |client, s| client.query(s, &pg_params(&values)))?;
                match rows.first() {
                    Some(row) => f(&Row(RowKind::Postgres(row))),
                    None => Err(DbError::NoRows),
                }
            }
        }
    }

    /// A statement to run with [`Stmt::query_map`].
    pub fn prepare<'s>(&'s self, sql: &'s str) -> DbResult<Stmt<'s, 'a>> {
        Ok(Stmt { conn: self, sql })
    }

    /// The same as [`Conn::prepare`]: both backends keep every statement prepared per
    /// connection.
    pub fn prepare_cached<'s>(&'s self, sql: &'s str) -> DbResult<Stmt<'s, 'a>> {
        self.prepare(sql)
    }

    /// Every row `sql` selects, each through `f`.
    pub fn query_all<T, P, F>(&self, sql: &str, params: P, mut f: F) -> DbResult<Vec<T>>
    where
        P: Params,
        F: FnMut(&Row<'_>) -> DbResult<T>,
    {
        let values = checked(params)?;
        match &self.0 {
            Kind::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let mut rows = stmt.query(rusqlite::params_from_iter(values.iter()))?;
                let mut out = Vec::new();
                while let Some(row) = rows.next()? {
                    out.push(f(&Row(RowKind::Sqlite(row)))?);
                }
                Ok(out)
            }
            Kind::Postgres(c) => {
                let rows = c
                    .borrow_mut()
                    .run(sql, |client, s| client.query(s, &pg_params(&values)))?;
                rows.iter()
                    .map(|row| f(&Row(RowKind::Postgres(row))))
                    .collect()
            }
        }
    }

    /// Runs several statements without parameters (migrations, transaction control).
    pub fn execute_batch(&self, sql: &str) -> DbResult<()> {
        match &self.0 {
            Kind::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Kind::Postgres(c) => Ok(c.borrow_mut().client.batch_execute(sql)?),
        }
    }
}

/// A statement from [`Conn::prepare`].
pub struct Stmt<'s, 'a> {
    conn: &'s Conn<'a>,
    sql: &'s str,
}

impl Stmt<'_, '_> {
    /// See [`Conn::query_row`].
    pub fn query_row<T, P, F>(&self, params: P, f: F) -> DbResult<T>
    where
        P: Params,
        F: FnOnce(&Row<'_>) -> DbResult<T>,
    {
        self.conn.query_row(self.sql, params, f)
    }

    /// Every row, each through `f`; collect with `.collect::<Result<Vec<_>, _>>()`.
    pub fn query_map<T, P, F>(&self, params: P, f: F) -> DbResult<std::vec::IntoIter<DbResult<T>>>
    where
        P: Params,
        F: FnMut(&Row<'_>) -> DbResult<T>,
    {
        let rows = self.conn.query_all(self.sql, params, f)?;
        Ok(rows.into_iter().map(Ok).collect::<Vec<_>>().into_iter())
    }
}

/// One row of a result.
pub struct Row<'r>(RowKind<'r>);

enum RowKind<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Postgres(&'r postgres::Row),
}

/// A column position (as in rusqlite, only by number: names differ in case between backends).
pub trait ColIndex {
    /// The 0-based position.
    fn position(self) -> usize;
}

impl ColIndex for usize {
    fn position(self) -> usize {
        self
    }
}

impl Row<'_> {
    /// Column `idx`, converted.
    pub fn get<I: ColIndex, T: FromValue>(&self, idx: I) -> DbResult<T> {
        let i = idx.position();
        let v = match &self.0 {
            RowKind::Sqlite(r) => match r.get_ref(i)? {
                rusqlite::types::ValueRef::Null => Value::Null,
                rusqlite::types::ValueRef::Integer(n) => Value::Int(n),
                rusqlite::types::ValueRef::Text(t) => Value::Text(
                    String::from_utf8(t.to_vec())
                        .map_err(|e| DbError::Conversion(e.to_string()))?,
                ),
                other => {
                    return Err(DbError::Conversion(format!(
                        "column {i}: unexpected {:?}",
                        other.data_type()
                    )));
                }
            },
            RowKind::Postgres(r) => pg_value(r, i)?,
        };
        T::from_value(v).map_err(|e| DbError::Conversion(format!("column {i}: {e}")))
    }
}

/// Turns [`DbError::NoRows`] into `Ok(None)`.
pub trait OptionalExt<T> {
    /// `Some` row, or `None` when the query selected nothing.
    fn optional(self) -> DbResult<Option<T>>;
}

impl<T> OptionalExt<T> for DbResult<T> {
    fn optional(self) -> DbResult<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(DbError::NoRows) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(i) => ToSqlOutput::Borrowed(ValueRef::Integer(*i)),
            Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        })
    }
}

/// The values of `params`, refused when a text holds NUL: PostgreSQL cannot store it in text
/// (SQLite can), and nothing the service stores needs it, so both backends answer alike.
fn checked<P: Params>(params: P) -> DbResult<Vec<Value>> {
    let values = params.values();
    if values
        .iter()
        .any(|v| matches!(v, Value::Text(s) if s.contains('\0')))
    {
        return Err(DbError::NulInText);
    }
    Ok(values)
}

fn pg_params(values: &[Value]) -> Vec<&(dyn postgres::types::ToSql + Sync)> {
    values
        .iter()
        .map(|v| v as &(dyn postgres::types::ToSql + Sync))
        .collect()
}

fn pg_value(r: &postgres::Row, i: usize) -> DbResult<Value> {
    use postgres::types::Type;
    let ty = r
        .columns()
        .get(i)
        .ok_or_else(|| DbError::Conversion(format!("no column {i}")))?
        .type_()
        .clone();
    let v = match ty {
        Type::INT8 => r.try_get::<_, Option<i64>>(i)?.map(Value::Int),
        Type::INT4 => r
            .try_get::<_, Option<i32>>(i)?
            .map(|n| Value::Int(n.into())),
        Type::INT2 => r
            .try_get::<_, Option<i16>>(i)?
            .map(|n| Value::Int(n.into())),
        Type::BOOL => r
            .try_get::<_, Option<bool>>(i)?
            .map(|b| Value::Int(b.into())),
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME => {
            r.try_get::<_, Option<String>>(i)?.map(Value::Text)
        }
        other => {
            return Err(DbError::Conversion(format!(
                "column {i}: unexpected type {other}"
            )));
        }
    };
    Ok(v.unwrap_or(Value::Null))
}

impl postgres::types::ToSql for Value {
    fn to_sql(
        &self,
        ty: &postgres::types::Type,
        out: &mut bytes::BytesMut,
    ) -> Result<postgres::types::IsNull, Box<dyn std::error::Error + Sync + Send>> {
        use postgres::types::{IsNull, Type};
        // PostgreSQL infers each parameter's type from where it stands; a value converts to
        // it the way SQLite's type affinity would.
        match (self, ty) {
            (Value::Null, _) => Ok(IsNull::Yes),
            (Value::Int(n), &Type::INT8) => n.to_sql(ty, out),
            (Value::Int(n), &Type::INT4) => i32::try_from(*n)?.to_sql(ty, out),
            (Value::Int(n), &Type::INT2) => i16::try_from(*n)?.to_sql(ty, out),
            (Value::Int(n), &Type::BOOL) => (*n != 0).to_sql(ty, out),
            (Value::Int(n), &Type::TEXT | &Type::VARCHAR) => n.to_string().to_sql(ty, out),
            (Value::Text(s), &Type::INT8) => s.parse::<i64>()?.to_sql(ty, out),
            (Value::Text(s), &Type::TEXT | &Type::VARCHAR | &Type::BPCHAR | &Type::NAME) => {
                s.to_sql(ty, out)
            }
            (v, ty) => Err(format!("cannot bind {v:?} as {ty}").into()),
        }
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}
