//! Shared helpers for the case tables (native and wasm32).
#![allow(dead_code)]

use chrono::NaiveDate;

/// A date from constant parts; the tables only use real dates.
#[track_caller]
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, day) {
        Some(date) => date,
        None => panic!("bad test date {y}-{m}-{day}"),
    }
}

/// Prints the failing case's source and panics with a message (used by every table).
#[track_caller]
pub fn check(ok: bool, source: &str, what: &str) {
    assert!(ok, "case failed: {what} (source: {source})");
}
