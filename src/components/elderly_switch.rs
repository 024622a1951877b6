use leptos::prelude::*;

use crate::dom;
use crate::i18n::use_i18n;

/// Key under which the choice is remembered.
const STORAGE_KEY: &str = "sscard.elderly";

/// The elderly-mode (适老化) switch on every page: larger text (18 px and up), 60 px targets,
/// more line height and contrast, via the `elderly` class on `<html>`. Remembered across visits.
#[component]
pub fn ElderlySwitch() -> impl IntoView {
    let i18n = use_i18n();
    let on = RwSignal::new(dom::load(STORAGE_KEY).as_deref() == Some("1"));
    Effect::new(move |_| {
        let enabled = on.get();
        dom::set_html_class("elderly", enabled);
        dom::store(STORAGE_KEY, if enabled { "1" } else { "0" });
    });
    view! {
        <button
            type="button"
            class="elderly-switch"
            aria-pressed=move || on.get().to_string()
            on:click=move |_| on.update(|v| *v = !*v)
        >
            <span class="elderly-switch__icon" aria-hidden="true">"A+"</span>
            {move || i18n.t().elderly_mode}
        </button>
    }
}
