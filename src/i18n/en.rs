//! English.

use super::Texts;

/// English texts.
pub static TEXTS: Texts = Texts {
    service_name: "Social Security Card Online",
    skip_to_content: "Skip to main content",
    language_switch_label: "Choose a language",
    hotline_label: "Helpline",
    hotline_note: "Human resources and social security service line",
    footer_disclaimer: "This website is a reference implementation of the third-generation social security card online service.",
    error_prefix: "Error: ",
    error_summary_title: "There is a problem",
    back: "Back",
    elderly_mode: "Larger text",
    home_title: "Apply for and manage your third-generation social security card",
    home_lead: "Use this service to apply for a third-generation social security card, track your application, enable the card's social security function or report a card lost for a short time.",
    home_can_do_heading: "What you can do here",
    home_can_do: [
        "Apply for yourself, or as a guardian for a child under 18",
        "Track your card and see the expected dates",
        "Enable the card's social security function",
        "Report a card temporarily lost and see when the report lifts itself",
    ],
    home_who_heading: "Who can use this service",
    home_who: "People insured in this city and some other groups. A few questions check whether you can apply before you give any personal details.",
    home_need_heading: "What you need",
    home_need: [
        "Your valid identity card",
        "For a child: the household register or the birth certificate as proof of guardianship",
        "A mobile phone that can receive text messages",
    ],
    home_time_heading: "How long it takes",
    home_time: "Filling in takes about 10 minutes. A card applied for online is usually made within 30 calendar days; posting takes extra time.",
    fraud_heading: "Beware of fraud",
    fraud_text: "The social security authorities never send application links by text message and never ask for your bank card password. If in doubt, call 96066.",
    home_help_link: "How it works",
    help_title: "How it works",
    help_steps: [
        "Check whether you can apply",
        "Apply online and choose a cooperating bank and how to collect the card",
        "Wait while the card is made, and track it at any time",
        "When you have the new card, enable its social security function",
        "Take your identity card to a branch of the issuing bank to activate the bank function",
    ],
    back_to_start: "Back to the start page",
    not_found_title: "Page not found",
    not_found_text: "The web address may be wrong, or the page may have moved.",
    journey: &super::journey::EN,
    after: &super::after::EN,
};
