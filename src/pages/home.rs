use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{CityChoice, use_page_meta};
use crate::i18n::after::fill;
use crate::i18n::use_i18n;
use crate::journey::use_journey;

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
        let name = i18n.locale.get().city_name(city);
        let ask = match sscard_rules::hotline(city, journey.today.get())
            .ok()
            .flatten()
        {
            Some(hotline) => fill(t.fraud_call, "hotline", hotline.value),
            None => t.fraud_ask_local.to_string(),
        };
        view! {
            <h1 tabindex="-1">{t.home_title}</h1>
            <p class="lead">{t.home_lead}</p>
            <CityChoice />
            <p>
                <A href="/check" attr:class="button">{t.journey.start_button}</A>
                " "
                <A href="/help">{t.home_help_link}</A>
            </p>
            <h2>{t.home_can_do_heading}</h2>
            <ul class="list">{t.home_can_do.map(|item| view! { <li>{item}</li> })}</ul>
            <h2>{t.home_who_heading}</h2>
            <p class="home-who">{fill(t.home_who, "city", name)}</p>
            <h2>{t.home_need_heading}</h2>
            <ul class="list">{t.home_need.map(|item| view! { <li>{item}</li> })}</ul>
            <h2>{t.home_time_heading}</h2>
            <p>{t.home_time}</p>

            <aside class="notice" aria-labelledby="fraud-heading">
                <h2 id="fraud-heading">{t.fraud_heading}</h2>
                <p>{t.fraud_text} " " {ask}</p>
            </aside>
        }
    }
}
