//! The one place the server asks `sscard-rules` for decisions.
//!
//! Handlers never decide a rule themselves: they call these helpers, which
//! call the rules crate with the server's today and turn its typed errors into
//! field problems with the crate's stable codes.

use chrono::NaiveDate;
use sscard_rules::ProblemCode;
use sscard_rules::{
    Actor, Alternative, Bank, Business, Calendar, CardHeld, Channel, City, Eligibility, Outcome,
    PickupMethod, Reason, Service, TimelineRequest, preview_timeline,
};

use crate::problem::{ApiError, FieldErrors};

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

/// Production deadline (`None` where the sources state no production time) and whether
/// postal transit comes on top, from the rules crate's timeline preview for what the city's
/// online channel files today (`business`: a first application, or Urumqi's renewal).
pub fn online_application_timeline(
    city: City,
    business: Business,
    pickup: PickupMethod,
    card_held: CardHeld,
    on: NaiveDate,
) -> Result<(Option<NaiveDate>, bool), ApiError> {
    let req = TimelineRequest {
        city,
        business,
        channel: sscard_rules::online_channel(city),
        pickup,
        date: on,
        card_held,
        last_bank_change: None,
    };
    let preview = preview_timeline(&req, Calendar::current()).map_err(|e| {
        ApiError::new(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            e.code(),
            "无法按所选方式办理",
        )
        .detail(e.to_string())
    })?;
    let p = preview.result;
    let plus_transit = pickup == PickupMethod::Mail && p.postal_transit_included != Some(true);
    Ok((p.production.made_by(), plus_transit))
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
    let mut err = ApiError::conflict(
        ProblemCode::CounterOnly.id(),
        format!("{what}不能在线办理，请到柜台办理"),
    );
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

/// Refuses an application the rules crate does not find `eligible` (`evaluate_eligibility`):
/// `422 eligibility.not_eligible` or `422 eligibility.needs_in_person_check`, with one field
/// problem per reason that stands in the way (`field` = `eligibility`, `code` = the reason's
/// stable code such as `no_category`) and, when the rules give alternatives, the counters where
/// the application can be made in person (`where_to_go`, the alternatives as the note).
pub fn require_eligible(
    city: City,
    actor: Actor,
    verdict: &Eligibility,
    on: NaiveDate,
) -> Result<(), ApiError> {
    let (code, title) = match verdict.outcome {
        Outcome::Eligible => return Ok(()),
        Outcome::NotEligible => (
            ProblemCode::EligibilityNotEligible.id(),
            "根据申报的情况，不能申领社保卡",
        ),
        Outcome::NeedsInPersonCheck => (
            ProblemCode::EligibilityNeedsInPersonCheck.id(),
            "需要到服务网点核实后才能申领",
        ),
        Outcome::OtherChannel => (
            ProblemCode::EligibilityOtherChannel.id(),
            "可以申领，但要通过其他渠道办理，不能在这里网上申领",
        ),
    };
    let mut err = ApiError::new(axum::http::StatusCode::UNPROCESSABLE_ENTITY, code, title);
    for r in verdict.reasons.iter().filter(|r| r.is_obstacle()) {
        err = err.field("eligibility", r.code(), reason_message(r));
    }
    if !verdict.alternatives.is_empty() {
        let note = verdict
            .alternatives
            .iter()
            .map(alternative_note)
            .collect::<Vec<_>>()
            .join("；");
        // The rules name the channel for this person: that one, not every counter.
        let named: Vec<_> = verdict
            .alternatives
            .iter()
            .filter_map(|a| match a {
                Alternative::GoTo { channel } => Some(sscard_rules::wire::WhereToGo {
                    channel: channel.id().to_owned(),
                    note: Some(note.clone()),
                }),
                _ => None,
            })
            .collect();
        if !named.is_empty() {
            err.where_to_go = named;
        } else if let Ok(answer) = sscard_rules::where_can(city, Service::Apply, actor, on) {
            err.where_to_go = answer
                .result
                .channels
                .iter()
                .filter(|o| !o.channel.is_online())
                .map(|o| sscard_rules::wire::WhereToGo {
                    channel: o.channel.id().to_owned(),
                    note: Some(note.clone()),
                })
                .collect();
        }
        if err.where_to_go.is_empty() {
            err.where_to_go.push(sscard_rules::wire::WhereToGo {
                channel: Channel::IssuingBankBranch.id().to_owned(),
                note: Some(note.clone()),
            });
        }
        err = err.detail(note);
    }
    Err(err)
}

/// A short English message for an eligibility reason (the app has its own texts by code).
fn reason_message(r: &Reason) -> String {
    match r {
        Reason::Qualifies { .. } => "qualifies".into(),
        Reason::NeedsVerification { .. } => {
            "only a service point can confirm the declared group".into()
        }
        Reason::ElderlyAgeNotReached { reached_on } => {
            format!("the civil-affairs elderly age is reached on {reached_on}")
        }
        Reason::ResidencePermitMissing => "a valid residence permit of the city is needed".into(),
        Reason::NoCategory => "the card holder is not in any group that can get the card".into(),
        Reason::NotCoveredBySources => "the city's published rules do not cover this".into(),
        Reason::BirthAfterDate => "the birth date is after today".into(),
        Reason::MinorNeedsGuardian { adult_from } => {
            format!("under 18 until {adult_from}: a guardian applies")
        }
        Reason::GuardianNotAdult { adult_from } => {
            format!("the guardian is under 18 until {adult_from}")
        }
        Reason::ChildNotMinor { adult_since } => {
            format!("the card holder is 18 since {adult_since} and applies alone")
        }
        Reason::GuardianDetailsMissing => "the guardian's details are missing".into(),
        Reason::GuardianshipProofMissing => "proof of guardianship is needed".into(),
        Reason::AgentNotAllowed => "an agent may not do this".into(),
        Reason::AgentAuthorisationMissing => "an agent needs written authorisation".into(),
        Reason::AgentOnlyAfterDeath => "an agent may do this only after the holder's death".into(),
        Reason::EmployerAppliesCollectively => "employers apply collectively".into(),
        Reason::CollectiveApplicationClosed => "employers do not apply in this city".into(),
        Reason::IndividualApplicationClosed => {
            "individual applications are not open in this phase".into()
        }
        Reason::OrganisedByGroup => "applications are organised group by group".into(),
        Reason::PermissionNotStated => "the rules do not say who may do this".into(),
        Reason::ChannelForGroup { group } => {
            format!("the city serves the group `{group}` on its own channel")
        }
        Reason::OnlineForRemoteResidentsOnly => {
            "the online application serves only people living away from the city".into()
        }
        Reason::RemoteModuleReplacesCards => {
            "the online module replaces a card; a first card is made at a bank".into()
        }
    }
}

/// The Chinese name of a channel the rules send people to, for a note.
fn channel_name(channel: Channel) -> &'static str {
    match channel {
        Channel::BankBranch => "银行网点",
        Channel::InstantBranch => "即时制卡网点",
        Channel::IssuingBankBranch => "发卡银行网点",
        Channel::CommunityCentre => "社区事务受理中心",
        Channel::EmployerBatch => "单位组织的批量换发",
        Channel::DistrictStreetPoint => "区、街社会保障卡服务网点",
        other => other.id(),
    }
}

/// What to do instead, as a note for the counter (Chinese, like the problem titles).
fn alternative_note(a: &Alternative) -> String {
    match a {
        Alternative::AskAtServicePoint => "携带有效身份证件到社保卡服务网点咨询".into(),
        Alternative::WaitUntil { date } => format!("{date} 起可以申领"),
        Alternative::GetResidencePermit => "先办理本市居住证".into(),
        Alternative::GuardianActs => "由监护人携带监护关系证明代为申领".into(),
        Alternative::HolderActs => "由本人办理".into(),
        Alternative::BringWrittenAuthorisation => {
            "携带持卡人的书面委托书和双方有效身份证件原件".into()
        }
        Alternative::BringGuardianshipProof => "携带监护关系证明和双方有效身份证件".into(),
        Alternative::EmployerCollectiveApplication => "由单位集体申领".into(),
        Alternative::GoTo { channel } => format!("到{}办理", channel_name(*channel)),
    }
}
