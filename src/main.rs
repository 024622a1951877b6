//! Entry point: install the panic hook, remove the "cannot start" fallback and the static
//! start-page shell (the app did start) and mount the app. Everything else lives in the
//! library so the browser tests can mount the
//! same components.

fn main() {
    console_error_panic_hook::set_once();
    sscard::dom::remove_by_id("boot-fallback");
    sscard::dom::remove_by_id("prerender");
    sscard::platform::mark_document();
    leptos::mount::mount_to_body(sscard::App);
}
