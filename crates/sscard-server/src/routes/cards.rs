//! Cards: list, enable the social-security function, temporary loss, and
//! clear refusals for what only a counter can do.

use crate::db::Conn;
use crate::params;
use axum::{
    Json,
    extract::{Path, State},
};
use sscard_rules::{
    CardAction, SocialState,
    wire::{ApplicationStatus, Card, NoticeKind, TempLossReport},
};

use crate::{
    auth::Signed,
    cardstate,
    notices::{self, NewNotice, Notices},
    problem::{ApiError, ApiResult},
    security_events::{self, SecurityEvent},
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
            .read(move |c| store::cards::list(c, me.person_id))
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
        .read(
            move |c| match store::cards::visible_to(c, &id, me.person_id)? {
                Some(row) => store::cards::load(c, row, me.person_id).map(Some),
                None => Ok(None),
            },
        )
        .await?;
    card.map(Json).ok_or_else(ApiError::not_found)
}

/// The row id of a card the person may act on, or `404`.
fn card_row(c: &Conn<'_>, id: &str, person: i64) -> ApiResult<(i64, Option<i64>)> {
    let row = store::cards::visible_to(c, id, person)?.ok_or_else(ApiError::not_found)?;
    let app: Option<i64> = c.query_row(
        "SELECT application_id FROM cards WHERE id = ?1",
        params![row],
        |r| r.get(0),
    )?;
    Ok((row, app))
}

/// Runs one card action through the rules crate's state machine and stores
/// the result; answers the card and the transition's effects.
async fn act(
    state: &AppState,
    me: Signed,
    id: String,
    action: CardAction,
    what: &'static str,
) -> ApiResult<(Card, Vec<sscard_rules::Effect>)> {
    let today = state.clock.today();
    state
        .db
        .write(move |tx| {
            let (row, app) = card_row(tx, &id, me.person_id)?;
            let before = cardstate::load(tx, row)?;
            let t = cardstate::apply_online(&before, action, today, what)?;
            cardstate::store(tx, row, &t.state, cardstate::lift_date(&t.effects))?;
            if action == CardAction::ReportTempLoss
                && let Some(lifts_on) = cardstate::lift_date(&t.effects)
            {
                loss_notices(tx, row, me.person_id, lifts_on, today)?;
            }
            if let Some(app) = app
                && before.social == SocialState::NotEnabled
                && t.state.social == SocialState::Enabled
            {
                store::applications::add_event(
                    tx,
                    app,
                    ApplicationStatus::Enabled,
                    today,
                    Notices::Record,
                )?;
                cardstate::end_replaced_card(tx, app, today)?;
            }
            Ok((store::cards::load(tx, row, me.person_id)?, t.effects))
        })
        .await
}

/// A loss report's security notice and the reminder the day before it lifts:
/// for the holder, and for a guardian who reported it for a child.
fn loss_notices(
    tx: &Conn<'_>,
    card: i64,
    reporter: i64,
    lifts_on: chrono::NaiveDate,
    today: chrono::NaiveDate,
) -> crate::db::DbResult<()> {
    let (holder, public_id): (i64, String) = tx.query_row(
        "SELECT holder_id, public_id FROM cards WHERE id = ?1",
        params![card],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut people = vec![holder];
    if reporter != holder {
        people.push(reporter);
    }
    for person in people {
        security_events::record(
            tx,
            person,
            SecurityEvent::TemporaryLossReported,
            &public_id,
            lifts_on,
            today,
        )?;
        if let Some(due) = sscard_rules::loss_lift_reminder_on(lifts_on) {
            notices::enqueue(
                tx,
                &NewNotice {
                    person,
                    kind: NoticeKind::LossLiftsTomorrow,
                    about: &public_id,
                    on: lifts_on,
                    due_on: due,
                    // One per report: a card can be lost again after a loss lifted.
                    event: &format!("reminder-{lifts_on}"),
                    to: None,
                    detail: None,
                },
            )?;
        }
    }
    Ok(())
}

/// Enables the social-security function of a card received by post.
#[utoipa::path(post, path = "/api/v1/cards/{id}/enable", tag = "cards",
    params(("id" = String, Path, description = "Card id")),
    responses(
        (status = 200, description = "Enabled", body = Card),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 409, description = "`card.already_enabled`, `card.temp_lost` or another `card.*` state code", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn enable(
    State(state): State<AppState>,
    me: Signed,
    Path(id): Path<String>,
) -> ApiResult<Json<Card>> {
    let (card, _) = act(&state, me, id, CardAction::EnableSocial, "启用社会保障功能").await?;
    tracing::info!(card = %card.id, "social function enabled");
    Ok(Json(card))
}

/// Reports a temporary loss; answers the day it lifts itself (rules crate).
#[utoipa::path(post, path = "/api/v1/cards/{id}/temporary-loss", tag = "cards",
    params(("id" = String, Path, description = "Card id")),
    responses(
        (status = 200, description = "Reported", body = TempLossReport),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 409, description = "`card.temp_lost` or another `card.*` state code", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn temporary_loss(
    State(state): State<AppState>,
    me: Signed,
    Path(id): Path<String>,
) -> ApiResult<Json<TempLossReport>> {
    let (card, effects) = act(&state, me, id, CardAction::ReportTempLoss, "临时挂失").await?;
    let lift = cardstate::lift_date(&effects)
        .ok_or_else(|| ApiError::internal("temporary loss without an auto-lift date"))?;
    tracing::info!(card = %card.id, lifts_on = %lift, "temporary loss reported");
    let financial_note = if effects.contains(&sscard_rules::Effect::FinancialSuspendedToo) {
        "金融功能同时暂停；其临时挂失有效期按照发卡银行规定执行"
    } else {
        "金融功能的临时挂失按照发卡银行规定执行"
    };
    Ok(Json(TempLossReport {
        card,
        auto_lift_on: lift.to_string(),
        financial_note: financial_note.to_owned(),
    }))
}

async fn refuse(
    state: AppState,
    me: Signed,
    id: String,
    action: CardAction,
    what: &'static str,
) -> ApiResult<Json<Card>> {
    // The rules crate decides: online these are not offered (counter_only with
    // where to go); should the rules ever allow one online, it is carried out.
    let (card, _) = act(&state, me, id, action, what).await?;
    Ok(Json(card))
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
    refuse(state, me, id, CardAction::Unfreeze, "提前解挂").await
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
    refuse(state, me, id, CardAction::ActivateFinancial, "金融功能激活").await
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
    refuse(state, me, id, CardAction::ReportFormalLoss, "正式挂失").await
}
