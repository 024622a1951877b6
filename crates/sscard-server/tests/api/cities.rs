//! Each city's online application (DECISIONS D36), submitted and tracked through the API:
//! a Shanghai parent for a pupil (no bank named, post with a backup community centre) and an
//! Urumqi remote resident replacing a card (4 banks, EMS paid on delivery, signed for by the
//! holder); and what each city's terms refuse.

use crate::common::{Server, event_kinds, field_codes, id_number, people::*};
use serde_json::json;

/// A Shanghai parent's application for a pupil (003 换发方式(三) L23, 便民措施(四) L33).
fn shanghai_pupil() -> serde_json::Value {
    json!({
        "city": "shanghai",
        "pickup": "mail",
        "postal_address": {"recipient": ZHAO.0, "mobile": ZHAO.2,
            "address": "上海市徐汇区示例路3号", "postal_code": "200030"},
        "backup_centre": "徐家汇街道社区事务受理服务中心",
        "minor": {"name": "赵小川", "id_number": id_number("11010820200101102"),
            "guardianship_proof": "household_register"},
        "eligibility": {"local_hukou": true, "group": "pupil", "card_held": "older",
            "proof_of_guardianship": true},
    })
}

/// An Urumqi remote resident's replacement of an older card (004 Q L23–L26).
fn urumqi_remote() -> serde_json::Value {
    json!({
        "city": "urumqi",
        "bank": "icbc",
        "pickup": "mail",
        "postal_address": {"recipient": SUN.0, "mobile": SUN.2,
            "address": "广东省广州市天河区示例路5号", "postal_code": "510000"},
        "eligibility": {"insured_in_city": true, "lives_elsewhere": true, "card_held": "older"},
    })
}

/// Advances the demo clock until the simulated card centre has made and posted the card.
async fn track_until_collected(c: &mut crate::common::Http, id: &str) -> serde_json::Value {
    let r = c
        .post("/api/v1/demo/clock/advance", json!({"days": 40}))
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let app = c.get(&format!("/api/v1/applications/{id}")).await.json();
    assert_eq!(
        event_kinds(&app),
        [
            "submitted",
            "accepted",
            "in_production",
            "made",
            "sent_by_post",
            "collected"
        ],
        "{app}"
    );
    app
}

#[tokio::test]
async fn a_shanghai_parent_applies_online_for_a_pupil_and_tracks_it() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(ZHAO).await;
    let r = c.apply("sh-1", shanghai_pupil()).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let app = r.json();
    assert_eq!(app["city"], "shanghai");
    assert_eq!(app["actor"], "guardian");
    assert_eq!(app["cardholder"]["name"], "赵小川");
    // The sources name none of the 11 service banks, nor a production time: neither is made up.
    assert!(app.get("bank").is_none(), "{app}");
    assert!(
        app["expected"].get("production_deadline").is_none(),
        "{app}"
    );
    assert_eq!(app["backup_centre"], "徐家汇街道社区事务受理服务中心");
    let id = app["id"].as_str().unwrap().to_owned();

    track_until_collected(&mut c, &id).await;
    let cards = c.get("/api/v1/cards").await.json();
    let card = cards
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["city"] == "shanghai")
        .unwrap_or_else(|| panic!("the pupil's card: {cards}"));
    assert_eq!(card["city"], "shanghai");
    assert!(card.get("bank").is_none(), "{card}");
    // The details page of a holder whose card names no bank: no bank to send them to for the
    // reserved phone, and no error (it answered 500 while the bank was read as required).
    let pupil = card["holder"]["id"].as_str().unwrap();
    let r = c.get(&format!("/api/v1/me/details?person={pupil}")).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["reserved_phone"]["banks"], serde_json::json!([]));
}

#[tokio::test]
async fn an_urumqi_remote_resident_replaces_a_card_by_ems_and_tracks_it() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    // A backup centre Urumqi does not ask for is not stored (nor any text in its place).
    let mut body = urumqi_remote();
    body["backup_centre"] = json!("长".repeat(5000));
    let r = c.apply("ur-1", body).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let app = r.json();
    assert_eq!(
        (app["city"].as_str(), app["bank"].as_str()),
        (Some("urumqi"), Some("icbc"))
    );
    assert_eq!(app["pickup"], "mail");
    assert!(
        app["expected"].get("production_deadline").is_none(),
        "{app}"
    );
    let id = app["id"].as_str().unwrap().to_owned();
    track_until_collected(&mut c, &id).await;
    let card = &c.get("/api/v1/cards").await.json()[0];
    assert_eq!(
        (card["city"].as_str(), card["bank"].as_str()),
        (Some("urumqi"), Some("icbc"))
    );
}

#[tokio::test]
async fn each_citys_terms_refuse_what_they_do_not_offer() {
    let s = Server::start(true);
    let mut zhao = s.client();
    zhao.sign_in(ZHAO).await;
    let mut sun = s.client();
    sun.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let before = zhao.get("/api/v1/applications").await.json();
    // (who, body change, the field problem expected, the source)
    type Change = fn(&mut serde_json::Value);
    let cases: [(bool, Change, (&str, &str), &str); 8] = [
        (
            true,
            |b| b["bank"] = json!("icbc"),
            ("bank", "bank.not_named"),
            "003 L19, D36",
        ),
        (
            true,
            |b| {
                b["pickup"] = json!("branch");
                b["branch_id"] = json!("bj-icbc-dongcheng");
            },
            ("pickup", "pickup.not_offered"),
            "003 L33",
        ),
        (
            true,
            |b| {
                b.as_object_mut().unwrap().remove("backup_centre");
            },
            ("backup_centre", "backup_centre.empty"),
            "003 L33",
        ),
        (
            true,
            |b| b["backup_centre"] = json!("长".repeat(41)),
            ("backup_centre", "backup_centre.too_long"),
            "D36",
        ),
        (
            false,
            |b| b["postal_address"]["recipient"] = json!("王建国"),
            (
                "postal_address.recipient",
                "postal_address.recipient_not_holder",
            ),
            "004 Q L24",
        ),
        (
            false,
            |b| b["bank"] = json!("cmb"),
            ("bank", "bank.not_in_city"),
            "004 Q L26",
        ),
        (
            false,
            |b| {
                b.as_object_mut().unwrap().remove("bank");
            },
            ("bank", "bank.missing"),
            "004 Q L26",
        ),
        (
            false,
            |b| {
                b["pickup"] = json!("branch");
                b["branch_id"] = json!("bj-icbc-dongcheng");
            },
            ("pickup", "pickup.not_offered"),
            "004 Q L24",
        ),
    ];
    for (n, (shanghai, change, want, source)) in cases.into_iter().enumerate() {
        let (client, mut body) = if shanghai {
            (&mut zhao, shanghai_pupil())
        } else {
            (&mut sun, urumqi_remote())
        };
        change(&mut body);
        let r = client.apply(&format!("bad-{n}"), body).await;
        assert_eq!(r.status, 400, "case {n} ({source}): {}", r.text());
        let codes = field_codes(&r);
        assert!(
            codes.contains(&(want.0.into(), want.1.into())),
            "case {n} ({source}): {codes:?}"
        );
    }
    // Nothing was stored by the refused requests.
    assert_eq!(zhao.get("/api/v1/applications").await.json(), before);
    assert_eq!(sun.get("/api/v1/applications").await.json(), json!([]));
}

#[tokio::test]
async fn people_the_city_serves_elsewhere_are_sent_to_their_channel() {
    let s = Server::start(true);
    let mut sun = s.client();
    sun.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    // (city, declaration, the reason, the channel to go to, the source)
    let cases = [
        (
            "shanghai",
            json!({"insured_in_city": true, "group": "employed", "card_held": "older"}),
            "channel_for_group",
            "employer_batch",
            "003 换发方式(二) L21",
        ),
        (
            "shanghai",
            json!({"insured_in_city": true, "group": "retired", "card_held": "older"}),
            "channel_for_group",
            "bank_branch",
            "003 换发方式(一) L19",
        ),
        (
            "shanghai",
            json!({"insured_in_city": true, "group": "other"}),
            "channel_for_group",
            "community_centre",
            "003 换发方式 L17: a first card",
        ),
        // A pupil's card changed online by someone who is not a guardian: not here.
        (
            "shanghai",
            json!({"insured_in_city": true, "group": "pupil", "card_held": "older"}),
            "channel_for_group",
            "community_centre",
            "003 换发方式(三) L23: by a parent",
        ),
        (
            "urumqi",
            json!({"insured_in_city": true, "card_held": "older"}),
            "online_for_remote_residents_only",
            "bank_branch",
            "004 ¶ L5",
        ),
        (
            "urumqi",
            json!({"insured_in_city": true, "lives_elsewhere": true}),
            "remote_module_replaces_cards",
            "bank_branch",
            "004 Q L23, D36",
        ),
    ];
    for (n, (city, eligibility, reason, channel, source)) in cases.into_iter().enumerate() {
        let mut body = if city == "shanghai" {
            let mut b = shanghai_pupil();
            b.as_object_mut().unwrap().remove("minor");
            b["postal_address"]["recipient"] = json!(SUN.0);
            b
        } else {
            urumqi_remote()
        };
        body["eligibility"] = eligibility;
        let r = sun.apply(&format!("elsewhere-{n}"), body).await;
        assert_eq!(r.status, 422, "case {n} ({source}): {}", r.text());
        assert_eq!(
            r.problem_code(),
            "eligibility.other_channel",
            "case {n} ({source})"
        );
        let problem = r.json();
        let reasons: Vec<&str> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["code"].as_str().unwrap())
            .collect();
        assert_eq!(reasons, [reason], "case {n} ({source})");
        let go: Vec<&str> = problem["where_to_go"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["channel"].as_str().unwrap())
            .collect();
        assert_eq!(go, [channel], "case {n} ({source})");
    }
    assert_eq!(sun.get("/api/v1/applications").await.json(), json!([]));
}

#[tokio::test]
async fn the_sqlite_rebuild_of_0012_keeps_every_row_and_history() {
    let mut s = Server::start(true);
    if s.on_postgres() {
        // PostgreSQL drops NOT NULL in place; there is nothing to rebuild.
        return;
    }
    let count = |s: &Server, table: &str| -> i64 {
        s.one(
            &format!("SELECT COUNT(*) FROM {table}"),
            sscard_server::params![],
        )
    };
    let before: Vec<i64> = ["applications", "application_events", "cards"]
        .iter()
        .map(|t| count(&s, t))
        .collect();
    assert!(
        before.iter().all(|&n| n > 0),
        "the demo has rows everywhere: {before:?}"
    );
    s.stop();
    // The database as before 0012: forget it ran, so the next start rebuilds the tables again.
    // Dropping `applications` with foreign keys on would delete every event with it.
    let db = rusqlite::Connection::open(s.root.join("data/sscard.sqlite3")).unwrap();
    db.execute(
        "DELETE FROM schema_migrations WHERE name = '0012_city_terms'",
        [],
    )
    .unwrap();
    // A row a hand edit left pointing at nothing (foreign keys are off in the sqlite3 tool):
    // no reason for the server not to start.
    db.pragma_update(None, "foreign_keys", "OFF").unwrap();
    db.execute(
        "INSERT INTO application_events (application_id, kind, on_date, recorded_at)
         VALUES (999999, 'submitted', '2026-01-01', '2026-01-01T00:00:00Z')",
        [],
    )
    .unwrap();
    drop(db);
    let s = s.restart();
    let before = vec![before[0], before[1] + 1, before[2]];
    let after: Vec<i64> = ["applications", "application_events", "cards"]
        .iter()
        .map(|t| count(&s, t))
        .collect();
    assert_eq!(after, before);
    let fks: i64 = s.one(
        "SELECT COUNT(*) FROM pragma_foreign_key_check",
        sscard_server::params![],
    );
    assert_eq!(fks, 1, "only the row that was broken before");
    let on: i64 = s.one(
        "SELECT foreign_keys FROM pragma_foreign_keys",
        sscard_server::params![],
    );
    assert_eq!(on, 1, "foreign keys are on again");
}
