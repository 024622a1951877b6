//! sscard: the citizen web app for the third-generation social security card (Leptos CSR).

pub mod api;
pub mod app;
pub mod clock;
pub mod components;
pub mod dom;
pub mod eligibility_text;
pub mod format;
pub mod i18n;
pub mod ics;
pub mod journey;
pub mod pages;
pub mod platform;
pub mod policy_text;
pub mod routes;

pub use app::App;
