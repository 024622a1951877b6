use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::Fill;
use crate::i18n::use_i18n;
use crate::journey::use_journey;

/// The chosen city in one line, with the way to choose another (the start page's question of
/// the city, `src/pages/home.rs`).
#[component]
pub fn CityLine() -> impl IntoView {
    let i18n = use_i18n();
    let journey = use_journey();
    move || {
        let t = i18n.t();
        let name = i18n.locale.get().city_name(journey.city.get());
        view! {
            <p class="city-line">
                {t.city_current.fill("city", name)} " "
                <A href="/#city-heading">{t.city_change}</A>
            </p>
        }
    }
}
