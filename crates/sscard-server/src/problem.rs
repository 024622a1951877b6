//! RFC 9457 problem responses (`application/problem+json`).
//!
//! Every error the API answers goes through [`ApiError`], so no response can
//! carry a stack trace, an SQL message or a Rust error text: internal errors are
//! logged with the request id and answered with a generic `internal` problem.

use axum::{
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use sscard_rules::wire::{FieldProblem, Problem};

/// Media type of problem responses.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An error answered as a problem document.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Machine-readable code.
    pub code: &'static str,
    /// Human-readable title (Chinese).
    pub title: String,
    /// Optional detail for this occurrence.
    pub detail: Option<String>,
    /// Field-level problems.
    pub errors: Vec<FieldProblem>,
    /// Extra headers (e.g. `Retry-After`).
    pub retry_after_secs: Option<u64>,
}

impl ApiError {
    /// A problem with a status, code and title.
    pub fn new(status: StatusCode, code: &'static str, title: impl Into<String>) -> Self {
        Self {
            status,
            code,
            title: title.into(),
            detail: None,
            errors: Vec::new(),
            retry_after_secs: None,
        }
    }

    /// Adds a detail text.
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Adds a field-level problem.
    pub fn field(
        mut self,
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        self.errors.push(FieldProblem {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        });
        self
    }

    /// `404 not_found`.
    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", "找不到请求的资源")
    }

    /// `500 internal`: the cause is logged, never sent.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "服务暂时出现问题，请稍后再试",
        )
    }

    /// The wire document.
    pub fn to_problem(&self) -> Problem {
        Problem {
            type_uri: format!("urn:sscard:problem:{}", self.code),
            title: self.title.clone(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            code: self.code.to_owned(),
            errors: self.errors.clone(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.to_problem()).unwrap_or_default();
        let mut res = (self.status, body).into_response();
        let h = res.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if let Some(secs) = self.retry_after_secs {
            h.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        res
    }
}

/// Result type of API handlers.
pub type ApiResult<T> = Result<T, ApiError>;
