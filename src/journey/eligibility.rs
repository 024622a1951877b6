use chrono::NaiveDate;
use sscard_rules::wire::EligibilityDeclaration;
use sscard_rules::{
    Actor, Business, Channel, City, EligibilityFacts, EligibilityInput, Residence, TimelineRequest,
    UninsuredGroup, YesNo, application_terms,
};

use super::{Answers, DateError};

impl Answers {
    /// What the answers declare about eligibility, as `POST /api/v1/applications` carries it.
    /// The server turns it into the rules crate's input with the birth dates of the ID numbers
    /// and decides; [`eligibility_input`] previews with the very same mapping.
    pub fn eligibility_declaration(&self) -> EligibilityDeclaration {
        let insured = self.insured == Some(YesNo::Yes);
        let group = if insured { None } else { self.category };
        let pension = group == Some(UninsuredGroup::Pension);
        EligibilityDeclaration {
            facts: EligibilityFacts {
                insured_in_city: insured,
                local_hukou: pension && self.residence == Some(Residence::Hukou),
                residence_permit: pension && self.residence == Some(Residence::Permit),
                civil_affairs_pension: pension,
                civil_affairs_support: group == Some(UninsuredGroup::Support),
                veteran_affairs: group == Some(UninsuredGroup::Veteran),
                other_public_service: group == Some(UninsuredGroup::Other),
            },
            card_held: self.card_held.unwrap_or_default(),
            proof_of_guardianship: self.is_guardian() && self.guardian_proof == Some(YesNo::Yes),
            group: self.group,
            lives_elsewhere: self.lives_elsewhere == Some(true),
        }
    }
}

/// Builds the rules crate's eligibility input for `city` from the answers, or says which date is
/// missing.
pub fn eligibility_input(
    answers: &Answers,
    city: City,
    today: NaiveDate,
) -> Result<EligibilityInput, DateError> {
    let birth_date = answers.birth.parse(today)?;
    let declaration = answers.eligibility_declaration();
    let mut input = match answers.actor {
        Some(Actor::Guardian) => {
            let guardian_birth = answers.guardian_birth.parse(today)?;
            declaration.input(city, today, birth_date, Some(guardian_birth))
        }
        _ => declaration.input(city, today, birth_date, None),
    };
    // The check also answers agents (they do not file the online application).
    if answers.actor == Some(Actor::Agent) {
        input.actor = Actor::Agent;
    }
    Ok(input)
}

/// Builds the timeline question for the chosen pickup; `None` until a pickup method is chosen.
///
/// The online application is filed on the city's online channel as what that channel files
/// (`sscard_rules::application_terms`: a first application, or Urumqi's renewal), which this
/// service stands in for, as on the server; on-the-spot making happens at an instant branch, and
/// a home visit is arranged with a branch, so its card is collected as at a branch.
pub fn timeline_request(
    answers: &Answers,
    city: City,
    today: NaiveDate,
) -> Option<TimelineRequest> {
    let (channel, pickup) = answers.pickup?.channel_and_method(city);
    let card_held = answers.eligibility_declaration().card_held;
    let business = match channel {
        Channel::InstantBranch | Channel::DoorService => Business::FirstApplication,
        _ => application_terms(city, today)
            .ok()
            .flatten()
            .map_or(Business::FirstApplication, |t| t.business),
    };
    Some(TimelineRequest {
        city,
        business,
        channel,
        pickup,
        date: today,
        card_held,
        last_bank_change: None,
    })
}
