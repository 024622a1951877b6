//! Types that cross the wire between the app and the server (serde, JSON).
//!
//! Every field is `snake_case`; dates are `YYYY-MM-DD`, instants RFC 3339.
//! With the `openapi` feature each type also describes itself for the
//! server's OpenAPI document (the wasm app never enables it).

use serde::{Deserialize, Serialize};

mod applications;
mod auth;
mod cards;
mod demo;
mod details;
mod notices;
mod policy;
mod replacements;

pub use applications::*;
pub use auth::*;
pub use cards::*;
pub use demo::*;
pub use details::*;
pub use notices::*;
pub use policy::*;
pub use replacements::*;

/// Body of `GET /api/v1/health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// Always `"ok"` when the server answers.
    pub status: String,
    /// The server's package version.
    pub version: String,
    /// Whether the server runs in demo mode (demo people, visible codes, demo clock).
    pub demo: bool,
}

/// An RFC 9457 problem (`application/problem+json`): every error the API answers.
///
/// `code` is the machine-readable reason; `errors` lists the field-level
/// problems so the app can build its error summary and link each to its input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// A URI naming the problem type: `urn:sscard:problem:<code>`.
    #[serde(rename = "type")]
    pub type_uri: String,
    /// Short, human-readable summary (Chinese) of the problem type.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// Human-readable explanation of this occurrence (Chinese), when useful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Machine-readable problem code, e.g. `not_found`, `validation_failed`.
    pub code: String,
    /// Field-level problems (empty when the problem is not about input fields).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
    /// For services that can only be done in person: where to go instead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub where_to_go: Vec<WhereToGo>,
}

/// One problem with one input field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldProblem {
    /// The request field as a JSON pointer-like dotted path (`id_number`, `minor.name`).
    pub field: String,
    /// Machine-readable code from the rules crate, e.g. `id_number.check_digit`.
    pub code: String,
    /// Human-readable message suitable for an error summary.
    pub message: String,
    /// The limit the value broke, when the problem is about one (the longest name or
    /// address, in characters), so a message says the rule's own number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

/// A place where a refused online service can be done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WhereToGo {
    /// Stable channel id (see `sscard_rules::Channel`), e.g. `issuing_bank_branch`.
    pub channel: String,
    /// What to bring or any condition, when the rules name one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
