//! Policy data the app previews with: cities, banks, sample branches.

use serde::{Deserialize, Serialize};

/// One city in `GET /api/v1/policy/cities`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CitySummary {
    /// Stable city id (`beijing`, `shanghai`, `urumqi`).
    pub city: String,
    /// Chinese name (`sscard_rules::City::name_zh`).
    pub name_zh: String,
    /// English name (`sscard_rules::City::name_en`).
    pub name_en: String,
    /// Whether individuals can apply online here on the server's today.
    pub individual_application_open: bool,
}

/// A bank branch where cards are handed out or made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Branch {
    /// Stable branch id.
    pub id: String,
    /// City id.
    pub city: String,
    /// Bank id (`icbc`, …).
    pub bank: String,
    /// Branch name.
    pub name: String,
    /// District (区).
    pub district: String,
    /// Street address.
    pub address: String,
    /// Opening hours, free text.
    pub opening_hours: String,
    /// Whether the branch makes cards on the spot (即时制卡).
    pub makes_cards_on_the_spot: bool,
    /// Always `true` here: the seeds name banks but no branches, so every branch
    /// is invented sample data and must be shown as such.
    pub sample_data: bool,
}

/// Query of `GET /api/v1/policy/{city}/branches`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct BranchQuery {
    /// Only branches of this bank.
    #[serde(default)]
    pub bank: Option<String>,
    /// Only branches in this district.
    #[serde(default)]
    pub district: Option<String>,
    /// Only branches that make cards on the spot.
    #[serde(default)]
    pub on_the_spot: Option<bool>,
}
