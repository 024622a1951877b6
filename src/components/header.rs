use leptos::prelude::*;
use leptos_router::components::A;

use super::{ElderlySwitch, LanguageSwitch};
use crate::i18n::use_i18n;

/// The site header: the service name (a link to the start page), links to "my card" and the
/// rules, the language switch and the elderly-mode switch.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let nav = move || {
        let t = i18n.t();
        view! {
            <nav class="site-nav" aria-label=t.nav_label>
                <A href="/progress" attr:class="site-nav__link">{t.nav_my_card}</A>
                <A href="/rules" attr:class="site-nav__link">{t.nav_rules}</A>
            </nav>
        }
    };
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <A href="/" attr:class="site-header__name">
                    {move || i18n.t().service_name}
                </A>
                {nav}
                <div class="site-header__tools">
                    <LanguageSwitch />
                    <ElderlySwitch />
                </div>
            </div>
        </header>
    }
}
