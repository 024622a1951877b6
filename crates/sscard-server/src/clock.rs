//! The server's notion of "today": the real date in China (UTC+8), plus a
//! day offset that only demo mode can move forward. Every rule call gets its
//! date from here, so the demo clock moves every decision consistently.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};

/// China Standard Time (no daylight saving).
fn cst() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("valid offset")
}

/// A clock with an optional demo offset in days.
#[derive(Debug, Default)]
pub struct Clock {
    offset_days: AtomicI64,
}

impl Clock {
    /// A clock starting `offset_days` ahead of real time.
    pub fn with_offset(offset_days: i64) -> Self {
        Self {
            offset_days: AtomicI64::new(offset_days),
        }
    }

    /// Days the demo clock is ahead of real time.
    pub fn offset_days(&self) -> i64 {
        self.offset_days.load(Ordering::Relaxed)
    }

    /// Moves the clock `days` forward; returns the new offset.
    pub fn advance(&self, days: i64) -> i64 {
        self.offset_days.fetch_add(days, Ordering::Relaxed) + days
    }

    /// Sets the offset (the one every instance shares, read from the database).
    pub fn set_offset(&self, days: i64) {
        self.offset_days.store(days, Ordering::Relaxed);
    }

    /// The current instant as the server sees it (real time plus offset).
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + Duration::days(self.offset_days())
    }

    /// Today's date in China as the server sees it.
    pub fn today(&self) -> NaiveDate {
        self.now().with_timezone(&cst()).date_naive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advancing_moves_today() {
        let c = Clock::default();
        let t0 = c.today();
        assert_eq!(c.advance(10), 10);
        assert_eq!(c.today(), t0 + Duration::days(10));
    }
}
