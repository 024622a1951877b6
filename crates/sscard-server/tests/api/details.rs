//! Changing one's address and occupation online (`/api/v1/me/details`):
//! reading and updating, validation codes with nothing changed, sign-in,
//! the security notice, guardians, and applications already submitted.

use crate::common::{Res, Server, field_codes, people::*};
use serde_json::json;

const NEW_ADDRESS: &str = "北京市朝阳区示例街8号院3号楼2单元501";

fn details_changed(s: &Server, id_number: &str) -> i64 {
    s.one(
        "SELECT COUNT(*) FROM notices n JOIN persons p ON p.id = n.person_id
         WHERE n.kind = 'details_changed' AND p.id_number = ?1",
        [id_number],
    )
}

fn stored(s: &Server, id_number: &str) -> (Option<String>, Option<String>) {
    s.row(
        "SELECT address, occupation FROM persons WHERE id_number = ?1",
        [id_number],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

#[tokio::test]
async fn a_holder_reads_and_changes_address_and_occupation() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(WANG).await;
    let r = c.get("/api/v1/me/details").await;
    assert_eq!(r.status, 200, "{}", r.text());
    let d = r.json();
    assert_eq!(d["person"]["name"], WANG.0);
    assert_eq!(d["as_guardian"], false);
    assert!(d["address"].is_null() && d["occupation"].is_null(), "{d}");
    assert_eq!(d["mobile_masked"], "138****0001");
    // The reserved phone: the issuing bank of his card, from the policy table (Q32).
    assert_eq!(d["reserved_phone"]["channel"], "issuing_bank_branch");
    assert_eq!(d["reserved_phone"]["banks"], json!(["icbc"]));
    assert_eq!(
        d["reserved_phone"]["citation"]["source"],
        "002_18b018be9bee0abf.txt"
    );
    assert_eq!(d["reserved_phone"]["citation"]["locator"], "Q32");
    assert_eq!(d["minors"], json!([]));

    let body = json!({"address": format!("  {NEW_ADDRESS} "), "occupation": "professional"});
    let r = c.put("/api/v1/me/details", body.clone()).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let d = r.json();
    assert_eq!(d["address"], NEW_ADDRESS, "trimmed");
    assert_eq!(d["occupation"], "professional");
    assert!(d["updated_at"].is_string());
    assert_eq!(c.get("/api/v1/me/details").await.json(), d);
    assert_eq!(details_changed(&s, WANG.1), 1);
    // The same again is no change: no second notice (PUT is idempotent).
    let r = c.put("/api/v1/me/details", body).await;
    assert_eq!(r.json(), d);
    assert_eq!(details_changed(&s, WANG.1), 1);
    // A new occupation alone is a change.
    let r = c
        .put(
            "/api/v1/me/details",
            json!({"address": NEW_ADDRESS, "occupation": "retired"}),
        )
        .await;
    assert_eq!(r.json()["occupation"], "retired");
    assert_eq!(details_changed(&s, WANG.1), 2);
    // The notice is a security notice, sent to the mobile on record.
    let start = std::time::Instant::now();
    let mut text = String::new();
    while start.elapsed() < std::time::Duration::from_secs(10) && text.is_empty() {
        let r = c.get("/api/v1/notices").await;
        if let Some(n) = r
            .json()
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["kind"] == "details_changed")
        {
            assert_eq!(n["category"], "security");
            assert_eq!(n["to_masked"], "138****0001");
            text = n["text"].as_str().unwrap().to_owned();
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        text.contains("地址或职业") && text.contains("96066"),
        "{text}"
    );
    assert!(
        !text.contains(NEW_ADDRESS),
        "no personal data in a notice: {text}"
    );
}

#[tokio::test]
async fn bad_input_is_answered_with_field_codes_and_changes_nothing() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(WANG).await;
    let r = c
        .put(
            "/api/v1/me/details",
            json!({"address": NEW_ADDRESS, "occupation": "service"}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let before = stored(&s, WANG.1);
    let long = "北".repeat(sscard_rules::ADDRESS_MAX_CHARS + 1);
    for (body, codes) in [
        (
            json!({"address": " ", "occupation": "astronaut"}),
            vec![
                ("address", "address.empty"),
                ("occupation", "occupation.unknown"),
            ],
        ),
        (
            json!({"address": long, "occupation": "service"}),
            vec![("address", "address.too_long")],
        ),
        (
            json!({"address": "北京市东城区示例路9号"}),
            vec![("occupation", "occupation.empty")],
        ),
    ] {
        let r: Res = c.put("/api/v1/me/details", body.clone()).await;
        assert_eq!(r.status, 400, "{body}: {}", r.text());
        let got = field_codes(&r);
        let want: Vec<(String, String)> = codes
            .iter()
            .map(|(f, c)| ((*f).to_owned(), (*c).to_owned()))
            .collect();
        assert_eq!(got, want, "{body}");
        assert_eq!(stored(&s, WANG.1), before, "{body}: nothing changed");
    }
    assert_eq!(details_changed(&s, WANG.1), 1);
}

#[tokio::test]
async fn nobody_signed_in_is_401() {
    let s = Server::start(true);
    let mut c = s.client();
    let r = c.get("/api/v1/me/details").await;
    assert_eq!(r.status, 401);
    assert_eq!(r.problem_code(), "unauthenticated");
    let r = c
        .put(
            "/api/v1/me/details",
            json!({"address": NEW_ADDRESS, "occupation": "service"}),
        )
        .await;
    assert_eq!(r.status, 401);
    assert_eq!(r.problem_code(), "unauthenticated");
}

#[tokio::test]
async fn a_submitted_application_keeps_its_postal_address() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let r = c
        .apply(
            "key-1",
            json!({"eligibility": {"insured_in_city": true}, "city": "beijing", "bank": "boc", "pickup": "mail",
                "postal_address": {"recipient": "孙悦", "mobile": "13800000006", "address": "北京市海淀区示例路2号", "postal_code": "100080"}}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let app = r.json()["id"].as_str().unwrap().to_owned();
    // The reference a person quotes on the phone (D34), not the internal id.
    let reference = r.json()["reference"].as_str().unwrap().to_owned();
    let posted_to: String = s.one(
        "SELECT postal_address FROM applications WHERE public_id = ?1",
        [&app],
    );
    // A code sign-in is enough for these details (not for the mobile).
    let r = c
        .put(
            "/api/v1/me/details",
            json!({"address": NEW_ADDRESS, "occupation": "clerical"}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let d = r.json();
    assert_eq!(d["address"], NEW_ADDRESS);
    // No card yet: no bank to name, the rule still shown.
    assert_eq!(d["reserved_phone"]["banks"], json!([]));
    // The answer names the application whose card still goes to the old address,
    // with the city's hotline.
    assert_eq!(
        d["postal_applications"],
        json!([{"id": app, "reference": reference, "status": "submitted", "hotline": "96066"}])
    );
    let after: String = s.one(
        "SELECT postal_address FROM applications WHERE public_id = ?1",
        [&app],
    );
    assert_eq!(after, posted_to);
    assert!(after.contains("示例路2号"), "{after}");
}

#[tokio::test]
async fn a_guardian_changes_a_minors_details_and_nobody_else_can() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(ZHAO).await;
    let d = c.get("/api/v1/me/details").await.json();
    let minors = d["minors"].as_array().unwrap().clone();
    assert_eq!(minors.len(), 1, "{d}");
    assert_eq!(minors[0]["name"], "赵小雨");
    let child = minors[0]["id"].as_str().unwrap().to_owned();
    let r = c.get(&format!("/api/v1/me/details?person={child}")).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["as_guardian"], true);
    assert_eq!(r.json()["person"]["name"], "赵小雨");
    let r = c
        .put(
            "/api/v1/me/details",
            json!({"person": child, "address": NEW_ADDRESS, "occupation": "student"}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["occupation"], "student");
    assert_eq!(
        stored(&s, "110108201809153064"),
        (Some(NEW_ADDRESS.to_owned()), Some("student".to_owned()))
    );
    // The guardian's own details are untouched; the guardian is told.
    assert_eq!(stored(&s, ZHAO.1), (None, None));
    assert_eq!(details_changed(&s, ZHAO.1), 1);
    // Someone else cannot read or change the child's details.
    let mut other = s.client();
    other.sign_in(WANG).await;
    let r = other
        .get(&format!("/api/v1/me/details?person={child}"))
        .await;
    assert_eq!(r.status, 404);
    let r = other
        .put(
            "/api/v1/me/details",
            json!({"person": child, "address": "北京市东城区示例路9号", "occupation": "student"}),
        )
        .await;
    assert_eq!(r.status, 404);
    assert_eq!(
        stored(&s, "110108201809153064").0.as_deref(),
        Some(NEW_ADDRESS)
    );
}

#[tokio::test]
async fn a_change_based_on_an_older_read_is_refused_not_lost() {
    // Two tabs (or a guardian and a teenager) read the same details; the first saves; the
    // second, still showing the old record, must not silently overwrite it.
    let s = Server::start(true);
    let mut first = s.client();
    first.sign_in(LI).await;
    let mut second = s.client();
    second.sign_in(LI).await;
    let read = second.get("/api/v1/me/details").await.json();
    let based_on = read["updated_at"].as_str().unwrap_or_default().to_owned();
    let r = first
        .put(
            "/api/v1/me/details",
            json!({"address": "北京市朝阳区示例路3号", "occupation": "clerical"}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let r = second
        .put(
            "/api/v1/me/details",
            json!({"address": "北京市丰台区示例路4号", "occupation": "retired", "based_on": based_on}),
        )
        .await;
    assert_eq!(r.status, 409, "{}", r.text());
    assert_eq!(r.problem_code(), "details.changed_since");
    let now = first.get("/api/v1/me/details").await.json();
    assert_eq!(
        now["address"], "北京市朝阳区示例路3号",
        "the first change stands"
    );
    // Based on what is on record now, the change goes through.
    let r = second
        .put(
            "/api/v1/me/details",
            json!({"address": "北京市丰台区示例路4号", "occupation": "retired",
                "based_on": now["updated_at"]}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
}
