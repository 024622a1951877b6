use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::after::AfterTexts;

/// Links to the other after-applying tasks, leaving out the page the person is on.
#[component]
pub fn RelatedLinks(
    /// The texts of the current language.
    texts: &'static AfterTexts,
    /// The path of the current page, left out of the list.
    current: &'static str,
) -> impl IntoView {
    let c = texts.common();
    let links = [
        ("/progress", c.link_progress),
        ("/loss", c.link_loss),
        ("/replace", c.link_replace),
        ("/password", c.link_password),
        ("/notices", c.link_notices),
        ("/details", c.link_details),
        ("/contact", c.link_contact),
        ("/where", c.link_where),
        ("/rules", c.link_rules),
    ];
    view! {
        <nav class="related" aria-labelledby="related-heading">
            <h2 id="related-heading">{c.related_heading}</h2>
            <ul class="list related__list">
                {links
                    .into_iter()
                    .filter(|(href, _)| *href != current)
                    .map(|(href, label)| view! { <li><A href=href>{label}</A></li> })
                    .collect_view()}
            </ul>
        </nav>
    }
}
