use leptos::prelude::*;

use crate::i18n::Fill;
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
        let hotline = sscard_rules::hotline(city, journey.today.get())
            .ok()
            .flatten()
            .map(|h| h.value);
        // One shape for both cases (each view shape adds to the first download).
        let (line, note) = match hotline {
            Some(_) => (t.hotline_label.to_string(), t.hotline_note),
            None => (
                t.hotline_none
                    .fill("city", i18n.locale.get().city_name(city)),
                "",
            ),
        };
        view! {
            <footer class="site-footer">
                <p class="site-footer__hotline">
                    {line} " "
                    {hotline.map(|number| view! {
                        <a href=format!("tel:{number}") class="site-footer__tel">{number}</a>
                    })}
                </p>
                <p>{note}</p>
                <p class="site-footer__small">{t.footer_disclaimer}</p>
            </footer>
        }
    }
}
