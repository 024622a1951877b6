//! Applications: creation, idempotency, validation codes, guardians, other
//! people's applications, concurrency and restart.

use crate::common::{Server, field_codes, id_number, people::*};
use serde_json::json;
use sscard_server::params;

/// The eligibility declaration of an insured person (E1, 002 Q4 L29).
fn insured() -> serde_json::Value {
    json!({"insured_in_city": true})
}

fn branch_body() -> serde_json::Value {
    json!({"eligibility": insured(), "city": "beijing", "bank": "icbc", "pickup": "branch", "branch_id": "bj-icbc-dongcheng"})
}

fn mail_body() -> serde_json::Value {
    json!({"eligibility": insured(), "city": "beijing", "bank": "boc", "pickup": "mail", "postal_address": {
        "recipient": "孙悦", "mobile": "13800000006", "address": "北京市海淀区示例路2号", "postal_code": "100080"}})
}

#[tokio::test]
async fn create_read_list_with_rules_deadline() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let today = c.today().await;
    let r = c.apply("key-1", mail_body()).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let app = r.json();
    let id = app["id"].as_str().unwrap().to_owned();
    assert_eq!(r.header("location"), format!("/api/v1/applications/{id}"));
    assert_eq!(app["status"], "submitted");
    assert_eq!(app["actor"], "self");
    assert_eq!(app["events"][0]["kind"], "submitted");
    assert_eq!(app["submitted_on"], today.to_string());
    // The deadline is the rules crate's, not the server's own arithmetic.
    let preview = sscard_rules::preview_timeline(
        &sscard_rules::TimelineRequest {
            city: sscard_rules::City::Beijing,
            business: sscard_rules::Business::FirstApplication,
            channel: sscard_rules::Channel::BeijingHrssApp,
            pickup: sscard_rules::PickupMethod::Mail,
            date: today,
            card_held: sscard_rules::CardHeld::None,
            last_bank_change: None,
        },
        sscard_rules::Calendar::embedded(),
    )
    .unwrap();
    assert_eq!(
        app["expected"]["production_deadline"],
        preview.result.production.made_by().unwrap().to_string()
    );
    assert_eq!(app["expected"]["plus_postal_transit"], true);

    let r = c.get(&format!("/api/v1/applications/{id}")).await;
    assert_eq!(r.json(), app);
    let r = c.get("/api/v1/applications").await;
    assert_eq!(r.json().as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_retried_submission_is_one_application() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let first = c.apply("retry-key", branch_body()).await;
    assert_eq!(first.status, 201);
    let again = c.apply("retry-key", branch_body()).await;
    assert_eq!(again.status, 200);
    assert_eq!(again.json()["id"], first.json()["id"]);
    let r = c.apply("retry-key", mail_body()).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.problem_code(), "idempotency_key.reused");
    assert_eq!(
        c.get("/api/v1/applications")
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // A new key for the same person: the open application blocks a second one.
    let r = c.apply("other-key", branch_body()).await;
    assert_eq!(r.status, 409);
    assert_eq!(r.problem_code(), "application.exists");
}

#[tokio::test]
async fn concurrent_retries_create_exactly_one_application() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let mut tasks = Vec::new();
    for _ in 0..12 {
        let mut c = c.clone();
        tasks.push(tokio::spawn(async move {
            c.apply("same-key", branch_body()).await
        }));
    }
    let mut ids = std::collections::HashSet::new();
    let mut created = 0;
    for t in tasks {
        let r = t.await.unwrap();
        assert!(r.status == 201 || r.status == 200, "{}", r.text());
        created += usize::from(r.status == 201);
        ids.insert(r.json()["id"].as_str().unwrap().to_owned());
    }
    assert_eq!(created, 1);
    assert_eq!(ids.len(), 1);
    assert_eq!(
        c.get("/api/v1/applications")
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn concurrent_submissions_of_different_people_are_all_stored() {
    let s = Server::start(true);
    let mut tasks = Vec::new();
    for i in 0..8 {
        let mut c = s.client();
        let base = s.base.clone();
        tasks.push(tokio::spawn(async move {
            let _ = base;
            let id = id_number(&format!("11010119900101{:03}", 100 + i));
            c.sign_in_code("测试人", &id, &format!("139000001{i:02}")).await;
            c.apply("k", json!({"eligibility": insured(), "city": "beijing", "bank": "icbc", "pickup": "branch", "branch_id": "bj-icbc-dongcheng"}))
                .await
                .status
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), 201);
    }
}

#[tokio::test]
async fn idempotency_key_is_required_and_bounded() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let r = c.post("/api/v1/applications", branch_body()).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.problem_code(), "idempotency_key.missing");
    let long = "x".repeat(129);
    let r = c.apply(&long, branch_body()).await;
    assert_eq!(r.problem_code(), "idempotency_key.invalid");
}

#[tokio::test]
async fn bad_inputs_have_specific_field_codes() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let cases = [
        (
            json!({"eligibility": insured(), "city": "mars", "bank": "icbc", "pickup": "mail"}),
            "city",
            "city.unknown",
        ),
        (
            json!({"eligibility": insured(), "city": "beijing", "bank": "bank_of_urumqi", "pickup": "branch", "branch_id": "bj-icbc-dongcheng"}),
            "bank",
            "bank.not_in_city",
        ),
        (
            json!({"eligibility": insured(), "city": "beijing", "bank": "icbc", "pickup": "on_the_spot"}),
            "pickup",
            "pickup.not_online",
        ),
        (
            json!({"eligibility": insured(), "city": "beijing", "bank": "icbc", "pickup": "drone"}),
            "pickup",
            "pickup.unknown",
        ),
        (
            json!({"eligibility": insured(), "city": "beijing", "bank": "icbc", "pickup": "branch"}),
            "branch_id",
            "branch_id.missing",
        ),
        (
            json!({"eligibility": insured(), "city": "beijing", "bank": "icbc", "pickup": "branch", "branch_id": "nowhere"}),
            "branch_id",
            "branch_id.unknown",
        ),
        (
            json!({"eligibility": insured(), "city": "beijing", "bank": "icbc", "pickup": "branch", "branch_id": "bj-abc-chaoyang"}),
            "branch_id",
            "branch_id.wrong_bank",
        ),
        (
            json!({"eligibility": insured(), "city": "beijing", "bank": "icbc", "pickup": "mail"}),
            "postal_address",
            "postal_address.missing",
        ),
        (
            json!({"eligibility": insured(), "city": "beijing", "bank": "icbc", "pickup": "mail", "postal_address": {"recipient": "孙悦", "mobile": "13800000006", "address": "示例路", "postal_code": "1000"}}),
            "postal_address.postal_code",
            "postal_code.format",
        ),
        (
            json!({"eligibility": insured(), "city": "beijing", "bank": "icbc", "pickup": "mail", "postal_address": {"recipient": "孙悦", "mobile": "2", "address": "", "postal_code": "100080"}}),
            "postal_address.mobile",
            "mobile.format",
        ),
        (
            json!({"eligibility": insured(), "city": "beijing", "bank": "icbc", "pickup": "mail", "postal_address": {"recipient": "孙悦", "mobile": "13800000006", "address": " ", "postal_code": "100080"}}),
            "postal_address.address",
            "address.empty",
        ),
    ];
    for (i, (body, field, code)) in cases.into_iter().enumerate() {
        let r = c.apply(&format!("bad-{i}"), body).await;
        assert_eq!(r.status, 400, "case {i}: {}", r.text());
        let codes = field_codes(&r);
        assert!(
            codes.contains(&(field.into(), code.into())),
            "case {i}: {codes:?}"
        );
    }
    assert!(
        c.get("/api/v1/applications")
            .await
            .json()
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_card_holder_cannot_apply_again() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(WANG).await;
    let r = c.apply("k", branch_body()).await;
    assert_eq!(r.status, 409);
    assert_eq!(r.problem_code(), "card.exists");
}

#[tokio::test]
async fn guardian_applies_for_a_minor() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(ZHAO).await;
    let child = id_number("11010820200101102");
    let mut body = branch_body();
    body["minor"] =
        json!({"name": "赵小川", "id_number": child, "guardianship_proof": "birth_certificate"});
    body["eligibility"]["proof_of_guardianship"] = json!(true);
    let r = c.apply("minor-1", body).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let app = r.json();
    assert_eq!(app["actor"], "guardian");
    assert_eq!(app["guardianship_proof"], "birth_certificate");
    assert_eq!(app["cardholder"]["name"], "赵小川");
    assert_eq!(app["submitted_by"]["name"], ZHAO.0);
    let id = app["id"].as_str().unwrap();
    assert_eq!(
        c.get(&format!("/api/v1/applications/{id}")).await.status,
        200
    );

    // An adult is not a minor (rules crate: child.not_minor).
    let mut body = branch_body();
    body["minor"] =
        json!({"name": "王建国", "id_number": WANG.1, "guardianship_proof": "household_register"});
    let r = c.apply("minor-2", body).await;
    let codes = field_codes(&r);
    assert!(
        codes.contains(&("minor.id_number".into(), "child.not_minor".into())),
        "{codes:?}"
    );

    let mut body = branch_body();
    body["minor"] = json!({"name": "赵小川", "id_number": "110108202001011020", "guardianship_proof": "adoption"});
    let r = c.apply("minor-3", body).await;
    assert_eq!(r.problem_code(), "body.invalid");
}

#[tokio::test]
async fn nobody_sees_another_persons_application() {
    let s = Server::start(true);
    let mut sun = s.client();
    sun.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let id = sun.apply("k", branch_body()).await.json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut wang = s.client();
    wang.sign_in(WANG).await;
    let r = wang.get(&format!("/api/v1/applications/{id}")).await;
    assert_eq!(r.status, 404);
    assert_eq!(r.problem_code(), "not_found");
    let list = wang.get("/api/v1/applications").await.json();
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|a| a["id"] != id.as_str())
    );
    // The same key used by another person is that person's own key.
    let r = wang.apply("k", branch_body()).await;
    assert_eq!(r.problem_code(), "card.exists");
}

#[tokio::test]
async fn applications_survive_a_restart() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let app = c.apply("k", mail_body()).await.json();
    let cookie = c.cookie.clone();
    let s = s.restart();
    let mut c = s.client();
    c.cookie = cookie;
    // The session survives too (it is stored, hashed, in SQLite).
    let r = c
        .get(&format!(
            "/api/v1/applications/{}",
            app["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json(), app);
    let again = c.apply("k", mail_body()).await;
    assert_eq!(again.status, 200);
    assert_eq!(again.json()["id"], app["id"]);
}

/// The eligibility problem's reason codes (`errors[].code` with `field` = `eligibility`).
fn reason_codes(r: &crate::common::Res) -> Vec<String> {
    r.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert_eq!(e["field"], "eligibility", "{e}");
            e["code"].as_str().unwrap().to_owned()
        })
        .collect()
}

#[tokio::test]
async fn the_server_decides_eligibility_not_eligible() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    // No category declared: not eligible, ask at a service point (002 Q4 L43; D17).
    let mut body = branch_body();
    body["eligibility"] = json!({"card_held": "older"});
    let r = c.apply("not-eligible", body).await;
    assert_eq!(r.status, 422, "{}", r.text());
    assert_eq!(r.problem_code(), "eligibility.not_eligible");
    assert_eq!(reason_codes(&r), ["no_category"]);
    let places = r.json()["where_to_go"].as_array().unwrap().clone();
    assert!(!places.is_empty(), "{}", r.text());
    for p in &places {
        let ch = sscard_rules::Channel::from_id(p["channel"].as_str().unwrap()).unwrap();
        assert!(!ch.is_online(), "{p}");
        assert!(p["note"].as_str().unwrap().contains("服务网点"), "{p}");
    }
    // A civil-affairs pensioner below 59 years 6 months (SUN is born 1995): the date to wait for.
    let mut body = mail_body();
    body["eligibility"] = json!({"civil_affairs_pension": true, "local_hukou": true});
    let r = c.apply("too-young", body).await;
    assert_eq!(r.problem_code(), "eligibility.not_eligible");
    assert_eq!(reason_codes(&r), ["elderly_age_not_reached"]);
    assert!(
        r.json()["detail"].as_str().unwrap().contains("2054-11-05"),
        "{}",
        r.text()
    );
    // Nothing was stored.
    assert!(
        c.get("/api/v1/applications")
            .await
            .json()
            .as_array()
            .unwrap()
            .is_empty()
    );
    // A declared third-generation card: nothing to apply for.
    let mut body = branch_body();
    body["eligibility"]["card_held"] = json!("third");
    let r = c.apply("third-card", body).await;
    assert_eq!(r.status, 409);
    assert_eq!(r.problem_code(), "card.exists");
    // The declaration is required.
    let mut body = branch_body();
    body.as_object_mut().unwrap().remove("eligibility");
    let r = c.apply("no-declaration", body).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.problem_code(), "body.invalid");
}

#[tokio::test]
async fn the_server_decides_eligibility_needs_in_person_check() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    // A veterans'-affairs group: only a service point can confirm it (002 Q4 L39; D17).
    let mut body = mail_body();
    body["eligibility"] = json!({"veteran_affairs": true});
    let r = c.apply("veteran", body).await;
    assert_eq!(r.status, 422, "{}", r.text());
    assert_eq!(r.problem_code(), "eligibility.needs_in_person_check");
    assert_eq!(reason_codes(&r), ["needs_verification"]);
    assert!(
        !r.json()["where_to_go"].as_array().unwrap().is_empty(),
        "{}",
        r.text()
    );
    // Insured as well: eligible on its own merits, the application is made.
    let mut body = mail_body();
    body["eligibility"] = json!({"veteran_affairs": true, "insured_in_city": true});
    let r = c.apply("veteran-insured", body).await;
    assert_eq!(r.status, 201, "{}", r.text());
}

#[tokio::test]
async fn the_server_decides_eligibility_for_guardians_and_minors() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(ZHAO).await;
    // A guardian without proof of guardianship (002 Q38 L241).
    let mut body = branch_body();
    body["minor"] = json!({"name": "赵小川", "id_number": id_number("11010820200101102"),
        "guardianship_proof": "birth_certificate"});
    let r = c.apply("no-proof", body).await;
    assert_eq!(r.problem_code(), "eligibility.not_eligible");
    assert_eq!(reason_codes(&r), ["guardianship_proof_missing"]);
    assert!(
        r.json()["where_to_go"][0]["note"]
            .as_str()
            .unwrap()
            .contains("监护关系证明"),
        "{}",
        r.text()
    );
    // A minor applying alone: a guardian applies (002 Q38 L241; D21).
    let mut kid = s.client();
    kid.sign_in_code("钱小明", &id_number("11010120120101003"), "13900000001")
        .await;
    let r = kid.apply("alone", branch_body()).await;
    assert_eq!(r.status, 422, "{}", r.text());
    assert_eq!(r.problem_code(), "eligibility.not_eligible");
    assert_eq!(reason_codes(&r), ["minor_needs_guardian"]);
}

/// The hotline reference of an application answer (DECISIONS D34), checked to be valid and
/// grouped 3-3-4.
#[track_caller]
fn reference_of(app: &serde_json::Value) -> sscard_rules::Reference {
    let shown = app["reference"].as_str().expect("a reference");
    let r = sscard_rules::Reference::parse(shown).unwrap_or_else(|e| panic!("{shown}: {e}"));
    assert_eq!(shown, r.to_string(), "shown grouped");
    assert_eq!(
        shown.split('-').map(str::len).collect::<Vec<_>>(),
        [3, 3, 4]
    );
    r
}

#[tokio::test]
async fn references_find_the_application_in_any_typing() {
    let s = Server::start(true);
    let mut sun = s.client();
    sun.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let created = sun.apply("k", mail_body()).await;
    assert_eq!(created.status, 201, "{}", created.text());
    let app = created.json();
    let reference = reference_of(&app);
    // Stored compact, once.
    let stored: String = s.one(
        "SELECT reference FROM applications WHERE public_id = ?1",
        [app["id"].as_str().unwrap()],
    );
    assert_eq!(stored, reference.as_compact());
    let compact = reference.as_compact();
    for typed in [
        reference.to_string(),
        compact.to_owned(),
        compact.to_lowercase(),
        reference.to_string().to_lowercase(),
        format!(
            "{}%20{}%20{}",
            &compact[..3],
            &compact[3..6].to_lowercase(),
            &compact[6..]
        ),
    ] {
        let r = sun.get(&format!("/api/v1/applications/{typed}")).await;
        assert_eq!(r.status, 200, "{typed}: {}", r.text());
        assert_eq!(r.json(), app, "{typed}");
    }
    // The list and the retry carry the same reference.
    let list = sun.get("/api/v1/applications").await.json();
    assert_eq!(list[0]["reference"], app["reference"]);
    assert_eq!(
        sun.apply("k", mail_body()).await.json()["reference"],
        app["reference"]
    );

    // One character changed (any symbol but the right one), or two neighbours swapped: the
    // check symbol fails and the path finds nothing.
    let symbols: Vec<char> = compact.chars().collect();
    let other = sscard_rules::REFERENCE_ALPHABET
        .chars()
        .find(|&c| c != symbols[4])
        .unwrap();
    let mut typo = symbols.clone();
    typo[4] = other;
    let typo: String = typo.into_iter().collect();
    assert_eq!(
        sscard_rules::Reference::parse(&typo).map_err(|e| e.code()),
        Err("reference.check_symbol")
    );
    let r = sun.get(&format!("/api/v1/applications/{typo}")).await;
    assert_eq!(r.status, 404);
    assert_eq!(r.problem_code(), "not_found");

    // Another person's reference is as unknown as a made-up one.
    let mut wang = s.client();
    wang.sign_in(WANG).await;
    for typed in [reference.to_string(), compact.to_lowercase()] {
        let r = wang.get(&format!("/api/v1/applications/{typed}")).await;
        assert_eq!(r.status, 404, "{typed}");
        assert_eq!(r.problem_code(), "not_found");
    }
    // Wang's own demo application has a reference too (seeded with one), and it is another.
    let his = wang.get("/api/v1/applications").await.json();
    let his = reference_of(&his[0]);
    assert_ne!(his, reference);
    let r = wang
        .get(&format!("/api/v1/applications/{}", his.as_compact()))
        .await;
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn every_application_has_its_own_reference() {
    let s = Server::start(true);
    let mut sun = s.client();
    sun.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    assert_eq!(sun.apply("k", branch_body()).await.status, 201);
    let (rows, distinct, missing): (i64, i64, i64) = s.row(
        "SELECT COUNT(*), COUNT(DISTINCT reference), COUNT(*) - COUNT(reference) FROM applications",
        params![],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    );
    assert!(rows >= 7, "the demo's six and Sun's: {rows}");
    assert_eq!((distinct, missing), (rows, 0));
}

#[tokio::test]
async fn applications_from_before_references_get_one_at_start() {
    let mut s = Server::start(true);
    let mut sun = s.client();
    sun.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let app = sun.apply("k", mail_body()).await.json();
    let id = app["id"].as_str().unwrap().to_owned();
    let cookie = sun.cookie.clone();
    s.stop();
    if s.on_postgres() {
        // Rows without a reference, as if made before the column (PostgreSQL starts there).
        s.exec("UPDATE applications SET reference = NULL", params![]);
    } else {
        // The database as the code before migration 0010 (references) left it.
        let db = rusqlite::Connection::open(s.root.join("data/sscard.sqlite3")).unwrap();
        db.execute_batch(
            "DROP INDEX applications_reference;
             ALTER TABLE applications DROP COLUMN reference;
             DROP INDEX sessions_expiry;
             DROP INDEX trusted_devices_expiry;
             DROP INDEX otp_challenges_expiry;
             DROP INDEX mobile_changes_expiry;
             DROP INDEX throttle_idle;",
        )
        .unwrap();
        // The code before left no migration table: the count says what ran.
        db.execute_batch("DROP TABLE schema_migrations;").unwrap();
        db.pragma_update(None, "user_version", 8).unwrap();
    }
    let s = s.restart();
    let missing: i64 = s.one(
        "SELECT COUNT(*) FROM applications WHERE reference IS NULL",
        params![],
    );
    assert_eq!(missing, 0, "every older row got a reference");
    let mut sun = s.client();
    sun.cookie = cookie;
    let again = sun.get(&format!("/api/v1/applications/{id}")).await.json();
    let reference = reference_of(&again);
    let r = sun
        .get(&format!("/api/v1/applications/{}", reference.as_compact()))
        .await;
    assert_eq!(r.json()["id"], id.as_str());
    // The backfill is idempotent: a further start keeps every reference.
    let before: Vec<String> = all_references(&s);
    let s = s.restart();
    assert_eq!(all_references(&s), before);
}

fn all_references(s: &Server) -> Vec<String> {
    s.rows(
        "SELECT reference FROM applications ORDER BY id",
        params![],
        |r| r.get(0),
    )
}
