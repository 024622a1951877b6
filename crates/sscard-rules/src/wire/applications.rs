//! Drafts and card applications.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::PersonRef;
use crate::{
    Actor, ApplicantGroup, Bank, CardHeld, City, EligibilityFacts, EligibilityInput, GuardianFacts,
    PickupMethod, Service,
};

/// `PUT /api/v1/draft` body and `GET /api/v1/draft` answer: an unfinished application.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Draft {
    /// The app's form state, any JSON object (at most 16 KiB serialised).
    // Raw JSON text: the server stores it as it came and the app parses it straight into its
    // form state, so neither builds a `serde_json::Value` (about 6 KB of the app's wasm).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub data: Box<serde_json::value::RawValue>,
    /// When it was last saved (RFC 3339); ignored on `PUT`.
    #[serde(default)]
    pub updated_at: Option<String>,
}

crate::ids::stable_ids! {
    /// The kind of document proving guardianship of a minor.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub enum GuardianshipProof {
        /// 户口簿 showing parent and child.
        HouseholdRegister = "household_register",
        /// 出生医学证明.
        BirthCertificate = "birth_certificate",
        /// Court decision or other legal guardianship document.
        GuardianshipDocument = "guardianship_document",
    }
}

/// The minor a guardian applies for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MinorApplicant {
    /// The child's name.
    pub name: String,
    /// The child's ID number.
    pub id_number: String,
    /// Which document proves the guardianship.
    pub guardianship_proof: GuardianshipProof,
}

/// Where a posted card goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostalAddress {
    /// Recipient name.
    pub recipient: String,
    /// Recipient mobile number.
    pub mobile: String,
    /// Full address.
    pub address: String,
    /// 6-digit postal code.
    pub postal_code: String,
}

/// What the applicant declares about the card holder's eligibility (002 Q4; DECISIONS D17).
///
/// Only what a person can declare: the birth dates come from the ID numbers and the date from
/// the server's clock. [`EligibilityDeclaration::input`] turns it into the rules crate's
/// [`EligibilityInput`], the same in the app (preview) and the server (decision).
/// Every boolean defaults to `false`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EligibilityDeclaration {
    /// Insured, registered or in a group (E1–E6), as the rules crate's input has them. Flat in
    /// JSON and first, so a request's hash (its idempotency) is what it was before the type.
    #[serde(flatten)]
    pub facts: EligibilityFacts,
    /// The card held now.
    #[serde(default)]
    pub card_held: CardHeld,
    /// A guardian: proof of guardianship is at hand (Q38 L241). Ignored for oneself.
    #[serde(default)]
    pub proof_of_guardianship: bool,
    /// The holder's group, where the city serves each group on its own channel (Shanghai:
    /// only `pupil` applies online).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<ApplicantGroup>,
    /// Lives long-term away from the city (Urumqi's online module serves only them). Left out
    /// when `false`, so a request's hash (its idempotency) is what it was before the field.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub lives_elsewhere: bool,
}

impl EligibilityDeclaration {
    /// The rules crate's input for a card application ([`Service::Apply`]) on `on`.
    ///
    /// `birth_date` is the card holder's; `guardian_birth_date` is the guardian's when a
    /// guardian applies for a minor (then the actor is [`Actor::Guardian`]), `None` when the
    /// holder applies (then [`Actor::Holder`]). Agents do not file applications.
    pub fn input(
        &self,
        city: City,
        on: NaiveDate,
        birth_date: NaiveDate,
        guardian_birth_date: Option<NaiveDate>,
    ) -> EligibilityInput {
        EligibilityInput {
            city,
            on,
            birth_date,
            service: Service::Apply,
            actor: if guardian_birth_date.is_some() {
                Actor::Guardian
            } else {
                Actor::Holder
            },
            facts: self.facts,
            guardian: guardian_birth_date.map(|birth_date| GuardianFacts {
                birth_date,
                proof_of_guardianship: self.proof_of_guardianship,
            }),
            agent_authorised: false,
            group: self.group,
            lives_elsewhere: self.lives_elsewhere,
            holds_card: self.card_held != CardHeld::None,
        }
    }
}

/// `POST /api/v1/applications` body (with an `Idempotency-Key` header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationRequest {
    /// City id (`beijing`).
    #[cfg_attr(feature = "openapi", schema(example = "beijing"))]
    pub city: String,
    /// Cooperating bank id (`icbc`, …), one of the banks of the city's online application
    /// (`application_terms`); absent where the sources name none (Shanghai, D36).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "icbc"))]
    pub bank: Option<String>,
    /// `mail` or `branch`, one of the pickups of the city's online application.
    #[cfg_attr(feature = "openapi", schema(example = "branch"))]
    pub pickup: String,
    /// Branch id, required when `pickup` is `branch`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "bj-icbc-dongcheng"))]
    pub branch_id: Option<String>,
    /// Required when `pickup` is `mail`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_address: Option<PostalAddress>,
    /// The community centre that receives a card the post could not deliver, where the city
    /// asks for one (Shanghai, 003 L33); at most 40 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_centre: Option<String>,
    /// Present when a guardian applies for a minor; absent for oneself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minor: Option<MinorApplicant>,
    /// What the applicant declares about eligibility; the server decides with the rules crate
    /// (`evaluate_eligibility`) and refuses anything but `eligible`.
    pub eligibility: EligibilityDeclaration,
}

/// Where an application is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    /// Received by the server.
    Submitted,
    /// Checked and accepted by the card centre.
    Accepted,
    /// Being made.
    InProduction,
    /// Made.
    Made,
    /// Posted (transit time is not part of the production time).
    SentByPost,
    /// Waiting at the chosen branch.
    AtBranch,
    /// In the holder's hands.
    Collected,
    /// Social-security function enabled: done.
    Enabled,
}

/// One step in an application's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationEvent {
    /// The state entered.
    pub kind: ApplicationStatus,
    /// The day it happened (server date, China time).
    pub on: String,
}

/// Dates the rules promise for an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExpectedDates {
    /// The latest day the card is made (production time; excludes postal transit); absent
    /// where the sources state no production time (Shanghai, Urumqi).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub production_deadline: Option<String>,
    /// Whether postal transit comes on top of the deadline.
    pub plus_postal_transit: bool,
}

/// An application as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Application {
    /// Opaque application id (used in URLs).
    pub id: String,
    /// The reference number people quote to the 96066 hotline, grouped as they read it:
    /// 10 symbols from the digits 2–9 and the letters A–Z without I, L and O, the last a check
    /// symbol, such as `K7M-2Q9-XD4F` (DECISIONS D34; `Reference::parse` reads any typing).
    pub reference: String,
    /// Current state (the last event).
    pub status: ApplicationStatus,
    /// The city.
    pub city: City,
    /// The bank; absent where the sources name none (Shanghai, D36).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank: Option<Bank>,
    /// `mail` or `branch`.
    pub pickup: PickupMethod,
    /// The backup community centre named for a failed delivery (Shanghai).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_centre: Option<String>,
    /// Chosen branch (pickup at a branch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch_id: Option<String>,
    /// Whose card it is.
    pub cardholder: PersonRef,
    /// Who submitted it (the cardholder, or the guardian of a minor).
    pub submitted_by: PersonRef,
    /// `self` or `guardian`.
    pub actor: Actor,
    /// For a minor: the guardianship proof given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guardianship_proof: Option<GuardianshipProof>,
    /// Day of submission.
    pub submitted_on: String,
    /// What the rules promise.
    pub expected: ExpectedDates,
    /// History, oldest first.
    pub events: Vec<ApplicationEvent>,
    /// The card, once it exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_id: Option<String>,
    /// Present when this is a replacement (补领/换领) of an earlier card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement: Option<super::ReplacementOf>,
}
