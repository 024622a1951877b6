use leptos::prelude::*;
use leptos_router::components::A;

/// The back link above a question page: a real link to the previous page of the journey, whose
/// answers are kept in the journey state.
#[component]
pub fn BackLink(
    /// Where "back" goes.
    href: &'static str,
    /// The link's text ("返回").
    label: &'static str,
) -> impl IntoView {
    view! {
        <A href=href attr:class="back-link">
            {label}
        </A>
    }
}
