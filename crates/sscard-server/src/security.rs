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
use sscard_rules::ProblemCode;

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

/// `max-age` of `Strict-Transport-Security` (one year), sent when the request
/// names an `https` public origin.
pub const HSTS: &str = "max-age=31536000";

/// The scheme of an origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// `http`
    Http,
    /// `https`
    Https,
}

impl Scheme {
    /// The port a URL of this scheme means when it names none.
    pub fn default_port(self) -> u16 {
        match self {
            Scheme::Http => 80,
            Scheme::Https => 443,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Scheme::Http => "http",
            Scheme::Https => "https",
        }
    }
}

/// An origin (`scheme://host[:port]`, RFC 6454) the app is served from,
/// normalised: lowercase host, IPv6 literals in canonical form, explicit port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicOrigin {
    scheme: Scheme,
    host: String,
    port: u16,
}

impl PublicOrigin {
    /// An `http` origin.
    pub fn http(host: &str, port: u16) -> Self {
        Self {
            scheme: Scheme::Http,
            host: host.to_ascii_lowercase(),
            port,
        }
    }

    /// Whether this origin is `https`.
    pub fn is_https(&self) -> bool {
        self.scheme == Scheme::Https
    }

    /// Whether a `Host` value `host[:port]` names this origin (no port: the
    /// scheme's default).
    fn is_named_by(&self, host: &str, port: Option<u16>) -> bool {
        self.host == host && port.unwrap_or(self.scheme.default_port()) == self.port
    }
}

impl std::fmt::Display for PublicOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}://{}", self.scheme.as_str(), self.host)?;
        if self.port != self.scheme.default_port() {
            write!(f, ":{}", self.port)?;
        }
        Ok(())
    }
}

impl std::str::FromStr for PublicOrigin {
    type Err = String;

    /// Parses `http(s)://host[:port]` (one trailing `/` tolerated; no path,
    /// query, user info or other scheme). Also used on `Origin` headers, so
    /// `null` and anything unusual is an error.
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("not an origin (http(s)://host[:port]): {s:?}");
        let (scheme, rest) = s.split_once("://").ok_or_else(bad)?;
        let scheme = match scheme.to_ascii_lowercase().as_str() {
            "http" => Scheme::Http,
            "https" => Scheme::Https,
            _ => return Err(bad()),
        };
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        let (host, port) = split_host_port(rest).ok_or_else(bad)?;
        Ok(Self {
            scheme,
            host,
            port: port.unwrap_or(scheme.default_port()),
        })
    }
}

/// Splits `host[:port]` (IPv6 literals in brackets), lowercasing the host.
/// `None` when malformed: empty host, characters outside a DNS name or IP
/// literal, port 0 or not a number.
fn split_host_port(s: &str) -> Option<(String, Option<u16>)> {
    let (host, port) = if let Some(rest) = s.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        let ip: std::net::Ipv6Addr = inside.parse().ok()?;
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':')?),
        };
        (format!("[{ip}]"), port)
    } else {
        let (host, port) = match s.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (s, None),
        };
        let name_ok = !host.is_empty()
            && host.len() <= 253
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
        if !name_ok {
            return None;
        }
        (host.to_ascii_lowercase(), port)
    };
    let port = match port {
        None => None,
        Some(p) if !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) => {
            Some(p.parse::<u16>().ok().filter(|&n| n != 0)?)
        }
        Some(_) => return None,
    };
    Some((host, port))
}

/// The origins this server answers for: what `Host` must name on every
/// request and `Origin` on API mutations. Built once the port is bound.
#[derive(Debug, Clone)]
pub struct AllowedOrigins {
    origins: Vec<PublicOrigin>,
}

impl AllowedOrigins {
    /// The configured public origins, or — when none are configured — the
    /// loopback origins of the bound port (`127.0.0.1`, `localhost`, `[::1]`)
    /// and the bound address itself unless it is a wildcard. So the URL the
    /// server prints always works, also with port 0.
    pub fn new(configured: &[PublicOrigin], bound: std::net::SocketAddr) -> Self {
        if !configured.is_empty() {
            return Self {
                origins: configured.to_vec(),
            };
        }
        let port = bound.port();
        let mut origins = vec![
            PublicOrigin::http("127.0.0.1", port),
            PublicOrigin::http("localhost", port),
            PublicOrigin::http("[::1]", port),
        ];
        if !bound.ip().is_unspecified() {
            let host = match bound.ip() {
                std::net::IpAddr::V4(ip) => ip.to_string(),
                std::net::IpAddr::V6(ip) => format!("[{ip}]"),
            };
            let own = PublicOrigin::http(&host, port);
            if !origins.contains(&own) {
                origins.push(own);
            }
        }
        Self { origins }
    }

    /// The allowed origins, in order.
    pub fn origins(&self) -> &[PublicOrigin] {
        &self.origins
    }

    /// For a `Host` value: `None` when it names no allowed origin, otherwise
    /// whether HSTS applies (it names an `https` origin).
    pub fn host(&self, value: &str) -> Option<bool> {
        let (host, port) = split_host_port(value)?;
        let mut named = self
            .origins
            .iter()
            .filter(|o| o.is_named_by(&host, port))
            .peekable();
        named.peek()?;
        Some(named.any(PublicOrigin::is_https))
    }

    /// Whether an `Origin` header value is exactly (scheme, host, port) one
    /// of the allowed origins.
    pub fn origin(&self, value: &str) -> bool {
        value
            .parse::<PublicOrigin>()
            .is_ok_and(|o| self.origins.contains(&o))
    }
}

/// Middleware checking `Host` on every request and `Origin` on API mutations.
///
/// * **Host** (DNS-rebinding defence): a page on `evil.example` whose name
///   was re-pointed at this server sends `Host: evil.example`. Exactly one
///   `Host` naming an allowed origin is required (and the request target's
///   authority, when absolute, must name one too); otherwise `421 Misdirected
///   Request` — a `host_not_allowed` problem under `/api`, plain text elsewhere.
/// * **Origin** (CSRF defence in depth, on top of the SameSite=Strict cookie):
///   browsers send `Origin` on every non-GET fetch; a non-GET request under
///   `/api/` must carry exactly one, equal in scheme, host and port to an
///   allowed origin. Without `Origin`, a `Sec-Fetch-Site` other than
///   `same-origin`/`none` is refused too. Requests with neither header come
///   from non-browser clients (scripts, tests), which cannot carry a victim's
///   cookie. Refusals are `403 origin_mismatch`.
/// * When `Host` names an `https` origin, answers carry
///   `Strict-Transport-Security` ([`HSTS`]).
pub async fn origin_check(
    axum::extract::State(allowed): axum::extract::State<std::sync::Arc<AllowedOrigins>>,
    req: Request,
    next: Next,
) -> Response {
    use axum::{
        http::{Method, StatusCode},
        response::IntoResponse,
    };
    let path = req.uri().path();
    let h = req.headers();
    let mut hosts = h.get_all(header::HOST).iter();
    let host = match (hosts.next(), hosts.next()) {
        (Some(v), None) => v.to_str().ok(),
        _ => None,
    };
    let target_ok = req
        .uri()
        .authority()
        .is_none_or(|a| allowed.host(a.as_str()).is_some());
    let Some(hsts) = host.and_then(|v| allowed.host(v)).filter(|_| target_ok) else {
        tracing::debug!(host = ?host, "refused: host not allowed");
        return if path == "/api" || path.starts_with("/api/") {
            crate::problem::ApiError::new(
                StatusCode::MISDIRECTED_REQUEST,
                ProblemCode::HostNotAllowed.id(),
                "请求的主机名不属于本服务",
            )
            .into_response()
        } else {
            (
                StatusCode::MISDIRECTED_REQUEST,
                [(header::CACHE_CONTROL, "no-store")],
                "misdirected request\n",
            )
                .into_response()
        };
    };

    let m = req.method();
    let mutation =
        path.starts_with("/api/") && !matches!(*m, Method::GET | Method::HEAD | Method::OPTIONS);
    let ok = !mutation || {
        let mut origins = h.get_all(header::ORIGIN).iter();
        match (origins.next(), origins.next()) {
            (Some(origin), None) => origin.to_str().is_ok_and(|o| allowed.origin(o)),
            // Two `Origin` headers: no browser sends that; which one a proxy
            // or framework would read is anyone's guess.
            (Some(_), Some(_)) => false,
            (None, _) => h
                .get("sec-fetch-site")
                .and_then(|v| v.to_str().ok())
                .is_none_or(|v| v == "same-origin" || v == "none"),
        }
    };
    let mut res = if ok {
        next.run(req).await
    } else {
        crate::problem::ApiError::new(
            StatusCode::FORBIDDEN,
            ProblemCode::OriginMismatch.id(),
            "请求来源不被允许",
        )
        .into_response()
    };
    if hsts {
        res.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    res
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
    fn origins_parse_normalised_and_strict() {
        let o: PublicOrigin = "HTTPS://SSCard.Example.cn/".parse().unwrap();
        assert_eq!(o.to_string(), "https://sscard.example.cn");
        assert_eq!(o, "https://sscard.example.cn:443".parse().unwrap());
        assert_eq!(
            "http://[0:0::1]:8080".parse::<PublicOrigin>().unwrap(),
            PublicOrigin::http("[::1]", 8080)
        );
        for bad in [
            "null",
            "sscard.example.cn",
            "ftp://x",
            "https://",
            "https://a/b",
            "https://u@a",
            "https://a:0",
            "https://a:99999",
            "https://a:8o",
            "https://a b",
            "https://[::1",
        ] {
            assert!(bad.parse::<PublicOrigin>().is_err(), "{bad}");
        }
    }

    #[test]
    fn default_origins_follow_the_bound_port() {
        let a = AllowedOrigins::new(&[], "127.0.0.1:4321".parse().unwrap());
        assert_eq!(a.host("127.0.0.1:4321"), Some(false));
        assert_eq!(a.host("LOCALHOST:4321"), Some(false));
        assert_eq!(a.host("[::1]:4321"), Some(false));
        assert_eq!(a.host("127.0.0.1"), None);
        assert_eq!(a.host("evil.example:4321"), None);
        assert!(a.origin("http://127.0.0.1:4321"));
        assert!(!a.origin("https://127.0.0.1:4321"));
        assert!(!a.origin("http://127.0.0.1:4322"));
        assert!(!a.origin("null"));
        let a = AllowedOrigins::new(&[], "10.1.2.3:80".parse().unwrap());
        assert_eq!(a.host("10.1.2.3"), Some(false));
        assert!(a.origin("http://10.1.2.3"));
    }

    #[test]
    fn configured_origins_replace_the_defaults_and_https_means_hsts() {
        let c: Vec<PublicOrigin> = vec!["https://sscard.example.cn".parse().unwrap()];
        let a = AllowedOrigins::new(&c, "127.0.0.1:8080".parse().unwrap());
        assert_eq!(a.host("sscard.example.cn"), Some(true));
        assert_eq!(a.host("sscard.example.cn:443"), Some(true));
        assert_eq!(a.host("sscard.example.cn:80"), None);
        assert_eq!(a.host("127.0.0.1:8080"), None);
        assert!(a.origin("https://sscard.example.cn"));
        assert!(!a.origin("http://sscard.example.cn"));
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
