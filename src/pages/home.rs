use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::use_page_meta;
use crate::i18n::use_i18n;

/// The start page: what the service does, who can use it, what to prepare, how long it takes,
/// and the anti-fraud notice.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_meta(|t| t.home_title);
    move || {
        let t = i18n.t();
        view! {
            <h1 tabindex="-1">{t.home_title}</h1>
            <p class="lead">{t.home_lead}</p>
            <p>
                <A href="/check" attr:class="button">{t.journey.start_button}</A>
                " "
                <A href="/help">{t.home_help_link}</A>
            </p>
            <h2>{t.home_can_do_heading}</h2>
            <ul class="list">{t.home_can_do.map(|item| view! { <li>{item}</li> })}</ul>
            <h2>{t.home_who_heading}</h2>
            <p>{t.home_who}</p>
            <h2>{t.home_need_heading}</h2>
            <ul class="list">{t.home_need.map(|item| view! { <li>{item}</li> })}</ul>
            <h2>{t.home_time_heading}</h2>
            <p>{t.home_time}</p>

            <aside class="notice" aria-labelledby="fraud-heading">
                <h2 id="fraud-heading">{t.fraud_heading}</h2>
                <p>{t.fraud_text}</p>
            </aside>
        }
    }
}
