//! HTTP integration tests of the JSON API against the real server binary on
//! loopback with a real SQLite file (one fresh server per test).

#[path = "../common/mod.rs"]
mod common;

mod applications;
mod auth;
mod cards;
mod cities;
mod details;
mod misc;
mod policy_data;
mod replacements;
