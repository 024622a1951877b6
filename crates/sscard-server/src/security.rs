//! Security headers: the Content-Security-Policy derived from the built
//! `index.html`, and the fixed hardening headers sent with every response.
//!
//! The policy runs no script but the app's own. Trunk's output is one inline
//! `<script type="module">` loader plus `modulepreload`/`preload` links, so the
//! loader is allowed by the sha256 of its exact text (computed once at start),
//! or — when Trunk was configured with `create_nonce` — by a fresh nonce per
//! response that replaces Trunk's placeholder.

use axum::{
    extract::Request,
    http::{HeaderName, HeaderValue, header},
    middleware::Next,
    response::Response,
};
use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The placeholder Trunk writes into `nonce="…"` attributes when `create_nonce` is on.
pub const TRUNK_NONCE_PLACEHOLDER: &str = "{{__TRUNK NONCE__}}";

/// Hashes of the inline `<script>` and `<style>` bodies of a page, as CSP sources.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InlineHashes {
    /// `'sha256-…'` for every inline script (no `src` attribute).
    pub scripts: Vec<String>,
    /// `'sha256-…'` for every inline `<style>` element.
    pub styles: Vec<String>,
}

/// Computes the CSP hash sources of every inline script and style in `html`.
///
/// A tiny scanner rather than an HTML parser: Trunk's output is regular and the
/// browser hashes exactly the text between the start tag's `>` and `</script`,
/// which is what is taken here.
pub fn inline_hashes(html: &str) -> InlineHashes {
    InlineHashes {
        scripts: element_bodies(html, "script", true)
            .into_iter()
            .map(csp_sha256)
            .collect(),
        styles: element_bodies(html, "style", false)
            .into_iter()
            .map(csp_sha256)
            .collect(),
    }
}

/// `'sha256-<base64>'` of `text`, the CSP hash-source syntax.
pub fn csp_sha256(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Bodies of `<tag ...>body</tag>` elements; with `skip_src`, elements with a `src` are skipped.
fn element_bodies<'a>(html: &'a str, tag: &str, skip_src: bool) -> Vec<&'a str> {
    // ASCII lowercasing keeps byte offsets identical to the original.
    let lower = html.to_ascii_lowercase();
    let open = format!("<{tag}");
    let close = format!("</{tag}");
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(start) = lower[pos..].find(&open).map(|i| i + pos) {
        let after_name = start + open.len();
        // `<scripts>` or `<style-x>` are other elements.
        let next = lower[after_name..].chars().next();
        if !matches!(next, Some(c) if c == '>' || c.is_ascii_whitespace() || c == '/') {
            pos = after_name;
            continue;
        }
        let Some(tag_end) = lower[after_name..].find('>').map(|i| i + after_name) else {
            break;
        };
        let attrs = &lower[after_name..tag_end];
        let Some(body_end) = lower[tag_end + 1..].find(&close).map(|i| i + tag_end + 1) else {
            break;
        };
        let has_src = attrs
            .split(|c: char| c.is_ascii_whitespace())
            .any(|a| a == "src" || a.starts_with("src="));
        if !(skip_src && has_src) {
            out.push(&html[tag_end + 1..body_end]);
        }
        pos = body_end + close.len();
    }
    out
}

/// Builds the Content-Security-Policy header value.
///
/// `nonce` is set only when the page carries Trunk's nonce placeholder.
pub fn content_security_policy(hashes: &InlineHashes, nonce: Option<&str>) -> String {
    let mut script = vec!["'self'".to_owned(), "'wasm-unsafe-eval'".to_owned()];
    script.extend(hashes.scripts.iter().cloned());
    let mut style = vec!["'self'".to_owned()];
    style.extend(hashes.styles.iter().cloned());
    if let Some(n) = nonce {
        script.push(format!("'nonce-{n}'"));
        style.push(format!("'nonce-{n}'"));
    }
    format!(
        "default-src 'self'; script-src {}; style-src {}; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; \
         base-uri 'none'; frame-ancestors 'self'; form-action 'self'; object-src 'none'",
        script.join(" "),
        style.join(" ")
    )
}

/// The policy for responses that are not the app page (API JSON, assets):
/// nothing may run from them.
pub const API_CSP: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/// A fresh random nonce (128 bits, base64).
pub fn fresh_nonce() -> String {
    let mut bytes = [0u8; 16];
    // The OS RNG failing is not recoverable; a fixed nonce would be worse than a 500.
    getrandom::fill(&mut bytes).expect("operating system random number generator");
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Middleware adding the hardening headers to every response.
///
/// Responses that already carry a CSP (the app page) keep theirs; every other
/// response gets the strict [`API_CSP`].
pub async fn hardening_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(API_CSP),
        );
    }
    res
}

/// Middleware refusing cross-origin mutations of the API (CSRF defence in depth,
/// on top of the SameSite=Strict cookie).
///
/// Browsers send `Origin` on every non-GET fetch; when present it must name
/// this server (`Host`). Without `Origin`, a `Sec-Fetch-Site` other than
/// `same-origin`/`none` is refused too. Requests with neither header come from
/// non-browser clients (scripts, tests), which cannot carry a victim's cookie.
pub async fn origin_check(req: Request, next: Next) -> Response {
    use axum::{http::Method, response::IntoResponse};
    let m = req.method();
    let is_api = req.uri().path().starts_with("/api/");
    if !is_api || *m == Method::GET || *m == Method::HEAD || *m == Method::OPTIONS {
        return next.run(req).await;
    }
    let h = req.headers();
    let host = h.get(header::HOST).and_then(|v| v.to_str().ok());
    let ok = match h.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        Some(origin) => {
            let origin_host = origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"));
            origin_host.is_some() && origin_host == host
        }
        None => h
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .is_none_or(|v| v == "same-origin" || v == "none"),
    };
    if ok {
        next.run(req).await
    } else {
        crate::problem::ApiError::new(
            axum::http::StatusCode::FORBIDDEN,
            "origin_mismatch",
            "请求来源不被允许",
        )
        .into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_module_script_but_not_external_ones() {
        let html = r#"<html><head><script src="/a.js"></script>
<link rel="modulepreload" href="/x.js"></head><body>
<script type="module">
import init from '/x.js';
await init('/x_bg.wasm');
</script></body></html>"#;
        let h = inline_hashes(html);
        assert_eq!(h.scripts.len(), 1);
        assert_eq!(
            h.scripts[0],
            csp_sha256("\nimport init from '/x.js';\nawait init('/x_bg.wasm');\n")
        );
        assert!(h.styles.is_empty());
    }

    #[test]
    fn known_sha256_value() {
        // echo -n "alert(1)" | openssl dgst -sha256 -binary | base64
        assert_eq!(
            csp_sha256("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }

    #[test]
    fn policy_never_allows_unsafe_inline_or_eval() {
        let csp = content_security_policy(&inline_hashes("<script>x()</script>"), Some("abc"));
        assert!(!csp.contains("'unsafe-inline'"));
        assert!(!csp.contains("'unsafe-eval'"));
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(csp.contains("'nonce-abc'"));
    }
}
