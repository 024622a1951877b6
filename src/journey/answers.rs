use serde::{Deserialize, Deserializer, Serialize};
use sscard_rules::wire::GuardianshipProof;
use sscard_rules::{
    Actor, ApplicantGroup, Bank, CardHeld, City, PickupChoice, Residence, StableId, UninsuredGroup,
    YesNo,
};

use super::DateInput;

/// The answers given so far. Typed fields are kept as the person typed them (strings), so
/// nothing is ever lost or reformatted; they are parsed with the rules crate when a page is
/// continued.
///
/// Radio answers are kept as the rules crate's enums (serialised as their stable ids, `self`,
/// `mail`, `yes`, …). An enum answer saved
/// with an id this build does not know (a newer build's choice, a hand-made draft) reads as not
/// answered (`lenient`): that one question is asked again, and no other answer is lost.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    /// The city these answers were given for, set when they are saved; answers read back for
    /// another city keep only what still applies there ([`Answers::follow_city`]).
    #[serde(deserialize_with = "lenient")]
    pub city: Option<City>,
    /// Who is applying: the holder, a guardian or an agent (stored as `self`, `guardian`,
    /// `agent`, the ids on the wire).
    #[serde(deserialize_with = "lenient")]
    pub actor: Option<Actor>,
    /// The card holder's birth date (the child's, when a guardian applies).
    pub birth: DateInput,
    /// The guardian's own birth date.
    pub guardian_birth: DateInput,
    /// Whether the guardian has proof of guardianship.
    #[serde(deserialize_with = "lenient")]
    pub guardian_proof: Option<YesNo>,
    /// Insured in the city.
    #[serde(deserialize_with = "lenient")]
    pub insured: Option<YesNo>,
    /// Another category (not insured).
    #[serde(deserialize_with = "lenient")]
    pub category: Option<UninsuredGroup>,
    /// Residence (civil-affairs pension).
    #[serde(deserialize_with = "lenient")]
    pub residence: Option<Residence>,
    /// The card held now.
    #[serde(deserialize_with = "lenient")]
    pub card_held: Option<CardHeld>,
    /// The holder's group, where the city serves each on its own channel (Shanghai).
    #[serde(deserialize_with = "lenient")]
    pub group: Option<ApplicantGroup>,
    /// Lives long-term away from the city (Urumqi's online module serves only them).
    pub lives_elsewhere: Option<bool>,

    /// The applicant's (or guardian's) name as on the ID card.
    pub name: String,
    /// The applicant's (or guardian's) ID number as typed.
    pub id_number: String,
    /// Mobile number as typed.
    pub mobile: String,
    /// The one-time code challenge in progress.
    pub challenge_id: Option<String>,

    /// The child's name (guardian journey).
    pub child_name: String,
    /// The child's ID number as typed.
    pub child_id_number: String,
    /// The kind of guardianship proof.
    #[serde(deserialize_with = "lenient")]
    pub child_proof: Option<GuardianshipProof>,

    /// The chosen cooperating bank.
    #[serde(deserialize_with = "lenient")]
    pub bank: Option<Bank>,
    /// How the card is collected (stored as `mail`, `branch`, `on_the_spot` or `door`).
    #[serde(deserialize_with = "lenient")]
    pub pickup: Option<PickupChoice>,
    /// Branch finder: district filter (empty = all).
    pub district: String,
    /// Branch finder: only branches that make cards on the spot.
    pub on_the_spot_only: bool,
    /// The chosen branch id.
    pub branch_id: Option<String>,
    /// Postal address: recipient.
    pub recipient: String,
    /// Postal address: recipient's mobile.
    pub recipient_mobile: String,
    /// Postal address: the address.
    pub address: String,
    /// Postal address: postal code.
    pub postal_code: String,
    /// The backup community centre for a card the post could not deliver (Shanghai).
    pub backup_centre: String,

    /// The key that makes the submission idempotent; created once per application attempt and
    /// kept until it succeeds, so a retry after a lost answer never makes a second application.
    pub idempotency_key: Option<String>,
    /// Whether the person came from the check-answers page (Continue returns there).
    pub changing: bool,
    /// The reference of the application just submitted, so "back" after submitting shows a
    /// link to it instead of a form that could be sent twice.
    pub submitted_id: Option<String>,
}

impl Answers {
    /// The city these answers follow; they are fitted to the chosen city whenever they are read
    /// or saved ([`Answers::follow_city`]), so this is that city.
    pub fn city(&self) -> City {
        self.city.unwrap_or(City::Beijing)
    }

    /// Whether nothing has been answered yet; the city they are for aside.
    pub fn is_blank(&self) -> bool {
        *self
            == Answers {
                city: self.city,
                ..Answers::default()
            }
    }

    /// Whether a guardian applies for a child.
    pub fn is_guardian(&self) -> bool {
        self.actor == Some(Actor::Guardian)
    }
}

/// Reads an enum answer saved by any build: an id this build does not know is "not answered"
/// rather than an error that would drop every answer with it. (Read as a string, then looked up:
/// the app already reads strings, so this costs no JSON code of its own.)
fn lenient<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: StableId,
{
    Ok(Option::<String>::deserialize(d)?
        .as_deref()
        .and_then(T::from_id))
}
