//! Cards: list, enable the social-security function, temporary loss, and
//! clear refusals for what only a counter can do.

use axum::{
    Json,
    extract::{Path, State},
};
use rusqlite::params;
use sscard_rules::{
    City, Service,
    wire::{ApplicationStatus, Card, TempLossReport},
};

use crate::{
    auth::Signed,
    domain,
    problem::{ApiError, ApiResult},
    state::AppState,
    store,
};

/// My cards and those of minors in my care.
#[utoipa::path(get, path = "/api/v1/cards", tag = "cards",
    responses(
        (status = 200, description = "Cards", body = [Card]),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn list(State(state): State<AppState>, me: Signed) -> ApiResult<Json<Vec<Card>>> {
    Ok(Json(
        state
            .db
            .read(move |c| store::list_cards(c, me.person_id))
            .await?,
    ))
}

/// One card.
#[utoipa::path(get, path = "/api/v1/cards/{id}", tag = "cards",
    params(("id" = String, Path, description = "Card id")),
    responses(
        (status = 200, description = "The card", body = Card),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found` (also for another person's card)", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_one(
    State(state): State<AppState>,
    me: Signed,
    Path(id): Path<String>,
) -> ApiResult<Json<Card>> {
    let card = state
        .db
        .read(move |c| match store::card_for(c, &id, me.person_id)? {
            Some(row) => store::load_card(c, row, me.person_id).map(Some),
            None => Ok(None),
        })
        .await?;
    card.map(Json).ok_or_else(ApiError::not_found)
}

/// Loads (row id, social state, city) of a card the person may act on.
fn card_state(
    c: &rusqlite::Connection,
    id: &str,
    person: i64,
) -> ApiResult<(i64, String, City, Option<i64>)> {
    let row = store::card_for(c, id, person)?.ok_or_else(ApiError::not_found)?;
    let (state, city, app): (String, String, Option<i64>) = c.query_row(
        "SELECT social_state, city, application_id FROM cards WHERE id = ?1",
        params![row],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let city = City::from_id(&city).ok_or_else(|| ApiError::internal("stored city unknown"))?;
    Ok((row, state, city, app))
}

/// Enables the social-security function of a card received by post.
#[utoipa::path(post, path = "/api/v1/cards/{id}/enable", tag = "cards",
    params(("id" = String, Path, description = "Card id")),
    responses(
        (status = 200, description = "Enabled", body = Card),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 409, description = "`card.already_enabled` or `card.temp_lost`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn enable(
    State(state): State<AppState>,
    me: Signed,
    Path(id): Path<String>,
) -> ApiResult<Json<Card>> {
    let today = state.clock.today();
    let card = state
        .db
        .write(move |tx| {
            let (row, social, _city, app) = card_state(tx, &id, me.person_id)?;
            match social.as_str() {
                "not_enabled" => {}
                "temp_lost" => {
                    return Err(ApiError::conflict("card.temp_lost", "卡片处于临时挂失状态"));
                }
                _ => {
                    return Err(ApiError::conflict(
                        "card.already_enabled",
                        "社会保障功能已经启用",
                    ));
                }
            }
            tx.execute(
                "UPDATE cards SET social_state = 'enabled' WHERE id = ?1",
                params![row],
            )?;
            if let Some(app) = app {
                store::add_event(tx, app, ApplicationStatus::Enabled, today)?;
            }
            store::load_card(tx, row, me.person_id)
        })
        .await?;
    tracing::info!(card = %card.id, "social function enabled");
    Ok(Json(card))
}

/// Reports a temporary loss of the social-security function; answers the
/// day it lifts itself (rules crate).
#[utoipa::path(post, path = "/api/v1/cards/{id}/temporary-loss", tag = "cards",
    params(("id" = String, Path, description = "Card id")),
    responses(
        (status = 200, description = "Reported", body = TempLossReport),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 409, description = "`card.not_enabled` or `card.temp_lost`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn temporary_loss(
    State(state): State<AppState>,
    me: Signed,
    Path(id): Path<String>,
) -> ApiResult<Json<TempLossReport>> {
    let today = state.clock.today();
    let (card, lift) = state
        .db
        .write(move |tx| {
            let (row, social, city, _) = card_state(tx, &id, me.person_id)?;
            match social.as_str() {
                "enabled" => {}
                "temp_lost" => return Err(ApiError::conflict("card.temp_lost", "卡片已经临时挂失")),
                _ => {
                    return Err(ApiError::conflict("card.not_enabled", "卡片尚未启用，无需挂失")
                        .detail("未启用的卡片不能使用；如卡片丢失，请拨打 96066 咨询"));
                }
            }
            let lift = domain::temp_loss_lift(city, today)?;
            tx.execute(
                "UPDATE cards SET social_state = 'temp_lost', temp_loss_on = ?2, temp_loss_lift_on = ?3 WHERE id = ?1",
                params![row, today.to_string(), lift.to_string()],
            )?;
            Ok((store::load_card(tx, row, me.person_id)?, lift))
        })
        .await?;
    tracing::info!(card = %card.id, lifts_on = %lift, "temporary loss reported");
    Ok(Json(TempLossReport {
        card,
        auto_lift_on: lift.to_string(),
        financial_note: "金融功能的临时挂失有效期按照发卡银行规定执行".to_owned(),
    }))
}

async fn refuse(
    state: AppState,
    me: Signed,
    id: String,
    service: Service,
    what: &'static str,
) -> ApiResult<Json<Card>> {
    let today = state.clock.today();
    let city = state
        .db
        .read(move |c| card_state(c, &id, me.person_id).map(|s| s.2))
        .await?;
    Err(domain::counter_only(city, service, today, what))
}

/// Early lifting of a loss report: only at the issuing bank with the card and ID.
#[utoipa::path(post, path = "/api/v1/cards/{id}/unfreeze", tag = "cards",
    params(("id" = String, Path, description = "Card id")),
    responses(
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 409, description = "`counter_only`, with `where_to_go`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn unfreeze(
    State(state): State<AppState>,
    me: Signed,
    Path(id): Path<String>,
) -> ApiResult<Json<Card>> {
    refuse(state, me, id, Service::Unfreeze, "提前解挂").await
}

/// Activation of the financial function: only in person at a bank counter.
#[utoipa::path(post, path = "/api/v1/cards/{id}/financial-activation", tag = "cards",
    params(("id" = String, Path, description = "Card id")),
    responses(
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 409, description = "`counter_only`, with `where_to_go`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn financial_activation(
    State(state): State<AppState>,
    me: Signed,
    Path(id): Path<String>,
) -> ApiResult<Json<Card>> {
    refuse(state, me, id, Service::ActivateFinancial, "金融功能激活").await
}

/// Formal loss report: only at a counter with the original ID.
#[utoipa::path(post, path = "/api/v1/cards/{id}/formal-loss", tag = "cards",
    params(("id" = String, Path, description = "Card id")),
    responses(
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 409, description = "`counter_only`, with `where_to_go`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn formal_loss(
    State(state): State<AppState>,
    me: Signed,
    Path(id): Path<String>,
) -> ApiResult<Json<Card>> {
    refuse(state, me, id, Service::FormalLoss, "正式挂失").await
}
