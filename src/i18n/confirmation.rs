//! Texts of the confirmation page, and the production and collection words it shares with the
//! journey's timeline, one `static` per locale. Apart from the journey's texts so that a
//! confirmation opened from a bookmark downloads these few instead of the whole journey's.

locale_modules!("confirmation");

pub use en::CONFIRMATION as EN;
pub use zh_hans::CONFIRMATION as ZH_HANS;
pub use zh_hant::CONFIRMATION as ZH_HANT;

use serde::Serialize;

use super::{Locale, Texts};

impl Texts {
    /// The confirmation texts of this locale, looked up like [`Texts::journey`].
    pub fn confirmation(&self) -> &'static ConfirmationTexts {
        match self.locale {
            Locale::ZhHans => &ZH_HANS,
            other => super::parts::loaded(other).map_or(&ZH_HANS, |tables| tables.confirmation),
        }
    }
}

/// The confirmation page's texts in one language. `{n}`, `{date}` and `{hours}` are replaced
/// when shown. (`Serialize`: see [`Texts`](super::Texts).)
#[derive(Debug, Serialize)]
pub struct ConfirmationTexts {
    /// Confirmation heading.
    pub conf_title: &'static str,
    /// Reference label.
    pub conf_reference: &'static str,
    /// Under the reference: quote it when calling 96066.
    pub conf_help: &'static str,
    /// QR label.
    pub conf_qr: &'static str,
    /// Next heading.
    pub conf_next: &'static str,
    /// Confirmation: not found.
    pub conf_not_found: &'static str,
    /// Track link.
    pub conf_track: &'static str,
    /// What to bring.
    pub conf_bring: &'static str,
    /// What to bring, guardian.
    pub conf_bring_guardian: &'static str,
    /// How to enable.
    pub conf_enable: &'static str,
    /// Print button.
    pub conf_print: &'static str,
    /// ICS link.
    pub conf_ics: &'static str,
    /// ICS event title.
    pub ics_summary: &'static str,
    /// Loading.
    pub loading: &'static str,
    /// Hours.
    pub branch_hours: &'static str,
    /// Step.
    pub step_collect: &'static str,
    /// Step.
    pub step_wait_for_post: &'static str,
    /// Production: natural days.
    pub tl_natural_days: super::Plural,
    /// Production: working days.
    pub tl_working_days: super::Plural,
    /// Production: not stated.
    pub tl_not_stated: &'static str,
}
