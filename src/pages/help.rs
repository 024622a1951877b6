use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::use_page_meta;
use crate::i18n::use_i18n;

/// "How it works": the steps from checking eligibility to activating the bank function.
#[component]
pub fn HelpPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_meta(|t| t.help_title);
    move || {
        let t = i18n.t();
        view! {
            <h1 tabindex="-1">{t.help_title}</h1>
            <ol class="list list--number">{t.help_steps.map(|step| view! { <li>{step}</li> })}</ol>
            <p>
                <A href="/">{t.back_to_start}</A>
            </p>
        }
    }
}
