//! A JSON body extractor whose rejections are problem documents.
//!
//! axum's own `Json` answers plain-text errors; the app needs a problem with a
//! code, and the field when serde can name it.

use axum::{
    extract::{FromRequest, Request, rejection::JsonRejection},
    http::StatusCode,
};
use serde::de::DeserializeOwned;
use sscard_rules::ProblemCode;

use crate::problem::ApiError;

/// Like `axum::Json`, but rejects with `400 body.invalid` / `415 body.not_json`.
pub struct Body<T>(pub T);

impl<S, T> FromRequest<S> for Body<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(Body(v)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ProblemCode::BodyNotJson.id(),
                "请求内容必须是 JSON (Content-Type: application/json)",
            )),
            Err(JsonRejection::BytesRejection(e)) if is_body_timeout(&e) => Err(ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                ProblemCode::BodyTimeout.id(),
                "请求内容传输超时",
            )),
            Err(JsonRejection::BytesRejection(_)) => Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                ProblemCode::BodyTooLarge.id(),
                "请求内容过大",
            )),
            Err(e) => {
                // serde's message names the field ("missing field `mobile`"), never
                // internals; keep only the part before " at line".
                let text = e.body_text();
                let text = text.split(" at line").next().unwrap_or_default().to_owned();
                let field = text
                    .split('`')
                    .nth(1)
                    .filter(|_| text.contains("field"))
                    .unwrap_or("")
                    .to_owned();
                let mut err = ApiError::new(
                    StatusCode::BAD_REQUEST,
                    ProblemCode::BodyInvalid.id(),
                    "请求内容格式不正确",
                )
                .detail(text.clone());
                if !field.is_empty() {
                    err = err.field(field, "body.invalid", text);
                }
                Err(err)
            }
        }
    }
}

/// Whether reading the body failed because the client stopped sending it
/// (`app::BODY_READ_TIMEOUT`).
fn is_body_timeout(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(e);
    while let Some(c) = cause {
        if c.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        cause = c.source();
    }
    false
}
