//! The notices a person was sent, and their settings.

use crate::params;
use axum::{Json, extract::State};
use sscard_rules::wire::{Notice, NoticeKind, NoticeLanguage, NoticeSettings};

use crate::{
    auth::Signed,
    json::Body,
    notices::{NoticeState, worker::settings_of},
    problem::ApiResult,
    routes::auth::mask_mobile,
    state::AppState,
};

/// The notices sent to me, oldest first, exactly as sent.
#[utoipa::path(get, path = "/api/v1/notices", tag = "notices",
    responses(
        (status = 200, description = "Notices sent to the signed-in person, oldest first", body = [Notice]),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn list(State(state): State<AppState>, me: Signed) -> ApiResult<Json<Vec<Notice>>> {
    let notices = state
        .db
        .read(move |c| {
            let rows: Vec<(String, NoticeKind, String, String, NoticeLanguage, String)> = c
                .prepare_cached(
                    "SELECT message_id, kind, sent_on, to_mobile, language, text FROM notices
                     WHERE person_id = ?1 AND state = ?2 ORDER BY sent_on, id",
                )?
                .query_map(params![me.person_id, NoticeState::Sent], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                })?
                .collect::<Result<_, _>>()?;
            Ok(rows
                .into_iter()
                .map(|(id, kind, sent_on, to, language, text)| Notice {
                    id,
                    kind,
                    category: kind.category(),
                    sent_on,
                    to_masked: mask_mobile(&to),
                    language,
                    text,
                })
                .collect())
        })
        .await?;
    Ok(Json(notices))
}

/// My notice settings.
#[utoipa::path(get, path = "/api/v1/notices/settings", tag = "notices",
    responses(
        (status = 200, description = "The settings (the defaults until changed)", body = NoticeSettings),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_settings(
    State(state): State<AppState>,
    me: Signed,
) -> ApiResult<Json<NoticeSettings>> {
    let s = state
        .db
        .read(move |c| Ok(settings_of(c, me.person_id)?))
        .await?;
    Ok(Json(s))
}

/// Changes my notice settings (security notices are always sent).
#[utoipa::path(put, path = "/api/v1/notices/settings", tag = "notices",
    request_body = NoticeSettings,
    responses(
        (status = 200, description = "Saved", body = NoticeSettings),
        (status = 400, description = "`body.invalid`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn put_settings(
    State(state): State<AppState>,
    me: Signed,
    Body(s): Body<NoticeSettings>,
) -> ApiResult<Json<NoticeSettings>> {
    state
        .db
        .write(move |tx| {
            tx.execute(
                "INSERT INTO notice_settings (person_id, language, status_notices, reminders)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(person_id) DO UPDATE SET language = excluded.language,
                     status_notices = excluded.status_notices, reminders = excluded.reminders",
                params![me.person_id, s.language, s.status_notices, s.reminders],
            )?;
            Ok(())
        })
        .await?;
    Ok(Json(s))
}
