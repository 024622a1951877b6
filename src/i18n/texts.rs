//! The shape of a locale: one field per visible text, with larger areas in their own sections.

use serde::Serialize;

/// Every visible text of the app in one language. Grouped by where the text appears.
///
/// `Serialize` is there so that tests/locale_texts.rs can walk every text of every locale; the
/// app never serializes texts, so the derive adds no code to the build.
#[derive(Debug, Serialize)]
pub struct Texts {
    // Shell
    /// The service's name, in the header and after every page title.
    pub service_name: &'static str,
    /// The skip link's text.
    pub skip_to_content: &'static str,
    /// Accessible name of the language switch.
    pub language_switch_label: &'static str,
    /// Shown when the chosen language's texts could not be fetched (in the current language).
    pub language_load_failed: &'static str,
    /// Footer: the hotline's label.
    pub hotline_label: &'static str,
    /// Footer: opening hours / what the hotline is for.
    pub hotline_note: &'static str,
    /// Footer, when the sources give the chosen city no hotline (`{city}`).
    pub hotline_none: &'static str,
    /// Footer: a line that says this is a demonstration of the service.
    pub footer_disclaimer: &'static str,
    /// Prefix of the page title while the page shows errors ("错误: ").
    pub error_prefix: &'static str,
    /// Title of the error summary box.
    pub error_summary_title: &'static str,
    /// A problem on any page: the server could not be reached (nothing typed is lost).
    pub problem_network: &'static str,
    /// A problem on any page: too many attempts (`rate_limited`, `codes.daily_limit`).
    pub problem_rate_limited: &'static str,
    /// Text of the back link.
    pub back: &'static str,
    /// The elderly-mode (larger text) switch.
    pub elderly_mode: &'static str,
    /// Accessible name of the header navigation.
    pub nav_label: &'static str,
    /// Header link to the signed-in pages (progress, cards).
    pub nav_my_card: &'static str,
    /// Header link to the public rules explorer.
    pub nav_rules: &'static str,

    // Start page
    /// The start page's button into the eligibility check.
    pub start_button: &'static str,
    /// The banner on every page while the server runs with demonstration data.
    pub demo_banner: &'static str,
    /// Start page heading.
    pub home_title: &'static str,
    /// Start page lead paragraph.
    pub home_lead: &'static str,
    /// Heading of the list of what can be done here.
    pub home_can_do_heading: &'static str,
    /// The list of what can be done here.
    pub home_can_do: [&'static str; 4],
    /// Heading: who can use the service.
    pub home_who_heading: &'static str,
    /// Who can use the service (`{city}`).
    pub home_who: &'static str,
    /// Heading: what you need.
    pub home_need_heading: &'static str,
    /// What you need.
    pub home_need: [&'static str; 3],
    /// Heading: how long it takes.
    pub home_time_heading: &'static str,
    /// How long it takes (`{days}`: the city's production limit).
    pub home_time: super::Plural,
    /// How long it takes, when the sources give the city no production limit (`{city}`).
    pub home_time_unknown: &'static str,
    /// Anti-fraud notice heading.
    pub fraud_heading: &'static str,
    /// Anti-fraud notice text.
    pub fraud_text: &'static str,
    /// After it, when the city has a hotline (`{hotline}`).
    pub fraud_call: &'static str,
    /// After it, when the sources give the city no hotline.
    pub fraud_ask_local: &'static str,

    // The city
    /// The question of the city (start page).
    pub city_question: &'static str,
    /// What the city decides.
    pub city_hint: &'static str,
    /// The chosen city (`{city}`).
    pub city_current: &'static str,
    /// The link to choose another city.
    pub city_change: &'static str,

    /// Link to the second route (how it works).
    pub home_help_link: &'static str,

    // How it works page
    /// Heading of the "how it works" page.
    pub help_title: &'static str,
    /// The steps from applying to using the card.
    pub help_steps: [&'static str; 5],
    /// Link back to the start page.
    pub back_to_start: &'static str,

    // Not found
    /// Heading of the page-not-found page.
    pub not_found_title: &'static str,
    /// Body of the page-not-found page.
    pub not_found_text: &'static str,
    /// Heading when a page's code could not be downloaded.
    pub page_load_failed_title: &'static str,
    /// What to do about it.
    pub page_load_failed_text: &'static str,
    /// Link that tries the same page again.
    pub page_load_failed_retry: &'static str,
    /// Announced while a page's code is being fetched.
    pub page_loading: &'static str,

    // Sections
    /// Which locale this is. The journey's and the after-applying texts are looked up from it
    /// ([`Texts::journey`], [`Texts::after`]) rather than held here, so that they are part of
    /// those pages' lazily loaded wasm, not of every first load.
    pub locale: super::Locale,
}
