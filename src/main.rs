//! Entry point: install the panic hook, remove the "cannot start" fallback, hide the static
//! shell (the app did start) and mount the app. Everything else lives in the library so the
//! browser tests can mount the same components.

use std::time::Duration;

use leptos::prelude::set_timeout;

fn main() {
    console_error_panic_hook::set_once();
    sscard::dom::remove_by_id("boot-fallback");
    sscard::platform::mark_document();
    // The shell has been painted by now: the loader in index.html starts the download only after
    // a content shell's first paint. Hide it at once but detach it only later: the browser
    // reports a paint (first and largest contentful paint) a little after it happens, and drops
    // it if the element is gone.
    sscard::dom::remove_html_attribute("data-prerender");
    leptos::mount::mount_to_body(sscard::App);
    set_timeout(
        || sscard::dom::remove_by_id("prerender"),
        Duration::from_secs(2),
    );
}
