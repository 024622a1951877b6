//! The radio questions of the eligibility check. Each is data for [`RadioStep`]; the branching
//! between them lives in `journey::flow`.

use leptos::prelude::*;

use super::radio_step::{RadioQuestion, RadioStep};
use crate::journey::Step;
use sscard_rules::{Actor, ApplicantGroup, CardHeld, Residence, UninsuredGroup, YesNo};

const WHO: RadioQuestion = RadioQuestion {
    step: Step::CheckWho,
    name: "actor",
    title: |t, _, _| t.journey().who_title,
    hint: None,
    choices: &[
        (Actor::Holder.id(), |t| t.journey().who_self, None),
        (
            Actor::Guardian.id(),
            |t| t.journey().who_guardian,
            Some(|t| t.journey().who_guardian_hint),
        ),
        (
            Actor::Agent.id(),
            |t| t.journey().who_agent,
            Some(|t| t.journey().who_agent_hint),
        ),
    ],
    get: |a| a.actor.map(|actor| actor.id().to_owned()),
    set: |a, v| a.actor = Actor::from_id(&v),
    error: |t| t.journey().who_error,
};

const CARD_HELD: RadioQuestion = RadioQuestion {
    step: Step::CheckCardHeld,
    name: "card-held",
    title: |t, _, _| t.journey().card_title,
    hint: None,
    choices: &[
        (CardHeld::None.id(), |t| t.journey().card_none, None),
        (
            CardHeld::OlderGeneration.id(),
            |t| t.journey().card_older,
            Some(|t| t.journey().card_older_hint),
        ),
        (
            CardHeld::ThirdGeneration.id(),
            |t| t.journey().card_third,
            None,
        ),
    ],
    get: |a| a.card_held.map(|c| c.id().to_owned()),
    set: |a, v| a.card_held = CardHeld::from_id(&v),
    error: |t| t.journey().card_error,
};

const INSURED: RadioQuestion = RadioQuestion {
    step: Step::CheckInsured,
    name: "insured",
    title: |t, _, city| t.journey().insured_title.of(city),
    hint: Some(|t| t.journey().insured_hint),
    choices: &[
        (YesNo::Yes.id(), |t| t.journey().yes, None),
        (YesNo::No.id(), |t| t.journey().no, None),
    ],
    get: |a| a.insured.map(|v| v.id().to_owned()),
    set: |a, v| a.insured = YesNo::from_id(&v),
    error: |t| t.journey().insured_error,
};

const CATEGORY: RadioQuestion = RadioQuestion {
    step: Step::CheckCategory,
    name: "category",
    title: |t, _, _| t.journey().category_title,
    hint: None,
    choices: &[
        (
            UninsuredGroup::Pension.id(),
            |t| t.journey().category_pension,
            None,
        ),
        (
            UninsuredGroup::Support.id(),
            |t| t.journey().category_support,
            None,
        ),
        (
            UninsuredGroup::Veteran.id(),
            |t| t.journey().category_veteran,
            None,
        ),
        (
            UninsuredGroup::Other.id(),
            |t| t.journey().category_other,
            None,
        ),
        (
            UninsuredGroup::NoneOfThese.id(),
            |t| t.journey().category_none,
            None,
        ),
    ],
    get: |a| a.category.map(|c| c.id().to_owned()),
    set: |a, v| a.category = UninsuredGroup::from_id(&v),
    error: |t| t.journey().category_error,
};

const RESIDENCE: RadioQuestion = RadioQuestion {
    step: Step::CheckResidence,
    name: "residence",
    title: |t, _, _| t.journey().residence_title,
    hint: None,
    choices: &[
        (Residence::Hukou.id(), |t| t.journey().residence_hukou, None),
        (
            Residence::Permit.id(),
            |t| t.journey().residence_permit,
            None,
        ),
        (
            Residence::Neither.id(),
            |t| t.journey().residence_neither,
            None,
        ),
    ],
    get: |a| a.residence.map(|r| r.id().to_owned()),
    set: |a, v| a.residence = Residence::from_id(&v),
    error: |t| t.journey().residence_error,
};

const GROUP: RadioQuestion = RadioQuestion {
    step: Step::CheckGroup,
    name: "group",
    title: |t, _, _| t.cities().group_title,
    hint: Some(|t| t.cities().group_hint),
    choices: &[
        (ApplicantGroup::Pupil.id(), |t| t.cities().group_pupil, None),
        (
            ApplicantGroup::Retired.id(),
            |t| t.cities().group_retired,
            None,
        ),
        (
            ApplicantGroup::Employed.id(),
            |t| t.cities().group_employed,
            None,
        ),
        (
            ApplicantGroup::Other.id(),
            |t| t.cities().group_other,
            Some(|t| t.cities().group_other_hint),
        ),
    ],
    get: |a| a.group.map(|g| g.id().to_owned()),
    set: |a, v| a.group = ApplicantGroup::from_id(&v),
    error: |t| t.cities().group_error,
};

const REMOTE: RadioQuestion = RadioQuestion {
    step: Step::CheckRemote,
    name: "living-away",
    title: |t, _, _| t.cities().remote_title,
    hint: Some(|t| t.cities().remote_hint),
    choices: &[
        (YesNo::Yes.id(), |t| t.journey().yes, None),
        (YesNo::No.id(), |t| t.journey().no, None),
    ],
    get: |a| {
        a.lives_elsewhere
            .map(|away| YesNo::of(away).id().to_owned())
    },
    set: |a, v| a.lives_elsewhere = YesNo::from_id(&v).map(YesNo::is_yes),
    error: |t| t.cities().remote_error,
};

/// `/check`: who is applying.
#[component]
pub fn CheckWhoPage() -> impl IntoView {
    view! { <RadioStep question=WHO /> }
}

/// `/check/card`: the card held now.
#[component]
pub fn CheckCardHeldPage() -> impl IntoView {
    view! { <RadioStep question=CARD_HELD /> }
}

/// `/check/insured`: insured in the city?
#[component]
pub fn CheckInsuredPage() -> impl IntoView {
    view! { <RadioStep question=INSURED /> }
}

/// `/check/category`: another category, when not insured.
#[component]
pub fn CheckCategoryPage() -> impl IntoView {
    view! { <RadioStep question=CATEGORY /> }
}

/// `/check/residence`: hukou or residence permit, for civil-affairs old-age benefits.
#[component]
pub fn CheckResidencePage() -> impl IntoView {
    view! { <RadioStep question=RESIDENCE /> }
}

/// `/check/group`: the holder's group, where the city serves each on its own channel (Shanghai).
#[component]
pub fn CheckGroupPage() -> impl IntoView {
    view! { <RadioStep question=GROUP /> }
}

/// `/check/living-away`: whether the holder lives away from the city (Urumqi).
#[component]
pub fn CheckRemotePage() -> impl IntoView {
    view! { <RadioStep question=REMOTE /> }
}
