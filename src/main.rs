//! Entry point: install the panic hook, remove the "cannot start" fallback, hide the static
//! shell (the app did start), fetch a remembered language other than zh-Hans, and mount the
//! app. Everything else lives in the library so the browser tests can mount the same components.

use std::time::Duration;

use leptos::prelude::set_timeout;
use sscard::i18n::Locale;

fn main() {
    console_error_panic_hook::set_once();
    sscard::dom::remove_by_id("boot-fallback");
    sscard::platform::mark_document();
    // The shell has been painted by now: the loader in index.html starts the download only after
    // a content shell's first paint. Hide it at once but detach it only later: the browser
    // reports a paint (first and largest contentful paint) a little after it happens, and drops
    // it if the element is gone.
    sscard::dom::remove_html_attribute("data-prerender");
    // A remembered zh-Hant or English choice: fetch its texts first, so the app starts in that
    // language (on failure it starts in zh-Hans and keeps the choice for the next visit).
    match Locale::stored_to_load() {
        None => start(),
        Some(locale) => {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = locale.load().await;
                start();
            });
        }
    }
}

fn start() {
    leptos::mount::mount_to_body(sscard::App);
    set_timeout(
        || sscard::dom::remove_by_id("prerender"),
        Duration::from_secs(2),
    );
}
