//! Each city's policy as served: the rules crate's, built from its data file (issue 15).

use serde_json::json;

use crate::common::{Server, people::SUN};

/// Every city's policy as served is the rules crate's, built from its data file
/// (`policy/<city>.toml`, issue 15), and every dated value in it carries its citation.
#[tokio::test]
async fn each_city_policy_is_served_with_its_citations() {
    /// Every object with a `valid_from` (a `Param` or an offer) has a cited source.
    fn all_cited(v: &serde_json::Value, path: &str) {
        match v {
            serde_json::Value::Object(m) => {
                if m.contains_key("valid_from") {
                    assert!(
                        m["citation"]["source"]
                            .as_str()
                            .is_some_and(|s| !s.is_empty()),
                        "{path} has no citation"
                    );
                }
                for (k, x) in m {
                    all_cited(x, &format!("{path}.{k}"));
                }
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    all_cited(x, &format!("{path}[{i}]"));
                }
            }
            _ => {}
        }
    }

    let s = Server::start(true);
    let mut c = s.client();
    let today = c.today().await;
    for city in sscard_rules::City::ALL {
        let r = c.get(&format!("/api/v1/policy/{}", city.id())).await;
        match sscard_rules::policy(*city, today) {
            Ok(p) => {
                assert_eq!(r.status, 200, "{city} on {today}");
                let served = r.json();
                assert_eq!(served, serde_json::to_value(&p).unwrap(), "{city}");
                all_cited(&served, city.id());
            }
            // A city whose programme starts after the demo's today has no policy yet.
            Err(_) => assert_ne!(r.status, 200, "{city} on {today}"),
        }
    }
}

/// Beijing's document as built, with a newer application limit: 20 natural days from
/// 2026-01-05, published as revision `published-20-days`.
fn beijing_with_20_days() -> serde_json::Value {
    let mut doc = serde_json::to_value(sscard_rules::PolicyDocument::embedded(
        sscard_rules::City::Beijing,
    ))
    .unwrap();
    doc["revision"] = json!("published-20-days");
    doc["application_natural_days"]
        .as_array_mut()
        .unwrap()
        .push(json!({
            "from": "2026-01-05", "value": 20,
            "cite": { "source": "DECISIONS.md", "locator": "D37" }
        }));
    doc
}

/// The calendar data with 2027 published (made up: 2027-01-04 off), as an operator would
/// publish the State Council's schedule after the build.
fn calendar_with_2027() -> String {
    let mut data: serde_json::Value =
        serde_json::from_str(sscard_rules::EMBEDDED_CALENDAR_JSON).unwrap();
    data["years"]["2027"] = json!({
        "published": true, "notice": "国务院办公厅关于2027年部分节假日安排的通知（test）",
        "holidays": [{"date": "2027-01-01", "name": "元旦"}, {"date": "2027-01-04", "name": "元旦"}],
        "makeup_workdays": []
    });
    data.to_string()
}

/// A policy directory holding `files` (name, JSON text).
fn policy_dir(files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// Every city's whole policy is served as one document, and every API answer names the
/// revisions the server decides with, so an app built with other data knows to fetch it.
#[tokio::test]
async fn each_citys_document_is_served_and_every_answer_names_the_revisions() {
    let s = Server::start(true);
    let mut c = s.client();
    for city in sscard_rules::City::ALL {
        let r = c
            .get(&format!("/api/v1/policy/{}/document", city.id()))
            .await;
        assert_eq!(r.status, 200, "{city}");
        assert_eq!(
            r.json(),
            serde_json::to_value(sscard_rules::PolicyDocument::embedded(*city)).unwrap(),
            "{city}"
        );
    }
    let revisions = sscard_rules::revisions();
    for path in [
        "/api/v1/health",
        "/api/v1/applications",
        "/api/v1/nothing-here",
    ] {
        let r = c.get(path).await;
        assert_eq!(
            r.header("sscard-policy"),
            revisions,
            "{path} ({})",
            r.status
        );
    }
    let r = c.get("/api/v1/policy/gotham/document").await;
    assert_eq!(r.status, 404);
}

/// A newer document published in `--policy-dir` is what the server decides with, serves and
/// announces: an application's production deadline follows the new limit.
#[tokio::test]
async fn a_document_in_the_policy_dir_is_decided_with_served_and_announced() {
    let dir = policy_dir(&[
        ("beijing.json", beijing_with_20_days().to_string()),
        ("calendar.json", calendar_with_2027()),
    ]);
    let s = Server::start_with(true, &["--policy-dir", dir.path().to_str().unwrap()]);
    let mut c = s.client();
    let today = c.today().await;
    assert!(today >= chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());

    let served = c.get("/api/v1/policy/beijing/document").await;
    assert_eq!(served.json()["revision"], "published-20-days");
    assert!(
        served
            .header("sscard-policy")
            .contains("beijing=published-20-days"),
        "{}",
        served.header("sscard-policy")
    );
    // The calendar too: served as published, announced by its revision.
    let calendar = c.get("/api/v1/policy/calendar").await;
    assert_eq!(calendar.text(), calendar_with_2027());
    assert!(
        served.header("sscard-policy").ends_with(&format!(
            "calendar={}",
            sscard_rules::revision_of(calendar_with_2027().as_bytes())
        )),
        "{}",
        served.header("sscard-policy")
    );
    // The other cities keep the data they were built with.
    let shanghai = c.get("/api/v1/policy/shanghai/document").await.json();
    assert_eq!(
        shanghai["revision"],
        sscard_rules::PolicyDocument::embedded(sscard_rules::City::Shanghai)
            .revision
            .as_ref()
    );

    c.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let r = c
        .apply(
            "newer-rules",
            json!({"eligibility": {"insured_in_city": true}, "city": "beijing", "bank": "boc",
                "pickup": "mail", "postal_address": {"recipient": "孙悦", "mobile": "13800000006",
                "address": "北京市海淀区示例路2号", "postal_code": "100080"}}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(
        r.json()["expected"]["production_deadline"],
        (today + chrono::Days::new(20)).to_string(),
        "20 natural days from the published document, not the built-in 30"
    );
}

/// A document that fails its check, or a file that names no city, stops the start with the
/// file and the reason: rules half-applied would be worse than the old ones.
#[tokio::test]
async fn a_broken_or_misnamed_policy_document_stops_the_start() {
    let mut out_of_order = beijing_with_20_days();
    out_of_order["application_natural_days"]
        .as_array_mut()
        .unwrap()
        .push(json!({"from": "2025-01-01", "value": 25,
            "cite": {"source": "DECISIONS.md", "locator": "D37"}}));
    let mut same_revision = beijing_with_20_days();
    same_revision["revision"] = serde_json::to_value(
        sscard_rules::PolicyDocument::embedded(sscard_rules::City::Beijing).revision,
    )
    .unwrap();
    let cases = [
        (
            "beijing.json",
            same_revision.to_string(),
            "give the document a new revision",
        ),
        (
            "beijing.json",
            out_of_order.to_string(),
            "application_natural_days: the version from 2025-01-01 is not after the one before",
        ),
        (
            "beijng.json",
            beijing_with_20_days().to_string(),
            "not a city's policy document",
        ),
        (
            "shanghai.json",
            beijing_with_20_days().to_string(),
            "the document is beijing's, not shanghai's",
        ),
        (
            "beijing.json",
            "{\"city\": \"beijing\"".to_owned(),
            "EOF while parsing",
        ),
        (
            "calendar.json",
            calendar_with_2027().replace("2027-01-04", "2026-01-05"),
            "2026-01-05 is listed under 2027",
        ),
    ];
    for (name, text, want) in cases {
        let dir = policy_dir(&[(name, text)]);
        // A whole app to serve, so the document is the only reason not to start.
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir(tmp.path().join("dist")).unwrap();
        crate::common::write_fake_dist(&tmp.path().join("dist"));
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_sscard-server"))
            .args(["--demo", "--addr", "127.0.0.1:0", "--policy-dir"])
            .arg(dir.path())
            .arg("--dist")
            .arg(tmp.path().join("dist"))
            .arg("--data-dir")
            .arg(tmp.path().join("data"))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{name}: started");
        assert!(err.contains(want) && err.contains(name), "{name}: {err}");
    }
}
