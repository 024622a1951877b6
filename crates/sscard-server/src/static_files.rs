//! Serving the app built by Trunk: the page, its assets and the SPA fallback.
//!
//! * `index.html` is read once at start (the server refuses to start without
//!   it), served from memory with `no-cache` and its own CSP.
//! * Content-hashed assets (`sscard-<hash>_bg.wasm`, `main-<hash>.css`) are
//!   cached for a year as `immutable`; other files must revalidate.
//! * A path that is no file and has no extension (a deep link like
//!   `/apply/bank`) answers the page, so the app's router takes over.

use std::{path::Path, sync::Arc};

use axum::{
    body::Body,
    extract::{Request, State},
    http::{HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use bytes::Bytes;
use tower_http::services::ServeDir;

use crate::security::{self, TRUNK_NONCE_PLACEHOLDER};

/// Cache policy for content-hashed files.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache policy for the page and unhashed files.
pub const NO_CACHE: &str = "no-cache";

/// The app page and its Content-Security-Policy, prepared at start.
#[derive(Debug)]
pub struct AppPage {
    html: String,
    /// CSP when the page has no nonce placeholder (the common case).
    static_csp: String,
    /// The page compressed once at start, so a deep link costs a copy, not a brotli run per
    /// request. `None` when Trunk's nonce placeholder is replaced per response (the page
    /// differs each time; the compression layer compresses it then).
    compressed: Option<Compressed>,
}

/// The page, brotli- and gzip-compressed.
#[derive(Debug)]
struct Compressed {
    br: Bytes,
    gzip: Bytes,
}

/// A content coding the page is sent in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    /// `br`.
    Brotli,
    /// `gzip`.
    Gzip,
    /// None.
    Identity,
}

impl Coding {
    /// The best coding an `Accept-Encoding` value allows: brotli, then gzip (a coding with
    /// `q=0` is refused).
    pub fn choose(accept: Option<&HeaderValue>) -> Self {
        let accept = accept.and_then(|v| v.to_str().ok()).unwrap_or_default();
        let allows = |name: &str| {
            accept.split(',').any(|item| {
                let mut parts = item.split(';').map(str::trim);
                let coding = parts.next().unwrap_or_default();
                let refused = parts.any(|p| {
                    p.strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                        .is_some_and(|q| q <= 0.0)
                });
                coding.eq_ignore_ascii_case(name) && !refused
            })
        };
        if allows("br") {
            Self::Brotli
        } else if allows("gzip") {
            Self::Gzip
        } else {
            Self::Identity
        }
    }
}

/// The page with `data-demo` on its `<html>` element (see [`AppPage::load`]).
fn mark_demo(html: &str) -> Result<String, String> {
    if !html.contains("<html") {
        return Err("index.html has no <html> element to mark for demo mode".to_owned());
    }
    Ok(html.replacen("<html", "<html data-demo", 1))
}

/// The page with `data-policy` on its `<html>` element: the revision of each city's policy
/// the server decides with, as the `sscard-policy` header of API answers names them. An app
/// built with other data sees it at its first paint, before it asks the API anything, and
/// takes the newer documents (the app's `api::policy_update`).
fn mark_policy(html: &str) -> Result<String, String> {
    if !html.contains("<html") {
        return Err(
            "index.html has no <html> element to mark with the policy revisions".to_owned(),
        );
    }
    // A publisher's revision label is free text: escaped for the attribute.
    let revisions = sscard_rules::revisions()
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    Ok(html.replacen("<html", &format!("<html data-policy=\"{revisions}\""), 1))
}

impl AppPage {
    /// Reads `<dist>/index.html` and derives the CSP from its inline scripts. In demo mode the
    /// page's `<html>` element is marked `data-demo`, so the app shows its demo banner from the
    /// first paint without asking the API (and without the API client in its first download).
    pub fn load(dist: &Path, demo: bool) -> Result<Self, String> {
        let path = dist.join("index.html");
        let html = std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "cannot read {}: {e} (build the app first: `trunk build --release`, or pass --dist)",
                path.display()
            )
        })?;
        let html = mark_policy(&html)?;
        Ok(Self::from_html(if demo { mark_demo(&html)? } else { html }))
    }

    /// Prepares a page from its HTML text.
    pub fn from_html(html: String) -> Self {
        let uses_nonce = html.contains(TRUNK_NONCE_PLACEHOLDER);
        // With a nonce the placeholder is part of the hashed text, so hashes would
        // not match after substitution; the nonce alone then allows the loader.
        let hashes = if uses_nonce {
            security::InlineHashes::default()
        } else {
            security::inline_hashes(&html)
        };
        let static_csp = security::content_security_policy(&hashes, None);
        let compressed = (!uses_nonce).then(|| Compressed {
            br: brotli_of(html.as_bytes()),
            gzip: gzip_of(html.as_bytes()),
        });
        Self {
            html,
            static_csp,
            compressed,
        }
    }

    /// The CSP sent with the page when no nonce is used.
    pub fn csp(&self) -> &str {
        &self.static_csp
    }

    /// The page response (200, `no-cache`, CSP), in the best coding `accept` allows.
    pub fn response(&self, method: &Method, accept: Option<&HeaderValue>) -> Response {
        let (body, csp, coding) = match &self.compressed {
            Some(c) => match Coding::choose(accept) {
                Coding::Brotli => (c.br.clone(), self.static_csp.clone(), Coding::Brotli),
                Coding::Gzip => (c.gzip.clone(), self.static_csp.clone(), Coding::Gzip),
                Coding::Identity => (
                    Bytes::from(self.html.clone()),
                    self.static_csp.clone(),
                    Coding::Identity,
                ),
            },
            None => {
                let nonce = security::fresh_nonce();
                let csp = security::content_security_policy(
                    &security::InlineHashes::default(),
                    Some(&nonce),
                );
                // Compressed per response by the compression layer.
                let html = self.html.replace(TRUNK_NONCE_PLACEHOLDER, &nonce);
                (Bytes::from(html), csp, Coding::Identity)
            }
        };
        let len = body.len();
        let body = if method == Method::HEAD {
            Body::empty()
        } else {
            Body::from(body)
        };
        let mut res = Response::new(body);
        let h = res.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static(NO_CACHE));
        if self.compressed.is_some() {
            h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        match coding {
            // The compression layer leaves a response with a Content-Encoding as it is.
            Coding::Brotli => {
                h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
            }
            Coding::Gzip => {
                h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            }
            Coding::Identity => {}
        }
        if let Ok(v) = HeaderValue::from_str(&csp) {
            h.insert(header::CONTENT_SECURITY_POLICY, v);
        }
        res
    }
}

/// Handler for `/` and `/index.html`.
pub async fn index(
    State(page): State<Arc<AppPage>>,
    method: Method,
    headers: axum::http::HeaderMap,
) -> Response {
    page.response(&method, headers.get(header::ACCEPT_ENCODING))
}

/// `bytes` brotli-compressed at the highest quality (once, at start).
fn brotli_of(bytes: &[u8]) -> Bytes {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    // Writing into a Vec cannot fail.
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
    Bytes::from(out)
}

/// `bytes` gzip-compressed at the highest level (once, at start).
fn gzip_of(bytes: &[u8]) -> Bytes {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = e.write_all(bytes);
    Bytes::from(e.finish().unwrap_or_default())
}

/// Longest accepted path segment, in bytes after percent-decoding: a file name
/// the OS accepts (255) with room for the `.br`/`.gz` suffix of precompressed
/// variants. Longer segments cannot name a file.
pub const MAX_SEGMENT_BYTES: usize = 250;
/// Longest accepted request path, in bytes as sent.
pub const MAX_PATH_BYTES: usize = 1024;

/// The files of `dist/` and the SPA fallback, as a fallback service.
///
/// A path that cannot name a file (see [`is_servable_path`]) never reaches
/// the file system; any I/O error other than "not found" is logged and
/// answered like a missing file, so a static path is never a `500`.
pub fn dist_service(dist: &Path, page: Arc<AppPage>) -> axum::routing::MethodRouter {
    let files = ServeDir::new(dist)
        .append_index_html_on_directories(false)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(axum::routing::any(spa_fallback).with_state(page.clone()));
    axum::routing::any(serve_dist).with_state(DistFiles { files, page })
}

/// State of [`serve_dist`].
#[derive(Clone)]
struct DistFiles {
    files: ServeDir<axum::routing::MethodRouter>,
    page: Arc<AppPage>,
}

/// Serves a file of `dist/`, else what [`not_a_file`] answers.
async fn serve_dist(State(dist): State<DistFiles>, req: Request) -> Response {
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let accept = req.headers().get(header::ACCEPT_ENCODING).cloned();
    if !is_servable_path(&path) {
        return not_a_file(&dist.page, &method, &path, accept.as_ref());
    }
    let mut files = dist.files;
    match files.try_call(req).await {
        Ok(res) => res.map(Body::new),
        Err(e) => {
            tracing::warn!(error = %e, "cannot read a file of dist/; answered as missing");
            not_a_file(&dist.page, &method, &path, accept.as_ref())
        }
    }
}

/// Whether `path` (as sent, percent-encoded) can name a file of `dist/`: at
/// most [`MAX_PATH_BYTES`], every decoded segment at most
/// [`MAX_SEGMENT_BYTES`], valid UTF-8 without control characters (NUL
/// included) or backslashes.
pub fn is_servable_path(path: &str) -> bool {
    path.len() <= MAX_PATH_BYTES
        && path.split('/').all(|seg| {
            percent_decode(seg).is_some_and(|d| {
                d.len() <= MAX_SEGMENT_BYTES
                    && std::str::from_utf8(&d).is_ok()
                    && !d.iter().any(|&b| b < 0x20 || b == 0x7f || b == b'\\')
            })
        })
}

/// Decodes `%XX` escapes; `None` for a malformed escape.
fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Some(out)
}

/// What is answered for a path that is not a file in `dist/`.
async fn spa_fallback(State(page): State<Arc<AppPage>>, req: Request) -> Response {
    not_a_file(
        &page,
        req.method(),
        req.uri().path(),
        req.headers().get(header::ACCEPT_ENCODING),
    )
}

/// A path that is no (readable) file: the page for an extension-less path (a
/// deep link), `404` for one with an extension, `405` for other methods.
fn not_a_file(
    page: &AppPage,
    method: &Method,
    path: &str,
    accept: Option<&HeaderValue>,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
        )
            .into_response();
    }
    let last = path.rsplit('/').next().unwrap_or_default();
    if last.contains('.') {
        // A missing asset must not answer HTML with 200: the browser would try to
        // run the page as a script or wasm and hide the real error.
        return (
            StatusCode::NOT_FOUND,
            [(header::CACHE_CONTROL, NO_CACHE)],
            "not found",
        )
            .into_response();
    }
    page.response(method, accept)
}

/// Whether a request path names a content-hashed file (Trunk's `name-<hash>.ext`).
///
/// A segment is hashed when, after the extension and a `_bg` suffix are removed,
/// it ends in `-<hex>` with at least 6 hex digits, one of them a digit.
/// Folders count too (wasm-bindgen snippets live under `snippets/<crate>-<hash>/`).
pub fn is_content_hashed(path: &str) -> bool {
    path.split('/').any(|seg| {
        let stem = seg.split('.').next().unwrap_or_default();
        let stem = stem.strip_suffix("_bg").unwrap_or(stem);
        match stem.rsplit_once('-') {
            Some((name, hash)) => {
                !name.is_empty()
                    && hash.len() >= 6
                    && hash.chars().all(|c| c.is_ascii_hexdigit())
                    && hash.chars().any(|c| c.is_ascii_digit())
            }
            None => false,
        }
    })
}

/// Middleware setting `Cache-Control` by path when the handler set none.
pub async fn cache_headers(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let api = path == "/api" || path.starts_with("/api/");
    let hashed = is_content_hashed(path);
    let mut res = next.run(req).await;
    if !res.headers().contains_key(header::CACHE_CONTROL) {
        // API answers are personal data: never stored by any cache.
        let policy = if api {
            "no-store"
        } else if hashed && res.status().is_success() {
            IMMUTABLE
        } else {
            NO_CACHE
        };
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_trunk_hashed_names() {
        assert!(is_content_hashed("/sscard-3f1c2a9b8d7e6f50_bg.wasm"));
        assert!(is_content_hashed("/sscard-3f1c2a9b8d7e6f50.js"));
        assert!(is_content_hashed("/main-0a1b2c3d4e5f6071.css"));
        assert!(is_content_hashed("/x-abc123_bg.wasm"));
        assert!(is_content_hashed(
            "/snippets/sscard-0123abcd4567ef89/inline0.js"
        ));
        assert!(!is_content_hashed("/favicon.svg"));
        assert!(!is_content_hashed("/index.html"));
        assert!(!is_content_hashed("/my-facade.png"));
        assert!(!is_content_hashed("/apply/bank"));
    }

    #[test]
    fn unservable_paths_are_recognised() {
        assert!(is_servable_path("/x-abc123_bg.wasm"));
        assert!(is_servable_path("/snippets/a%20b/inline0.js"));
        assert!(is_servable_path(&format!(
            "/{}",
            "a".repeat(MAX_SEGMENT_BYTES)
        )));
        assert!(!is_servable_path(&format!(
            "/{}",
            "a".repeat(MAX_SEGMENT_BYTES + 1)
        )));
        assert!(!is_servable_path(&format!("/{}.js", "%61".repeat(300))));
        assert!(!is_servable_path(&"/a".repeat(MAX_PATH_BYTES)));
        assert!(!is_servable_path("/a%00.js"));
        assert!(!is_servable_path("/a%0a.js"));
        assert!(!is_servable_path("/a%5c..%5cb.js"));
        assert!(!is_servable_path("/a%ff.js"));
        assert!(!is_servable_path("/a%zz.js"));
        assert!(!is_servable_path("/a%4"));
    }
}
