//! Sign-in, sessions, the service password, rate limits and the Origin check.

use crate::common::{Server, field_codes, people::*};
use serde_json::json;
use sscard_server::params;

#[tokio::test]
async fn password_sign_in_session_and_sign_out() {
    let s = Server::start(true);
    let mut c = s.client();
    assert_eq!(
        c.get("/api/v1/auth/session").await.problem_code(),
        "unauthenticated"
    );
    // The initial password (the ID number's last 6) is only the first step: a code
    // goes to the mobile on record, and its verification opens the session.
    let r = c
        .post(
            "/api/v1/auth/sign-in",
            json!({"id_number": WANG.1, "password": WANG.3}),
        )
        .await;
    assert_eq!(r.status, 202, "{}", r.text());
    assert!(
        r.header("set-cookie").is_empty() || !r.header("set-cookie").starts_with("sscard_session=")
    );
    assert_eq!(r.json()["expires_in"], 300);
    let j = c.finish_second_step(&r).await;
    assert_eq!(j["person"]["name"], WANG.0);
    assert_eq!(j["person"]["id_number_masked"], "110101********2012");
    assert_eq!(j["password_is_initial"], true);
    // Once changed, the password alone signs in.
    let r = c
        .post(
            "/api/v1/auth/password",
            json!({"current_password": WANG.3, "new_password": "635241"}),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.text());
    let mut c = s.client();
    let r = c
        .post(
            "/api/v1/auth/sign-in",
            json!({"id_number": WANG.1, "password": "635241"}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let cookie = r.header("set-cookie");
    assert!(cookie.starts_with("sscard_session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Secure"),
        "plain http: no Secure flag: {cookie}"
    );
    let j = r.json();
    assert_eq!(j["kind"], "password");
    assert_eq!(j["password_is_initial"], false);
    let r = c.get("/api/v1/auth/session").await;
    assert_eq!(r.status, 200);
    let r = c.post("/api/v1/auth/sign-out", json!({})).await;
    assert_eq!(r.status, 204);
    assert_eq!(c.get("/api/v1/auth/session").await.status, 401);
}

#[tokio::test]
async fn secure_cookie_behind_https() {
    let s = Server::start(true);
    let mut c = s.client();
    c.origin = None;
    let r = c
        .send(
            hyper::Method::POST,
            "/api/v1/auth/sign-in",
            Some(json!({"id_number": WANG.1, "password": WANG.3})),
            &[("x-forwarded-proto", "https")],
        )
        .await;
    assert_eq!(r.status, 202);
    let j = r.json();
    let r = c
        .send(
            hyper::Method::POST,
            "/api/v1/auth/code/verify",
            Some(json!({"challenge_id": j["challenge_id"], "code": j["demo_code"]})),
            &[("x-forwarded-proto", "https")],
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(r.header("set-cookie").contains("; Secure"));
}

#[tokio::test]
async fn sign_in_bad_inputs_have_specific_codes() {
    let s = Server::start(true);
    let mut c = s.client();
    let r = c
        .post(
            "/api/v1/auth/sign-in",
            json!({"id_number": "110101198503122013", "password": ""}),
        )
        .await;
    assert_eq!(r.status, 400);
    let codes = field_codes(&r);
    assert!(
        codes.contains(&("id_number".into(), "id_number.check_digit".into())),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("password".into(), "password.empty".into())),
        "{codes:?}"
    );

    let r = c
        .post(
            "/api/v1/auth/sign-in",
            json!({"id_number": "12345", "password": "1"}),
        )
        .await;
    assert_eq!(field_codes(&r)[0].1, "id_number.length");

    // Wrong password and unknown person answer alike (no enumeration).
    let r = c
        .post(
            "/api/v1/auth/sign-in",
            json!({"id_number": WANG.1, "password": "000000"}),
        )
        .await;
    assert_eq!(r.status, 401);
    assert_eq!(r.problem_code(), "invalid_credentials");
    let r = c
        .post(
            "/api/v1/auth/sign-in",
            json!({"id_number": SUN.1, "password": "057078"}),
        )
        .await;
    assert_eq!(r.problem_code(), "invalid_credentials");

    let r = c
        .post("/api/v1/auth/sign-in", json!({"id_number": WANG.1}))
        .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.problem_code(), "body.invalid");
    let r = c
        .send(
            hyper::Method::POST,
            "/api/v1/auth/sign-in",
            None,
            &[("content-type", "text/plain")],
        )
        .await;
    assert_eq!(r.status, 415);
    assert_eq!(r.problem_code(), "body.not_json");
}

#[tokio::test]
async fn repeated_wrong_passwords_are_delayed_not_locked() {
    let s = Server::start(true);
    let mut c = s.client();
    for i in 0..6 {
        let r = c
            .post(
                "/api/v1/auth/sign-in",
                json!({"id_number": LI.1, "password": "999999"}),
            )
            .await;
        let want = if i < 5 {
            "invalid_credentials"
        } else {
            "rate_limited"
        };
        assert_eq!(r.problem_code(), want, "attempt {i}");
    }
    // From this client even the right password waits now (it is not evaluated)…
    let r = c
        .post(
            "/api/v1/auth/sign-in",
            json!({"id_number": LI.1, "password": LI.3}),
        )
        .await;
    assert_eq!(r.status, 429);
    assert!(r.header("retry-after").parse::<u64>().unwrap() >= 1);
    // …and the delay survives a restart.
    let s = s.restart();
    let r = s
        .client()
        .post(
            "/api/v1/auth/sign-in",
            json!({"id_number": LI.1, "password": LI.3}),
        )
        .await;
    assert_eq!(r.problem_code(), "rate_limited");
}

#[tokio::test]
async fn sign_in_attempts_are_rate_limited() {
    let s = Server::start(true);
    let mut c = s.client();
    let mut limited = false;
    for _ in 0..25 {
        let r = c
            .post(
                "/api/v1/auth/sign-in",
                json!({"id_number": SUN.1, "password": "123456"}),
            )
            .await;
        if r.status == 429 {
            assert_eq!(r.problem_code(), "rate_limited");
            assert!(!r.header("retry-after").is_empty());
            limited = true;
            break;
        }
    }
    assert!(limited);
}

#[tokio::test]
async fn one_time_code_sign_in() {
    let s = Server::start(true);
    let mut c = s.client();
    let j = c.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    assert_eq!(j["kind"], "code");
    assert_eq!(j["person"]["name"], SUN.0);
    assert_eq!(c.get("/api/v1/auth/session").await.status, 200);
}

#[tokio::test]
async fn one_time_code_bad_inputs() {
    let s = Server::start(true);
    let mut c = s.client();
    let r = c
        .post(
            "/api/v1/auth/code",
            json!({"name": "", "id_number": SUN.1, "mobile": "12345"}),
        )
        .await;
    let codes = field_codes(&r);
    assert!(
        codes.contains(&("name".into(), "name.empty".into())),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("mobile".into(), "mobile.format".into())),
        "{codes:?}"
    );
    // A name over the limit: the problem names the rule's limit, so the app says the real one.
    let r = c
        .post(
            "/api/v1/auth/code",
            json!({"name": "张".repeat(31), "id_number": SUN.1, "mobile": SUN.2}),
        )
        .await;
    assert_eq!(field_codes(&r), [("name".into(), "name.too_long".into())]);
    assert_eq!(r.json()["errors"][0]["limit"], 30);

    let r = c
        .post(
            "/api/v1/auth/code",
            json!({"name": SUN.0, "id_number": SUN.1, "mobile": SUN.2}),
        )
        .await;
    let ch = r.json()["challenge_id"].as_str().unwrap().to_owned();
    let code = r.json()["demo_code"].as_str().unwrap().to_owned();
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let r = c
        .post(
            "/api/v1/auth/code/verify",
            json!({"challenge_id": ch, "code": wrong}),
        )
        .await;
    assert_eq!(r.status, 401);
    assert_eq!(r.problem_code(), "code_invalid");
    let r = c
        .post(
            "/api/v1/auth/code/verify",
            json!({"challenge_id": ch, "code": "12ab"}),
        )
        .await;
    assert_eq!(field_codes(&r)[0].1, "code.format");
    let r = c
        .post(
            "/api/v1/auth/code/verify",
            json!({"challenge_id": ch, "code": code}),
        )
        .await;
    assert_eq!(r.status, 200);
    // A code works once.
    let r = c
        .post(
            "/api/v1/auth/code/verify",
            json!({"challenge_id": ch, "code": code}),
        )
        .await;
    assert_eq!(r.problem_code(), "code_expired");
}

#[tokio::test]
async fn one_time_code_with_another_persons_name_is_not_sent() {
    let s = Server::start(true);
    let mut c = s.client();
    let r = c
        .post(
            "/api/v1/auth/code",
            json!({"name": "张三", "id_number": WANG.1, "mobile": WANG.2}),
        )
        .await;
    assert_eq!(r.status, 201);
    let j = r.json();
    assert!(j.get("demo_code").is_none(), "{j}");
    let r = c
        .post(
            "/api/v1/auth/code/verify",
            json!({"challenge_id": j["challenge_id"], "code": "123456"}),
        )
        .await;
    assert_eq!(r.status, 401);
    assert_eq!(r.problem_code(), "code_invalid");
}

#[tokio::test]
async fn code_is_not_returned_outside_demo_mode() {
    let s = Server::start(false);
    let r = s
        .client()
        .post(
            "/api/v1/auth/code",
            json!({"name": SUN.0, "id_number": SUN.1, "mobile": SUN.2}),
        )
        .await;
    assert_eq!(r.status, 201);
    assert!(r.json().get("demo_code").is_none());
}

#[tokio::test]
async fn service_password_change() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in(WANG).await;
    let mut other = s.client();
    other.sign_in(WANG).await;

    let r = c
        .post(
            "/api/v1/auth/password",
            json!({"current_password": WANG.3, "new_password": "12a"}),
        )
        .await;
    assert_eq!(
        field_codes(&r)[0],
        ("new_password".into(), "password.format".into())
    );
    let r = c
        .post(
            "/api/v1/auth/password",
            json!({"current_password": WANG.3, "new_password": "111111"}),
        )
        .await;
    assert_eq!(field_codes(&r)[0].1, "password.weak");
    let r = c
        .post(
            "/api/v1/auth/password",
            json!({"current_password": WANG.3, "new_password": WANG.3}),
        )
        .await;
    assert_eq!(field_codes(&r)[0].1, "password.initial");
    let r = c
        .post(
            "/api/v1/auth/password",
            json!({"current_password": "000000", "new_password": "635241"}),
        )
        .await;
    assert_eq!(r.status, 401);
    assert_eq!(r.problem_code(), "invalid_credentials");

    let r = c
        .post(
            "/api/v1/auth/password",
            json!({"current_password": WANG.3, "new_password": "635241"}),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.text());
    // This session stays, the other one is closed.
    assert_eq!(
        c.get("/api/v1/auth/session").await.json()["password_is_initial"],
        false
    );
    assert_eq!(other.get("/api/v1/auth/session").await.status, 401);
    let mut fresh = s.client();
    let r = fresh
        .post(
            "/api/v1/auth/sign-in",
            json!({"id_number": WANG.1, "password": WANG.3}),
        )
        .await;
    assert_eq!(r.status, 401);
    fresh.sign_in(("", WANG.1, "", "635241")).await;
}

#[tokio::test]
async fn applicant_without_card_has_no_service_password() {
    let s = Server::start(true);
    let mut c = s.client();
    c.sign_in_code(LIU.0, LIU.1, LIU.2).await;
    let r = c
        .post(
            "/api/v1/auth/password",
            json!({"current_password": "1", "new_password": "635241"}),
        )
        .await;
    assert_eq!(r.status, 409);
    assert_eq!(r.problem_code(), "no_card");
}

#[tokio::test]
async fn cross_origin_mutations_are_refused() {
    let s = Server::start(true);
    let mut c = s.client();
    c.origin = Some("http://evil.example".into());
    let r = c
        .post(
            "/api/v1/auth/sign-in",
            json!({"id_number": WANG.1, "password": WANG.3}),
        )
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(r.problem_code(), "origin_mismatch");
    c.origin = None;
    let r = c
        .send(
            hyper::Method::POST,
            "/api/v1/auth/sign-in",
            Some(json!({"id_number": WANG.1, "password": WANG.3})),
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(r.problem_code(), "origin_mismatch");
    // Same origin passes.
    c.origin = Some(s.base.clone());
    c.sign_in(WANG).await;
}

#[tokio::test]
async fn every_personal_endpoint_requires_a_session() {
    let s = Server::start(true);
    let mut c = s.client();
    for (m, p) in [
        ("GET", "/api/v1/auth/session"),
        ("POST", "/api/v1/auth/password"),
        ("POST", "/api/v1/auth/password/reset"),
        ("GET", "/api/v1/notices"),
        ("GET", "/api/v1/notices/settings"),
        ("PUT", "/api/v1/notices/settings"),
        ("GET", "/api/v1/draft"),
        ("PUT", "/api/v1/draft"),
        ("DELETE", "/api/v1/draft"),
        ("GET", "/api/v1/applications"),
        ("POST", "/api/v1/applications"),
        ("GET", "/api/v1/applications/app_0000000000000000"),
        ("GET", "/api/v1/cards"),
        ("GET", "/api/v1/cards/card_0000000000000000"),
        ("POST", "/api/v1/cards/card_0000000000000000/enable"),
        ("POST", "/api/v1/cards/card_0000000000000000/temporary-loss"),
        ("POST", "/api/v1/cards/card_0000000000000000/unfreeze"),
        (
            "POST",
            "/api/v1/cards/card_0000000000000000/financial-activation",
        ),
        ("POST", "/api/v1/cards/card_0000000000000000/formal-loss"),
    ] {
        let r = c
            .send(
                m.parse().unwrap(),
                p,
                Some(json!({})),
                &[("idempotency-key", "k")],
            )
            .await;
        assert_eq!(r.status, 401, "{m} {p}: {}", r.text());
        assert_eq!(r.problem_code(), "unauthenticated", "{m} {p}");
    }
}

#[tokio::test]
async fn correct_sign_ins_are_never_rate_limited() {
    let s = Server::start(true);
    let mut c = s.client();
    for _ in 0..30 {
        c.sign_in(WANG).await;
    }
}

#[tokio::test]
async fn service_password_reset_after_a_code_to_the_mobile_on_record() {
    let s = Server::start(true);
    // Another session of the holder, which the reset must end.
    let mut other = s.client();
    other.sign_in(LI).await;
    other
        .post(
            "/api/v1/auth/password",
            json!({"current_password": LI.3, "new_password": "246810"}),
        )
        .await;
    let mut other = s.client();
    other.sign_in(("", LI.1, "", "246810")).await;
    // A password session may not reset: the current password is the way there.
    let r = other
        .post(
            "/api/v1/auth/password/reset",
            json!({"new_password": "135790"}),
        )
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(r.problem_code(), "reset.needs_code");
    // Signed in with a code sent to the mobile on record: the password is reset.
    let mut c = s.client();
    c.sign_in_code(LI.0, LI.1, LI.2).await;
    let r = c
        .post(
            "/api/v1/auth/password/reset",
            json!({"new_password": "1357"}),
        )
        .await;
    assert_eq!(field_codes(&r)[0].1, "password.format");
    let r = c
        .post(
            "/api/v1/auth/password/reset",
            json!({"new_password": "135790"}),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.text());
    assert_eq!(other.get("/api/v1/auth/session").await.status, 401);
    let r = s
        .client()
        .post(
            "/api/v1/auth/sign-in",
            json!({"id_number": LI.1, "password": "246810"}),
        )
        .await;
    assert_eq!(r.status, 401);
    s.client().sign_in(("", LI.1, "", "135790")).await;
    let kinds: i64 = s.one(
        "SELECT COUNT(*) FROM notices n JOIN persons p ON p.id = n.person_id
         WHERE p.id_number = ?1 AND n.kind = 'password_reset'",
        [LI.1],
    );
    assert_eq!(kinds, 1);
    // Someone without a card has no password to reset.
    let mut sun = s.client();
    sun.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let r = sun
        .post(
            "/api/v1/auth/password/reset",
            json!({"new_password": "135790"}),
        )
        .await;
    assert_eq!(r.problem_code(), "no_card");
}

#[tokio::test]
async fn mobile_change_needs_the_old_phone_the_new_phone_and_the_registry() {
    let s = Server::start(true);
    let mut c = s.client();
    // A password session cannot change the mobile.
    c.sign_in(WANG).await;
    c.post(
        "/api/v1/auth/password",
        json!({"current_password": WANG.3, "new_password": "635241"}),
    )
    .await;
    let mut pw = s.client();
    pw.sign_in(("", WANG.1, "", "635241")).await;
    let r = pw
        .post("/api/v1/me/mobile", json!({"new_mobile": "13900000011"}))
        .await;
    assert_eq!(r.problem_code(), "contact.needs_code");
    // Signed in with a code to the current mobile:
    let mut c = s.client();
    c.sign_in_code(WANG.0, WANG.1, WANG.2).await;
    for (new, code) in [
        ("13912345678", "mobile.not_registered"),
        (WANG.2, "mobile.same"),
        ("123", "mobile.format"),
    ] {
        let r = c
            .post("/api/v1/me/mobile", json!({"new_mobile": new}))
            .await;
        assert_eq!(field_codes(&r)[0].1, code, "{new}");
    }
    let r = c
        .post("/api/v1/me/mobile", json!({"new_mobile": "13900000011"}))
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let sent = r.json();
    let code = sent["demo_code"].as_str().unwrap().to_owned();
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let r = c
        .post(
            "/api/v1/me/mobile/verify",
            json!({"challenge_id": sent["challenge_id"], "code": wrong}),
        )
        .await;
    assert_eq!(r.problem_code(), "code_invalid");
    // Another person cannot confirm it.
    let mut other = s.client();
    other.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let r = other
        .post(
            "/api/v1/me/mobile/verify",
            json!({"challenge_id": sent["challenge_id"], "code": code}),
        )
        .await;
    assert_eq!(r.problem_code(), "code_invalid");
    let r = c
        .post(
            "/api/v1/me/mobile/verify",
            json!({"challenge_id": sent["challenge_id"], "code": code}),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.text());
    let mobile: String = s.one("SELECT mobile FROM persons WHERE id_number = ?1", [WANG.1]);
    assert_eq!(mobile, "13900000011");
    // The password session elsewhere ended; the old number gets no more codes.
    assert_eq!(pw.get("/api/v1/auth/session").await.status, 401);
    let r = s
        .client()
        .post(
            "/api/v1/auth/code",
            json!({"name": WANG.0, "id_number": WANG.1, "mobile": WANG.2}),
        )
        .await;
    assert!(r.json().get("demo_code").is_none(), "{}", r.text());
    // Both numbers are told.
    let start = std::time::Instant::now();
    let mut to: Vec<String> = Vec::new();
    while start.elapsed() < std::time::Duration::from_secs(10) {
        to = s.rows(
            "SELECT to_mobile FROM notices WHERE kind = 'mobile_changed' AND state = 'sent' ORDER BY to_mobile",
            params![],
            |r| r.get(0),
        );
        if to.len() == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(to, [WANG.2, "13900000011"]);
}
