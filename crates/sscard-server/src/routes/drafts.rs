//! Save and resume one unfinished application per signed-in person.

use crate::{db::OptionalExt, params};
use axum::{
    Json,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
};
use chrono::Utc;
use sscard_rules::wire::Draft;

use crate::{
    auth::Signed,
    json::Body,
    problem::{ApiError, ApiResult},
    state::AppState,
};

/// Largest accepted draft (serialised JSON).
const MAX_DRAFT_BYTES: usize = 16 * 1024;

/// The saved draft. Having none is an ordinary answer (`204`), not an error: every page that
/// resumes an application asks, and most people have nothing saved.
#[utoipa::path(get, path = "/api/v1/draft", tag = "drafts",
    responses(
        (status = 200, description = "The draft", body = Draft),
        (status = 204, description = "No draft saved"),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_draft(State(state): State<AppState>, me: Signed) -> ApiResult<Response> {
    let row = state
        .db
        .read(move |c| {
            Ok(c.query_row(
                "SELECT data, updated_at FROM drafts WHERE person_id = ?1",
                params![me.person_id],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
            )
            .optional()?)
        })
        .await?;
    let Some((data, updated_at)) = row else {
        return Ok(StatusCode::NO_CONTENT.into_response());
    };
    Ok(Json(Draft {
        data: serde_json::value::RawValue::from_string(data).map_err(ApiError::internal)?,
        updated_at: Some(updated_at),
    })
    .into_response())
}

/// Saves (replaces) the draft.
#[utoipa::path(put, path = "/api/v1/draft", tag = "drafts",
    request_body = Draft,
    responses(
        (status = 200, description = "Saved", body = Draft),
        (status = 400, description = "`validation_failed` (draft.not_object, draft.too_large)", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn put_draft(
    State(state): State<AppState>,
    me: Signed,
    Body(draft): Body<Draft>,
) -> ApiResult<Json<Draft>> {
    let text = draft.data.get().to_owned();
    // RawValue is valid JSON without leading whitespace: an object starts with '{'.
    if !text.starts_with('{') {
        return Err(ApiError::validation(vec![]).field(
            "data",
            "draft.not_object",
            "the draft must be a JSON object",
        ));
    }
    if text.len() > MAX_DRAFT_BYTES {
        return Err(ApiError::validation(vec![]).field(
            "data",
            "draft.too_large",
            "the draft is larger than 16 KiB",
        ));
    }
    let now = Utc::now().to_rfc3339();
    let stamp = now.clone();
    state
        .db
        .write(move |tx| {
            tx.execute(
                "INSERT INTO drafts (person_id, data, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(person_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
                params![me.person_id, text, stamp],
            )?;
            Ok(())
        })
        .await?;
    Ok(Json(Draft {
        data: draft.data,
        updated_at: Some(now),
    }))
}

/// Deletes the draft (idempotent).
#[utoipa::path(delete, path = "/api/v1/draft", tag = "drafts",
    responses(
        (status = 204, description = "Deleted (or there was none)"),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_draft(State(state): State<AppState>, me: Signed) -> ApiResult<StatusCode> {
    state
        .db
        .write(move |tx| {
            tx.execute(
                "DELETE FROM drafts WHERE person_id = ?1",
                params![me.person_id],
            )?;
            Ok(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
