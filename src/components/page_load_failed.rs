use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::use_page_meta;
use crate::i18n::use_i18n;

/// Shown instead of a page whose code could not be downloaded (see `routes`): the app
/// keeps running, nothing typed is lost (answers are kept in local storage), and the link
/// reloads the same address: a full load, because the router would not load the same route
/// again.
#[component]
pub fn PageLoadFailed() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    use_page_meta(|t| t.page_load_failed_title);
    move || {
        let t = i18n.t();
        let here = format!("{}{}", location.pathname.get(), location.search.get());
        view! {
            <h1 tabindex="-1">{t.page_load_failed_title}</h1>
            <p>{t.page_load_failed_text}</p>
            <p>
                <a href=here rel="external">{t.page_load_failed_retry}</a>
            </p>
        }
    }
}
