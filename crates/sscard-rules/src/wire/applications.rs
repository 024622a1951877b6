//! Drafts and card applications.

use serde::{Deserialize, Serialize};

use super::PersonRef;

/// `PUT /api/v1/draft` body and `GET /api/v1/draft` answer: an unfinished application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Draft {
    /// The app's form state, any JSON object (at most 16 KiB serialised).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub data: serde_json::Value,
    /// When it was last saved (RFC 3339); ignored on `PUT`.
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// The kind of document proving guardianship of a minor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum GuardianshipProof {
    /// 户口簿 showing parent and child.
    HouseholdRegister,
    /// 出生医学证明.
    BirthCertificate,
    /// Court decision or other legal guardianship document.
    GuardianshipDocument,
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

/// `POST /api/v1/applications` body (with an `Idempotency-Key` header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationRequest {
    /// City id (`beijing`).
    #[cfg_attr(feature = "openapi", schema(example = "beijing"))]
    pub city: String,
    /// Cooperating bank id (`icbc`, …), one of the city's banks.
    #[cfg_attr(feature = "openapi", schema(example = "icbc"))]
    pub bank: String,
    /// `mail` or `branch`.
    #[cfg_attr(feature = "openapi", schema(example = "branch"))]
    pub pickup: String,
    /// Branch id, required when `pickup` is `branch`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "bj-icbc-dongcheng"))]
    pub branch_id: Option<String>,
    /// Required when `pickup` is `mail`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_address: Option<PostalAddress>,
    /// Present when a guardian applies for a minor; absent for oneself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minor: Option<MinorApplicant>,
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
    /// The latest day the card is made (production time; excludes postal transit).
    pub production_deadline: String,
    /// Whether postal transit comes on top of the deadline.
    pub plus_postal_transit: bool,
}

/// An application as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Application {
    /// Opaque application id.
    pub id: String,
    /// Current state (the last event).
    pub status: ApplicationStatus,
    /// City id.
    pub city: String,
    /// Bank id.
    pub bank: String,
    /// `mail` or `branch`.
    pub pickup: String,
    /// Chosen branch (pickup at a branch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch_id: Option<String>,
    /// Whose card it is.
    pub cardholder: PersonRef,
    /// Who submitted it (the cardholder, or the guardian of a minor).
    pub submitted_by: PersonRef,
    /// `self` or `guardian`.
    pub actor: String,
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
}
