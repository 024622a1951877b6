//! RFC 9457 problem responses (`application/problem+json`).
//!
//! Every error the API answers goes through [`ApiError`], so no response can
//! carry a stack trace, an SQL message or a Rust error text: internal errors are
//! logged with the request id and answered with a generic `internal` problem.

use axum::{
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use sscard_rules::ProblemCode;
use sscard_rules::{
    FieldIssue,
    wire::{FieldProblem, Problem, WhereToGo},
};

/// Media type of problem responses.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An error answered as a problem document.
///
/// Boxed so that `Result<T, ApiError>` stays one pointer wide on the happy path.
#[derive(Debug, Clone)]
pub struct ApiError(Box<ErrorData>);

impl std::ops::Deref for ApiError {
    type Target = ErrorData;
    fn deref(&self) -> &ErrorData {
        &self.0
    }
}

impl std::ops::DerefMut for ApiError {
    fn deref_mut(&mut self) -> &mut ErrorData {
        &mut self.0
    }
}

/// What an [`ApiError`] carries.
#[derive(Debug, Clone)]
pub struct ErrorData {
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
    /// For counter-only services: where to go.
    pub where_to_go: Vec<WhereToGo>,
}

impl ApiError {
    /// A problem with a status, code and title.
    pub fn new(status: StatusCode, code: &'static str, title: impl Into<String>) -> Self {
        Self(Box::new(ErrorData {
            status,
            code,
            title: title.into(),
            detail: None,
            errors: Vec::new(),
            retry_after_secs: None,
            where_to_go: Vec::new(),
        }))
    }

    /// Adds a `Retry-After` of `secs` seconds.
    pub fn retry_after(mut self, secs: i64) -> Self {
        self.retry_after_secs = Some(u64::try_from(secs.max(1)).unwrap_or(1));
        self
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
            limit: None,
        });
        self
    }

    /// `400 validation_failed` with the given field problems.
    pub fn validation(errors: Vec<FieldProblem>) -> Self {
        let mut e = Self::new(
            StatusCode::BAD_REQUEST,
            ProblemCode::ValidationFailed.id(),
            "提交的信息有误，请检查标出的项目",
        );
        e.errors = errors;
        e
    }

    /// `401 unauthenticated`.
    pub fn unauthenticated() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            ProblemCode::Unauthenticated.id(),
            "请先登录",
        )
    }

    /// `429 rate_limited`.
    pub fn rate_limited(retry_after_secs: u64) -> Self {
        let mut e = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            ProblemCode::RateLimited.id(),
            "尝试次数过多，请稍后再试",
        );
        e.retry_after_secs = Some(retry_after_secs);
        e
    }

    /// `409` conflict with a code.
    pub fn conflict(code: &'static str, title: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, title)
    }

    /// `404 not_found`.
    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            ProblemCode::NotFound.id(),
            "找不到请求的资源",
        )
    }

    /// `500 internal`: the cause is logged, never sent.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ProblemCode::Internal.id(),
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
            where_to_go: self.where_to_go.clone(),
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

/// Collects field problems while validating a request body.
#[derive(Debug, Default)]
pub struct FieldErrors(pub Vec<FieldProblem>);

impl FieldErrors {
    /// Records a problem with `field` (one the rules crate has no error type for).
    pub fn push(&mut self, field: &str, code: &str, message: impl std::fmt::Display) {
        self.0.push(FieldProblem {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.to_string(),
            limit: None,
        });
    }

    /// Records a rules-crate field error: its code, its message and the limit it names.
    pub fn issue(&mut self, field: &str, e: &impl FieldIssue) {
        self.0.push(FieldProblem {
            field: field.to_owned(),
            code: e.code().to_owned(),
            message: e.to_string(),
            limit: e.limit(),
        });
    }

    /// Runs a rules-crate parser; records its error on failure.
    pub fn check<T, E: FieldIssue>(&mut self, field: &str, r: Result<T, E>) -> Option<T> {
        r.map_err(|e| self.issue(field, &e)).ok()
    }

    /// Records the rules crate's problems with a part of the request (a postal address, a
    /// minor), each under its own field.
    pub fn add(&mut self, problems: Vec<sscard_rules::FieldError>) {
        for p in problems {
            self.issue(p.field, &p.error);
        }
    }

    /// A rules-crate check of a part of the request: its value, or its problems recorded.
    pub fn part<T>(&mut self, r: Result<T, Vec<sscard_rules::FieldError>>) -> Option<T> {
        r.map_err(|problems| self.add(problems)).ok()
    }

    /// `Err(validation_failed)` when any problem was recorded.
    pub fn finish(self) -> Result<(), ApiError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ApiError::validation(self.0))
        }
    }
}

/// Result type of API handlers.
pub type ApiResult<T> = Result<T, ApiError>;
