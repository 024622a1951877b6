use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::journey::use_journey;

/// A banner on every page while the server runs in demo mode, so nobody mistakes demo data
/// (people, branches, dates) for real.
#[component]
pub fn DemoBanner() -> impl IntoView {
    let i18n = use_i18n();
    let journey = use_journey();
    journey.demo.then(|| {
        view! {
            <div class="demo-banner" role="note">
                <p>{move || i18n.t().demo_banner}</p>
            </div>
        }
    })
}
