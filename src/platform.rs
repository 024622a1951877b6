//! Where the app runs: a normal browser, or a WeChat / Alipay mini-program web-view. Marked on
//! `<html data-webview>` so styles can adapt (the web-view draws its own title bar from
//! `document.title`, so nothing else is needed there).

use wasm_bindgen::JsValue;

/// The kind of web-view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WebView {
    /// A plain browser.
    Browser,
    /// Inside WeChat (mini-program web-view or WeChat's browser).
    WeChat,
    /// Inside Alipay.
    Alipay,
}

impl WebView {
    /// The value written to `data-webview`.
    pub fn id(self) -> &'static str {
        match self {
            WebView::Browser => "browser",
            WebView::WeChat => "wechat",
            WebView::Alipay => "alipay",
        }
    }
}

/// Detects the web-view from `window.__wxjs_environment` and the user agent.
pub fn detect() -> WebView {
    let Some(window) = web_sys::window() else {
        return WebView::Browser;
    };
    let wx = js_sys::Reflect::get(&window, &JsValue::from_str("__wxjs_environment"))
        .ok()
        .and_then(|v| v.as_string());
    let ua = window.navigator().user_agent().unwrap_or_default();
    classify(wx.as_deref(), &ua)
}

/// The pure part of [`detect`].
pub fn classify(wxjs_environment: Option<&str>, user_agent: &str) -> WebView {
    if wxjs_environment == Some("miniprogram") || user_agent.contains("MicroMessenger") {
        WebView::WeChat
    } else if user_agent.contains("AlipayClient") {
        WebView::Alipay
    } else {
        WebView::Browser
    }
}

/// Marks `<html data-webview=…>` with the detected web-view.
pub fn mark_document() {
    crate::dom::set_html_attribute("data-webview", detect().id());
}
