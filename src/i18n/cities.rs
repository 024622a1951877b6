//! Texts of what a city's journey asks beyond Beijing's (Shanghai's groups and backup centre,
//! Urumqi's remote residents and EMS), one `static` per locale. Apart from the journey's texts so
//! that only the pages that show them carry them: the start of the check and the confirmation
//! stay within their download budget.

locale_modules!("cities");

pub use en::CITIES as EN;
pub use zh_hans::CITIES as ZH_HANS;
pub use zh_hant::CITIES as ZH_HANT;

use serde::Serialize;

use super::{Locale, Texts};

impl Texts {
    /// The city texts of this locale, looked up like [`Texts::journey`].
    pub fn cities(&self) -> &'static CitiesTexts {
        match self.locale {
            Locale::ZhHans => &ZH_HANS,
            other => super::parts::loaded(other).map_or(&ZH_HANS, |tables| tables.cities),
        }
    }
}

/// What a city's own questions, results and delivery terms say in one language. `{n}` is
/// replaced when shown. (`Serialize`: see [`Texts`](super::Texts).)
#[derive(Debug, Serialize)]
pub struct CitiesTexts {
    /// The holder's group question (Shanghai).
    pub group_title: &'static str,
    /// Why the group is asked.
    pub group_hint: &'static str,
    /// Group: pupils and pre-school children.
    pub group_pupil: &'static str,
    /// Group: retired.
    pub group_retired: &'static str,
    /// Group: in work.
    pub group_employed: &'static str,
    /// Group: none of these.
    pub group_other: &'static str,
    /// Hint for none of these.
    pub group_other_hint: &'static str,
    /// Nothing chosen on the group question.
    pub group_error: &'static str,
    /// The living-away question (Urumqi).
    pub remote_title: &'static str,
    /// What living away means.
    pub remote_hint: &'static str,
    /// Nothing chosen on the living-away question.
    pub remote_error: &'static str,
    /// Result heading: eligible, on another channel.
    pub result_other_title: &'static str,
    /// Reason: Shanghai retirees.
    pub reason_group_retired: &'static str,
    /// Reason: Shanghai staff.
    pub reason_group_employed: &'static str,
    /// Reason: Shanghai pupils.
    pub reason_group_pupil: &'static str,
    /// Reason: Shanghai, anyone else.
    pub reason_group_other: &'static str,
    /// Reason: Urumqi online is for people living away.
    pub reason_remote_only: &'static str,
    /// Reason: Urumqi online replaces a card held.
    pub reason_remote_card: &'static str,
    /// What to do: go to a bank.
    pub alt_go_bank: &'static str,
    /// What to do: go to a community centre.
    pub alt_go_community: &'static str,
    /// The bank page where the sources name no banks; {n} is their count.
    pub bank_not_named: &'static str,
    /// Check answers: no bank, as the sources name none.
    pub bank_not_chosen: &'static str,
    /// Urumqi: how the card comes.
    pub delivery_ems: &'static str,
    /// Shanghai: how the card comes.
    pub delivery_post: &'static str,
    /// Recipient hint where the holder signs.
    pub recipient_holder_hint: &'static str,
    /// Label of the backup community centre.
    pub backup_centre_label: &'static str,
    /// Hint of the backup community centre.
    pub backup_centre_hint: &'static str,
    /// Check-answers row: the photo.
    pub photo_label: &'static str,
    /// Where the photo comes from when the city shares it (Shanghai).
    pub photo_shared: &'static str,
    /// Check-answers note: the electronic social-security card.
    pub e_card_label: &'static str,
    /// The electronic card is made with the new card (Urumqi).
    pub e_card_follows: &'static str,
    /// backup_centre.empty
    pub e_backup_centre_empty: &'static str,
    /// backup_centre.too_long; {n} is the limit.
    pub e_backup_centre_long: super::Plural,
    /// postal_address.recipient_not_holder
    pub e_recipient_not_holder: &'static str,
}
