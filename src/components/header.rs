use leptos::prelude::*;
use leptos_router::components::A;

use super::{ElderlySwitch, LanguageSwitch};
use crate::i18n::use_i18n;

/// The site header: the service name (a link to the start page) and the language switch.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <A href="/" attr:class="site-header__name">
                    {move || i18n.t().service_name}
                </A>
                <div class="site-header__tools">
                    <LanguageSwitch />
                    <ElderlySwitch />
                </div>
            </div>
        </header>
    }
}
