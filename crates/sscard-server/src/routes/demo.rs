//! Demo-only endpoints: the demo people and the demo clock. Not routed at all
//! without `--demo` (they answer the generic JSON 404 then).

use axum::{Json, extract::State};
use sscard_rules::wire::{DemoAdvance, DemoClock, DemoPerson};

use crate::{
    demo,
    json::Body,
    problem::{ApiResult, FieldErrors},
    production,
    state::AppState,
};

fn clock(state: &AppState) -> DemoClock {
    DemoClock {
        today: state.clock.today().to_string(),
        offset_days: state.clock.offset_days(),
    }
}

/// The fictitious demo people and what each lets you try.
#[utoipa::path(get, path = "/api/v1/demo/people", tag = "demo",
    responses((status = 200, description = "Demo people (demo mode only)", body = [DemoPerson])))]
pub async fn people() -> Json<Vec<DemoPerson>> {
    Json(demo::people())
}

/// The demo clock.
#[utoipa::path(get, path = "/api/v1/demo/clock", tag = "demo",
    responses((status = 200, description = "Server today and offset (demo mode only)", body = DemoClock)))]
pub async fn get_clock(State(state): State<AppState>) -> Json<DemoClock> {
    Json(clock(&state))
}

/// Moves the demo clock forward and lets simulated production catch up.
#[utoipa::path(post, path = "/api/v1/demo/clock/advance", tag = "demo",
    request_body = DemoAdvance,
    responses(
        (status = 200, description = "The new clock (demo mode only)", body = DemoClock),
        (status = 400, description = "`validation_failed` (days.range)", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn advance(
    State(state): State<AppState>,
    Body(req): Body<DemoAdvance>,
) -> ApiResult<Json<DemoClock>> {
    let mut errors = FieldErrors::default();
    if !(1..=366).contains(&req.days) {
        errors.push("days", "days.range", "move the clock 1 to 366 days");
    }
    errors.finish()?;
    let offset = demo::advance_offset(&state.db, i64::from(req.days)).await?;
    state.clock.set_offset(offset);
    production::advance(&state.db, state.clock.today()).await?;
    tracing::info!(offset, "demo clock advanced");
    Ok(Json(clock(&state)))
}
