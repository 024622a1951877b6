//! The pages after applying: sign-in, progress, enabling, temporary loss, service password,
//! "where can I do this" and the public rules explorer. One module per route; the helpers
//! below are shared by them.

mod details;
mod enable;
mod find_reference;
mod loss;
mod notices;
mod password;
mod progress;
mod replace;
mod reset;
mod rules;
mod sign_in;
mod where_to;

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;
use sscard_rules::ProblemCode;

use crate::i18n::Fill;
use crate::policy_text::{city_and_today, fill_common};
use sscard_rules::{Bank, Channel, City, PickupMethod, Service};

pub use details::DetailsPage;
pub use enable::EnablePage;
pub use loss::LossPage;
pub use notices::NoticesPage;
pub use password::PasswordPage;
pub use progress::ProgressPage;
pub use replace::{ReplacePage, replaceable, replacement_heading};
pub use reset::{ConfirmPage, ContactPage, ResetPage};
pub use rules::RulesPage;
pub use sign_in::SignInPage;
pub use where_to::WherePage;

use crate::api::{self, ApiError};
use crate::components::Msg;
use crate::dom;
use crate::i18n::after::{AfterTexts, IdTable, find};
use crate::i18n::{I18n, Locale, Texts, use_i18n};

/// A date as people read it (2026年12月7日 / 7 December 2026).
pub fn long_date(locale: Locale, date: NaiveDate) -> String {
    crate::format::date(locale, date)
}

/// [`long_date`] of a `YYYY-MM-DD` string from the API; an unparsable value is shown as it is.
pub fn long_date_str(locale: Locale, value: &str) -> String {
    parse_ymd(value).map_or_else(|| value.to_owned(), |d| long_date(locale, d))
}

/// Parses `YYYY-MM-DD`, forgiving spaces and full-width digits and hyphens.
pub fn parse_ymd(value: &str) -> Option<NaiveDate> {
    let clean: String = value
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '－' | '/' | '.' | '／' => '-',
            other => other,
        })
        .collect();
    sscard_rules::parse_ymd_loose(&clean)
}

/// The person-facing text of a failed API call: the page's own text for the problem code when
/// it has one, else the shared texts for network trouble, throttling and the unexpected.
pub fn api_error_text(t: &'static AfterTexts, table: IdTable, error: &ApiError) -> String {
    code_text(t, table, code_of(error))
}

/// The problem code of a failed call as the pages' tables name it: the server's, else
/// `network` or `unexpected`.
fn code_of(error: &ApiError) -> &str {
    match error {
        ApiError::Problem(p) => &p.code,
        ApiError::Network => "network",
        ApiError::Unexpected(_) => "unexpected",
    }
}

/// The text of a problem `code`: the page's own table's, else the one every form shares.
fn find_code(t: &'static AfterTexts, table: IdTable, code: &str) -> Option<&'static str> {
    find(table, code).or_else(|| find(t.common().errors, code))
}

/// `text` with its `{ask}` filled for the chosen city: where a person with a question turns.
/// That is "call" the hotline its policy gives, else the local office, never another city's
/// number (Shanghai's and Urumqi's sources give none). A text about one card or application
/// uses [`fill_ask_for`] with its city instead.
pub fn fill_ask(t: &'static AfterTexts, text: &str) -> String {
    fill_ask_for(t, None, text)
}

/// `text` with its `{ask}` and its policy values (`policy_text`) filled for the city of the
/// card or application it is about, else for the chosen city: a Shanghai card seen on a device
/// that chose Beijing is still Shanghai's.
pub fn fill_ask_for(t: &'static AfterTexts, city: Option<City>, text: &str) -> String {
    if !text.contains('{') {
        return text.to_owned();
    }
    // Without a city (a component test without the journey) nobody's number is guessed.
    let (city, today) = city_and_today(city);
    let ask = city.map_or_else(
        || t.common().ask_office.to_owned(),
        |city| ask_phrase(t, city, today),
    );
    fill_common(&text.fill("ask", &ask), city, today)
}

/// What fills an `{ask}` for `city` on `on`: "call" its hotline, or the local office where the
/// sources give it none.
pub fn ask_phrase(t: &'static AfterTexts, city: City, on: NaiveDate) -> String {
    match sscard_rules::hotline(city, on).ok().flatten() {
        Some(number) => t.common().ask_call.fill("hotline", number.value),
        None => t.common().ask_office.to_owned(),
    }
}

/// Whether the call failed because nobody is signed in.
pub fn is_signed_out(error: &ApiError) -> bool {
    error.is(ProblemCode::Unauthenticated)
}

/// The sign-in page's address that returns to `next` afterwards (percent-encoded, because
/// iOS web-views show a white page for raw non-ASCII or reserved characters in URLs).
pub fn sign_in_href(next: &str) -> String {
    format!("/sign-in?next={}", api::encode(next))
}

/// Sends a signed-out person to the sign-in page when `signed_out` becomes true. The history
/// entry is replaced, so the browser's back button skips the page that needed a sign-in
/// instead of bouncing between the two.
pub fn redirect_when_signed_out(signed_out: impl Fn() -> bool + 'static, next: String) {
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |_| {
        if signed_out() {
            navigate(
                &sign_in_href(&next),
                leptos_router::NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
}

/// The step value of a page whose heading is not rendered yet (its data is loading).
pub const LOADING: u8 = u8::MAX;

/// Sets the title of a page with several steps and moves focus to the step's `<h1>` whenever
/// the step changes (not on a language switch, so focus stays on the language button). While
/// `step` is [`LOADING`] the title is the first step's and focus waits for the heading.
pub fn use_step_meta(
    title: impl Fn(&'static Texts, u8) -> &'static str + 'static,
    step: Signal<u8>,
    has_errors: Signal<bool>,
) {
    let i18n = use_i18n();
    Effect::new(move |previous: Option<u8>| {
        let t = i18n.t();
        let current = step.get();
        let shown = if current == LOADING { 0 } else { current };
        let prefix = if has_errors.get() { t.error_prefix } else { "" };
        dom::set_title(&format!("{prefix}{} - {}", title(t, shown), t.service_name));
        if current != LOADING && previous != Some(current) {
            // After the frame: the new step's heading is rendered by then.
            request_animation_frame(dom::focus_main_heading);
        }
        current
    });
}

/// Today as the service counts it (`JourneyState::known_today`: the device's date, or the demo
/// clock in demo mode), `None` until known. In demo mode, before the journey has the server's
/// clock, the page asks for it and the journey keeps it.
pub fn service_today() -> api::Fetched<NaiveDate> {
    let journey = crate::journey::use_journey_with_session();
    api::fetch_once(move || async move {
        match journey.known_today() {
            Some(today) => today,
            None => journey
                .take_demo_clock()
                .await
                .unwrap_or_else(|| journey.today.get_untracked()),
        }
    })
}

/// A city's name.
pub fn city_name(t: &'static AfterTexts, city: City) -> &'static str {
    t.names().cities.of(city)
}

/// A service's name.
pub fn service_name(t: &'static AfterTexts, service: Service) -> &'static str {
    t.names().services.of(service)
}

/// A channel's name.
pub fn channel_name(t: &'static AfterTexts, channel: Channel) -> &'static str {
    t.names().channels.of(channel)
}

/// A pickup method's name.
pub fn pickup_name(t: &'static AfterTexts, pickup: PickupMethod) -> &'static str {
    t.names().pickups.of(pickup)
}

/// A bank's name; where the city's sources name no bank, says so.
pub fn bank_name(t: &'static AfterTexts, bank: Option<Bank>) -> String {
    match bank {
        // No bank where the city's sources name none (Shanghai's 11 service banks).
        None => t.common().bank_not_named.to_owned(),
        Some(bank) => t.names().banks.of(bank).to_owned(),
    }
}

/// How a card is named in a list or a summary: whose, the bank and the masked number.
pub fn card_label(t: &'static AfterTexts, card: &sscard_rules::wire::Card) -> String {
    let who = if card.as_guardian {
        t.common().childs_card.fill("name", &card.holder.name)
    } else {
        t.common().own_card.to_owned()
    };
    format!(
        "{who} · {} · {}",
        bank_name(t, card.bank),
        t.common()
            .card_number
            .fill("number", &card.card_number_masked)
    )
}

/// Shorthand used by every page: the after texts of the current locale (tracked).
pub fn after_texts(i18n: &I18n) -> &'static AfterTexts {
    i18n.t().after()
}

/// Problems a page found, as (field id, problem code) pairs: shown with [`code_messages`],
/// whose messages a language switch re-translates.
pub type FormProblems = Vec<(&'static str, String)>;

/// The codes of a failed API call: the server's field problems mapped to this form's inputs by
/// `field_id`, else the problem's own code (or `network` / `unexpected`) on `fallback_field`.
pub fn problems_of(
    error: &ApiError,
    field_id: impl Fn(&str) -> Option<&'static str>,
    fallback_field: &'static str,
) -> FormProblems {
    if let ApiError::Problem(p) = error {
        let fields: FormProblems = p
            .errors
            .iter()
            .filter_map(|e| field_id(&e.field).map(|id| (id, e.code.clone())))
            .collect();
        if !fields.is_empty() {
            return fields;
        }
    }
    vec![(fallback_field, code_of(error).to_owned())]
}

/// The message of a problem code: the page's table first, then the shared texts.
pub fn code_text(t: &'static AfterTexts, table: IdTable, code: &str) -> String {
    let shell = t.shell();
    let text = find_code(t, table, code).unwrap_or(match code {
        "network" => shell.problem_network,
        c if c == ProblemCode::RateLimited.id() || c == ProblemCode::CodesDailyLimit.id() => {
            shell.problem_rate_limited
        }
        c if c == ProblemCode::Unauthenticated.id() => t.common().sign_in_needed,
        _ => t.common().unexpected,
    });
    fill_ask(t, text)
}

/// Which table of the after-applying texts a page's problem codes are looked up in
/// (`|t| t.password().errors`).
pub type CodeTable = fn(&'static AfterTexts) -> IdTable;

/// The message of a problem code of a page's table: in whatever language is current when it is
/// shown, like every form's messages (`FormErrors`).
pub fn code_msg(table: CodeTable, code: String) -> Msg {
    Arc::new(move |t: &'static Texts| {
        let after = t.after();
        code_text(after, table(after), &code)
    })
}

/// A message that is one of the after-applying texts.
pub fn text_msg(text: fn(&'static AfterTexts) -> &'static str) -> Msg {
    Arc::new(move |t: &'static Texts| fill_ask(t.after(), text(t.after())))
}

/// The messages of `problems` (codes of the page's table), for the page's `FormErrors`: the
/// after-applying pages keep, summarise and show their problems as the journey's do.
pub fn code_messages(table: CodeTable, problems: FormProblems) -> Vec<(&'static str, Msg)> {
    problems
        .into_iter()
        .map(|(field, code)| (field, code_msg(table, code)))
        .collect()
}

/// A safe place to return to after signing in: a path on this site, never another origin
/// (`//evil.example` or `https:` would be an open redirect).
pub fn safe_next(next: Option<String>) -> String {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\'))
        .unwrap_or_else(|| "/progress".to_owned())
}

/// The refusal code of a card in `state` for actions that need an enabled (or not-enabled) card.
pub fn state_refusal(state: sscard_rules::SocialState) -> &'static str {
    use sscard_rules::SocialState as S;
    match state {
        S::NotEnabled => "card.not_enabled",
        S::Enabled => "card.already_enabled",
        S::TempLost => "card.temp_lost",
        S::FormalLost => "card.formal_lost",
        S::Replaced => "card.replaced",
        S::Cancelled => "card.cancelled",
    }
}

/// Why `action` cannot be done online on `card` on `today`, as a refusal code (`card.*` by the
/// card's state, or `counter_only`), or `None` when it can. The rules crate's state machine
/// decides (a card never enabled can be reported lost, D27); the app only names the reason.
pub fn online_refusal(
    card: &sscard_rules::wire::Card,
    action: sscard_rules::CardAction,
    today: NaiveDate,
) -> Option<&'static str> {
    use sscard_rules::{CardAction, CardContext, TransitionError, card_transition};
    let state = card.state();
    let ctx = CardContext {
        on: today,
        channel: Some(sscard_rules::online_channel(state.city)),
    };
    match card_transition(&state, action, &ctx) {
        Ok(_) => None,
        Err(TransitionError::ChannelDoesNotOffer { .. }) => Some("counter_only"),
        Err(_)
            if action == CardAction::EnableSocial
                && card.social_function == sscard_rules::SocialState::Enabled =>
        {
            Some(ProblemCode::CardAlreadyEnabled.id())
        }
        Err(_) => Some(state_refusal(card.social_function)),
    }
}
