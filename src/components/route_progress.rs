use leptos::prelude::*;

use crate::i18n::use_i18n;

/// While the router opens a page whose code is not loaded yet (see `routes`), a bar at the
/// top of the window and, for screen readers, "opening the page": on a slow connection a tap
/// must visibly do something. The bar fades in only after a moment, so quick navigations show
/// nothing.
#[component]
pub fn RouteProgress(
    /// True while a navigation is under way (the router's `set_is_routing`).
    is_routing: ReadSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="route-progress" role="status">
            {move || {
                is_routing
                    .get()
                    .then(|| {
                        view! {
                            <span class="route-progress__bar" aria-hidden="true"></span>
                            <span class="visually-hidden">{i18n.t().page_loading}</span>
                        }
                    })
            }}
        </div>
    }
}
