//! Shared helpers for the case tables (native and wasm32).
//!
//! Every table asserts with the expected value in hand (`assert_eq!` or the helpers below), so a
//! failure prints what was wanted next to what came out, with the case and its source.
#![allow(dead_code)]

use std::fmt::Debug;

use chrono::NaiveDate;

/// A date from constant parts; the tables only use real dates.
#[track_caller]
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, day) {
        Some(date) => date,
        None => panic!("bad test date {y}-{m}-{day}"),
    }
}

/// Fails unless every item of `wanted` is in `have`, listing the missing ones and all of `have`.
#[track_caller]
pub fn assert_has<T: PartialEq + Debug>(have: &[T], wanted: &[T], context: &str) {
    let missing: Vec<&T> = wanted.iter().filter(|w| !have.contains(w)).collect();
    assert_eq!(
        missing,
        Vec::<&T>::new(),
        "{context}: missing from {have:?}"
    );
}

/// Fails if any item of `unwanted` is in `have`, listing the ones found and all of `have`.
#[track_caller]
pub fn assert_lacks<T: PartialEq + Debug>(have: &[T], unwanted: &[T], context: &str) {
    let found: Vec<&T> = unwanted.iter().filter(|u| have.contains(u)).collect();
    assert_eq!(
        found,
        Vec::<&T>::new(),
        "{context}: unexpectedly in {have:?}"
    );
}
