//! API route handlers, one module per resource.

pub mod applications;
pub mod auth;
pub mod cards;
pub mod contact;
pub mod demo;
pub mod details;
pub mod drafts;
pub mod health;
pub mod notices;
pub mod password;
pub mod policy;
pub mod replacements;
