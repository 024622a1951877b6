use leptos::prelude::*;

use crate::i18n::use_i18n;

/// The site footer with the 96066 hotline.
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = i18n.t();
        view! {
            <footer class="site-footer">
                <p class="site-footer__hotline">
                    {t.hotline_label} " " <a href="tel:96066" class="site-footer__tel">"96066"</a>
                </p>
                <p>{t.hotline_note}</p>
                <p class="site-footer__small">{t.footer_disclaimer}</p>
            </footer>
        }
    }
}
