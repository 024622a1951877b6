//! TEMP
use leptos::prelude::*;
/// TEMP
#[component]
pub fn LossPage() -> impl IntoView { view! { <h1 tabindex="-1">"TEMP"</h1> } }
