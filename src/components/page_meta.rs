use leptos::prelude::*;

use crate::dom;
use crate::i18n::{Texts, use_i18n};

/// Gives the current page its `document.title` ("page - service") and, when the page first
/// appears, moves focus to its `<h1>`.
///
/// The title follows language switches; focus moves only on the first run, so switching the
/// language does not pull focus away from the language switch.
pub fn use_page_meta(title: fn(&'static Texts) -> &'static str) {
    use_page_title(move |t| title(t).to_string(), Signal::from(false));
}

/// Like [`use_page_meta`], and prefixes the title with "错误: " (in the current language) while
/// `has_errors` is true, so a screen reader hears that the form was not accepted.
pub fn use_page_meta_with_errors(
    title: fn(&'static Texts) -> &'static str,
    has_errors: Signal<bool>,
) {
    use_page_title(move |t| title(t).to_string(), has_errors);
}

/// The general form of [`use_page_meta_with_errors`], for titles that depend on the answers.
pub fn use_page_title(
    title: impl Fn(&'static Texts) -> String + Send + Sync + 'static,
    has_errors: Signal<bool>,
) {
    let i18n = use_i18n();
    Effect::new(move |previous: Option<()>| {
        let t = i18n.t();
        let prefix = if has_errors.get() { t.error_prefix } else { "" };
        dom::set_title(&format!("{prefix}{} - {}", title(t), t.service_name));
        if previous.is_none() {
            // After the frame: the route's view is mounted by then, and the old page's `<h1>`
            // is gone.
            request_animation_frame(dom::focus_main_heading);
        }
    });
}
