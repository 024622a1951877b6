use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::use_page_meta;
use crate::i18n::Fill;
use crate::i18n::use_i18n;
use crate::journey::use_journey;

// The start page lists the cities as an array (cheaper to render than a list): a city added to
// the rules crate must be added here.
const _: () = assert!(sscard_rules::City::ALL.len() == 3);

/// The start page: what the service does, the city whose rules apply (asked before the check
/// starts), who can use it, what to prepare, how long it takes, and the anti-fraud notice with
/// the city's hotline (or, where the sources give none, where to ask instead).
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let journey = use_journey();
    use_page_meta(|t| t.home_title);
    move || {
        let t = i18n.t();
        let city = journey.city.get();
        let locale = i18n.locale.get();
        let name = locale.city_name(city);
        // The question of the city, one link per city the rules crate knows: each opens this
        // page with `?city=<id>` (as a link or a mini-program menu can), and the router takes
        // the click; the chosen one is marked in words too.
        let cities: [sscard_rules::City; 3] = std::array::from_fn(|i| sscard_rules::City::ALL[i]);
        let links = cities.map(|c| {
            let chosen = c == city;
            view! {
                <li>
                    <a
                        href=format!("/?city={}", c.id())
                        class=if chosen { "button" } else { "button button--secondary" }
                        aria-current=chosen.then_some("true")
                    >
                        {locale.city_name(c)}
                    </a>
                </li>
            }
        });
        let today = journey.today.get();
        let time = match sscard_rules::application_natural_days(city, today)
            .ok()
            .flatten()
        {
            Some(days) => t.home_time.fill("days", i64::from(days.value)),
            None => t.home_time_unknown.fill("city", name),
        };
        let ask = match sscard_rules::hotline(city, today).ok().flatten() {
            Some(hotline) => t.fraud_call.fill("hotline", hotline.value),
            None => t.fraud_ask_local.to_string(),
        };
        view! {
            <h1 tabindex="-1">{t.home_title}</h1>
            <p class="lead">{t.home_lead}</p>
            <section class="city-choice" aria-labelledby="city-heading">
                <h2 id="city-heading">{t.city_question}</h2>
                <ul class="city-choice__list">{links}</ul>
                <p class="city-choice__current">
                    <strong>{t.city_current.fill("city", name)}</strong>
                    " "
                    {t.city_hint}
                </p>
            </section>
            <p class="button-row">
                <A href="/check" attr:class="button">{t.start_button}</A>
                " "
                <A href="/help">{t.home_help_link}</A>
            </p>
            <h2>{t.home_can_do_heading}</h2>
            <ul class="list">{t.home_can_do.map(|item| view! { <li>{item}</li> })}</ul>
            <h2>{t.home_who_heading}</h2>
            <p class="home-who">{t.home_who.fill("city", name)}</p>
            <h2>{t.home_need_heading}</h2>
            <ul class="list">{t.home_need.map(|item| view! { <li>{item}</li> })}</ul>
            <h2>{t.home_time_heading}</h2>
            <p>{time}</p>

            <aside class="notice" aria-labelledby="fraud-heading">
                <h2 id="fraud-heading">{t.fraud_heading}</h2>
                <p>{t.fraud_text} " " {ask}</p>
            </aside>
        }
    }
}
