//! Texts of the after section (sign-in, progress, enabling, loss, password, where, rules
//! explorer): one `static` per section and locale.
//!
//! Each page reads its own section through [`AfterTexts`] (`t.progress()`), so with wasm
//! splitting a page's file carries its own texts and the shared sections (`common`, `names`),
//! not every page's. The sections are the `[after.*]` tables of the locale files: the build
//! writes the [`after_sections!`] invocation from them, with a struct here for each.
//!
//! Texts with a `{name}` placeholder are filled with [`Fill::fill`](super::Fill). Names of
//! rule-engine values (conditions, notes, warnings) are looked up by their stable snake_case id
//! with [`lookup`], so a value the engine adds later shows its id instead of breaking the page.

locale_modules!("after");

use serde::Serialize;

use super::{Locale, Texts};

impl Texts {
    /// The after-applying texts of this locale. Only the after-applying pages call this, so the
    /// zh-Hans texts travel with those pages' wasm parts; the other locales' come with their own
    /// part (see `parts.rs`).
    pub fn after(&self) -> &'static AfterTexts {
        match self.locale {
            Locale::ZhHans => &AfterTexts {
                locale: Locale::ZhHans,
            },
            Locale::ZhHant => &AfterTexts {
                locale: Locale::ZhHant,
            },
            Locale::En => &AfterTexts { locale: Locale::En },
        }
    }
}

pub use super::{IdTable, Names};
use sscard_rules::{Bank, Channel, City, FinancialState, PickupMethod, Service, SocialState};

/// The after-applying texts of one locale: a method per section, each reaching only its own
/// `static`, so a page that reads one section does not link the others.
#[derive(Debug)]
pub struct AfterTexts {
    /// The locale of these texts: their shell's texts ([`AfterTexts::shell`]) hold what every
    /// page shares, such as the wording of a problem.
    pub locale: Locale,
}

impl AfterTexts {
    /// The shell's texts of the same locale.
    pub fn shell(&self) -> &'static Texts {
        self.locale.texts()
    }

    /// Every section of this locale at once (for tests that walk every text; a page reads its
    /// sections one by one, so that it links only those).
    pub fn tables(&self) -> &'static AfterTables {
        match self.locale {
            Locale::ZhHans => &ZH_HANS,
            Locale::ZhHant => &ZH_HANT,
            Locale::En => &EN,
        }
    }
}

/// Declares the sections once: [`AfterTables`] (every section of a locale), one method of
/// [`AfterTexts`] per section, and each locale's table. A locale other than zh-Hans is read from
/// its loaded part, falling back to zh-Hans until it is loaded.
macro_rules! after_sections {
    ($($(#[doc = $doc:literal])* $field:ident: $ty:ident = $stat:ident;)*) => {
        /// Every section of the after texts of one locale. (`Serialize`: see [`Texts`].)
        #[derive(Debug, Serialize)]
        pub struct AfterTables {
            $($(#[doc = $doc])* pub $field: &'static $ty,)*
        }

        impl AfterTexts {
            $(
                $(#[doc = $doc])*
                pub fn $field(&self) -> &'static $ty {
                    match self.locale {
                        Locale::ZhHans => &zh_hans::$stat,
                        other => super::parts::loaded(other)
                            .map_or(&zh_hans::$stat, |tables| tables.after.$field),
                    }
                }
            )*
        }

        /// Every after text in Simplified Chinese (read section by section by the pages).
        pub static ZH_HANS: AfterTables = AfterTables { $($field: &zh_hans::$stat,)* };
        /// Every after text in Traditional Chinese (in its locale's part).
        pub static ZH_HANT: AfterTables = AfterTables { $($field: &zh_hant::$stat,)* };
        /// Every after text in English (in its locale's part).
        pub static EN: AfterTables = AfterTables { $($field: &en::$stat,)* };
    };
}

// One method and one table entry per `[after.*]` section of the locale files, in their order.
include!(concat!(env!("OUT_DIR"), "/i18n/after_sections.rs"));

/// Texts shared by several pages.
#[derive(Debug, Serialize)]
pub struct CommonTexts {
    /// Shown while data loads.
    pub loading: &'static str,
    /// The problems several forms share, by code (the ID number, the one-time code, a new
    /// service password): one wording each. A page's own table comes first.
    pub errors: IdTable,
    /// The server answered something unexpected.
    pub unexpected: &'static str,
    /// A text's `{ask}` where the city's policy gives a hotline: "call {hotline}".
    pub ask_call: &'static str,
    /// A text's `{ask}` where the sources give the city no hotline: the local office.
    pub ask_office: &'static str,
    /// The page needs a signed-in person; shown while redirecting.
    pub sign_in_needed: &'static str,
    /// Link to the sign-in page.
    pub sign_in_link: &'static str,
    /// The sign-out button.
    pub sign_out: &'static str,
    /// "Signed in as {name}".
    pub signed_in_as: &'static str,
    /// "Card number {number}".
    pub card_number: &'static str,
    /// "{name}'s card" (for a card seen as guardian).
    pub childs_card: &'static str,
    /// "Your card".
    pub own_card: &'static str,
    /// Label before a citation, with its colon ("依据：").
    pub source: &'static str,
    /// "{n} days left".
    pub days_left: super::Plural,
    /// Today is the day.
    pub today: &'static str,
    /// Anti-fraud notice heading.
    pub fraud_heading: &'static str,
    /// Anti-fraud points (no links in messages, no passwords asked, do not lend the card).
    pub fraud_points: [&'static str; 3],
    /// Heading of the related-links list.
    pub related_heading: &'static str,
    /// Related link: progress.
    pub link_progress: &'static str,
    /// Related link: temporary loss.
    pub link_loss: &'static str,
    /// Related link: service password.
    pub link_password: &'static str,
    /// Related link: where can I do this.
    pub link_where: &'static str,
    /// Related link: rules explorer.
    pub link_rules: &'static str,
    /// Related link: notices.
    pub link_notices: &'static str,
    /// Related link: change the mobile on record.
    pub link_contact: &'static str,
    /// Related link: replace a card.
    pub link_replace: &'static str,
    /// Related link: my details (address, occupation).
    pub link_details: &'static str,
    /// "Continue".
    pub continue_button: &'static str,
    /// "Back".
    pub back: &'static str,
    /// Added to a text while its button works.
    pub working: &'static str,
    /// Note on invented branch data.
    pub sample_data: &'static str,
    /// A card or application without a bank: the sources name none.
    pub bank_not_named: &'static str,
}

/// Names of cities, services, channels, banks and sources.
#[derive(Debug, Serialize)]
pub struct NamesTexts {
    /// Cities, by `City` id.
    pub cities: Names<City>,
    /// Services, by `Service` id.
    pub services: Names<Service>,
    /// Channels, by `Channel` id.
    pub channels: Names<Channel>,
    /// Pickup methods, by `PickupMethod` id.
    pub pickups: Names<PickupMethod>,
    /// Banks, by `Bank` id.
    pub banks: Names<Bank>,
    /// Titles of the cited documents by the name a citation gives (`Citation::source`): seeds
    /// 000–004, DECISIONS.md, the calendar data, the holiday law.
    pub sources: IdTable,
    /// "line {n}".
    pub line: &'static str,
    /// Social function states, by `SocialState` id.
    pub social_states: Names<SocialState>,
}

/// The card holder's sign-in page.
#[derive(Debug, Serialize)]
pub struct SignInTexts {
    /// Page heading.
    pub title: &'static str,
    /// Lead paragraph.
    pub lead: &'static str,
    /// ID number label.
    pub id_label: &'static str,
    /// ID number hint.
    pub id_hint: &'static str,
    /// Service password label.
    pub password_label: &'static str,
    /// Service password hint.
    pub password_hint: &'static str,
    /// Submit button.
    pub submit: &'static str,
    /// What to do without a card.
    pub no_card: &'static str,
    /// Link to apply.
    pub apply_link: &'static str,
    /// What to do when the password is forgotten.
    pub forgot: &'static str,
    /// Link to reset the password online.
    pub forgot_link: &'static str,
    /// Heading of the second step (the initial password needs a code).
    pub code_title: &'static str,
    /// Why a code is needed, and where it went.
    pub code_lead: &'static str,
    /// Code label.
    pub code_label: &'static str,
    /// Code submit button.
    pub code_submit: &'static str,
    /// Demo mode: the code (`{code}`).
    pub code_demo: &'static str,
    /// Back to the ID number and password (another person, or a new code).
    pub code_back: &'static str,
    /// Error texts by problem code (`id_number.*`, `password.empty`, `invalid_credentials`, …).
    pub errors: IdTable,
}

/// The progress page.
#[derive(Debug, Serialize)]
pub struct ProgressTexts {
    /// Page heading.
    pub title: &'static str,
    /// Lead paragraph.
    pub lead: &'static str,
    /// No application yet.
    pub none: &'static str,
    /// Link to apply.
    pub apply_link: &'static str,
    /// Heading of one's own application.
    pub own_application: &'static str,
    /// Heading of a child's application: "{name}'s application".
    pub child_application: &'static str,
    /// "Reference number".
    pub reference: &'static str,
    /// Accessible name of the QR code: "{id}".
    pub qr_label: &'static str,
    /// What the QR code is for.
    pub qr_hint: &'static str,
    /// Under the reference: quote it when calling 96066.
    pub quote_reference: &'static str,
    /// Heading of the find-by-reference form.
    pub find_heading: &'static str,
    /// Label of the reference input.
    pub find_label: &'static str,
    /// Hint of the reference input: its form and that case, spaces and hyphens do not matter.
    pub find_hint: &'static str,
    /// The find button.
    pub find_button: &'static str,
    /// `reference.empty`.
    pub find_empty: &'static str,
    /// `reference.too_short` / `reference.too_long`.
    pub find_length: &'static str,
    /// `reference.not_in_alphabet`: "{char}" is the character typed.
    pub find_alphabet: &'static str,
    /// `reference.check_symbol`: a character was mistyped.
    pub find_check: &'static str,
    /// A valid reference none of the person's applications has.
    pub find_not_mine: &'static str,
    /// Heading of the steps.
    pub steps_heading: &'static str,
    /// Step names: received, production started, made, posted, waiting at the branch,
    /// collected, enabled.
    pub steps: [&'static str; 7],
    /// The day a step was reached: "{date}".
    pub done_on: &'static str,
    /// "Expected by {date}".
    pub expected_by: &'static str,
    /// Postal transit comes on top of the made-by date.
    pub plus_post: &'static str,
    /// Hidden label of the current step.
    pub current: &'static str,
    /// Heading of what to do next.
    pub next_heading: &'static str,
    /// Nothing to do until the card is made: "{date}".
    pub next_wait_made: &'static str,
    /// Card posted: wait for it, then enable.
    pub next_wait_post: &'static str,
    /// Card at the branch: collect it.
    pub next_collect: &'static str,
    /// Card received: enable it.
    pub next_enable: &'static str,
    /// Link to enable.
    pub enable_link: &'static str,
    /// All done.
    pub next_done: &'static str,
    /// Heading of where to pick up.
    pub pickup_heading: &'static str,
    /// Picked up by post.
    pub pickup_mail: &'static str,
    /// "Opening hours: {hours}".
    pub hours: &'static str,
    /// Link text of the made-by reminder.
    pub reminder_link: &'static str,
    /// Summary of the made-by reminder (no personal data).
    pub reminder_summary: &'static str,
    /// Description of the made-by reminder.
    pub reminder_description: &'static str,
    /// Heading of the cards list.
    pub cards_heading: &'static str,
    /// Bank function states, by `FinancialState` id.
    pub financial_states: Names<FinancialState>,
    /// Link to report a loss.
    pub loss_link: &'static str,
    /// The made-by step where the sources state no production time.
    pub expected_unstated: &'static str,
    /// Next: wait for the card where no production time is stated.
    pub next_wait_unstated: &'static str,
    /// Postage of a posted card: free.
    pub postage_free: &'static str,
    /// Postage of a posted card: paid on delivery.
    pub postage_on_delivery: &'static str,
    /// Heading of a replacement on the progress page, by `ReplacementReason` id.
    pub replacement_headings: Names<sscard_rules::ReplacementReason>,
    /// Link on a card: replace it.
    pub replace_link: &'static str,
}

/// Enabling the social-security function.
#[derive(Debug, Serialize)]
pub struct EnableTexts {
    /// Page heading.
    pub title: &'static str,
    /// Lead paragraph.
    pub lead: &'static str,
    /// "You enable it as guardian of {name}."
    pub as_guardian: &'static str,
    /// Heading of what changes.
    pub changes_heading: &'static str,
    /// What changes.
    pub changes: [&'static str; 3],
    /// Confirm button.
    pub confirm: &'static str,
    /// Result heading.
    pub done_title: &'static str,
    /// Result text.
    pub done_text: &'static str,
    /// Heading of bank activation.
    pub bank_heading: &'static str,
    /// Bank activation is a counter visit.
    pub bank_text: &'static str,
    /// "At the issuing bank: {bank}".
    pub bank_where: &'static str,
    /// Heading of what to bring.
    pub bring_heading: &'static str,
    /// What to bring.
    pub bring: [&'static str; 2],
    /// Why it cannot be done, by problem code (`card.already_enabled`, `card.temp_lost`, `not_found`).
    pub refusals: IdTable,
    /// Link back to the progress page.
    pub back_to_progress: &'static str,
}

/// Temporary loss report.
#[derive(Debug, Serialize)]
pub struct LossTexts {
    /// Heading of the choice.
    pub choose_title: &'static str,
    /// Lead paragraph.
    pub lead: &'static str,
    /// No card to report.
    pub no_cards: &'static str,
    /// Error when no card is chosen.
    pub choose_error: &'static str,
    /// Heading of the check step.
    pub check_title: &'static str,
    /// Heading of what stops.
    pub stops_heading: &'static str,
    /// What stops working.
    pub stops: [&'static str; 2],
    /// Heading of how long.
    pub how_long_heading: &'static str,
    /// "{days} days: lifts itself on {date}".
    pub how_long: super::Plural,
    /// The bank side follows the bank's rules.
    pub financial_note: &'static str,
    /// Confirm button.
    pub confirm: &'static str,
    /// Result heading.
    pub done_title: &'static str,
    /// "Lifts itself on {date}".
    pub lifts_on: &'static str,
    /// Link text of the reminder.
    pub ics_link: &'static str,
    /// Reminder summary (no personal data).
    pub ics_summary: &'static str,
    /// Reminder description.
    pub ics_description: &'static str,
    /// Heading: lift it early.
    pub early_heading: &'static str,
    /// How to lift early: "{bank}".
    pub early_text: &'static str,
    /// Heading: formal loss and replacement.
    pub formal_heading: &'static str,
    /// Formal loss and replacement.
    pub formal: [&'static str; 4],
    /// Why it cannot be done, by problem code or card state (`card.temp_lost` with `{date}`,
    /// `card.replaced`, `card.cancelled`, `card.not_enabled`, `not_found`).
    pub refusals: IdTable,
    /// Heading above a refusal.
    pub cannot_title: &'static str,
    /// Link to choose another card.
    pub choose_other: &'static str,
    /// Button: ask to lift the loss early.
    pub lift_button: &'static str,
    /// The answers to that, by problem code (`counter_only` with `{bank}`,
    /// `state.unfreeze_after_reissue`, `lifted`).
    pub lift_answers: IdTable,
}

/// `/replace`: a new card for a lost, damaged or outdated one.
#[derive(Debug, Serialize)]
pub struct ReplaceTexts {
    /// Heading of the card choice.
    pub choose_title: &'static str,
    /// Hint under the card choice.
    pub choose_lead: &'static str,
    /// No card that can be replaced.
    pub no_cards: &'static str,
    /// The chosen card cannot be replaced (replaced or cancelled already, or not found).
    pub not_replaceable: &'static str,
    /// Heading above a refusal.
    pub cannot_title: &'static str,
    /// Link back to the card choice.
    pub choose_other: &'static str,
    /// Heading of the reason question.
    pub reason_title: &'static str,
    /// The reasons, by `ReplacementReason` id.
    pub reasons: Names<sscard_rules::ReplacementReason>,
    /// Hints under the reasons, by `ReplacementReason` id.
    pub reason_hints: Names<sscard_rules::ReplacementReason>,
    /// Heading: a lost card is reported first.
    pub report_first_title: &'static str,
    /// Why the loss is reported first, and what it stops.
    pub report_first_text: &'static str,
    /// Button: report the temporary loss now.
    pub report_first_button: &'static str,
    /// Question: are the new details recorded at 人社/医保?
    pub upstream_title: &'static str,
    /// Hint under that question.
    pub upstream_hint: &'static str,
    /// Answer: yes.
    pub upstream_yes: &'static str,
    /// Answer: not yet.
    pub upstream_no: &'static str,
    /// Heading: change the details at 人社/医保 first.
    pub upstream_stop_title: &'static str,
    /// What to do first, in order.
    pub upstream_stop: [&'static str; 3],
    /// Heading of the request step.
    pub request_title: &'static str,
    /// "Made within {n} working days, by {date}; postage comes on top".
    pub made_by: super::Plural,
    /// Heading of what to know.
    pub know_heading: &'static str,
    /// What to know, by `ReplacementNote` id (`{bank}`, `{months}`).
    pub notes: Names<sscard_rules::ReplacementNote>,
    /// Question: how to get the new card.
    pub pickup_legend: &'static str,
    /// By post.
    pub pickup_mail: &'static str,
    /// Hint for by post.
    pub pickup_mail_hint: &'static str,
    /// At a branch of "{bank}".
    pub pickup_branch: &'static str,
    /// Hint for at a branch.
    pub pickup_branch_hint: &'static str,
    /// Question: which branch.
    pub branch_legend: &'static str,
    /// Button: load the branch list again after it failed.
    pub branches_retry: &'static str,
    /// Heading of the address fields.
    pub address_heading: &'static str,
    /// Label: recipient.
    pub recipient_label: &'static str,
    /// Label: recipient's mobile.
    pub mobile_label: &'static str,
    /// Label: address.
    pub address_label: &'static str,
    /// Hint: address.
    pub address_hint: &'static str,
    /// Label: postal code.
    pub postal_label: &'static str,
    /// The request button.
    pub submit: &'static str,
    /// Messages by problem code (form choices, field codes, `replacement.*`).
    pub errors: IdTable,
    /// By post, a fresh code to the mobile on record is needed first: why.
    pub needs_code_text: &'static str,
    /// The link to confirm with a code.
    pub confirm_link: &'static str,
}

/// Service password.
#[derive(Debug, Serialize)]
pub struct PasswordTexts {
    /// Page heading.
    pub title: &'static str,
    /// Heading: what it is for.
    pub what_heading: &'static str,
    /// What it is for.
    pub what: &'static str,
    /// Heading: initial value.
    pub initial_heading: &'static str,
    /// Initial value.
    pub initial: &'static str,
    /// Heading: other passwords.
    pub differ_heading: &'static str,
    /// How it differs from the bank and medical-insurance passwords.
    pub differ: [&'static str; 3],
    /// Source line under the explanation.
    pub differ_source: &'static str,
    /// Heading of the form.
    pub change_heading: &'static str,
    /// Still the initial password.
    pub initial_warning: &'static str,
    /// Current password label.
    pub current_label: &'static str,
    /// New password label.
    pub new_label: &'static str,
    /// New password hint.
    pub new_hint: &'static str,
    /// Repeat label.
    pub repeat_label: &'static str,
    /// Submit button.
    pub submit: &'static str,
    /// Error texts by code (`current.empty`, `password.wrong`, `password.format`, …).
    pub errors: IdTable,
    /// Result heading.
    pub done_title: &'static str,
    /// Result text.
    pub done_text: &'static str,
    /// Without a card there is no service password.
    pub no_card: &'static str,
}

/// Where can I do this.
#[derive(Debug, Serialize)]
pub struct WhereToTexts {
    /// Page heading.
    pub title: &'static str,
    /// Lead paragraph.
    pub lead: &'static str,
    /// City label.
    pub city_label: &'static str,
    /// Service label.
    pub service_label: &'static str,
    /// Placeholder option of the service list.
    pub service_placeholder: &'static str,
    /// Actor question.
    pub actor_legend: &'static str,
    /// Actor options (myself, guardian, agent), by `Actor` id.
    pub actor_options: IdTable,
    /// Submit button.
    pub show: &'static str,
    /// Errors by code (`service`: nothing chosen, `actor`: nobody chosen).
    pub errors: IdTable,
    /// Heading of the answer: "{service}: {actor}".
    pub answer_heading: &'static str,
    /// Permission verdicts by id (`allowed`, `conditional`, `not_allowed`, `not_stated`).
    pub permissions: Names<sscard_rules::Permission>,
    /// Heading of the conditions of the actor.
    pub actor_conditions_heading: &'static str,
    /// Actor conditions by id.
    pub actor_conditions: Names<sscard_rules::ActorCondition>,
    /// Heading of the channels.
    pub channels_heading: &'static str,
    /// No channel.
    pub no_channels: &'static str,
    /// Heading of channels that do not offer it.
    pub not_offered_heading: &'static str,
    /// Offer conditions by id.
    pub offer_conditions: Names<sscard_rules::OfferCondition>,
    /// Notes by id.
    pub notes: Names<sscard_rules::WhereNote>,
    /// "Valid from {date}".
    pub valid_from: &'static str,
    /// The rules have no answer for this date.
    pub no_rules: &'static str,
}

/// Rules explorer.
#[derive(Debug, Serialize)]
pub struct RulesTexts {
    /// Page heading.
    pub title: &'static str,
    /// Lead paragraph.
    pub lead: &'static str,
    /// City label.
    pub city_label: &'static str,
    /// Business label.
    pub business_label: &'static str,
    /// Businesses, by `Business` id.
    pub businesses: Names<sscard_rules::Business>,
    /// Channel label.
    pub channel_label: &'static str,
    /// Pickup label.
    pub pickup_label: &'static str,
    /// Card held label.
    pub card_held_label: &'static str,
    /// Cards held (none, first/second generation, third generation), by `CardHeld` id.
    pub cards_held: Names<sscard_rules::CardHeld>,
    /// Date label.
    pub date_label: &'static str,
    /// Date hint.
    pub date_hint: &'static str,
    /// Birth date label (eligibility).
    pub birth_label: &'static str,
    /// Birth date hint.
    pub birth_hint: &'static str,
    /// Submit button.
    pub show: &'static str,
    /// Date errors by code (`date.empty`, `date.format`, `birth.empty`, `birth.format`).
    pub errors: IdTable,
    /// Heading of the production time.
    pub production_heading: &'static str,
    /// "{days} natural days: made by {date}".
    pub production_natural: super::Plural,
    /// "{days} working days: made by {date}".
    pub production_working: super::Plural,
    /// "On the spot, about {n} minutes".
    pub production_spot: super::Plural,
    /// On the spot, no figure.
    pub production_spot_unknown: &'static str,
    /// No production time in the sources.
    pub production_not_stated: &'static str,
    /// "Holidays passed over:".
    pub holidays_skipped: &'static str,
    /// "Make-up working days counted:".
    pub makeup_counted: &'static str,
    /// The answer is an estimate.
    pub estimate: &'static str,
    /// Postal transit not included.
    pub transit_excluded: &'static str,
    /// Timeline and policy errors by code.
    pub timeline_errors: IdTable,
    /// Heading of the steps.
    pub steps_heading: &'static str,
    /// Step names by id.
    pub steps: Names<sscard_rules::StepKind>,
    /// "(voluntary)".
    pub optional: &'static str,
    /// "(done by the branch at collection)".
    pub at_collection: &'static str,
    /// Heading of the warnings.
    pub warnings_heading: &'static str,
    /// Warnings by id; `{date}` where the warning carries one.
    pub warnings: IdTable,
    /// Heading of eligibility.
    pub eligibility_heading: &'static str,
    /// What the eligibility example assumes.
    pub eligibility_assumes: &'static str,
    /// Outcomes by id (`eligible`, `needs_in_person_check`, `not_eligible`).
    pub outcomes: Names<sscard_rules::Outcome>,
    /// Heading of other date rules.
    pub dates_heading: &'static str,
    /// Other date rules: temporary loss lifts, bank change again, employer return, renewal.
    pub date_rules: [&'static str; 4],
    /// Heading of the parameters: "{date}".
    pub params_heading: &'static str,
    /// Parameter names by id.
    pub params: IdTable,
    /// The programme's phases by id (`Phase`), as the phase row shows them.
    pub phases: Names<sscard_rules::Phase>,
    /// Column headings: parameter, value, valid from, source.
    pub params_columns: [&'static str; 4],
    /// Not given by the sources.
    pub not_given: &'static str,
    /// Heading of the trace.
    pub trace_heading: &'static str,
    /// Trace labels: inputs, parameters, outcome, sources.
    pub trace_labels: [&'static str; 4],
    /// Note that the trace is the engine's own English record.
    pub trace_note: &'static str,
    /// Heading of the decisions.
    pub decisions_heading: &'static str,
    /// Lead of the decisions.
    pub decisions_lead: &'static str,
    /// "Yes" / "No" for boolean parameters.
    pub yes_no: [&'static str; 2],
}

/// The text for `id` in `table`, or the id itself when the table lacks it.
pub fn lookup(table: IdTable, id: &str) -> String {
    table.iter().find(|(k, _)| *k == id).map_or_else(
        || id.to_owned(),
        |(_, v)| crate::policy_text::fill_common_here(v),
    )
}

/// Like [`lookup`] but `None` when the table lacks the id.
pub fn find(table: IdTable, id: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == id).map(|(_, v)| *v)
}

/// `/notices`: the notices sent to the person, so they can check a message is real, and which
/// optional notices they get.
#[derive(Debug, Serialize)]
pub struct NoticesTexts {
    /// Page heading.
    pub title: &'static str,
    /// What the page is for, and what a real notice never does.
    pub lead: &'static str,
    /// No notice sent yet.
    pub none: &'static str,
    /// "Sent on {date} to {mobile}".
    pub sent_to: &'static str,
    /// Category name: progress of an application or a card.
    pub category_status: &'static str,
    /// Category name: a reminder.
    pub category_reminder: &'static str,
    /// Category name: security.
    pub category_security: &'static str,
    /// Settings heading.
    pub settings_heading: &'static str,
    /// Language legend.
    pub language_legend: &'static str,
    /// Language name: Simplified Chinese (written in it).
    pub language_zh_hans: &'static str,
    /// Language name: Traditional Chinese (written in it).
    pub language_zh_hant: &'static str,
    /// Language name: English.
    pub language_en: &'static str,
    /// Which optional notices (legend).
    pub optional_legend: &'static str,
    /// Status notices checkbox.
    pub status_label: &'static str,
    /// Reminders checkbox.
    pub reminders_label: &'static str,
    /// Security notices cannot be switched off.
    pub security_note: &'static str,
    /// Save button.
    pub save: &'static str,
    /// Saved.
    pub saved: &'static str,
}

/// `/password/reset`: a forgotten service password, reset after a code sent to the mobile on
/// record (manual Q9: 服务密码修改和重置 online). The same form serves `/contact` and `/confirm`,
/// with their own headings.
#[derive(Debug, Serialize)]
pub struct ResetTexts {
    /// Page heading (step 1).
    pub title: &'static str,
    /// Button back to the first step, for a new code (what was typed is kept).
    pub start_again: &'static str,
    /// Who can do it and how.
    pub lead: &'static str,
    /// Name label.
    pub name_label: &'static str,
    /// ID number label.
    pub id_label: &'static str,
    /// Mobile label.
    pub mobile_label: &'static str,
    /// Mobile hint: the one on record.
    pub mobile_hint: &'static str,
    /// Send-code button.
    pub send: &'static str,
    /// Heading of the code step.
    pub code_title: &'static str,
    /// Where the code went (neutral: only if the details match).
    pub code_lead: &'static str,
    /// Code label.
    pub code_label: &'static str,
    /// Demo notice with `{code}`.
    pub code_demo: &'static str,
    /// Demo notice when nothing was sent.
    pub code_demo_not_sent: &'static str,
    /// Heading of the new-password step.
    pub new_title: &'static str,
    /// New password label.
    pub new_label: &'static str,
    /// New password hint.
    pub new_hint: &'static str,
    /// Repeat label.
    pub repeat_label: &'static str,
    /// Submit.
    pub submit: &'static str,
    /// Done heading.
    pub done_title: &'static str,
    /// Done text.
    pub done_text: &'static str,
    /// Link to the progress page when done.
    pub done_link: &'static str,
    /// Error texts by problem code (of `/contact` too).
    pub errors: IdTable,
    /// `/confirm`: heading of the code sign-in before a new card goes by post.
    pub confirm_title: &'static str,
    /// `/confirm`: why, and what happens next.
    pub confirm_lead: &'static str,
}

/// `/contact`: a new mobile number on record, after a code to the current one and a code to
/// the new one (which must be registered to the person's ID number). Shares the first steps
/// and the error table with [`ResetTexts`].
#[derive(Debug, Serialize)]
pub struct ContactTexts {
    /// Page heading (step 1).
    pub title: &'static str,
    /// Who can do it and how.
    pub lead: &'static str,
    /// Heading of the new-mobile step.
    pub new_title: &'static str,
    /// New mobile label.
    pub new_label: &'static str,
    /// New mobile hint.
    pub new_hint: &'static str,
    /// Heading of the new code step.
    pub new_code_title: &'static str,
    /// Where the new code went (`{mobile}`).
    pub new_code_lead: &'static str,
    /// Done heading.
    pub done_title: &'static str,
    /// Done text.
    pub done_text: &'static str,
}

/// `/details`: the address and occupation on record, changed online (manual Q9 L79, Q32 L207),
/// the mobile on record (changed at `/contact`), where the bank account's reserved phone is
/// changed (Q32 L209), and applications whose card still goes to the old address (D32).
#[derive(Debug, Serialize)]
pub struct DetailsTexts {
    /// Page heading.
    pub title: &'static str,
    /// Heading for a minor's details (`{name}`).
    pub minor_title: &'static str,
    /// Heading after saving.
    pub saved_title: &'static str,
    /// What can be changed here, by whom.
    pub lead: &'static str,
    /// Heading of the summary of what is on record.
    pub on_record_heading: &'static str,
    /// Address label (summary and form).
    pub address_label: &'static str,
    /// Address hint.
    pub address_hint: &'static str,
    /// Occupation label (summary and form legend).
    pub occupation_label: &'static str,
    /// Names of the occupations, by `sscard_rules::wire::Occupation` id.
    pub occupations: Names<sscard_rules::wire::Occupation>,
    /// Mobile label.
    pub mobile_label: &'static str,
    /// Shown for a value not on record.
    pub not_on_record: &'static str,
    /// Link to change the mobile (`/contact`).
    pub mobile_change: &'static str,
    /// Heading of the form.
    pub change_heading: &'static str,
    /// Save button.
    pub save: &'static str,
    /// Saved.
    pub saved_text: &'static str,
    /// Button to change the details again after saving.
    pub edit_again: &'static str,
    /// Heading of the note on applications on their way by post.
    pub postal_heading: &'static str,
    /// One such application (`{id}`, `{hotline}`).
    pub postal_text: &'static str,
    /// One such application when the city has no hotline (`{id}`).
    pub postal_text_no_hotline: &'static str,
    /// Heading of the reserved-phone note.
    pub bank_heading: &'static str,
    /// The reserved-phone note naming the issuing bank(s) (`{bank}`).
    pub bank_text: &'static str,
    /// The reserved-phone note without a card.
    pub bank_text_no_card: &'static str,
    /// Between two bank names.
    pub bank_separator: &'static str,
    /// Heading of the list of minors in the person's care.
    pub minors_heading: &'static str,
    /// Button to see and change a minor's details (`{name}`).
    pub minor_link: &'static str,
    /// Button back to one's own details.
    pub own_link: &'static str,
    /// Error texts by problem code.
    pub errors: IdTable,
}
