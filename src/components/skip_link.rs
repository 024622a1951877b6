use leptos::prelude::*;

use crate::i18n::use_i18n;

/// The first focusable element: jumps keyboard users past the header to `<main>`.
#[component]
pub fn SkipLink() -> impl IntoView {
    let i18n = use_i18n();
    view! { <a class="skip-link" href="#main">{move || i18n.t().skip_to_content}</a> }
}
