//! Replacing a card online (补领/换领).

use serde::{Deserialize, Serialize};

use super::PostalAddress;
use crate::{PickupMethod, ReplacementReason};

/// `POST /api/v1/cards/{id}/replacement` body (with an `Idempotency-Key` header).
///
/// The server decides with `sscard_rules::plan_replacement`, as the app previews.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReplacementRequest {
    /// Why the card is replaced.
    pub reason: ReplacementReason,
    /// For `details_changed`: the new name or ID number is already recorded at 人社/医保 (Q24).
    #[serde(default)]
    pub upstream_change_done: bool,
    /// `mail` or `branch` (a branch of the card's issuing bank).
    pub pickup: PickupMethod,
    /// Branch id, required when `pickup` is `branch`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch_id: Option<String>,
    /// Required when `pickup` is `mail`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_address: Option<PostalAddress>,
}

/// On an application that replaces a card: which card, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReplacementOf {
    /// The card being replaced.
    pub card_id: String,
    /// Why.
    pub reason: ReplacementReason,
}
