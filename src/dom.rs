//! Small, fallible helpers over the browser DOM. Every function is a no-op when the DOM or the
//! storage it needs is missing (private mode, a web-view that wiped storage), because losing a
//! preference must never break the page.

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Sets `document.title` (shown in the tab and as the WeChat web-view's title bar).
pub fn set_title(title: &str) {
    if let Some(doc) = document() {
        doc.set_title(title);
    }
}

/// Sets the `lang` attribute of `<html>` so screen readers and fonts follow the chosen language.
pub fn set_html_lang(lang: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang);
    }
}

/// Moves keyboard and screen-reader focus to the page's `<h1>` (which carries `tabindex="-1"`),
/// so a route change is announced the way a full page load would be.
pub fn focus_main_heading() {
    let heading = document()
        .and_then(|d| d.query_selector("main h1").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(h1) = heading {
        let _ = h1.focus();
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a value from `localStorage`.
pub fn load(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Writes a value to `localStorage`; silently does nothing when storage is unavailable.
pub fn store(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Moves focus to the element with this id and scrolls it into view (error summary links).
pub fn focus_by_id(id: &str) {
    let element = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = element {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// Removes the element with this id, if there is one.
pub fn remove_by_id(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        el.remove();
    }
}

/// Adds or removes a class on `<html>`.
pub fn set_html_class(class: &str, on: bool) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let list = root.class_list();
        let _ = if on {
            list.add_1(class)
        } else {
            list.remove_1(class)
        };
    }
}

/// Sets an attribute on `<html>`.
pub fn set_html_attribute(name: &str, value: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute(name, value);
    }
}

/// Removes an attribute from `<html>`.
pub fn remove_html_attribute(name: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.remove_attribute(name);
    }
}

/// Whether the root `<html>` element carries the attribute `name` (the server marks the page it
/// serves, e.g. `data-demo` in demo mode).
pub fn html_has_attribute(name: &str) -> bool {
    document()
        .and_then(|d| d.document_element())
        .is_some_and(|root| root.has_attribute(name))
}

/// The value of attribute `name` on the page's `<html>` element, if it has one.
pub fn html_attribute(name: &str) -> Option<String> {
    document()?.document_element()?.get_attribute(name)
}
