//! Cards and the services on them.

use serde::{Deserialize, Serialize};

use super::PersonRef;
use crate::ids::{Bank, City};
use crate::states::{CardState, FinancialState, SocialState};

/// A card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Card {
    /// Opaque card id.
    pub id: String,
    /// The holder.
    pub holder: PersonRef,
    /// Whether the signed-in person sees this card as the guardian of a minor.
    pub as_guardian: bool,
    /// The city.
    pub city: City,
    /// The issuing bank; absent where the sources name none (Shanghai, D36).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank: Option<Bank>,
    /// Card number with the middle masked.
    pub card_number_masked: String,
    /// Social-security function.
    pub social_function: SocialState,
    /// Financial function.
    pub financial_function: FinancialState,
    /// Day the card was handed over.
    pub issued_on: String,
    /// Day of the temporary loss report, while one is in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temp_loss_reported_on: Option<String>,
    /// Day the temporary loss lifts itself, while one is in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temp_loss_lifts_on: Option<String>,
    /// The application the card came from, when made through this service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<String>,
    /// The replacement (补领/换领) asked for this card, if any: an application id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement_id: Option<String>,
}

impl Card {
    /// The card as the rules crate's state machine sees it, for `crate::card_transition`.
    ///
    /// What the API does not show (the holder's older card, an earlier reissue, the social
    /// cancellation day, the last bank change) is left empty; a temporary-loss day that is not
    /// `YYYY-MM-DD` counts as absent.
    pub fn state(&self) -> CardState {
        CardState {
            city: self.city,
            social: self.social_function,
            financial: self.financial_function,
            old_card: None,
            reissued: false,
            // After a 补领 the card is `replaced`; a replacement of a card still in use is an
            // exchange whose new card is not enabled yet.
            exchange_pending: self.replacement_id.is_some()
                && self.social_function != SocialState::Replaced,
            temp_loss_reported_on: self
                .temp_loss_reported_on
                .as_deref()
                .and_then(|d| d.parse().ok()),
            social_cancelled_on: None,
            last_bank_change: None,
        }
    }
}

/// Answer to `POST /api/v1/cards/{id}/temporary-loss`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TempLossReport {
    /// The card after the report.
    pub card: Card,
    /// The day the social-security function is restored automatically.
    pub auto_lift_on: String,
    /// Note on the financial function (its loss follows the bank's own rules).
    pub financial_note: String,
}
