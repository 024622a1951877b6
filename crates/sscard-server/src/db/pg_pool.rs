//! A small pool of blocking PostgreSQL connections: at most `size` open, opened when needed,
//! a broken one dropped (the next use opens another, so a restarted or failed-over primary is
//! picked up without a restart of the server).

use std::{
    sync::{Condvar, Mutex},
    time::Duration,
};

use super::{DbError, DbResult, conn::PgConn};

/// How long a user waits for a free connection before giving up.
const WAIT: Duration = Duration::from_secs(10);

/// A connection idle for longer is checked before it is lent.
const CHECK_AFTER: Duration = Duration::from_secs(30);

/// The pool.
pub struct Pool {
    config: postgres::Config,
    size: usize,
    state: Mutex<State>,
    freed: Condvar,
}

struct State {
    idle: Vec<PgConn>,
    open: usize,
}

impl Pool {
    /// A pool of at most `size` connections made with `config`; none is opened yet.
    pub fn new(config: postgres::Config, size: usize) -> Self {
        Self {
            config,
            size,
            state: Mutex::new(State {
                idle: Vec::new(),
                open: 0,
            }),
            freed: Condvar::new(),
        }
    }

    /// Runs `f` with a connection: an idle one, a new one while fewer than `size` are open,
    /// else the next one freed. It goes back afterwards unless it broke or `f` panicked (it
    /// may be inside a transaction then).
    pub fn with<T>(&self, f: impl FnOnce(&mut PgConn) -> T) -> DbResult<T> {
        let mut lent = Lent {
            pool: self,
            conn: Some(self.checkout()?),
        };
        let conn = lent.conn.as_mut().ok_or(DbError::NoRows)?;
        Ok(f(conn))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn checkout(&self) -> DbResult<PgConn> {
        let mut state = self.lock();
        loop {
            if let Some(c) = state.idle.pop() {
                // One that sat idle may have been cut (a restart, a failover): check it
                // rather than fail the request that gets it.
                if c.idle_since.elapsed() < CHECK_AFTER {
                    return Ok(c);
                }
                drop(state);
                let mut c = c;
                if c.client.is_valid(Duration::from_secs(2)).is_ok() {
                    return Ok(c);
                }
                state = self.lock();
                state.open -= 1;
                // Dropped on a thread of its own (closing blocks).
                std::thread::spawn(move || drop(c));
                continue;
            }
            if state.open < self.size {
                state.open += 1;
                drop(state);
                return match self.config.connect(postgres::NoTls) {
                    Ok(client) => Ok(PgConn::new(client)),
                    Err(e) => {
                        self.lock().open -= 1;
                        self.freed.notify_one();
                        Err(DbError::from(e))
                    }
                };
            }
            let (s, timeout) = self
                .freed
                .wait_timeout(state, WAIT)
                .unwrap_or_else(|p| p.into_inner());
            state = s;
            if timeout.timed_out() && state.idle.is_empty() && state.open >= self.size {
                return Err(DbError::Pool(format!(
                    "no connection free for {} s",
                    WAIT.as_secs()
                )));
            }
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        // A blocking client closes itself with a blocking call, which must not run on an
        // async worker (the last handle may be dropped there at shutdown): on a thread.
        let idle = std::mem::take(&mut self.lock().idle);
        if !idle.is_empty() {
            std::thread::spawn(move || drop(idle));
        }
    }
}

/// A connection out of the pool; goes back (or is counted closed) when dropped, on a panic too.
struct Lent<'p> {
    pool: &'p Pool,
    conn: Option<PgConn>,
}

impl Drop for Lent<'_> {
    fn drop(&mut self) {
        let mut state = self.pool.lock();
        match self.conn.take() {
            Some(mut c) if !c.client.is_closed() && !c.broken && !std::thread::panicking() => {
                c.idle_since = std::time::Instant::now();
                state.idle.push(c);
            }
            _ => state.open -= 1,
        }
        drop(state);
        self.pool.freed.notify_one();
    }
}
