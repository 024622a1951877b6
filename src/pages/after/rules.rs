//! TEMP
use leptos::prelude::*;
/// TEMP
#[component]
pub fn RulesPage() -> impl IntoView { view! { <h1 tabindex="-1">"TEMP"</h1> } }
