//! The one place the server asks `sscard-rules` for decisions.
//!
//! Handlers never decide a rule themselves: they call these helpers, which
//! call the rules crate with the server's today and turn its typed errors into
//! field problems with the crate's stable codes.

use chrono::NaiveDate;
use sscard_rules::{
    Actor, Bank, Business, Calendar, CardHeld, Channel, City, PickupMethod, Service,
    TimelineRequest, preview_timeline,
};

use crate::problem::{ApiError, FieldErrors};

/// The online channel this service stands for in each city: the app is an
/// online application channel, so its decisions are those of the city's
/// official online channel.
pub fn online_channel(city: City) -> Channel {
    match city {
        City::Beijing => Channel::BeijingHrssApp,
        City::Shanghai => Channel::ShanghaiOnline,
        City::Urumqi => Channel::XinjiangHrssApp,
    }
}

/// Chinese city name.
pub fn city_name_zh(city: City) -> &'static str {
    match city {
        City::Beijing => "北京",
        City::Shanghai => "上海",
        City::Urumqi => "乌鲁木齐",
    }
}

/// Parses a city id, recording `city.unknown` on failure.
pub fn parse_city(errors: &mut FieldErrors, field: &str, id: &str) -> Option<City> {
    let c = City::from_id(id);
    if c.is_none() {
        errors.push(field, "city.unknown", "unknown city");
    }
    c
}

/// Whether `bank` cooperates in `city` on `on` (rules crate's bank list).
pub fn bank_in_city(city: City, bank: &str, on: NaiveDate) -> Result<Option<Bank>, ApiError> {
    let Some(bank) = Bank::from_id(bank) else {
        return Ok(None);
    };
    let list = sscard_rules::banks(city, on).map_err(policy_error)?;
    Ok(list.value.iter().any(|b| b.bank == bank).then_some(bank))
}

/// A rules-crate policy error as a problem (a date outside the rules' range).
pub fn policy_error(e: sscard_rules::PolicyError) -> ApiError {
    ApiError::new(
        axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        e.code(),
        "该日期没有适用的政策",
    )
    .detail(e.to_string())
}

/// Production deadline and whether postal transit comes on top, from the
/// rules crate's timeline preview for a first application filed online today.
pub fn first_application_timeline(
    city: City,
    pickup: PickupMethod,
    on: NaiveDate,
) -> Result<(NaiveDate, bool), ApiError> {
    let req = TimelineRequest {
        city,
        business: Business::FirstApplication,
        channel: online_channel(city),
        pickup,
        date: on,
        card_held: CardHeld::None,
        last_bank_change: None,
    };
    let preview = preview_timeline(&req, Calendar::embedded()).map_err(|e| {
        ApiError::new(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            e.code(),
            "无法按所选方式办理",
        )
        .detail(e.to_string())
    })?;
    let p = preview.result;
    let deadline = p.production.made_by().ok_or_else(|| {
        ApiError::new(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            "timeline.not_stated",
            "该城市没有公布制卡时限，无法在线办理",
        )
    })?;
    let plus_transit = pickup == PickupMethod::Mail && p.postal_transit_included != Some(true);
    Ok((deadline, plus_transit))
}

/// The day a temporary loss reported on `on` lifts itself (rules crate).
pub fn temp_loss_lift(city: City, on: NaiveDate) -> Result<NaiveDate, ApiError> {
    sscard_rules::temp_loss_auto_lift(city, on)
        .map(|a| a.result.date)
        .map_err(|e| {
            ApiError::new(
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                e.code(),
                "无法计算自动解挂日期",
            )
        })
}

/// The refusal for a service that cannot be done online: `409 counter_only`
/// with the channels the rules crate says offer it.
pub fn counter_only(city: City, service: Service, on: NaiveDate, what: &str) -> ApiError {
    let mut err = ApiError::conflict("counter_only", format!("{what}不能在线办理，请到柜台办理"));
    if let Ok(answer) = sscard_rules::where_can(city, service, Actor::Holder, on) {
        err.where_to_go = answer
            .result
            .channels
            .iter()
            .filter(|o| !o.channel.is_online())
            .map(|o| sscard_rules::wire::WhereToGo {
                channel: o.channel.id().to_owned(),
                note: None,
            })
            .collect();
    }
    if err.where_to_go.is_empty() {
        // The rules name no channel for this city: the issuing bank is the one
        // counter that can always answer.
        err.where_to_go.push(sscard_rules::wire::WhereToGo {
            channel: Channel::IssuingBankBranch.id().to_owned(),
            note: None,
        });
    }
    err.detail(format!("{what}须本人携带有效身份证件到柜台办理"))
}
