//! Replacements (补领/换领): `POST /api/v1/cards/{id}/replacement` — a lost card by post, a
//! damaged card at a branch, a new name that must be changed upstream first, retries,
//! another person's card, a guardian, and two requests at once.

use crate::common::{Http, Server, field_codes, people::*};
use hyper::Method;
use serde_json::{Value, json};
use sscard_server::params;

async fn card_of(c: &mut Http) -> Value {
    let r = c.get("/api/v1/cards").await;
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()[0].clone()
}

async fn replace(c: &mut Http, card: &str, key: &str, body: Value) -> crate::common::Res {
    c.send(
        Method::POST,
        &format!("/api/v1/cards/{card}/replacement"),
        Some(body),
        &[("idempotency-key", key)],
    )
    .await
}

fn by_post(reason: &str) -> Value {
    json!({
        "reason": reason,
        "pickup": "mail",
        "postal_address": {
            "recipient": "陈卫东", "mobile": "13800000003",
            "address": "北京市西城区示例街2号", "postal_code": "100032"
        }
    })
}

/// The rules crate's production date for a replacement asked for today.
fn made_by(today: chrono::NaiveDate, reason: sscard_rules::ReplacementReason) -> String {
    sscard_rules::preview_timeline(
        &sscard_rules::TimelineRequest {
            city: sscard_rules::City::Beijing,
            business: reason.business(),
            channel: sscard_rules::online_channel(sscard_rules::City::Beijing),
            pickup: sscard_rules::PickupMethod::Mail,
            date: today,
            card_held: sscard_rules::CardHeld::ThirdGeneration,
            last_bank_change: None,
        },
        sscard_rules::Calendar::embedded(),
    )
    .unwrap()
    .result
    .production
    .made_by()
    .unwrap()
    .to_string()
}

#[tokio::test]
async fn a_lost_card_is_reissued_by_post_and_its_loss_can_never_be_lifted() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(CHEN).await;
    let today = c.today().await;
    let card = card_of(&mut c).await;
    assert_eq!(card["social_function"], "temp_lost");
    let id = card["id"].as_str().unwrap().to_owned();

    let r = replace(&mut c, &id, "r-1", by_post("lost")).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let app = r.json();
    assert_eq!(app["replacement"]["reason"], "lost");
    // A reference to read out on the phone, like any application's (D34).
    let reference = app["reference"].as_str().unwrap();
    assert!(
        sscard_rules::Reference::parse(reference).is_ok(),
        "reference {reference:?}"
    );
    assert_eq!(app["replacement"]["card_id"], id.as_str());
    assert_eq!(app["status"], "submitted");
    assert_eq!(app["bank"], card["bank"], "the issuing bank stays (Q26)");
    assert_eq!(
        app["expected"]["production_deadline"],
        made_by(today, sscard_rules::ReplacementReason::Lost),
        "4 working days (Q30)"
    );
    assert_eq!(app["expected"]["plus_postal_transit"], true);
    assert_eq!(
        r.header("location"),
        format!("/api/v1/applications/{}", app["id"].as_str().unwrap())
    );

    // The lost card is finished (Q22): it shows as replaced and no channel lifts its loss.
    let old = c.get(&format!("/api/v1/cards/{id}")).await.json();
    assert_eq!(old["social_function"], "replaced");
    let r = c
        .post(&format!("/api/v1/cards/{id}/unfreeze"), json!({}))
        .await;
    assert_eq!(r.status, 409, "{}", r.text());
    assert_eq!(r.problem_code(), "state.unfreeze_after_reissue");

    // A retry answers the same replacement; the key with another body is refused.
    let again = replace(&mut c, &id, "r-1", by_post("lost")).await;
    assert_eq!(again.status, 200);
    assert_eq!(again.json()["id"], app["id"]);
    let other = replace(&mut c, &id, "r-1", by_post("damaged")).await;
    assert_eq!(other.problem_code(), "idempotency_key.reused");
    // A second replacement of the same card is refused.
    let second = replace(&mut c, &id, "r-2", by_post("lost")).await;
    assert_eq!(second.status, 409);
    assert_eq!(second.problem_code(), "replacement.already_replaced");

    // It is listed with the applications, and the holder is told on the number on record.
    let list = c.get("/api/v1/applications").await.json();
    assert_eq!(list[0]["id"], app["id"]);
    let notices: i64 = s.one(
        "SELECT COUNT(*) FROM notices n JOIN persons p ON p.id = n.person_id
         WHERE p.id_number = ?1 AND n.kind = 'replacement_requested' AND n.to_mobile = ?2",
        [CHEN.1, CHEN.2],
    );
    assert_eq!(notices, 1);
    // One text, not two: the security notice already names the reference, so the
    // "application received" status text is not sent for a replacement.
    let received: i64 = s.one(
        "SELECT COUNT(*) FROM notices n JOIN applications a ON a.public_id = n.about
         WHERE a.replaces_card_id IS NOT NULL AND n.kind = 'application_received'",
        params![],
    );
    assert_eq!(received, 0);
}

#[tokio::test]
async fn a_lost_card_must_be_reported_first() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(WANG).await;
    let id = card_of(&mut c).await["id"].as_str().unwrap().to_owned();
    let r = replace(&mut c, &id, "k1", by_post("lost")).await;
    assert_eq!(r.status, 409, "{}", r.text());
    assert_eq!(r.problem_code(), "replacement.report_loss_first");
    let stored: i64 = s.one(
        "SELECT COUNT(*) FROM applications WHERE replaces_card_id IS NOT NULL",
        params![],
    );
    assert_eq!(stored, 0, "a refusal stores nothing");
    // Reported, the same request goes through (a new key: the refusal was not stored).
    let r = c
        .post(&format!("/api/v1/cards/{id}/temporary-loss"), json!({}))
        .await;
    assert_eq!(r.status, 200);
    let r = replace(&mut c, &id, "k2", by_post("lost")).await;
    assert_eq!(r.status, 201, "{}", r.text());
}

#[tokio::test]
async fn a_damaged_card_is_exchanged_at_a_branch_and_ends_when_the_new_one_is_enabled() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(ZHOU).await;
    let card = card_of(&mut c).await;
    assert_eq!(card["social_function"], "enabled");
    let id = card["id"].as_str().unwrap().to_owned();
    // Bad input on every field: each named, nothing stored.
    let r = replace(
        &mut c,
        &id,
        "z0",
        json!({"reason": "damaged", "pickup": "branch", "branch_id": "bj-boc-xicheng"}),
    )
    .await;
    assert_eq!(r.status, 400, "{}", r.text());
    assert_eq!(
        field_codes(&r),
        vec![("branch_id".to_owned(), "branch_id.wrong_bank".to_owned())]
    );
    let r = replace(
        &mut c,
        &id,
        "z0",
        json!({"reason": "damaged", "pickup": "mail", "postal_address": {
            "recipient": "", "mobile": "12", "address": "", "postal_code": "1"}}),
    )
    .await;
    let fields: Vec<String> = field_codes(&r).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        [
            "postal_address.recipient",
            "postal_address.mobile",
            "postal_address.postal_code",
            "postal_address.address"
        ]
    );
    let r = replace(
        &mut c,
        &id,
        "z1",
        json!({"reason": "damaged", "pickup": "branch", "branch_id": "bj-icbc-dongcheng"}),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let app = r.json();
    assert_eq!(app["replacement"]["reason"], "damaged");
    assert_eq!(app["branch_id"], "bj-icbc-dongcheng");
    // The damaged card keeps working until the new one is enabled (Q25, D33), and says
    // which replacement is on its way (so the app offers no second one).
    let old = c.get(&format!("/api/v1/cards/{id}")).await.json();
    assert_eq!(old["social_function"], "enabled");
    assert_eq!(old["replacement_id"], app["id"]);

    // Collected at the branch, the new card is enabled there (Q15): the old one ends.
    let r = c
        .post("/api/v1/demo/clock/advance", json!({"days": 20}))
        .await;
    assert_eq!(r.status, 200);
    let app = c
        .get(&format!(
            "/api/v1/applications/{}",
            app["id"].as_str().unwrap()
        ))
        .await
        .json();
    assert_eq!(app["status"], "enabled", "{app}");
    let cards = c.get("/api/v1/cards").await.json();
    let states: Vec<(String, String)> = cards
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            (
                k["id"].as_str().unwrap().to_owned(),
                k["social_function"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(states.len(), 2, "{states:?}");
    assert!(
        states.contains(&(id.clone(), "replaced".to_owned())),
        "{states:?}"
    );
    assert!(
        states.iter().any(|(k, st)| *k != id && st == "enabled"),
        "{states:?}"
    );
}

#[tokio::test]
async fn a_new_name_is_changed_upstream_first() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(WANG).await;
    let id = card_of(&mut c).await["id"].as_str().unwrap().to_owned();
    let r = replace(&mut c, &id, "d1", by_post("details_changed")).await;
    assert_eq!(r.status, 409, "{}", r.text());
    assert_eq!(r.problem_code(), "replacement.upstream_change_first");
    let mut body = by_post("details_changed");
    body["upstream_change_done"] = json!(true);
    let r = replace(&mut c, &id, "d2", body).await;
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["replacement"]["reason"], "details_changed");
}

#[tokio::test]
async fn another_persons_card_is_not_found() {
    let s = Server::start(true);
    let mut chen = s.client();
    chen.sign_in(CHEN).await;
    let chens = card_of(&mut chen).await["id"].as_str().unwrap().to_owned();
    let mut wang = s.client();
    wang.sign_in(WANG).await;
    let r = replace(&mut wang, &chens, "x1", by_post("lost")).await;
    assert_eq!(r.status, 404, "{}", r.text());
    assert_eq!(r.problem_code(), "not_found");
    let after = chen.get(&format!("/api/v1/cards/{chens}")).await.json();
    assert_eq!(after["social_function"], "temp_lost", "untouched");
}

#[tokio::test]
async fn a_guardian_replaces_a_childs_card_until_the_child_turns_18() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(ZHAO).await;
    let cards = c.get("/api/v1/cards").await.json();
    let child = cards
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["as_guardian"] == true)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = replace(&mut c, &child, "g1", by_post("damaged")).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let app = r.json();
    assert_eq!(app["actor"], "guardian");
    assert_eq!(app["cardholder"]["name"], "赵小雨");
    assert_eq!(app["submitted_by"]["name"], ZHAO.0);
    // The guardian who asked is told too (the child has no mobile on record).
    let told: i64 = s.one(
        "SELECT COUNT(*) FROM notices n JOIN persons p ON p.id = n.person_id
         WHERE p.id_number = ?1 AND n.kind = 'replacement_requested'",
        [ZHAO.1],
    );
    assert_eq!(told, 1);

    // Once the child is 18, the guardian no longer acts for them (Q38).
    s.exec(
        "UPDATE persons SET birth_date = '2000-01-01' WHERE name = '赵小雨'",
        params![],
    );
    let r = replace(&mut c, &child, "g2", by_post("lost")).await;
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(r.problem_code(), "replacement.actor_not_allowed");
    // A retry of the first request still answers what it made.
    let again = replace(&mut c, &child, "g1", by_post("damaged")).await;
    assert_eq!(again.status, 200, "{}", again.text());
    assert_eq!(again.json()["id"], app["id"]);
}

#[tokio::test]
async fn two_requests_at_once_make_one_replacement() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(CHEN).await;
    let id = card_of(&mut c).await["id"].as_str().unwrap().to_owned();
    let mut a = c.clone();
    let mut b = c.clone();
    let (ra, rb) = tokio::join!(
        replace(&mut a, &id, "race-a", by_post("lost")),
        replace(&mut b, &id, "race-b", by_post("lost")),
    );
    let mut statuses = [ra.status, rb.status];
    statuses.sort_unstable();
    assert_eq!(statuses, [201, 409], "{} / {}", ra.text(), rb.text());
    let stored: i64 = s.one(
        "SELECT COUNT(*) FROM applications WHERE replaces_card_id IS NOT NULL",
        params![],
    );
    assert_eq!(stored, 1);
}

#[tokio::test]
async fn a_password_session_alone_cannot_send_a_new_card_by_post() {
    // Attack: someone who learnt the service password (or holds a stolen password session)
    // reports the card lost and orders its replacement to their own address. By post, the
    // new card goes to whoever the address names, so a fresh code to the mobile on record
    // is asked for; at a branch the holder's ID is checked at the counter.
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(WANG).await;
    let r = c
        .post(
            "/api/v1/auth/password",
            json!({"current_password": WANG.3, "new_password": "802468"}),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.text());
    let mut thief = s.client();
    thief.sign_in((WANG.0, WANG.1, WANG.2, "802468")).await;
    let session = thief.get("/api/v1/auth/session").await.json();
    assert_eq!(session["kind"], "password");
    assert_eq!(session["fresh_code"], false);
    let id = card_of(&mut thief).await["id"].as_str().unwrap().to_owned();
    let r = thief
        .post(&format!("/api/v1/cards/{id}/temporary-loss"), json!({}))
        .await;
    assert_eq!(r.status, 200);
    let r = replace(&mut thief, &id, "t1", by_post("lost")).await;
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(r.problem_code(), "replacement.needs_code");
    let stored: i64 = s.one(
        "SELECT COUNT(*) FROM applications WHERE replaces_card_id IS NOT NULL",
        params![],
    );
    assert_eq!(stored, 0);
    // At the issuing bank's branch the holder shows their ID: no code needed.
    let r = replace(
        &mut thief,
        &id,
        "t2",
        json!({"reason": "lost", "pickup": "branch", "branch_id": "bj-icbc-dongcheng"}),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.text());
    // A code session is fresh for 10 minutes.
    let mut holder = s.client();
    holder.sign_in_code(WANG.0, WANG.1, WANG.2).await;
    assert_eq!(
        holder.get("/api/v1/auth/session").await.json()["fresh_code"],
        true
    );
}
