use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::use_page_meta;
use crate::i18n::use_i18n;

/// Shown for any address the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_meta(|t| t.not_found_title);
    move || {
        let t = i18n.t();
        view! {
            <h1 tabindex="-1">{t.not_found_title}</h1>
            <p>{t.not_found_text}</p>
            <p>
                <A href="/">{t.back_to_start}</A>
            </p>
        }
    }
}
