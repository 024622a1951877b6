use chrono::NaiveDate;
use sscard_rules::wire::{EligibilityDeclaration, HeldCard};
use sscard_rules::{
    Actor, Business, Channel, City, EligibilityInput, TimelineRequest, application_terms,
};

use super::{Answers, DateError};

impl Answers {
    /// What the answers declare about eligibility, as `POST /api/v1/applications` carries it.
    /// The server turns it into the rules crate's input with the birth dates of the ID numbers
    /// and decides; [`eligibility_input`] previews with the very same mapping.
    pub fn eligibility_declaration(&self) -> EligibilityDeclaration {
        let insured = self.insured.as_deref() == Some("yes");
        let category = if insured {
            None
        } else {
            self.category.as_deref()
        };
        let pension = category == Some("pension");
        EligibilityDeclaration {
            insured_in_city: insured,
            local_hukou: pension && self.residence.as_deref() == Some("hukou"),
            residence_permit: pension && self.residence.as_deref() == Some("permit"),
            civil_affairs_pension: pension,
            civil_affairs_support: category == Some("support"),
            veteran_affairs: category == Some("veteran"),
            other_public_service: category == Some("other"),
            card_held: match self.card_held.as_deref() {
                Some("older") => HeldCard::Older,
                Some("third") => HeldCard::Third,
                _ => HeldCard::None,
            },
            proof_of_guardianship: self.is_guardian()
                && self.guardian_proof.as_deref() == Some("yes"),
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
    let card_held = answers.eligibility_declaration().card_held.into();
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
