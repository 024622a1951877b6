use leptos::prelude::*;

/// What a page shows while its data is on its way. What follows it on the page is hidden until
/// the data arrives (`.loading ~ *` in style/after.css), so the related links never show above
/// the data and then jump below it: they did, and Lighthouse measured a layout shift of 0.68 on a
/// cold `/progress`.
#[component]
pub fn Loading(
    /// "Loading…" in the current language.
    text: &'static str,
) -> impl IntoView {
    view! { <p role="status" class="loading">{text}</p> }
}
