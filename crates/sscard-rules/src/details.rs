//! Changing one's personal details online (个人信息变更: address, occupation; the mobile on
//! record has its own stronger flow): the rules that are not validation.
//!
//! * The bank account's reserved phone number (金融账户预留手机号) is not one of these details:
//!   it is changed only at a branch of the bank that issued the card (002 Q32 L209; catalogue
//!   X-I1, guard G9). [`reserved_phone_change`] reads that offer from the city's policy table,
//!   where it is written once with its citation.
//! * A change of address never alters an application already submitted: the card centre works
//!   from what was submitted (D32, [`POSTAL_ADDRESS_KEPT`]). [`keeps_submitted_postal_address`]
//!   says which applications the person must hear about.

use chrono::NaiveDate;

use crate::channels::{ChannelOffer, channel_offers};
use crate::citation::Citation;
use crate::ids::{Channel, City, PickupMethod, Service};
use crate::wire::ApplicationStatus;

/// Why a changed address leaves a submitted application's postal address as it was (D32).
pub const POSTAL_ADDRESS_KEPT: Citation = Citation::decision("D32");

/// Where and how the bank account's reserved phone number is changed in `city` on `on`: the
/// issuing bank's branch (002 Q32 L209 in Beijing), or `None` when the city's sources say
/// nothing about it.
pub fn reserved_phone_change(city: City, on: NaiveDate) -> Option<ChannelOffer> {
    channel_offers(
        city,
        Service::ReservedPhoneChange,
        Channel::IssuingBankBranch,
        on,
    )
}

/// Whether an application in `status` with `pickup` still has a card on its way to the postal
/// address it was submitted with, so that a person who changes their address must hear that
/// the card still goes to the old one (D32). Branch pickups have no postal address; once the
/// card is at a branch, collected or enabled, the address no longer matters.
pub const fn keeps_submitted_postal_address(
    status: ApplicationStatus,
    pickup: PickupMethod,
) -> bool {
    matches!(pickup, PickupMethod::Mail)
        && matches!(
            status,
            ApplicationStatus::Submitted
                | ApplicationStatus::Accepted
                | ApplicationStatus::InProduction
                | ApplicationStatus::Made
                | ApplicationStatus::SentByPost
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::citation::SEED_002;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn the_reserved_phone_is_changed_at_the_issuing_bank_in_beijing() {
        let offer = reserved_phone_change(City::Beijing, d(2026, 3, 1));
        let offer = offer.expect("Beijing names the issuing bank");
        assert_eq!(offer.channel, Channel::IssuingBankBranch);
        assert_eq!(offer.citation.source, SEED_002);
        assert_eq!(offer.citation.locator, "Q32");
        assert_eq!(offer.citation.line, Some(209));
        // Not online, and not at a district or street point.
        for elsewhere in [Channel::HrssWebsite, Channel::DistrictStreetPoint] {
            assert_eq!(
                channel_offers(
                    City::Beijing,
                    Service::ReservedPhoneChange,
                    elsewhere,
                    d(2026, 3, 1)
                ),
                None,
                "{elsewhere}"
            );
        }
    }

    #[test]
    fn only_mail_applications_on_their_way_keep_a_postal_address() {
        use ApplicationStatus as S;
        use PickupMethod::{Branch, Mail};
        // (status, pickup, keeps the postal address given with the application)
        let cases = [
            (S::Submitted, Mail, true),
            (S::Accepted, Mail, true),
            (S::InProduction, Mail, true),
            (S::Made, Mail, true),
            (S::SentByPost, Mail, true),
            (S::Submitted, Branch, false),
            (S::Accepted, Branch, false),
            (S::InProduction, Branch, false),
            (S::Made, Branch, false),
            (S::SentByPost, Branch, false),
            (S::AtBranch, Mail, false),
            (S::Collected, Mail, false),
            (S::Enabled, Mail, false),
        ];
        for (status, pickup, keeps) in cases {
            assert_eq!(
                keeps_submitted_postal_address(status, pickup),
                keeps,
                "{status:?}, {pickup:?}"
            );
        }
    }
}
