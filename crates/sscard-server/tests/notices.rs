//! Notices (issue 14) through real HTTP against the real server: which events
//! produce which notice, once; reminders that expire when they no longer
//! matter; settings; and delivery that survives a kill -9 without losing a
//! notice or giving one event two message ids.

#[path = "common/mod.rs"]
mod common;

use sscard_server::params;
use std::{
    collections::{HashMap, HashSet},
    path::Path,
    time::{Duration, Instant},
};

use common::{Http, Server, people::*};
use serde_json::{Value, json};

fn mail_body(name: &str, mobile: &str) -> Value {
    json!({"eligibility": {"insured_in_city": true}, "city": "beijing", "bank": "boc", "pickup": "mail",
        "postal_address": {"recipient": name, "mobile": mobile, "address": "北京市海淀区示例路2号", "postal_code": "100080"}})
}

fn branch_body() -> Value {
    json!({"eligibility": {"insured_in_city": true}, "city": "beijing", "bank": "icbc", "pickup": "branch",
        "branch_id": "bj-icbc-dongcheng"})
}

/// The kinds of the notices sent to the signed-in person, once `n` have arrived
/// (or after 10 s, whatever arrived).
async fn kinds_after(c: &mut Http, n: usize) -> Vec<String> {
    let start = Instant::now();
    loop {
        let r = c.get("/api/v1/notices").await;
        assert_eq!(r.status, 200, "{}", r.text());
        let list = r.json();
        let kinds: Vec<String> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["kind"].as_str().unwrap().to_owned())
            .collect();
        if kinds.len() >= n || start.elapsed() > Duration::from_secs(10) {
            return kinds;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until no notice due by the server's today is still pending.
async fn settled(s: &Server) {
    let mut c = s.client();
    let today = c.today().await.to_string();
    let start = Instant::now();
    loop {
        let pending: i64 = s.one(
            "SELECT COUNT(*) FROM notices WHERE state = 'pending' AND due_on <= ?1",
            [&today],
        );
        if pending == 0 || start.elapsed() > Duration::from_secs(30) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn advance(c: &mut Http, days: u32) {
    let r = c
        .post("/api/v1/demo/clock/advance", json!({ "days": days }))
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
}

#[tokio::test]
async fn moving_the_demo_clock_through_production_sends_each_notice_once() {
    let s = Server::start(true);
    // 孙悦 applies by post; a registry newcomer applies for pickup at a branch.
    let mut sun = s.client();
    sun.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let r = sun.apply("k", mail_body(SUN.0, SUN.2)).await;
    assert_eq!(r.status, 201, "{}", r.text());
    // Notices name the hotline reference people quote to 96066, not the internal id.
    let reference = r.json()["reference"].as_str().unwrap().to_owned();
    let id = r.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(kinds_after(&mut sun, 1).await, ["application_received"]);
    let mut branch = s.client();
    branch
        .sign_in_code("测试人", "11010119900101100X", "13900000100")
        .await;
    assert_eq!(branch.apply("k", branch_body()).await.status, 201);

    advance(&mut sun, 45).await;
    assert_eq!(
        kinds_after(&mut sun, 3).await,
        ["application_received", "card_made", "card_posted"]
    );
    // The jump went past the card's days at the branch: "ready at the branch" and
    // "still uncollected" no longer matter and expire unsent; "enabled" is sent.
    assert_eq!(
        kinds_after(&mut branch, 3).await,
        ["application_received", "card_made", "card_enabled"]
    );
    let expired: Vec<String> = s.rows(
        "SELECT kind FROM notices WHERE state = 'expired' ORDER BY id",
        params![],
        |r| r.get(0),
    );
    assert!(
        expired.contains(&"card_at_branch".to_owned()),
        "{expired:?}"
    );
    assert!(
        expired.contains(&"card_uncollected".to_owned()),
        "{expired:?}"
    );

    // Moving on again and restarting adds nothing: each event made one notice.
    advance(&mut sun, 30).await;
    let s = s.restart();
    let mut sun = s.client();
    sun.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    settled(&s).await;
    let list = sun.get("/api/v1/notices").await.json();
    assert_eq!(list.as_array().unwrap().len(), 3, "{list}");
    // What a person receives: the reference, how to check, and no link.
    let received = list[0]["text"].as_str().unwrap();
    assert!(received.contains(&reference), "{received}");
    assert!(!received.contains(&id), "{received}");
    assert!(received.contains("96066"), "{received}");
    assert_eq!(list[0]["to_masked"], "138****0006");
    assert_eq!(list[0]["category"], "status");
}

#[tokio::test]
async fn a_loss_report_sends_the_security_notice_and_the_reminder_only_while_it_matters() {
    let s = Server::start(true);
    let mut wang = s.client();
    wang.sign_in(WANG).await;
    let card = wang.get("/api/v1/cards").await.json()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = wang
        .post(&format!("/api/v1/cards/{card}/temporary-loss"), json!({}))
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let lifts: chrono::NaiveDate = r.json()["auto_lift_on"].as_str().unwrap().parse().unwrap();
    assert_eq!(kinds_after(&mut wang, 1).await, ["loss_reported"]);

    // 李秀英 reports too, and the bank counter lifts hers early (the card centre's
    // record changes outside this service: written to the database directly).
    let mut li = s.client();
    li.sign_in(LI).await;
    let li_card = li.get("/api/v1/cards").await.json()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = li
        .post(
            &format!("/api/v1/cards/{li_card}/temporary-loss"),
            json!({}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(kinds_after(&mut li, 1).await, ["loss_reported"]);
    s.exec(
        "UPDATE cards SET social_state = 'not_enabled', temp_loss_on = NULL, temp_loss_lift_on = NULL
         WHERE public_id = ?1",
        [&li_card],
    );

    // The day before the loss lifts: the reminder goes to 王建国 only.
    let today = wang.today().await;
    let days = u32::try_from((lifts - today).num_days() - 1).unwrap();
    advance(&mut wang, days).await;
    assert_eq!(
        kinds_after(&mut wang, 2).await,
        ["loss_reported", "loss_lifts_tomorrow"]
    );
    settled(&s).await;
    assert_eq!(kinds_after(&mut li, 1).await, ["loss_reported"]);
    let state: String = s.one(
        "SELECT n.state FROM notices n JOIN persons p ON p.id = n.person_id
             WHERE p.id_number = ?1 AND n.kind = 'loss_lifts_tomorrow'",
        [LI.1],
    );
    assert_eq!(state, "expired");
}

#[tokio::test]
async fn settings_switch_off_status_notices_but_never_security_ones() {
    let s = Server::start(true);
    let mut wang = s.client();
    wang.sign_in(WANG).await;
    let r = wang.get("/api/v1/notices/settings").await;
    assert_eq!(
        r.json(),
        json!({"language": "zh_hans", "status_notices": true, "reminders": true})
    );
    let r = wang
        .put(
            "/api/v1/notices/settings",
            json!({"language": "en", "status_notices": false, "reminders": false}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let r = wang
        .post(
            "/api/v1/auth/password",
            json!({"current_password": WANG.3, "new_password": "635241"}),
        )
        .await;
    assert_eq!(r.status, 204);
    let list = {
        kinds_after(&mut wang, 1).await;
        wang.get("/api/v1/notices").await.json()
    };
    assert_eq!(list[0]["kind"], "password_changed");
    assert_eq!(list[0]["language"], "en");
    assert_eq!(
        list[0]["text"],
        "[SS card] Your card's service password was changed. Not you? Call 96066 now."
    );
    // Another person's notices are not mine.
    let mut li = s.client();
    li.sign_in(LI).await;
    assert!(kinds_after(&mut li, 0).await.is_empty());
}

/// The JSON lines of the outbox file.
fn outbox(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: a torn line {l:?}")))
        .collect()
}

#[tokio::test]
async fn a_kill_9_during_delivery_loses_nothing_and_keeps_one_id_per_notice() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("outbox.jsonl");
    let s = Server::start_with(true, &["--notice-outbox", file.to_str().unwrap()]);
    // Eight newcomers apply by post: eight notices now, sixteen more after the jump.
    for i in 0..8 {
        let mut c = s.client();
        let id = [
            "11010119900101100X",
            "110101199001011018",
            "110101199001011026",
            "110101199001011034",
            "110101199001011042",
            "110101199001011050",
            "110101199001011069",
            "110101199001011077",
        ][i];
        let mobile = format!("139000001{i:02}");
        c.sign_in_code("测试人", id, &mobile).await;
        assert_eq!(c.apply("k", mail_body("测试人", &mobile)).await.status, 201);
    }
    settled(&s).await;
    assert_eq!(outbox(&file).len(), 8);
    let mut c = s.client();
    advance(&mut c, 45).await;
    // Kill it in the middle of the burst: as soon as its first message is out.
    let start = Instant::now();
    while outbox(&file).len() <= 8 && start.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let before = outbox(&file).len();
    let s = s.crash_and_restart();
    settled(&s).await;
    let lines = outbox(&file);

    let sent: HashMap<String, String> = s
        .rows(
            "SELECT message_id, text FROM notices WHERE state = 'sent'",
            params![],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .into_iter()
        .collect();
    let pending: i64 = s.one(
        "SELECT COUNT(*) FROM notices WHERE state = 'pending' AND due_on <= ?1",
        [s.client().today().await.to_string()],
    );
    assert_eq!(
        pending, 0,
        "every due notice was delivered after the restart"
    );
    // Eight received, eight made, eight posted for the newcomers, plus 刘芳's
    // branch application moving on (made, enabled).
    let ids: HashSet<&str> = lines
        .iter()
        .map(|l| l["message_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids.len(),
        sent.len(),
        "every sent notice is in the outbox, under one id"
    );
    for l in &lines {
        let id = l["message_id"].as_str().unwrap();
        // A message delivered twice (killed between the gateway and the database)
        // comes again under the same id with the same text: the gateway drops it.
        assert_eq!(
            Some(l["text"].as_str().unwrap()),
            sent.get(id).map(String::as_str),
            "{id}"
        );
    }
    assert!(sent.len() >= 24, "{} sent", sent.len());
    assert!(
        before < lines.len(),
        "killed after the burst: nothing left to test"
    );
    let duplicates = lines.len() - ids.len();
    println!(
        "outbox: {before} lines when killed, {} after the restart, {} notices, {duplicates} redelivered under the same id",
        lines.len(),
        sent.len()
    );
}

#[tokio::test]
async fn a_card_lost_again_gets_its_reminder_again() {
    let s = Server::start(true);
    let mut wang = s.client();
    wang.sign_in(WANG).await;
    let card = wang.get("/api/v1/cards").await.json()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for round in 1..=2 {
        let r = wang
            .post(&format!("/api/v1/cards/{card}/temporary-loss"), json!({}))
            .await;
        assert_eq!(r.status, 200, "round {round}: {}", r.text());
        let lifts: chrono::NaiveDate = r.json()["auto_lift_on"].as_str().unwrap().parse().unwrap();
        let today = wang.today().await;
        // The day before it lifts: the reminder; then two days on, it has lifted.
        advance(
            &mut wang,
            u32::try_from((lifts - today).num_days() - 1).unwrap(),
        )
        .await;
        settled(&s).await;
        advance(&mut wang, 2).await;
        settled(&s).await;
    }
    let reminders: i64 = s.one(
        "SELECT COUNT(*) FROM notices n JOIN persons p ON p.id = n.person_id
         WHERE p.id_number = ?1 AND n.kind = 'loss_lifts_tomorrow' AND n.state = 'sent'",
        [WANG.1],
    );
    assert_eq!(reminders, 2);
}
