use std::fmt;

use sscard_rules::ProblemCode;
use sscard_rules::wire::Problem;

/// Why an API call failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// No answer: offline, timed out, or the request was blocked. Nothing was lost; try again.
    Network,
    /// The server answered with an RFC 9457 problem.
    Problem(Problem),
    /// The server answered something this app does not understand (the HTTP status).
    Unexpected(u16),
}

impl ApiError {
    /// The problem's machine-readable code, when the server sent one.
    pub fn code(&self) -> Option<&str> {
        match self {
            ApiError::Problem(p) => Some(p.code.as_str()),
            _ => None,
        }
    }

    /// Whether the server answered with the problem `code`.
    pub fn is(&self, code: ProblemCode) -> bool {
        self.code() == Some(code.id())
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Network => write!(f, "network error"),
            ApiError::Problem(p) => write!(f, "{} ({})", p.title, p.code),
            ApiError::Unexpected(status) => write!(f, "unexpected answer (HTTP {status})"),
        }
    }
}

impl std::error::Error for ApiError {}
