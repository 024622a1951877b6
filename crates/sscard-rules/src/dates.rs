//! Date conventions, applied in one place (DECISIONS.md D1–D3).
//!
//! * **Day periods** (D1): the day of the event is not counted; a period of N days from day S
//!   ends on S + N, and "within N days" means "on or before S + N". This is the rule of the
//!   Civil Code art. 201 (开始的当日不计入，自下一日开始计算); the seeds say 「自申领之日起」
//!   without saying more (catalogue §13 A-1).
//! * **Month and year periods** (D2): a period of N months from day S ends on the day of the
//!   same number N months later; when that month has no such day, on its last day
//!   (Civil Code art. 202). So 6 months after 31 August is 28 February (29 in a leap year).
//!   The new state (cooldown over, age reached) applies from that day.
//! * **Ages** (D3): an age of Y years M months is reached on the anniversary computed as in D2,
//!   so someone born on 29 February reaches 18 on 28 February in a non-leap year, and
//!   59 years 6 months after 29 February 1964 is 29 August 2023.
//!
//! Every function here is total: arithmetic that would leave chrono's range returns `None`.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// Parses an ISO date `YYYY-MM-DD` (the wire format) strictly: four-digit year, two-digit month
/// and day, a real date. Written here so neither side needs chrono's format-string parser, which
/// costs the app about 10 KB of wasm.
pub fn parse_iso_date(value: &str) -> Option<NaiveDate> {
    parse_ymd_parts(value, 2)
}

/// Parses `Y-M-D` with a four-digit year and a month and day of one or two digits (what people
/// type); `None` unless it is a real date.
pub fn parse_ymd_loose(value: &str) -> Option<NaiveDate> {
    parse_ymd_parts(value, 1)
}

fn parse_ymd_parts(value: &str, min_digits: usize) -> Option<NaiveDate> {
    let mut parts = value.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let digits = |s: &str, min: usize, max: usize| {
        (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(y, 4, 4) || !digits(m, min_digits, 2) || !digits(d, min_digits, 2) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The date as `YYYYMMDD` (iCalendar's DATE form), without chrono's formatter.
pub fn basic_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// Adds natural days; `None` outside chrono's date range.
pub fn add_days(date: NaiveDate, days: u64) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(days))
}

/// Subtracts natural days; `None` outside chrono's date range.
pub fn sub_days(date: NaiveDate, days: u64) -> Option<NaiveDate> {
    date.checked_sub_days(Days::new(days))
}

/// Adds calendar months with the month-end rule of D2 (31 Aug + 6 months = 28/29 Feb).
pub fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    // chrono clamps a missing day to the last day of the target month, which is exactly D2.
    date.checked_add_months(Months::new(months))
}

/// Last day of a period of `days` natural days that starts on `start` (D1: `start` not counted).
pub fn days_period_end(start: NaiveDate, days: u32) -> Option<NaiveDate> {
    add_days(start, u64::from(days))
}

/// The day a period of `months` months that starts on `start` is complete (D2).
pub fn months_period_end(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    add_months(start, months)
}

/// The day someone born on `birth` reaches `years` years and `months` months (D3).
pub fn anniversary(birth: NaiveDate, years: u32, months: u32) -> Option<NaiveDate> {
    let total = years.checked_mul(12)?.checked_add(months)?;
    add_months(birth, total)
}

/// Whether someone born on `birth` has reached `years` years `months` months on `on` (D3).
/// Returns `false` when the anniversary lies outside chrono's range.
pub fn has_reached_age(birth: NaiveDate, years: u32, months: u32, on: NaiveDate) -> bool {
    anniversary(birth, years, months).is_some_and(|a| on >= a)
}

/// Number of natural days from `from` to `to` (negative when `to` is earlier).
pub fn natural_days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

/// A completed age in years, months and days (D3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Age {
    /// Completed years.
    pub years: u32,
    /// Completed months after the years (0–11).
    pub months: u32,
    /// Days after the last monthly anniversary.
    pub days: u32,
}

impl std::fmt::Display for Age {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}y {}m {}d", self.years, self.months, self.days)
    }
}

/// The completed age on `on` of someone born on `birth`; `None` if `on` is before `birth`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> Option<Age> {
    if on < birth {
        return None;
    }
    // First guess from the calendar fields, then step back while the anniversary is later.
    let guess = (i64::from(on.year()) - i64::from(birth.year())) * 12 + i64::from(on.month())
        - i64::from(birth.month());
    let mut months = u32::try_from(guess.max(0)).ok()?;
    loop {
        match add_months(birth, months) {
            Some(a) if a <= on => {
                let days = u32::try_from(natural_days_between(a, on)).ok()?;
                return Some(Age {
                    years: months / 12,
                    months: months % 12,
                    days,
                });
            }
            _ if months == 0 => return None,
            _ => months -= 1,
        }
    }
}
