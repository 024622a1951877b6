//! Cards: list, enable, temporary loss, counter-only refusals, guardians and
//! other people's cards.

use crate::common::{Http, Server, people::*};
use serde_json::json;

async fn first_card(c: &mut Http) -> serde_json::Value {
    let r = c.get("/api/v1/cards").await;
    assert_eq!(r.status, 200);
    r.json()[0].clone()
}

#[tokio::test]
async fn list_and_read_my_card() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(WANG).await;
    let cards = c.get("/api/v1/cards").await.json();
    assert_eq!(cards.as_array().unwrap().len(), 1);
    let card = &cards[0];
    assert_eq!(card["holder"]["name"], WANG.0);
    assert_eq!(card["social_function"], "enabled");
    assert_eq!(card["financial_function"], "not_activated");
    assert_eq!(card["as_guardian"], false);
    assert!(
        card["card_number_masked"]
            .as_str()
            .unwrap()
            .contains("****")
    );
    let r = c
        .get(&format!("/api/v1/cards/{}", card["id"].as_str().unwrap()))
        .await;
    assert_eq!(&r.json(), card);
}

#[tokio::test]
async fn enable_a_posted_card() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(LI).await;
    let card = first_card(&mut c).await;
    assert_eq!(card["social_function"], "not_enabled");
    let id = card["id"].as_str().unwrap();
    let r = c
        .post(&format!("/api/v1/cards/{id}/enable"), json!({}))
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["social_function"], "enabled");
    let r = c
        .post(&format!("/api/v1/cards/{id}/enable"), json!({}))
        .await;
    assert_eq!(r.status, 409);
    assert_eq!(r.problem_code(), "card.already_enabled");
    // The application's history now ends with "enabled".
    let app = c
        .get(&format!(
            "/api/v1/applications/{}",
            card["application_id"].as_str().unwrap()
        ))
        .await
        .json();
    assert_eq!(app["status"], "enabled");
    assert_eq!(
        app["events"].as_array().unwrap().last().unwrap()["kind"],
        "enabled"
    );
}

#[tokio::test]
async fn temporary_loss_returns_the_rules_lift_date() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(WANG).await;
    let today = c.today().await;
    let id = first_card(&mut c).await["id"].as_str().unwrap().to_owned();
    let r = c
        .post(&format!("/api/v1/cards/{id}/temporary-loss"), json!({}))
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let j = r.json();
    let lift = sscard_rules::temp_loss_auto_lift(sscard_rules::City::Beijing, today)
        .unwrap()
        .result
        .date;
    assert_eq!(j["auto_lift_on"], lift.to_string());
    assert_eq!(j["card"]["social_function"], "temp_lost");
    assert_eq!(j["card"]["temp_loss_lifts_on"], lift.to_string());
    assert_eq!(j["card"]["temp_loss_reported_on"], today.to_string());
    let r = c
        .post(&format!("/api/v1/cards/{id}/temporary-loss"), json!({}))
        .await;
    assert_eq!(r.problem_code(), "card.temp_lost");
    let r = c
        .post(&format!("/api/v1/cards/{id}/enable"), json!({}))
        .await;
    assert_eq!(r.problem_code(), "card.temp_lost");
}

#[tokio::test]
async fn counter_only_services_are_refused_with_where_to_go() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(CHEN).await;
    let id = first_card(&mut c).await["id"].as_str().unwrap().to_owned();
    for action in ["unfreeze", "financial-activation", "formal-loss"] {
        let r = c
            .post(&format!("/api/v1/cards/{id}/{action}"), json!({}))
            .await;
        assert_eq!(r.status, 409, "{action}");
        assert_eq!(r.problem_code(), "counter_only", "{action}");
        let j = r.json();
        let places = j["where_to_go"].as_array().unwrap();
        assert!(!places.is_empty(), "{action}");
        assert!(places.iter().all(|p| p["channel"].is_string()));
        assert!(j["detail"].is_string());
    }
    // Nothing changed.
    assert_eq!(first_card(&mut c).await["social_function"], "temp_lost");
}

#[tokio::test]
async fn guardian_sees_and_enables_the_minors_card() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(ZHAO).await;
    let cards = c.get("/api/v1/cards").await.json();
    let cards = cards.as_array().unwrap();
    assert_eq!(cards.len(), 2);
    let child = cards
        .iter()
        .find(|c| c["as_guardian"] == true)
        .expect("the minor's card");
    assert_eq!(child["holder"]["name"], "赵小雨");
    let id = child["id"].as_str().unwrap();
    let r = c
        .post(&format!("/api/v1/cards/{id}/enable"), json!({}))
        .await;
    assert_eq!(r.status, 200);
    let apps = c.get("/api/v1/applications").await.json();
    assert!(
        apps.as_array()
            .unwrap()
            .iter()
            .any(|a| a["actor"] == "guardian")
    );
}

#[tokio::test]
async fn nobody_reads_or_changes_another_persons_card() {
    let s = Server::start(true);
    let mut wang = s.client();
    wang.sign_in(WANG).await;
    let card = first_card(&mut wang).await;
    let id = card["id"].as_str().unwrap();
    let app = card["application_id"].as_str().unwrap();
    let mut li = s.client();
    li.sign_in(LI).await;
    let r = li.get(&format!("/api/v1/cards/{id}")).await;
    assert_eq!(r.status, 404);
    assert_eq!(r.problem_code(), "not_found");
    for action in [
        "enable",
        "temporary-loss",
        "unfreeze",
        "financial-activation",
        "formal-loss",
    ] {
        let r = li
            .post(&format!("/api/v1/cards/{id}/{action}"), json!({}))
            .await;
        assert_eq!(r.status, 404, "{action}");
    }
    assert_eq!(
        li.get(&format!("/api/v1/applications/{app}")).await.status,
        404
    );
    let mine = li.get("/api/v1/cards").await.json();
    assert!(mine.as_array().unwrap().iter().all(|c| c["id"] != id));
    // The guardian's view does not extend to the minor's other relatives.
    let mut zhao = s.client();
    zhao.sign_in(ZHAO).await;
    assert_eq!(zhao.get(&format!("/api/v1/cards/{id}")).await.status, 404);
    // The card did not change.
    assert_eq!(first_card(&mut wang).await, card);
}
