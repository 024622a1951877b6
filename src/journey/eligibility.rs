use chrono::NaiveDate;
use sscard_rules::{
    Actor, Business, CardHeld, Channel, City, EligibilityInput, GuardianFacts, PickupMethod,
    Service, TimelineRequest,
};

use super::{Answers, DateError};

/// The city this journey serves. The rules crate knows three; the online application follows the
/// Beijing manual, the only one of the seeds that describes it in full.
pub const CITY: City = City::Beijing;

/// Builds the rules crate's eligibility input from the answers, or says which date is missing.
pub fn eligibility_input(
    answers: &Answers,
    today: NaiveDate,
) -> Result<EligibilityInput, DateError> {
    let birth_date = answers.birth.parse(today)?;
    let actor = match answers.actor.as_deref() {
        Some("guardian") => Actor::Guardian,
        Some("agent") => Actor::Agent,
        _ => Actor::Holder,
    };
    let guardian = if actor == Actor::Guardian {
        Some(GuardianFacts {
            birth_date: answers.guardian_birth.parse(today)?,
            proof_of_guardianship: answers.guardian_proof.as_deref() == Some("yes"),
        })
    } else {
        None
    };
    let insured = answers.insured.as_deref() == Some("yes");
    let category = if insured {
        None
    } else {
        answers.category.as_deref()
    };
    let pension = category == Some("pension");
    Ok(EligibilityInput {
        city: CITY,
        on: today,
        birth_date,
        service: Service::Apply,
        actor,
        insured_in_city: insured,
        local_hukou: pension && answers.residence.as_deref() == Some("hukou"),
        residence_permit: pension && answers.residence.as_deref() == Some("permit"),
        civil_affairs_pension: pension,
        civil_affairs_support: category == Some("support"),
        veteran_affairs: category == Some("veteran"),
        other_public_service: category == Some("other"),
        guardian,
        agent_authorised: false,
    })
}

/// Builds the timeline question for the chosen pickup; `None` until a pickup method is chosen.
///
/// The online application is filed on the city's online channel (this service stands in for
/// it); on-the-spot making happens at an instant branch, and a home visit is arranged with a
/// branch, so its card is collected as at a branch.
pub fn timeline_request(answers: &Answers, today: NaiveDate) -> Option<TimelineRequest> {
    let (channel, pickup) = match answers.pickup.as_deref()? {
        "mail" => (Channel::HrssWebsite, PickupMethod::Mail),
        "branch" => (Channel::HrssWebsite, PickupMethod::Branch),
        "on_the_spot" => (Channel::InstantBranch, PickupMethod::OnTheSpot),
        "door" => (Channel::DoorService, PickupMethod::Branch),
        _ => return None,
    };
    let card_held = match answers.card_held.as_deref() {
        Some("older") => CardHeld::OlderGeneration,
        Some("third") => CardHeld::ThirdGeneration,
        _ => CardHeld::None,
    };
    Some(TimelineRequest {
        city: CITY,
        business: Business::FirstApplication,
        channel,
        pickup,
        date: today,
        card_held,
        last_bank_change: None,
    })
}
