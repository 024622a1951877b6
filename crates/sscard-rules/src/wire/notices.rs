//! Notices: what the service tells a person through their channel on record
//! (a text message to the mobile on record), and their settings.
//!
//! A notice never carries a link, a domain, an unmasked ID or card number, or
//! a code; it says how to check it independently (open the service yourself,
//! or call the hotline). The `GET /api/v1/notices` list lets a person check
//! that a message they received really came from the service.

use serde::{Deserialize, Serialize};

use crate::ids::stable_ids;

stable_ids! {
    /// What a notice is about.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub enum NoticeKind {
        /// Status: an application was received (with its reference).
        ApplicationReceived = "application_received",
        /// Status: the card was made.
        CardMade = "card_made",
        /// Status: the card was posted.
        CardPosted = "card_posted",
        /// Status: the card waits at the branch, with the date to collect it by.
        CardAtBranch = "card_at_branch",
        /// Status: the card's social-security function was enabled.
        CardEnabled = "card_enabled",
        /// Reminder: a temporary loss lifts itself tomorrow.
        LossLiftsTomorrow = "loss_lifts_tomorrow",
        /// Reminder: a card is still waiting at the branch.
        CardUncollected = "card_uncollected",
        /// Security: the service password was changed.
        PasswordChanged = "password_changed",
        /// Security: the service password was reset (after a code to the mobile on record).
        PasswordReset = "password_reset",
        /// Security: a temporary loss was reported.
        LossReported = "loss_reported",
        /// Security: the mobile on record was changed (sent to the old number too).
        MobileChanged = "mobile_changed",
        /// Security: the address or occupation on record was changed online.
        DetailsChanged = "details_changed",
        /// Security: a password sign-in succeeded after several wrong passwords.
        SignInAfterFailures = "sign_in_after_failures",
        /// Security: a replacement card (补领/换领) was requested online.
        ReplacementRequested = "replacement_requested",
    }
}

stable_ids! {
    /// The kind of a notice, which decides whether it can be switched off.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub enum NoticeCategory {
        /// Progress of an application or a card; can be switched off.
        Status = "status",
        /// Dated by the rules crate; can be switched off.
        Reminder = "reminder",
        /// About the account or the card's safety; always sent.
        Security = "security",
    }
}

stable_ids! {
    /// The language a person's notices are written in.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub enum NoticeLanguage {
        /// 简体中文 (the default).
        ZhHans = "zh_hans",
        /// 繁體中文.
        ZhHant = "zh_hant",
        /// English.
        En = "en",
    }
}

impl NoticeKind {
    /// The category of this kind.
    pub const fn category(self) -> NoticeCategory {
        match self {
            NoticeKind::ApplicationReceived
            | NoticeKind::CardMade
            | NoticeKind::CardPosted
            | NoticeKind::CardAtBranch
            | NoticeKind::CardEnabled => NoticeCategory::Status,
            NoticeKind::LossLiftsTomorrow | NoticeKind::CardUncollected => NoticeCategory::Reminder,
            NoticeKind::PasswordChanged
            | NoticeKind::PasswordReset
            | NoticeKind::LossReported
            | NoticeKind::MobileChanged
            | NoticeKind::DetailsChanged
            | NoticeKind::SignInAfterFailures
            | NoticeKind::ReplacementRequested => NoticeCategory::Security,
        }
    }
}

/// One notice sent to the signed-in person (`GET /api/v1/notices`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notice {
    /// The stable message id (the same on every delivery attempt).
    pub id: String,
    /// What it is about.
    pub kind: NoticeKind,
    /// Status, reminder or security.
    pub category: NoticeCategory,
    /// The (service) day it was sent, `YYYY-MM-DD`.
    pub sent_on: String,
    /// The mobile it went to, masked: `138****0001`.
    pub to_masked: String,
    /// The language it was written in.
    pub language: NoticeLanguage,
    /// The text exactly as sent.
    pub text: String,
}

/// `GET`/`PUT /api/v1/notices/settings`: which optional notices a person gets,
/// and in which language. Security notices are always sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticeSettings {
    /// The language of the notices.
    pub language: NoticeLanguage,
    /// Progress of applications and cards.
    pub status_notices: bool,
    /// Reminders (a loss lifting tomorrow, a card waiting at the branch).
    pub reminders: bool,
}

impl Default for NoticeSettings {
    fn default() -> Self {
        Self {
            language: NoticeLanguage::ZhHans,
            status_notices: true,
            reminders: true,
        }
    }
}
