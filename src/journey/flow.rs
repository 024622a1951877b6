//! Which page follows which. Kept apart from the pages so the branching (guardian, not insured,
//! the city's own questions, pickup by post or at a branch, coming back from check answers) is
//! written once.
//!
//! The cities ask different questions because their rules use different facts
//! (`sscard_rules::evaluate_eligibility`): Beijing its categories of people not insured, Shanghai
//! the holder's group, Urumqi whether the holder lives away. Shanghai and Urumqi post the card
//! (`sscard_rules::application_terms` offers them one pickup), so their application has no
//! pickup page.

use sscard_rules::{City, PickupChoice, UninsuredGroup, YesNo};

use crate::routes::Page;

use super::Answers;

/// A page of the journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Who is applying.
    CheckWho,
    /// The card holder's birth date.
    CheckBirth,
    /// The guardian's birth date and proof.
    CheckGuardian,
    /// The card held now.
    CheckCardHeld,
    /// Insured in the city?
    CheckInsured,
    /// Another category.
    CheckCategory,
    /// Hukou or residence permit.
    CheckResidence,
    /// The holder's group (Shanghai).
    CheckGroup,
    /// Lives away from the city (Urumqi).
    CheckRemote,
    /// The eligibility result.
    CheckResult,
    /// Name, ID number, mobile (sign-in by one-time code).
    Details,
    /// Enter the one-time code.
    Verify,
    /// The child's details (guardian).
    Child,
    /// Choose the bank.
    Bank,
    /// Choose how to collect the card.
    Pickup,
    /// Postal address.
    Address,
    /// Choose a branch.
    Branch,
    /// On the spot or home visit: done in person, not online.
    InPerson,
    /// Check answers and submit.
    CheckAnswers,
}

impl Step {
    /// Every step, in journey order.
    pub const ALL: [Step; 19] = [
        Step::CheckWho,
        Step::CheckBirth,
        Step::CheckGuardian,
        Step::CheckCardHeld,
        Step::CheckInsured,
        Step::CheckCategory,
        Step::CheckResidence,
        Step::CheckGroup,
        Step::CheckRemote,
        Step::CheckResult,
        Step::Details,
        Step::Verify,
        Step::Child,
        Step::Bank,
        Step::Pickup,
        Step::Address,
        Step::Branch,
        Step::InPerson,
        Step::CheckAnswers,
    ];

    /// The page (src/routes.json).
    pub fn page(self) -> Page {
        match self {
            Step::CheckWho => Page::CheckWho,
            Step::CheckBirth => Page::CheckBirth,
            Step::CheckGuardian => Page::CheckGuardian,
            Step::CheckCardHeld => Page::CheckCardHeld,
            Step::CheckInsured => Page::CheckInsured,
            Step::CheckCategory => Page::CheckCategory,
            Step::CheckResidence => Page::CheckResidence,
            Step::CheckGroup => Page::CheckGroup,
            Step::CheckRemote => Page::CheckRemote,
            Step::CheckResult => Page::CheckResult,
            Step::Details => Page::ApplyDetails,
            Step::Verify => Page::Verify,
            Step::Child => Page::Child,
            Step::Bank => Page::Bank,
            Step::Pickup => Page::Pickup,
            Step::Address => Page::Address,
            Step::Branch => Page::Branch,
            Step::InPerson => Page::InPerson,
            Step::CheckAnswers => Page::CheckAnswers,
        }
    }

    /// The route of the page.
    pub fn path(self) -> &'static str {
        self.page().pattern()
    }

    /// The page "back" returns to, given the answers (the reverse of [`next_after`]).
    pub fn back(self, answers: &Answers) -> &'static str {
        let city = answers.city();
        let insured = answers.insured == Some(YesNo::Yes);
        let prev = match self {
            Step::CheckWho => return Page::Home.pattern(),
            Step::CheckBirth => Step::CheckWho,
            Step::CheckGuardian => Step::CheckBirth,
            Step::CheckCardHeld if answers.is_guardian() => Step::CheckGuardian,
            Step::CheckCardHeld => Step::CheckBirth,
            Step::CheckInsured => Step::CheckCardHeld,
            Step::CheckCategory => Step::CheckInsured,
            Step::CheckResidence => Step::CheckCategory,
            Step::CheckGroup | Step::CheckRemote => Step::CheckInsured,
            Step::CheckResult if insured && city == City::Shanghai => Step::CheckGroup,
            Step::CheckResult if insured && city == City::Urumqi => Step::CheckRemote,
            Step::CheckResult if insured || city != City::Beijing => Step::CheckInsured,
            Step::CheckResult if answers.category == Some(UninsuredGroup::Pension) => {
                Step::CheckResidence
            }
            Step::CheckResult if answers.insured == Some(YesNo::No) => Step::CheckCategory,
            Step::CheckResult => Step::CheckInsured,
            Step::Details => Step::CheckResult,
            Step::Verify => Step::Details,
            Step::Child => Step::Verify,
            Step::Bank if answers.is_guardian() => Step::Child,
            Step::Bank => Step::Details,
            Step::Pickup => Step::Bank,
            Step::Address if city != City::Beijing => Step::Bank,
            Step::Address | Step::Branch | Step::InPerson => Step::Pickup,
            Step::CheckAnswers => match answers.pickup {
                Some(PickupChoice::Mail) => Step::Address,
                Some(PickupChoice::Branch) => Step::Branch,
                Some(PickupChoice::OnTheSpot | PickupChoice::Door) | None => Step::Pickup,
            },
        };
        if answers.changing
            && prev != Step::CheckResult
            && self != Step::CheckAnswers
            && is_apply(self)
        {
            return Step::CheckAnswers.path();
        }
        prev.path()
    }
}

fn is_apply(step: Step) -> bool {
    matches!(
        step,
        Step::Child | Step::Bank | Step::Pickup | Step::Address | Step::Branch
    )
}

/// The page after `step`, given the answers just saved.
pub fn next_after(step: Step, answers: &Answers) -> Step {
    let city = answers.city();
    let insured = answers.insured == Some(YesNo::Yes);
    let next = match step {
        Step::CheckWho => Step::CheckBirth,
        Step::CheckBirth if answers.is_guardian() => Step::CheckGuardian,
        Step::CheckBirth | Step::CheckGuardian => Step::CheckCardHeld,
        Step::CheckCardHeld => Step::CheckInsured,
        Step::CheckInsured if insured && city == City::Shanghai => Step::CheckGroup,
        Step::CheckInsured if insured && city == City::Urumqi => Step::CheckRemote,
        Step::CheckInsured if !insured && city == City::Beijing => Step::CheckCategory,
        Step::CheckInsured | Step::CheckGroup | Step::CheckRemote => Step::CheckResult,
        Step::CheckCategory if answers.category == Some(UninsuredGroup::Pension) => {
            Step::CheckResidence
        }
        Step::CheckCategory | Step::CheckResidence => Step::CheckResult,
        Step::CheckResult => Step::Details,
        Step::Details => Step::Verify,
        Step::Verify if answers.is_guardian() => Step::Child,
        Step::Verify | Step::Child => Step::Bank,
        // The card is posted: no choice to make.
        Step::Bank if city != City::Beijing => Step::Address,
        Step::Bank => Step::Pickup,
        Step::Pickup => match answers.pickup {
            Some(PickupChoice::Mail) => Step::Address,
            Some(PickupChoice::Branch) => Step::Branch,
            Some(PickupChoice::OnTheSpot | PickupChoice::Door) | None => Step::InPerson,
        },
        Step::Address | Step::Branch | Step::InPerson | Step::CheckAnswers => Step::CheckAnswers,
    };
    // Coming from check answers, a changed answer returns there, unless the change needs one
    // more page (a new pickup method needs its address or branch).
    if answers.changing && is_apply(step) && !(step == Step::Pickup && next != Step::CheckAnswers) {
        return Step::CheckAnswers;
    }
    next
}

/// Whether the question of a check step has an answer (the result page asks none).
fn check_answered(step: Step, answers: &Answers) -> bool {
    let date = |d: &super::DateInput| [&d.year, &d.month, &d.day].iter().all(|p| !p.is_empty());
    match step {
        Step::CheckWho => answers.actor.is_some(),
        Step::CheckBirth => date(&answers.birth),
        Step::CheckGuardian => date(&answers.guardian_birth) && answers.guardian_proof.is_some(),
        Step::CheckCardHeld => answers.card_held.is_some(),
        Step::CheckInsured => answers.insured.is_some(),
        Step::CheckCategory => answers.category.is_some(),
        Step::CheckResidence => answers.residence.is_some(),
        Step::CheckGroup => answers.group.is_some(),
        Step::CheckRemote => answers.lives_elsewhere.is_some(),
        _ => true,
    }
}

/// The first check question without an answer on the way to the result, following the same
/// branches as [`next_after`]; `None` when the result can be shown. A deep link to the result
/// (a bookmark) goes there, with every answer kept, instead of a verdict on nothing.
pub fn first_unanswered_check(answers: &Answers) -> Option<Step> {
    let mut step = Step::CheckWho;
    while step != Step::CheckResult {
        if !check_answered(step, answers) {
            return Some(step);
        }
        step = next_after(
            step,
            &Answers {
                changing: false,
                ..answers.clone()
            },
        );
    }
    None
}
