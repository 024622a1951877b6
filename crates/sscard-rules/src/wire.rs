//! Types that cross the wire between the app and the server (serde, JSON).

use serde::{Deserialize, Serialize};

/// Body of `GET /api/v1/health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// One problem with one input field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    /// The request field, in snake_case as in the request body (`id_number`, `mobile`).
    pub field: String,
    /// Machine-readable code, e.g. `id_number_check_digit`.
    pub code: String,
    /// Human-readable message (Chinese) suitable for an error summary.
    pub message: String,
}
