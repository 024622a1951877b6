use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use sscard_rules::City;

use crate::i18n::after::fill;
use crate::i18n::use_i18n;
use crate::journey::use_journey;

/// The question "where are you insured", one link per city the rules crate knows
/// (`City::ALL`). Each link opens this page with `?city=<id>`, so the choice is in the URL as
/// when a link or a mini-program menu opens a city; the chosen one is marked in words and with
/// `aria-current`.
#[component]
pub fn CityChoice() -> impl IntoView {
    let i18n = use_i18n();
    let journey = use_journey();
    let location = use_location();
    move || {
        let t = i18n.t();
        let locale = i18n.locale.get();
        let current = journey.city.get();
        let path = location.pathname.get();
        let links = City::ALL
            .iter()
            .map(|&city| {
                let chosen = city == current;
                view! {
                    <li>
                        <A
                            href=format!("{path}?city={}", city.id())
                            attr:class=if chosen { "button" } else { "button button--secondary" }
                            attr:aria-current=chosen.then_some("true")
                        >
                            {locale.city_name(city)}
                        </A>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="city-choice" aria-labelledby="city-heading">
                <h2 id="city-heading">{t.city_question}</h2>
                <ul class="city-choice__list">{links}</ul>
                <p class="city-choice__current">
                    <strong>{fill(t.city_current, "city", locale.city_name(current))}</strong>
                    " "
                    {t.city_hint}
                </p>
            </section>
        }
    }
}

/// The chosen city in one line, with the way to choose another (the start page's question).
#[component]
pub fn CityLine() -> impl IntoView {
    let i18n = use_i18n();
    let journey = use_journey();
    move || {
        let t = i18n.t();
        let name = i18n.locale.get().city_name(journey.city.get());
        view! {
            <p class="city-line">
                {fill(t.city_current, "city", name)} " "
                <A href="/#city-heading">{t.city_change}</A>
            </p>
        }
    }
}
