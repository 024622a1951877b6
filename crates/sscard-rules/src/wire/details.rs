//! A person's details on record and changing them online (个人信息变更, 002 Q9 L79: 「个人信息
//! (包括地址、职业等)变更」; Q32 L207: 「持卡人可通过线上或线下渠道变更本人地址、职业、手机号码等
//! 信息」): `GET`/`PUT /api/v1/me/details`.
//!
//! The mobile on record is shown here but changed by its own, stronger flow
//! (`POST /api/v1/me/mobile`). The bank account's reserved phone number is not a detail of this
//! service at all: [`ReservedPhone`] says where it is changed (Q32 L209).

use serde::{Deserialize, Serialize};

use super::PersonRef;
use crate::citation::Citation;
use crate::ids::stable_ids;

stable_ids! {
    /// An occupation on record (职业), as a closed list (D31).
    ///
    /// The seeds name occupation as a detail that can be changed (002 Q9 L79, Q32 L207) but
    /// give no list of values. A closed list was chosen over free text: the eight major groups
    /// (大类) of the national occupational classification (中华人民共和国职业分类大典) are a
    /// small, stable top level that a person can pick from on a phone, and they cannot carry
    /// personal data or typos into the record; three values for people not in work (a student,
    /// a retired person, someone without work) complete it, because the card is held by
    /// children and pensioners too. The ids are this service's own (D31), not the
    /// classification's codes.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub enum Occupation {
        /// 党的机关、国家机关、群众团体和社会组织、企事业单位负责人 (major group 1).
        Leader = "leader",
        /// 专业技术人员 (major group 2).
        Professional = "professional",
        /// 办事人员和有关人员 (major group 3).
        Clerical = "clerical",
        /// 社会生产服务和生活服务人员 (major group 4).
        Service = "service",
        /// 农、林、牧、渔业生产及辅助人员 (major group 5).
        Agriculture = "agriculture",
        /// 生产制造及有关人员 (major group 6).
        Production = "production",
        /// 军人 (major group 7).
        Military = "military",
        /// 不便分类的其他从业人员 (major group 8).
        OtherWork = "other_work",
        /// 学生 (not in the classification, D31).
        Student = "student",
        /// 离退休人员 (not in the classification, D31).
        Retired = "retired",
        /// 无业人员 (not in the classification, D31).
        NotWorking = "not_working",
    }
}

/// `GET`/`PUT /api/v1/me/details` answer: one person's details on record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonDetails {
    /// Whose details these are (the signed-in person, or a minor in their care).
    pub person: PersonRef,
    /// Whether the signed-in person sees them as the guardian of a minor.
    pub as_guardian: bool,
    /// The residential address on record (居住地址), if any.
    pub address: Option<String>,
    /// The occupation on record, if any.
    pub occupation: Option<Occupation>,
    /// The mobile on record, masked (`138****0001`); changed through `POST /api/v1/me/mobile`.
    pub mobile_masked: Option<String>,
    /// When the address or occupation last changed (RFC 3339), if ever online.
    pub updated_at: Option<String>,
    /// Minors in the signed-in person's care whose details they may change too (empty when
    /// these are a minor's details).
    pub minors: Vec<PersonRef>,
    /// Where the bank account's reserved phone number is changed.
    pub reserved_phone: ReservedPhone,
    /// Applications on their way by post: a changed address does not reach them (D32).
    pub postal_applications: Vec<PostalApplication>,
}

/// The bank account's reserved phone number (金融账户预留手机号) is changed only at a branch of
/// the bank that issued the card (002 Q32 L209; the bank's own rules apply, Q33).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReservedPhone {
    /// Stable channel id: `issuing_bank_branch`.
    pub channel: String,
    /// Bank ids (`icbc`, …) of the person's cards, so the answer can name the bank; empty
    /// when they hold no card yet.
    pub banks: Vec<String>,
    /// The source, from the city's policy table.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub citation: Citation,
}

/// An application whose card goes to the postal address it was submitted with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostalApplication {
    /// Opaque application id.
    pub id: String,
    /// The hotline reference to quote when calling (`K7M-2Q9-XD4F`).
    pub reference: String,
    /// Where it is now.
    pub status: super::ApplicationStatus,
    /// The city's hotline, to change where the card goes (from the city's policy), if any.
    pub hotline: Option<String>,
}

/// `PUT /api/v1/me/details` body: the address and occupation to keep on record (both; a `PUT`
/// replaces them, so sending the same twice changes nothing the second time).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonDetailsUpdate {
    /// A minor in the signed-in person's care (their opaque person id); none: oneself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The residential address (`address.*` codes: required, at most 100 characters, D29).
    #[serde(default)]
    pub address: String,
    /// An occupation id (`occupation.empty`, `occupation.unknown`).
    #[serde(default)]
    pub occupation: String,
    /// The `updated_at` of the details this change starts from (empty: never changed). When
    /// given and the record changed since, the change is refused (`409 details.changed_since`)
    /// instead of silently overwriting someone else's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<String>,
}

/// Query of `GET /api/v1/me/details`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct PersonDetailsQuery {
    /// A minor in the signed-in person's care (their opaque person id); none: oneself.
    #[serde(default)]
    pub person: Option<String>,
}
