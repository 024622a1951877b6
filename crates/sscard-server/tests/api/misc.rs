//! Policy, drafts, the demo clock with simulated production, and the OpenAPI document.

use crate::common::{NEWCOMER, Server, event_kinds, people::*};
use serde_json::json;
use sscard_server::params;

#[tokio::test]
async fn policy_cities_banks_branches_calendar() {
    let s = Server::start(false);
    let mut c = s.client();
    let cities = c.get("/api/v1/policy/cities").await.json();
    // Names come from the rules crate (`City::name_zh`, `City::name_en`).
    assert!(
        cities
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["city"] == "beijing" && c["name_zh"] == "北京" && c["name_en"] == "Beijing")
    );
    assert_eq!(
        cities.as_array().unwrap().len(),
        sscard_rules::City::ALL.len()
    );
    let p = c.get("/api/v1/policy/beijing").await;
    assert_eq!(p.status, 200);
    assert!(p.json()["banks"]["value"].as_array().unwrap().len() > 5);
    let r = c.get("/api/v1/policy/atlantis").await;
    assert_eq!(r.status, 404);
    assert_eq!(r.problem_code(), "not_found");
    let b = c
        .get("/api/v1/policy/beijing/branches?bank=icbc")
        .await
        .json();
    let b = b.as_array().unwrap();
    assert!(!b.is_empty());
    assert!(
        b.iter()
            .all(|x| x["bank"] == "icbc" && x["sample_data"] == true)
    );
    let b = c
        .get("/api/v1/policy/beijing/branches?on_the_spot=true")
        .await
        .json();
    assert!(
        b.as_array()
            .unwrap()
            .iter()
            .all(|x| x["makes_cards_on_the_spot"] == true)
    );
    let cal = c.get("/api/v1/policy/calendar").await;
    assert_eq!(cal.status, 200);
    assert!(cal.header("content-type").starts_with("application/json"));
    // Exactly the calendar the rules crate embeds and computes with.
    assert_eq!(cal.text(), sscard_rules::EMBEDDED_CALENDAR_JSON);
    cal.json();
}

#[tokio::test]
async fn drafts_save_resume_delete_per_person() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let r = c.get("/api/v1/draft").await;
    assert_eq!(r.status, 204);
    let data = json!({"step": "bank", "bank": "icbc"});
    let r = c.put("/api/v1/draft", json!({"data": data})).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let r = c.get("/api/v1/draft").await;
    assert_eq!(r.json()["data"], data);
    assert!(r.json()["updated_at"].is_string());
    let r = c.put("/api/v1/draft", json!({"data": [1, 2]})).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["errors"][0]["code"], "draft.not_object");
    let big = "x".repeat(17 * 1024);
    let r = c.put("/api/v1/draft", json!({"data": {"big": big}})).await;
    assert_eq!(r.json()["errors"][0]["code"], "draft.too_large");
    // Another person has their own (no) draft.
    let mut other = s.client();
    other.sign_in(WANG).await;
    // None saved is an ordinary answer, not an error the browser logs (issue #12).
    let none = other.get("/api/v1/draft").await;
    assert_eq!(none.status, 204);
    assert!(none.body.is_empty());
    let r = c.delete("/api/v1/draft").await;
    assert_eq!(r.status, 204);
    assert_eq!(c.get("/api/v1/draft").await.status, 204);
}

#[tokio::test]
async fn demo_clock_drives_simulated_production_and_loss_lifting() {
    let s = Server::start(true);
    let mut liu = s.client();
    liu.sign_in_code(LIU.0, LIU.1, LIU.2).await;
    let apps = liu.get("/api/v1/applications").await.json();
    assert_eq!(apps[0]["status"], "in_production");
    let today = liu.today().await;
    let r = liu
        .post("/api/v1/demo/clock/advance", json!({"days": 40}))
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["offset_days"], 40);
    assert_eq!(liu.today().await, today + chrono::Duration::days(40));
    let app = &liu.get("/api/v1/applications").await.json()[0];
    assert_eq!(app["status"], "enabled", "{app}");
    assert_eq!(
        event_kinds(app),
        [
            "submitted",
            "accepted",
            "in_production",
            "made",
            "at_branch",
            "collected",
            "enabled"
        ]
    );
    let made = app["events"][3]["on"].as_str().unwrap();
    assert_eq!(
        made,
        app["expected"]["production_deadline"].as_str().unwrap()
    );
    // Branch pickup: the branch enabled and activated the card (Q15).
    let card = &liu.get("/api/v1/cards").await.json()[0];
    assert_eq!(card["social_function"], "enabled");
    assert_eq!(card["financial_function"], "active");
    // 陈卫东's temporary loss has lifted itself.
    let mut chen = s.client();
    chen.sign_in(CHEN).await;
    assert_eq!(
        chen.get("/api/v1/cards").await.json()[0]["social_function"],
        "enabled"
    );
    // The offset survives a restart.
    let s = s.restart();
    let mut c = s.client();
    assert_eq!(c.today().await, today + chrono::Duration::days(40));
    let r = c
        .post("/api/v1/demo/clock/advance", json!({"days": 0}))
        .await;
    assert_eq!(r.json()["errors"][0]["code"], "days.range");
}

#[tokio::test]
async fn demo_endpoints_do_not_exist_without_demo_mode() {
    let s = Server::start(false);
    let mut c = s.client();
    for p in ["/api/v1/demo/people", "/api/v1/demo/clock"] {
        assert_eq!(c.get(p).await.status, 404, "{p}");
    }
    let r = c
        .post("/api/v1/demo/clock/advance", json!({"days": 5}))
        .await;
    assert_eq!(r.status, 404);
    // And no demo person exists.
    let r = c
        .post(
            "/api/v1/auth/sign-in",
            json!({"id_number": WANG.1, "password": WANG.3}),
        )
        .await;
    assert_eq!(r.status, 401);
}

#[tokio::test]
async fn demo_people_are_listed_with_valid_ids() {
    let s = Server::start(true);
    let people = s.client().get("/api/v1/demo/people").await.json();
    let people = people.as_array().unwrap();
    assert!(people.len() >= 5);
    for p in people {
        let id = p["id_number"].as_str().unwrap();
        assert!(
            sscard_rules::parse_id_number(id, chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
                .is_ok(),
            "{id}"
        );
    }
}

#[tokio::test]
async fn served_openapi_equals_the_committed_document() {
    let s = Server::start(false);
    let r = s.client().get("/api/v1/openapi.json").await;
    assert_eq!(r.status, 200);
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/openapi.json"
    ))
    .expect("docs/openapi.json (regenerate: SSCARD_BLESS=1 cargo test -p sscard-server openapi)");
    assert_eq!(
        r.text(),
        committed,
        "docs/openapi.json is stale: SSCARD_BLESS=1 cargo test -p sscard-server openapi"
    );
    let doc = r.json();
    assert_eq!(doc["openapi"], "3.1.0");
}

#[tokio::test]
async fn a_nul_character_is_refused_alike_on_every_backend() {
    // PostgreSQL cannot hold NUL in text, SQLite can: both answer 400, never a 500.
    let s = Server::start(true);
    let mut c = s.client();
    let r = c
        .post(
            "/api/v1/auth/code/verify",
            json!({"challenge_id": "otp_\u{0}", "code": "123456"}),
        )
        .await;
    assert_eq!(r.status, 400, "{}", r.text());
    assert_eq!(r.problem_code(), "text.nul");
    c.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let r = c.get("/api/v1/applications/app_%00").await;
    assert_eq!(r.status, 400, "{}", r.text());
    assert_eq!(r.problem_code(), "text.nul");
}

#[tokio::test]
async fn errors_never_leak_internals() {
    let s = Server::start(true);
    let mut c = s.client();
    let r = c
        .send(
            hyper::Method::POST,
            "/api/v1/auth/sign-in",
            None,
            &[("content-type", "application/json")],
        )
        .await;
    assert_eq!(r.status, 400);
    let t = r.text();
    for bad in [
        "sqlite", "postgres", "SELECT", "panicked", "src/", "rusqlite",
    ] {
        assert!(!t.contains(bad), "{t}");
    }
}

#[tokio::test]
async fn migrations_run_by_name_so_another_order_still_upgrades() {
    // A database where a branch's later migration (0010, references) ran before two others
    // (0008 details, 0009 replacements) that land afterwards: counting migrations would skip
    // those two and the server would fail on the missing columns. (SQLite's migration history.)
    let mut s = Server::start_on_sqlite(true, &[]);
    s.stop();
    {
        let db = rusqlite::Connection::open(s.root.join("data/sscard.sqlite3")).unwrap();
        db.execute_batch(
            "DELETE FROM schema_migrations WHERE name IN ('0008_person_details', '0009_replacements');
             ALTER TABLE persons DROP COLUMN address;
             ALTER TABLE persons DROP COLUMN occupation;
             ALTER TABLE persons DROP COLUMN details_updated_at;
             DROP INDEX applications_replaces;
             ALTER TABLE applications DROP COLUMN replaces_card_id;
             ALTER TABLE applications DROP COLUMN replacement_reason;
             ALTER TABLE cards DROP COLUMN replaced_by;",
        )
        .unwrap();
    }
    let s = s.restart();
    let recorded: i64 = s.one("SELECT COUNT(*) FROM schema_migrations", params![]);
    assert_eq!(
        recorded, 11,
        "every migration (0001–0006, 0008–0012) recorded once"
    );
    // The columns they add are back, and the services that use them work.
    let mut c = s.client();
    c.sign_in(ZHOU).await;
    let cards = c.get("/api/v1/cards").await.json();
    assert_eq!(cards.as_array().unwrap().len(), 1);
    let r = c.get("/api/v1/me/details").await;
    assert_eq!(r.status, 200, "{}", r.text());
}

#[tokio::test]
async fn one_unreadable_row_stops_nobody_else() {
    // A row this build cannot read (a city it does not know, written by hand or by a newer
    // version) is left alone and logged; production, start-up and sign-in go on for others.
    let s = Server::start(true);
    let mut sun = s.client();
    sun.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let body = json!({"eligibility": {"insured_in_city": true}, "city": "beijing", "bank": "icbc",
        "pickup": "branch", "branch_id": "bj-icbc-dongcheng"});
    assert_eq!(sun.apply("k", body.clone()).await.status, 201);
    s.exec(
        "UPDATE applications SET city = 'atlantis' WHERE applicant_id =
             (SELECT id FROM persons WHERE id_number = ?1)",
        [SUN.1],
    );
    let mut other = s.client();
    other.sign_in_code(NEWCOMER.0, NEWCOMER.1, NEWCOMER.2).await;
    let app = other.apply("k", body).await.json();
    let r = other
        .post("/api/v1/demo/clock/advance", json!({"days": 30}))
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let id = app["id"].as_str().unwrap();
    let later = other
        .get(&format!("/api/v1/applications/{id}"))
        .await
        .json();
    assert_ne!(
        later["status"], "submitted",
        "production went on for the others"
    );
    // A restart runs production at start: it starts.
    let s = s.restart();
    assert_eq!(s.client().get("/api/v1/health/ready").await.status, 200);

    // A session row of a kind this build does not know opens nothing (401, not 500).
    let mut wang = s.client();
    wang.sign_in(WANG).await;
    s.exec("UPDATE sessions SET kind = 'robot'", params![]);
    assert_eq!(wang.get("/api/v1/cards").await.status, 401);
}
