//! Policy data, so the app previews with the same data the server decides with.

use axum::{
    Json,
    extract::{Path, Query, State, rejection::QueryRejection},
    http::header,
    response::IntoResponse,
};
use sscard_rules::ProblemCode;
use sscard_rules::{
    City,
    wire::{Branch, BranchQuery, CitySummary},
};

use crate::{
    branches, domain,
    problem::{ApiError, ApiResult},
    state::AppState,
};

/// The cities with a card policy.
#[utoipa::path(get, path = "/api/v1/policy/cities", tag = "policy",
    responses((status = 200, description = "Cities", body = [CitySummary])))]
pub async fn cities(State(state): State<AppState>) -> Json<Vec<CitySummary>> {
    let today = state.clock.today();
    Json(
        City::ALL
            .iter()
            .map(|&c| CitySummary {
                city: c.id().to_owned(),
                name_zh: c.name_zh().to_owned(),
                name_en: c.name_en().to_owned(),
                individual_application_open: sscard_rules::policy(c, today)
                    .map(|p| p.individual_application_open.value)
                    .unwrap_or(false),
            })
            .collect(),
    )
}

fn city(id: &str) -> ApiResult<City> {
    City::from_id(id).ok_or_else(|| ApiError::not_found().detail("没有这个城市"))
}

/// The full policy of a city on the server's today, exactly as the rules crate
/// holds it (`sscard_rules::Policy`): banks, parameters with citations, offers.
///
/// Built from the city's data file in the rules crate (`policy/<city>.toml`), where
/// every value has a citation and the date it is valid from.
#[utoipa::path(get, path = "/api/v1/policy/{city}", tag = "policy",
    params(("city" = String, Path, description = "City id, e.g. `beijing`")),
    responses(
        (status = 200, description = "`sscard_rules::Policy` serialised", body = Object),
        (status = 404, description = "`not_found`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn city_policy(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<serde_json::Value>> {
    let c = city(&id)?;
    let p = sscard_rules::policy(c, state.clock.today()).map_err(domain::policy_error)?;
    Ok(Json(serde_json::to_value(p).map_err(ApiError::internal)?))
}

/// A city's whole dated policy as one document (`sscard_rules::PolicyDocument`): every value
/// with its versions and citations, the channel offers, and the revision. An app whose own
/// data has another revision (the `sscard-policy` header of every API answer) installs it; an
/// operator publishes a newer one with `--policy-dir`.
#[utoipa::path(get, path = "/api/v1/policy/{city}/document", tag = "policy",
    params(("city" = String, Path, description = "City id, e.g. `beijing`")),
    responses(
        (status = 200, description = "`sscard_rules::PolicyDocument` serialised", body = Object),
        (status = 404, description = "`not_found`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn city_document(
    Path(id): Path<String>,
) -> ApiResult<Json<sscard_rules::PolicyDocument>> {
    Ok(Json(sscard_rules::PolicyDocument::current(city(&id)?)))
}

/// Sample branches of a city (the seeds name none: every one is sample data).
#[utoipa::path(get, path = "/api/v1/policy/{city}/branches", tag = "policy",
    params(("city" = String, Path, description = "City id"), BranchQuery),
    responses(
        (status = 200, description = "Branches (sample data)", body = [Branch]),
        (status = 400, description = "`query.invalid`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn city_branches(
    Path(id): Path<String>,
    q: Result<Query<BranchQuery>, QueryRejection>,
) -> ApiResult<Json<Vec<Branch>>> {
    let c = city(&id)?;
    let Query(q) = q.map_err(|e| {
        ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            ProblemCode::QueryInvalid.id(),
            "查询参数格式不正确",
        )
        .detail(e.body_text())
    })?;
    Ok(Json(
        branches::of_city(c)
            .filter(|b| q.bank.as_deref().is_none_or(|x| b.bank == x))
            .filter(|b| q.district.as_deref().is_none_or(|x| b.district == x))
            .filter(|b| q.on_the_spot.is_none_or(|x| b.makes_cards_on_the_spot == x))
            .collect(),
    ))
}

/// The working-day calendar (official holidays and make-up days) the server
/// computes working-day deadlines with: the rules crate's data file, or newer data
/// published with `--policy-dir` (`calendar.json`).
#[utoipa::path(get, path = "/api/v1/policy/calendar", tag = "policy",
    responses((status = 200, description = "The `cn-workdays.json` data the server counts with", body = Object)))]
pub async fn calendar() -> impl IntoResponse {
    // The very bytes `Calendar::current()` was read from, so an app that installs them counts
    // working days on the same data (and computes the same revision).
    (
        [(header::CONTENT_TYPE, "application/json")],
        sscard_rules::Calendar::current_json(),
    )
}
