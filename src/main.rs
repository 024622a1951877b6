//! Entry point: install the panic hook, remove the "cannot start" fallback and the static
//! start-page shell (the app did start) and mount the app. Everything else lives in the
//! library so the browser tests can mount the same components.

use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};

fn main() {
    console_error_panic_hook::set_once();
    sscard::dom::remove_by_id("boot-fallback");
    sscard::platform::mark_document();
    if sscard::dom::prerender_shown() {
        // Let the static shell reach the screen before the app replaces it (the next frame's
        // callbacks run before that frame's paint), so the first paint never waits for the app.
        request_animation_frame(|| request_animation_frame(start_after_shell));
    } else {
        sscard::dom::remove_by_id("prerender");
        mount();
    }
}

fn start_after_shell() {
    // Hide the shell at once but detach it only later: the browser reports a paint (first and
    // largest contentful paint) a little after it happens, and drops it if the element is gone.
    sscard::dom::remove_html_attribute("data-prerender");
    mount();
    set_timeout(
        || sscard::dom::remove_by_id("prerender"),
        Duration::from_secs(2),
    );
}

fn mount() {
    leptos::mount::mount_to_body(sscard::App);
}
