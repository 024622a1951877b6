use leptos::prelude::*;

use crate::i18n::{Locale, use_i18n};

/// One button per language, each labelled in its own language. The buttons are never
/// re-rendered, so keyboard focus stays on the one just pressed.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let buttons = Locale::ALL
        .into_iter()
        .map(|locale| {
            view! {
                <button
                    type="button"
                    class="language-switch__button"
                    lang=locale.tag()
                    aria-pressed=move || (i18n.locale.get() == locale).to_string()
                    on:click=move |_| i18n.locale.set(locale)
                >
                    {locale.autonym()}
                </button>
            }
        })
        .collect_view();
    view! {
        <nav class="language-switch" aria-label=move || i18n.t().language_switch_label>
            {buttons}
        </nav>
    }
}
