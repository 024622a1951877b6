//! The city texts in English.

use super::CityTexts;

/// The city texts in English.
pub static EN: CityTexts = CityTexts {
    group_title: "Which group is the card holder in?",
    group_hint: "Shanghai serves each group on its own channel: only pupils and young children are applied for online, by a parent.",
    group_pupil: "A pupil (secondary or primary school) or a kindergarten child",
    group_retired: "Retired",
    group_employed: "In work",
    group_other: "None of these",
    group_other_hint: "For example a first card, or the old card was lost",
    group_error: "Choose the card holder's group",
    remote_title: "Does the card holder live away from Urumqi for the long term?",
    remote_hint: "Outside Xinjiang, or elsewhere in Xinjiang",
    remote_error: "Choose whether the card holder lives away from Urumqi",
    result_other_title: "You can get the card, through another channel",
    reason_group_retired: "In Shanghai, retired people get the new card mainly at a branch of the 11 service banks, preferably the bank that pays their pension.",
    reason_group_employed: "In Shanghai, people in work get the new card in a batch their employer runs with a service bank: watch for the employer's notice.",
    reason_group_pupil: "In Shanghai, pupils and young children are applied for online by a parent.",
    reason_group_other: "A first card, or a lost old card, is done at a community service centre.",
    reason_remote_only: "Urumqi's online replacement is only for people living away. In the city, go to a bank's card service point; a replacement card is made while you wait.",
    reason_remote_card: "The online module replaces a card you hold; a first card is made at a bank service point.",
    alt_go_bank: "Go to a bank branch",
    alt_go_community: "Go to a community service centre",
    bank_not_named: "In Shanghai the parent picks 1 of {n} service banks. The sources say there are {n} but do not name them, so they cannot be listed here and nobody picks one for you. The application goes without a bank; the bank is chosen on Shanghai's official platform, as the school's notice says.",
    bank_not_chosen: "One of the {n} service banks (the sources do not name them; chosen on the official platform)",
    delivery_ems: "The card comes by EMS, postage paid on delivery, and must be signed for by the holder.",
    delivery_post: "The card is posted straight to this address. If the post cannot deliver it, it goes to the backup community centre you name.",
    recipient_holder_hint: "The holder signs for it, so the recipient is the card holder",
    backup_centre_label: "Backup community service centre",
    backup_centre_hint: "The name of the community service centre of your street or town",
    photo_label: "Photo",
    photo_shared: "Shared from the holder's second-generation ID card, or for a pupil the electronic student card: nobody needs to go to a centre to be photographed.",
    e_backup_centre_empty: "Enter the backup community service centre",
    e_backup_centre_long: "The centre's name must be {n} characters or fewer",
    e_recipient_not_holder: "The recipient must be the card holder: the holder signs for the card",
};
