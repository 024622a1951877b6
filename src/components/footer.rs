use leptos::prelude::*;

use crate::i18n::after::fill;
use crate::i18n::use_i18n;
use crate::journey::use_journey;

/// The site footer with the chosen city's hotline from its policy; where the sources give the
/// city none, it says so instead of borrowing another city's.
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let journey = use_journey();
    move || {
        let t = i18n.t();
        let city = journey.city.get();
        let hotline = match sscard_rules::hotline(city, journey.today.get())
            .ok()
            .flatten()
        {
            Some(h) => view! {
                <p class="site-footer__hotline">
                    {t.hotline_label} " "
                    <a href=format!("tel:{}", h.value) class="site-footer__tel">{h.value}</a>
                </p>
                <p>{t.hotline_note}</p>
            }
            .into_any(),
            None => view! {
                <p>{fill(t.hotline_none, "city", i18n.locale.get().city_name(city))}</p>
            }
            .into_any(),
        };
        view! {
            <footer class="site-footer">
                {hotline}
                <p class="site-footer__small">{t.footer_disclaimer}</p>
            </footer>
        }
    }
}
