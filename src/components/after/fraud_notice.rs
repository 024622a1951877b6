use leptos::prelude::*;

use crate::i18n::after::AfterTexts;
use crate::pages::after::fill_ask;

/// The standing anti-fraud notice of the card-service pages: no links in official messages,
/// nobody official asks for bank details or passwords, never lend the card.
#[component]
pub fn FraudNotice(
    /// The texts of the current language.
    texts: &'static AfterTexts,
) -> impl IntoView {
    view! {
        <aside class="notice notice--warning" aria-labelledby="fraud-notice-heading">
            <h2 id="fraud-notice-heading">{texts.common().fraud_heading}</h2>
            <ul class="list">{texts.common().fraud_points.map(|p| view! { <li>{fill_ask(texts, p)}</li> })}</ul>
        </aside>
    }
}
