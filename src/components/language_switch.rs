use leptos::prelude::*;

use crate::i18n::{Locale, use_i18n};

/// One button per language, each labelled in its own language. The buttons are never
/// re-rendered, so keyboard focus stays on the one just pressed. A language not loaded yet is
/// fetched first (its button is busy meanwhile); if that fails, a line says so and the page
/// stays in its language.
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
                    aria-busy=move || (i18n.pending.get() == Some(locale)).then_some("true")
                    on:click=move |_| i18n.choose(locale)
                >
                    {locale.autonym()}
                </button>
            }
        })
        .collect_view();
    let failed = move || {
        i18n.load_failed.get().then(|| {
            view! {
                <p class="language-switch__error" role="alert">
                    {i18n.t().language_load_failed}
                </p>
            }
        })
    };
    view! {
        <nav class="language-switch" aria-label=move || i18n.t().language_switch_label>
            {buttons}
            {failed}
        </nav>
    }
}
