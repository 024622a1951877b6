//! sscard-server: the reference implementation of the sscard JSON API, which
//! also serves the app built by Trunk.
//!
//! Validation and decisions come from `sscard-rules`; this crate only does
//! HTTP, storage, sessions and the simulated card production.

pub mod app;
pub mod auth;
pub mod branches;
pub mod cardstate;
pub mod client;
pub mod clock;
pub mod config;
pub mod db;
pub mod delivery;
pub mod demo;
pub mod domain;
pub mod ids;
pub mod json;
pub mod listener;
pub mod notices;
pub mod openapi;
pub mod password;
pub mod policy_files;
pub mod private_files;
pub mod problem;
pub mod production;
pub mod registry;
pub mod routes;
pub mod secret;
pub mod security;
pub mod security_events;
pub mod server;
pub mod state;
pub mod static_files;
pub mod store;
pub mod telemetry;
pub mod throttle;
