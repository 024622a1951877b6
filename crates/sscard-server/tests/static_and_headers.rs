//! Phase-1 checks: the server serves the app, its files and the health endpoint
//! with the right types, cache headers and security headers.

mod common;

use common::{INDEX_HTML, INLINE_SCRIPT, Server};
use sscard_server::security::csp_sha256;

#[tokio::test]
async fn health_answers_json() {
    let s = Server::start(false);
    let mut c = s.client();
    let r = c.get("/api/v1/health").await;
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").starts_with("application/json"));
    let j = r.json();
    assert_eq!(j["status"], "ok");
    assert_eq!(j["demo"], false);
    assert!(j["version"].is_string());
    assert_eq!(r.header("cache-control"), "no-store");
    assert!(!r.header("x-request-id").is_empty(), "request id echoed");
    // Readiness: the same, once the database answers (tests/instances.rs takes it away).
    let r = c.get("/api/v1/health/ready").await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["status"], "ok");
}

#[tokio::test]
async fn health_reports_demo_mode() {
    let s = Server::start(true);
    let r = s.client().get("/api/v1/health").await;
    assert_eq!(r.json()["demo"], true);
}

/// The app knows demo mode from the page itself (its banner shows from the first paint, and the
/// start page never asks the API): `<html data-demo>` in demo mode only, with the same inline
/// script and so the same CSP hash.
#[tokio::test]
async fn the_page_is_marked_in_demo_mode_only() {
    for demo in [true, false] {
        let s = Server::start(demo);
        let mut c = s.client();
        let r = c.get("/").await;
        assert_eq!(r.status, 200);
        assert_eq!(r.text().contains("<html data-demo"), demo, "demo {demo}");
        // The policy revisions the server decides with, for an app built with other data.
        assert!(
            r.text()
                .contains(&format!("data-policy=\"{}\"", sscard_rules::revisions())),
            "demo {demo}"
        );
        let csp = r.header("content-security-policy").to_owned();
        assert!(
            csp.contains(&csp_sha256(INLINE_SCRIPT)),
            "demo {demo}: {csp}"
        );
    }
}

#[tokio::test]
async fn deep_link_loads_the_app_page() {
    let s = Server::start(false);
    let mut c = s.client();
    for path in ["/", "/index.html", "/apply/bank", "/cards/123/loss"] {
        let r = c.get(path).await;
        assert_eq!(r.status, 200, "{path}");
        assert!(r.header("content-type").starts_with("text/html"), "{path}");
        assert_eq!(r.header("cache-control"), "no-cache", "{path}");
        assert!(r.text().contains("<script type=\"module\">"), "{path}");
    }
}

#[tokio::test]
async fn missing_asset_is_404_not_the_page() {
    let s = Server::start(false);
    let r = s.client().get("/nope-123456.js").await;
    assert_eq!(r.status, 404);
}

#[tokio::test]
async fn wasm_has_its_type_and_hashed_assets_are_immutable() {
    let s = Server::start(false);
    let mut c = s.client();
    let r = c.get("/x-abc123_bg.wasm").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), "application/wasm");
    assert_eq!(
        r.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(&r.body[..4], b"\0asm");

    let r = c.get("/x-abc123.js").await;
    assert!(r.header("content-type").contains("javascript"));
    assert_eq!(
        r.header("cache-control"),
        "public, max-age=31536000, immutable"
    );

    // Not content-hashed: must revalidate.
    let r = c.get("/favicon.svg").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("cache-control"), "no-cache");
}

#[tokio::test]
async fn responses_are_compressed_when_asked() {
    let s = Server::start(false);
    let r = s
        .client()
        .get_with("/apply/bank", &[("accept-encoding", "br, gzip")])
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-encoding"), "br");
}

#[tokio::test]
async fn the_page_goes_out_precompressed_in_the_coding_asked_for() {
    let s = Server::start(false);
    let mut c = s.client();
    let page = |r: &common::Res| -> String {
        match r.header("content-encoding") {
            "br" => {
                let mut out = Vec::new();
                brotli::BrotliDecompress(&mut &r.body[..], &mut out).expect("one brotli stream");
                String::from_utf8(out).unwrap()
            }
            "gzip" => {
                use std::io::Read;
                let mut out = String::new();
                flate2::read::GzDecoder::new(&r.body[..])
                    .read_to_string(&mut out)
                    .expect("one gzip stream");
                out
            }
            "" => r.text(),
            other => panic!("unexpected coding {other}"),
        }
    };
    let served = INDEX_HTML.replacen(
        "<html",
        &format!("<html data-policy=\"{}\"", sscard_rules::revisions()),
        1,
    );
    for (accept, coding) in [
        ("br, gzip", "br"),
        ("gzip, deflate, br;q=0", "gzip"),
        ("gzip;q=0, br;q=0", ""),
        ("", ""),
    ] {
        for path in ["/", "/progress", "/apply/confirmation/app_1"] {
            let r = c.get_with(path, &[("accept-encoding", accept)]).await;
            assert_eq!(r.status, 200, "{path} {accept}");
            assert_eq!(r.header("content-encoding"), coding, "{path} {accept}");
            assert_eq!(r.header("vary"), "accept-encoding", "{path}");
            // Exactly the page (marked with the policy revisions), compressed once (not again by
            // the compression layer).
            assert_eq!(page(&r), served, "{path} {accept}");
            assert_eq!(r.header("content-length"), r.body.len().to_string());
        }
    }
}

#[tokio::test]
async fn page_csp_allows_only_the_apps_own_script() {
    let s = Server::start(false);
    let r = s.client().get("/apply/bank").await;
    let csp = r.header("content-security-policy");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(!csp.contains("'unsafe-eval'"), "{csp}");
    assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert!(csp.contains(&csp_sha256(INLINE_SCRIPT)), "{csp}");
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(csp.contains("object-src 'none'"), "{csp}");
    assert!(csp.contains("base-uri 'none'"), "{csp}");
    assert_eq!(r.header("x-content-type-options"), "nosniff");
    assert_eq!(r.header("referrer-policy"), "no-referrer");
}

#[tokio::test]
async fn unknown_api_path_is_a_json_problem() {
    let s = Server::start(false);
    let mut c = s.client();
    for path in ["/api/v1/nope", "/api/v2/health", "/api"] {
        let r = c.get(path).await;
        assert_eq!(r.status, 404, "{path}");
        assert_eq!(r.problem_code(), "not_found", "{path}");
        assert_eq!(r.json()["status"], 404);
    }
    let r = c
        .send(hyper::Method::DELETE, "/api/v1/health", None, &[])
        .await;
    assert_eq!(r.status, 405);
    assert_eq!(r.problem_code(), "method_not_allowed");
}

#[tokio::test]
async fn refuses_to_start_without_index_html() {
    let tmp = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sscard-server"))
        .args(["--addr", "127.0.0.1:0", "--dist"])
        .arg(tmp.path())
        .arg("--data-dir")
        .arg(tmp.path().join("data"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("index.html"), "{err}");
}

#[tokio::test]
async fn stops_gracefully_on_sigterm() {
    let mut s = Server::start(false);
    assert!(s.stop().success());
}
