//! Browser tests of the app's components, run in headless Chromium by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use sscard::components::LanguageSwitch;
use sscard::i18n::{Locale, provide_i18n, use_i18n};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts `view` into a fresh container and returns the container.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), view);
    // Keep the view alive for the rest of the test run.
    std::mem::forget(handle);
    container
}

fn button(container: &web_sys::HtmlElement, label: &str) -> web_sys::HtmlElement {
    let buttons = container.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no button labelled {label}"))
}

#[wasm_bindgen_test]
async fn language_switch_changes_texts_lang_and_pressed_state() {
    let container = mount(|| {
        provide_i18n();
        let i18n = use_i18n();
        i18n.locale.set(Locale::ZhHans);
        view! {
            <LanguageSwitch />
            <p class="probe">{move || i18n.t().home_title}</p>
        }
    });
    tick().await;
    let probe = container.query_selector(".probe").unwrap().unwrap();
    assert_eq!(probe.text_content().unwrap(), "申领和管理第三代社保卡");
    assert_eq!(
        button(&container, "简体中文")
            .get_attribute("aria-pressed")
            .unwrap(),
        "true"
    );

    button(&container, "English").click();
    tick().await;
    assert_eq!(
        probe.text_content().unwrap(),
        "Apply for and manage your third-generation social security card"
    );
    assert_eq!(
        button(&container, "English")
            .get_attribute("aria-pressed")
            .unwrap(),
        "true"
    );
    assert_eq!(
        button(&container, "简体中文")
            .get_attribute("aria-pressed")
            .unwrap(),
        "false"
    );
    let lang = document()
        .document_element()
        .unwrap()
        .get_attribute("lang")
        .unwrap();
    assert_eq!(lang, "en");
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("sscard.locale")
        .unwrap();
    assert_eq!(stored.as_deref(), Some("en"));
}

#[wasm_bindgen_test]
fn locale_tags_round_trip_and_unknown_tags_are_rejected() {
    for locale in Locale::ALL {
        assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
    }
    assert_eq!(Locale::from_tag("fr"), None);
    assert_eq!(Locale::from_tag(""), None);
}
