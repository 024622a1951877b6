//! The terms of a city's online application: the channel it stands in for, the banks to choose
//! from, how the card is delivered and what delivery asks for. Read from the city's offers (the
//! policy data files), so the app's pages and the server's check follow the same data.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::channels::{OfferCondition, channel_offers, online_channel};
use crate::citation::Citation;
use crate::ids::{Channel, City, PickupMethod};
use crate::policy::{self, BankInfo, PolicyError};
use crate::sources as src;
use crate::timeline::Business;
use crate::validate::{FieldError, parse_backup_centre, recipient_is_holder};
use crate::wire::PostalAddress;

/// What a city's online channel may file for a person, in order: a first application, or
/// (Urumqi's remote module) the replacement of a card held.
const ONLINE_BUSINESS: [Business; 4] = [
    Business::FirstApplication,
    Business::Renewal,
    Business::ReplaceDamaged,
    Business::ReplaceLost,
];

/// Something an online application does for the applicant without a choice of theirs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// The photo is shared from the ID card or the electronic student card (Shanghai).
    SharedPhoto,
    /// The electronic card is made with the new card, and one held switches over (Urumqi).
    ElectronicCardFollows,
}

/// The offer conditions an application tells the applicant about, with the line each rests on
/// (the offer's own citation is the channel's).
const NOTES: [(OfferCondition, NoteKind, Citation); 2] = [
    (
        OfferCondition::SharedPhoto,
        NoteKind::SharedPhoto,
        src::SH_SHARED_PHOTO,
    ),
    (
        OfferCondition::ElectronicCardFollows,
        NoteKind::ElectronicCardFollows,
        src::UR_E_CARD,
    ),
];

/// Something an online application does for the applicant, told before they submit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermNote {
    /// What it is.
    pub kind: NoteKind,
    /// The line it rests on.
    pub citation: Citation,
}

/// What a city's online application offers and asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationTerms {
    /// The city.
    pub city: City,
    /// The online channel this service stands in for.
    pub channel: Channel,
    /// What the channel files: a first application, or (Urumqi's module) a renewal.
    pub business: Business,
    /// The banks to choose from. Empty when the sources count the banks but name none
    /// (Shanghai): the bank is then chosen with the city's own list, not here.
    pub banks: Vec<BankInfo>,
    /// How many banks the sources count.
    pub bank_count: u32,
    /// How the card can be delivered, in the order to offer them.
    pub pickups: Vec<PickupMethod>,
    /// The recipient pays the postage on delivery (Urumqi, 收件到付).
    pub postage_paid_by_recipient: bool,
    /// The holder signs for the parcel, so the recipient is the holder (Urumqi).
    pub holder_signs: bool,
    /// A backup community centre is named at application (Shanghai).
    pub backup_centre: bool,
    /// What the application does for the applicant without a choice of theirs, to tell them
    /// before they submit, each with its source: Shanghai shares the photo, Urumqi makes the
    /// electronic card with the new one.
    pub notes: Vec<TermNote>,
    /// The source of the online channel's offer.
    pub citation: Citation,
    /// The sources of the bank list (and of its limits).
    pub bank_citations: Vec<Citation>,
    /// The sources of the delivery terms.
    pub delivery_citations: Vec<Citation>,
}

impl ApplicationTerms {
    /// Whether the sources name the banks, so the person chooses one here.
    pub fn banks_named(&self) -> bool {
        !self.banks.is_empty()
    }
}

/// The terms of `city`'s online application on `on`; `None` when no online channel of the city
/// files an application then.
pub fn application_terms(
    city: City,
    on: NaiveDate,
) -> Result<Option<ApplicationTerms>, PolicyError> {
    let channel = online_channel(city);
    let Some((business, offer)) = ONLINE_BUSINESS
        .iter()
        .find_map(|&b| channel_offers(city, b.service(), channel, on).map(|offer| (b, offer)))
    else {
        return Ok(None);
    };
    let has = |c| offer.conditions.contains(&c);
    let banks = policy::banks(city, on)?;
    let bank_count = policy::policy(city, on)?.bank_count;
    let mut bank_citations = vec![banks.citation.clone()];
    let list = if has(OfferCondition::RemoteBanksOnly) {
        bank_citations.push(src::UR_REMOTE_BANKS);
        banks
            .value
            .into_iter()
            .filter(|b| b.remote_replacement)
            .collect()
    } else {
        banks.value
    };
    if list.is_empty() && city == City::Shanghai {
        bank_citations.push(src::SH_PARENT_BANK);
    }
    let mut delivery_citations = Vec::new();
    let postage_paid_by_recipient = has(OfferCondition::PostagePaidByRecipient);
    let holder_signs = has(OfferCondition::HolderSignsForDelivery);
    let backup_centre = has(OfferCondition::BackupCommunityCentre);
    // Sent by post only, where the sources name no other way (点对点 post; EMS).
    let post_only = has(OfferCondition::PostedToApplicant) || postage_paid_by_recipient;
    if post_only {
        delivery_citations.push(if postage_paid_by_recipient {
            src::UR_EMS
        } else {
            src::SH_POST
        });
    }
    if backup_centre {
        delivery_citations.push(src::SH_BACKUP_CENTRE);
    }
    Ok(Some(ApplicationTerms {
        city,
        channel,
        business,
        banks: list,
        bank_count: bank_count.value,
        pickups: if post_only {
            vec![PickupMethod::Mail]
        } else {
            vec![PickupMethod::Mail, PickupMethod::Branch]
        },
        postage_paid_by_recipient,
        holder_signs,
        backup_centre,
        notes: NOTES
            .iter()
            .filter(|(condition, _, _)| has(*condition))
            .map(|(_, kind, citation)| TermNote {
                kind: *kind,
                citation: citation.clone(),
            })
            .collect(),
        citation: offer.citation,
        bank_citations,
        delivery_citations,
    }))
}

/// Checks what the terms ask about delivery, beyond the address itself
/// ([`crate::check_postal_address`]): the backup centre where one is asked for, and the holder as
/// the recipient where the holder signs. One problem per wrong field.
pub fn check_delivery_terms(
    terms: &ApplicationTerms,
    holder_name: &str,
    address: Option<&PostalAddress>,
    backup_centre: Option<&str>,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if terms.backup_centre
        && let Err(e) = parse_backup_centre(backup_centre.unwrap_or(""))
    {
        errors.push(FieldError {
            field: "backup_centre",
            error: e.into(),
        });
    }
    if terms.holder_signs
        && let Some(a) = address
        && !recipient_is_holder(&a.recipient, holder_name)
    {
        errors.push(FieldError {
            field: "postal_address.recipient",
            error: crate::DeliveryError::RecipientNotHolder.into(),
        });
    }
    errors
}
