//! The security regression suite (issue 11): each test is an attack from the
//! review, run through real HTTP on loopback against the real server binary
//! and its SQLite file. Each failed against the code before the fix.
//!
//! Clients are told apart by their address: the servers here trust 127.0.0.1
//! as a reverse proxy (`--trusted-proxy`), so `X-Forwarded-For` names the
//! client, as it would behind a real proxy.

#[path = "common/mod.rs"]
mod common;

use sscard_server::params;
use std::time::{Duration, Instant};

use common::{Http, NEWCOMER, Res, Server, people::*};
use hyper::Method;
use serde_json::{Value, json};

/// Flags of a server that sees clients through a trusted proxy on loopback.
const BEHIND_PROXY: &[&str] = &["--trusted-proxy", "127.0.0.1"];

/// A request from client address `ip` (through the trusted proxy).
async fn post_from(c: &mut Http, ip: &str, path: &str, body: Value) -> Res {
    c.send(Method::POST, path, Some(body), &[("x-forwarded-for", ip)])
        .await
}

async fn password_from(c: &mut Http, ip: &str, id: &str, password: &str) -> Res {
    post_from(
        c,
        ip,
        "/api/v1/auth/sign-in",
        json!({"id_number": id, "password": password}),
    )
    .await
}

async fn code_from(c: &mut Http, ip: &str, name: &str, id: &str, mobile: &str) -> Res {
    post_from(
        c,
        ip,
        "/api/v1/auth/code",
        json!({"name": name, "id_number": id, "mobile": mobile}),
    )
    .await
}

async fn verify_from(c: &mut Http, ip: &str, challenge: &Value, code: &str) -> Res {
    post_from(
        c,
        ip,
        "/api/v1/auth/code/verify",
        json!({"challenge_id": challenge, "code": code}),
    )
    .await
}

/// Whether a sign-in answer means "the password is right": a session (200), or,
/// for the initial password, the code sent to the mobile on record (202).
fn right_password(r: &Res) -> bool {
    r.status == 200 || r.status == 202
}

/// The keys of a JSON object, sorted.
fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

// ---------------------------------------------------------------------------
// Finding 1: account takeover with a card holder's name and ID number.
// ---------------------------------------------------------------------------

#[tokio::test]
async fn takeover_a_code_for_someone_elses_id_at_another_mobile_is_never_sent() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut attacker = s.client();
    // The attacker knows 王建国's name and ID number, and uses their own mobile.
    let r = code_from(&mut attacker, "203.0.113.66", WANG.0, WANG.1, "13912345678").await;
    assert_eq!(r.status, 201, "{}", r.text());
    let sent = r.json();
    assert!(
        sent.get("demo_code").is_none(),
        "a code was issued for another person's ID number to the attacker's mobile: {sent}"
    );
    // Guessing is bounded: five wrong codes void the challenge.
    for i in 0..5 {
        let r = verify_from(
            &mut attacker,
            "203.0.113.66",
            &sent["challenge_id"],
            &format!("{i:06}"),
        )
        .await;
        assert_eq!(r.problem_code(), "code_invalid");
    }
    let r = verify_from(
        &mut attacker,
        "203.0.113.66",
        &sent["challenge_id"],
        "123456",
    )
    .await;
    assert_eq!(r.problem_code(), "code_expired");
    assert!(attacker.cookie.is_none(), "the attacker got a session");

    // Nothing was overwritten: the victim's mobile on record still gets the code.
    let mut victim = s.client();
    let j = victim.sign_in_code(WANG.0, WANG.1, WANG.2).await;
    assert_eq!(j["person"]["name"], WANG.0);
    let mobile: String = s.one("SELECT mobile FROM persons WHERE id_number = ?1", [WANG.1]);
    assert_eq!(mobile, WANG.2);
}

#[tokio::test]
async fn takeover_with_a_different_name_or_after_a_restart_fails_too() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut attacker = s.client();
    // Right ID number and mobile, wrong name: nothing is sent.
    let r = code_from(&mut attacker, "203.0.113.67", "张三", WANG.1, WANG.2).await;
    assert_eq!(r.status, 201);
    assert!(r.json().get("demo_code").is_none(), "{}", r.text());
    let held = r.json();
    // A challenge issued to the attacker is as useless after a restart.
    let s = s.restart();
    let mut attacker = s.client();
    let r = verify_from(
        &mut attacker,
        "203.0.113.67",
        &held["challenge_id"],
        "000000",
    )
    .await;
    assert_eq!(r.problem_code(), "code_invalid");
    // The victim's code survives the restart (the server key is kept, 0600).
    let mut victim = s.client();
    let r = code_from(&mut victim, "198.51.100.1", WANG.0, WANG.1, WANG.2).await;
    let sent = r.json();
    let s = s.restart();
    let mut victim = s.client();
    let r = verify_from(
        &mut victim,
        "198.51.100.1",
        &sent["challenge_id"],
        sent["demo_code"].as_str().unwrap(),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
}

#[tokio::test]
async fn takeover_race_attacker_and_victim_at_once_leave_the_victim_in_charge() {
    let s = Server::start_with(true, BEHIND_PROXY);
    // 孙悦 has no record yet; an attacker races her first sign-in with their own mobile.
    let mut tasks = Vec::new();
    for i in 0..6 {
        let mut c = s.client();
        let (ip, mobile) = if i == 0 {
            ("198.51.100.2".to_owned(), SUN.2)
        } else {
            (format!("203.0.113.{i}"), "13912345678")
        };
        tasks.push(tokio::spawn(async move {
            let r = code_from(&mut c, &ip, SUN.0, SUN.1, mobile).await;
            (i, ip, r.json())
        }));
    }
    let mut victim_code = None;
    for t in tasks {
        let (i, ip, sent) = t.await.unwrap();
        match (i, sent.get("demo_code")) {
            (0, Some(code)) => {
                victim_code = Some((
                    ip,
                    sent["challenge_id"].clone(),
                    code.as_str().unwrap().to_owned(),
                ))
            }
            (0, None) => panic!("the victim got no code"),
            (_, Some(code)) => {
                // The old code sent it: the attacker signs in as the victim.
                let mut attacker = s.client();
                let r = verify_from(
                    &mut attacker,
                    &ip,
                    &sent["challenge_id"],
                    code.as_str().unwrap(),
                )
                .await;
                panic!(
                    "a code went to the attacker's mobile; verify answered {}",
                    r.status
                );
            }
            (_, None) => {}
        }
    }
    // One code, one session, even when sent at once from several tabs.
    let (ip, challenge, code) = victim_code.unwrap();
    let mut tasks = Vec::new();
    for _ in 0..4 {
        let mut c = s.client();
        let (ip, challenge, code) = (ip.clone(), challenge.clone(), code.clone());
        tasks.push(tokio::spawn(async move {
            verify_from(&mut c, &ip, &challenge, &code).await.status
        }));
    }
    let mut ok = 0;
    for t in tasks {
        if t.await.unwrap() == 200 {
            ok += 1;
        }
    }
    assert_eq!(ok, 1);
    let mobile: String = s.one("SELECT mobile FROM persons WHERE id_number = ?1", [SUN.1]);
    assert_eq!(mobile, SUN.2);
}

#[tokio::test]
async fn outside_demo_mode_the_answer_does_not_tell_whether_a_code_was_sent() {
    let s = Server::start_with(false, BEHIND_PROXY);
    let mut c = s.client();
    // Details that match the registry (a code goes out) and details that do not.
    let matching = code_from(&mut c, "198.51.100.3", NEWCOMER.0, NEWCOMER.1, NEWCOMER.2).await;
    let other = code_from(
        &mut c,
        "198.51.100.4",
        NEWCOMER.0,
        NEWCOMER.1,
        "13912345678",
    )
    .await;
    let unknown = code_from(
        &mut c,
        "198.51.100.5",
        "张三",
        &common::id_number("11010119900307123"),
        "13912345678",
    )
    .await;
    for r in [&matching, &other, &unknown] {
        assert_eq!(r.status, 201, "{}", r.text());
        assert_eq!(keys(&r.json()), ["challenge_id", "expires_in"]);
        assert_eq!(r.json()["expires_in"], 300);
        assert_eq!(r.body.len(), matching.body.len(), "{}", r.text());
    }
}

// ---------------------------------------------------------------------------
// Finding 2: name squatting by the first sign-in.
// ---------------------------------------------------------------------------

#[tokio::test]
async fn name_squatting_the_first_sign_in_cannot_fix_an_unconfirmed_name_or_mobile() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut squatter = s.client();
    // 孙悦 has no record yet. Another name, or another mobile: nothing is sent.
    for (name, mobile) in [("李鬼", SUN.2), (SUN.0, "13912345678")] {
        let r = code_from(&mut squatter, "203.0.113.70", name, SUN.1, mobile).await;
        assert_eq!(r.status, 201);
        assert!(
            r.json().get("demo_code").is_none(),
            "{name} {mobile}: {}",
            r.text()
        );
    }
    let on_record: i64 = s.one("SELECT COUNT(*) FROM persons WHERE id_number = ?1", [SUN.1]);
    assert_eq!(on_record, 0, "no record was made for unconfirmed details");
    // The real person signs in with the name the registry confirms.
    let j = s.client().sign_in_code(SUN.0, SUN.1, SUN.2).await;
    assert_eq!(j["person"]["name"], SUN.0);
}

#[tokio::test]
async fn name_squatting_through_a_guardian_application_is_refused() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut guardian = s.client();
    guardian.sign_in(ZHAO).await;
    // A child's ID number with a name the registry does not confirm.
    let body = json!({
        "eligibility": {"card_held": "none", "insured_in_city": true, "proof_of_guardianship": true},
        "city": "beijing", "bank": "icbc", "pickup": "branch", "branch_id": "bj-icbc-dongcheng",
        "minor": {"name": "李鬼", "id_number": "110108202001011025", "guardianship_proof": "birth_certificate"}
    });
    let r = guardian.apply("squat", body.clone()).await;
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(common::field_codes(&r).contains(&("minor.name".into(), "identity_mismatch".into())));
    let on_record: i64 = s.one(
        "SELECT COUNT(*) FROM persons WHERE id_number = '110108202001011025'",
        params![],
    );
    assert_eq!(on_record, 0);
    // With the confirmed name (赵小川) it goes through.
    let mut body = body;
    body["minor"]["name"] = json!("赵小川");
    let r = guardian.apply("real", body).await;
    assert_eq!(r.status, 201, "{}", r.text());
}

// ---------------------------------------------------------------------------
// Finding 3: ID-number enumeration.
// ---------------------------------------------------------------------------

/// Median of `xs` (sorted in place).
fn median(xs: &mut [Duration]) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

#[tokio::test]
async fn enumeration_by_timing_known_and_unknown_id_numbers_take_the_same_time() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut c = s.client();
    // Known holders (wrong password) against unknown ID numbers, interleaved, each
    // attempt from its own address so that no throttling delay is reached.
    let known = [WANG.1, LI.1, CHEN.1, ZHAO.1];
    let (mut k, mut u) = (Vec::new(), Vec::new());
    for round in 0..6 {
        for (j, id) in known.iter().enumerate() {
            let ip = format!("198.51.{round}.{}", 10 + j);
            let t = Instant::now();
            let r = password_from(&mut c, &ip, id, "909090").await;
            k.push(t.elapsed());
            assert_eq!(r.problem_code(), "invalid_credentials");
            let unknown = common::id_number(&format!("11010119800{}15{j:03}", round + 1));
            let ip = format!("198.51.{round}.{}", 100 + j);
            let t = Instant::now();
            let r = password_from(&mut c, &ip, &unknown, "909090").await;
            u.push(t.elapsed());
            assert_eq!(r.problem_code(), "invalid_credentials");
        }
    }
    let (mk, mu) = (median(&mut k), median(&mut u));
    let ratio = mk.as_secs_f64() / mu.as_secs_f64();
    println!("sign-in median: known {mk:?}, unknown {mu:?}, ratio {ratio:.2}");
    assert!(
        (0.5..=2.0).contains(&ratio),
        "known {mk:?} vs unknown {mu:?}: ratio {ratio:.2} tells them apart"
    );
}

#[tokio::test]
async fn enumeration_by_lockout_known_and_unknown_id_numbers_answer_alike() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut c = s.client();
    let unknown = common::id_number("11010119800101555");
    let mut answers = Vec::new();
    for id in [LI.1, unknown.as_str()] {
        let mut seq = Vec::new();
        for _ in 0..8 {
            let r = password_from(&mut c, "203.0.113.80", id, "909090").await;
            let wait = r.header("retry-after").parse::<i64>().ok();
            seq.push((r.status.as_u16(), r.problem_code(), wait));
        }
        answers.push(seq);
    }
    for (k, u) in answers[0].iter().zip(&answers[1]) {
        assert_eq!((k.0, &k.1), (u.0, &u.1), "known vs unknown ID number");
        // Whole seconds may differ by one across a second boundary.
        match (k.2, u.2) {
            (None, None) => {}
            (Some(a), Some(b)) => assert!((a - b).abs() <= 1, "Retry-After {a} vs {b}"),
            other => panic!("Retry-After on one side only: {other:?}"),
        }
    }
    // And the sequence is: five evaluated tries, then growing delays.
    assert_eq!(answers[0][4].0, 401);
    assert_eq!(answers[0][5].0, 429);
}

#[tokio::test]
async fn enumeration_by_identity_mismatch_is_gone() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut c = s.client();
    let unknown = common::id_number("11010119800101666");
    let mut shapes = Vec::new();
    for id in [WANG.1, unknown.as_str()] {
        let r = code_from(&mut c, "203.0.113.81", "张三", id, WANG.2).await;
        assert_eq!(r.status, 201);
        let j = r.json();
        shapes.push(keys(&j));
        let r = verify_from(&mut c, "203.0.113.81", &j["challenge_id"], "123456").await;
        assert_eq!(r.status, 401);
        assert_eq!(r.problem_code(), "code_invalid", "{}", r.text());
    }
    assert_eq!(shapes[0], shapes[1]);
    assert_eq!(shapes[0], ["challenge_id", "expires_in"]);
}

// ---------------------------------------------------------------------------
// Finding 4: anyone can lock a citizen out.
// ---------------------------------------------------------------------------

#[tokio::test]
async fn lockout_code_requests_for_a_victim_do_not_block_their_password() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut attacker = s.client();
    for _ in 0..20 {
        code_from(&mut attacker, "203.0.113.90", WANG.0, WANG.1, "13912345678").await;
    }
    let mut victim = s.client();
    let r = password_from(&mut victim, "198.51.100.20", WANG.1, WANG.3).await;
    assert!(right_password(&r), "{}", r.text());
}

#[tokio::test]
async fn lockout_wrong_passwords_from_an_attacker_do_not_block_the_victim() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut attacker = s.client();
    let mut last = 0;
    for _ in 0..30 {
        last = password_from(&mut attacker, "203.0.113.91", LI.1, "909090")
            .await
            .status
            .as_u16();
    }
    assert_eq!(last, 429, "the attacker is slowed down");
    // The victim, from their own address, signs in at once.
    let mut victim = s.client();
    let r = password_from(&mut victim, "198.51.100.21", LI.1, LI.3).await;
    assert!(right_password(&r), "{}", r.text());
}

#[tokio::test]
async fn lockout_many_attacker_addresses_do_not_block_a_browser_the_victim_used_before() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut victim = s.client();
    let r = password_from(&mut victim, "198.51.100.22", CHEN.1, CHEN.3).await;
    let sent = r.json();
    verify_from(
        &mut victim,
        "198.51.100.22",
        &sent["challenge_id"],
        sent["demo_code"].as_str().unwrap(),
    )
    .await;
    assert!(victim.cookie.is_some() && victim.device.is_some());
    // The device cookie is what the browser keeps; the session may end.
    let r = victim.post("/api/v1/auth/sign-out", json!({})).await;
    assert_eq!(r.status, 204);
    // A distributed guesser: many addresses, few tries each, until the ID number is held back.
    let mut attacker = s.client();
    for i in 0..15 {
        password_from(&mut attacker, &format!("203.0.114.{i}"), CHEN.1, "909090").await;
    }
    let r = password_from(&mut attacker, "203.0.114.200", CHEN.1, CHEN.3).await;
    assert_eq!(
        r.status,
        429,
        "a new address is held back for this ID number: {}",
        r.text()
    );
    // The victim's browser is known: the correct password still works.
    let r = password_from(&mut victim, "198.51.100.22", CHEN.1, CHEN.3).await;
    assert!(right_password(&r), "{}", r.text());
}

#[tokio::test]
async fn lockout_a_shared_address_does_not_block_a_known_browser() {
    // --sign-in-attempts 1: ten failures per address before delays.
    let s = Server::start_with(true, &["--sign-in-attempts", "1"]);
    let mut victim = s.client();
    victim.sign_in(ZHAO).await;
    // Someone behind the same address (no trusted proxy: everyone is 127.0.0.1)
    // tries many ID numbers.
    let mut sprayer = s.client();
    for i in 0..15 {
        let id = common::id_number(&format!("11010119800202{i:03}"));
        sprayer
            .post(
                "/api/v1/auth/sign-in",
                json!({"id_number": id, "password": "909090"}),
            )
            .await;
    }
    let r = sprayer
        .post(
            "/api/v1/auth/sign-in",
            json!({"id_number": WANG.1, "password": WANG.3}),
        )
        .await;
    assert_eq!(
        r.status, 429,
        "the address is held back for unknown browsers"
    );
    let r = victim
        .post(
            "/api/v1/auth/sign-in",
            json!({"id_number": ZHAO.1, "password": ZHAO.3}),
        )
        .await;
    assert!(right_password(&r), "{}", r.text());
}

#[tokio::test]
async fn lockout_forwarded_headers_count_only_from_a_trusted_proxy() {
    // No trusted proxy: a forged X-Forwarded-For per request changes nothing.
    let s = Server::start(true);
    let mut attacker = s.client();
    let mut statuses = Vec::new();
    for i in 0..7 {
        statuses.push(
            password_from(&mut attacker, &format!("203.0.115.{i}"), LI.1, "909090")
                .await
                .status
                .as_u16(),
        );
    }
    assert_eq!(statuses, [401, 401, 401, 401, 401, 429, 429]);
}

#[tokio::test]
async fn lockout_counters_survive_a_restart() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut c = s.client();
    for _ in 0..5 {
        code_from(&mut c, "203.0.113.92", SUN.0, SUN.1, SUN.2).await;
    }
    let r = code_from(&mut c, "203.0.113.92", SUN.0, SUN.1, SUN.2).await;
    assert_eq!(r.status, 429, "{}", r.text());
    assert!(!r.header("retry-after").is_empty());
    let s = s.restart();
    let mut c = s.client();
    let r = code_from(&mut c, "203.0.113.92", SUN.0, SUN.1, SUN.2).await;
    assert_eq!(
        r.status,
        429,
        "the count was forgotten on restart: {}",
        r.text()
    );
}

// ---------------------------------------------------------------------------
// Finding 7: secrets at rest and in logs.
// ---------------------------------------------------------------------------

#[tokio::test]
async fn secrets_codes_id_numbers_and_mobiles_never_reach_the_log() {
    let s = Server::start_logged(true, BEHIND_PROXY);
    let mut c = s.client();
    let r = code_from(&mut c, "198.51.100.30", SUN.0, SUN.1, SUN.2).await;
    let sent = r.json();
    let code = sent["demo_code"].as_str().unwrap().to_owned();
    verify_from(&mut c, "198.51.100.30", &sent["challenge_id"], &code).await;
    password_from(&mut c, "198.51.100.31", WANG.1, "909090").await;
    for _ in 0..6 {
        password_from(&mut c, "198.51.100.32", LI.1, "909090").await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let log = s.log();
    assert!(log.contains("one-time code sent"), "{log}");
    for secret in [code.as_str(), SUN.1, SUN.2, WANG.1, LI.1] {
        assert!(!log.contains(secret), "{secret} in the log:\n{log}");
    }
}

#[tokio::test]
async fn secrets_stored_codes_and_passwords_resist_an_offline_attack() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut c = s.client();
    let r = code_from(&mut c, "198.51.100.33", SUN.0, SUN.1, SUN.2).await;
    let sent = r.json();
    let (challenge, code) = (
        sent["challenge_id"].as_str().unwrap(),
        sent["demo_code"].as_str().unwrap(),
    );
    let stored: String = s.one(
        "SELECT code_hash FROM otp_challenges WHERE id = ?1",
        [challenge],
    );
    use sha2::Digest;
    let plain = |s: String| {
        sha2::Sha256::digest(s.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    assert_ne!(
        stored,
        plain(format!("{challenge}:{code}")),
        "an unkeyed hash falls to a brute force"
    );
    assert_ne!(stored, plain(code.to_owned()));

    // A changed service password is stored as Argon2id.
    let mut holder = s.client();
    holder.sign_in(WANG).await;
    let r = holder
        .post(
            "/api/v1/auth/password",
            json!({"current_password": WANG.3, "new_password": "635241"}),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.text());
    let hash: String = s.one(
        "SELECT password_hash FROM persons WHERE id_number = ?1",
        [WANG.1],
    );
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
}

#[cfg(unix)]
#[tokio::test]
async fn secrets_data_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    // The SQLite file and the key file of the data directory.
    let s = Server::start_on_sqlite(true, &[]);
    // A write, so that the WAL files exist.
    s.client().sign_in(WANG).await;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let data = s.root.join("data");
    assert_eq!(mode(&data), 0o700);
    for f in std::fs::read_dir(&data).unwrap() {
        let p = f.unwrap().path();
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
    assert!(data.join("server.key").exists());
}

// ---------------------------------------------------------------------------
// Finding 9: the lockout race.
// ---------------------------------------------------------------------------

#[tokio::test]
async fn lockout_race_concurrent_guesses_get_no_more_than_the_allowed_tries() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut tasks = Vec::new();
    for i in 0..12 {
        let mut c = s.client();
        tasks.push(tokio::spawn(async move {
            password_from(&mut c, "203.0.113.95", LI.1, &format!("90909{}", i % 10))
                .await
                .status
                .as_u16()
        }));
    }
    let mut evaluated = 0;
    for t in tasks {
        match t.await.unwrap() {
            401 => evaluated += 1,
            429 => {}
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!(evaluated, 5, "wrong guesses evaluated");
    // Even the right password is not evaluated from that client now…
    let mut c = s.client();
    assert_eq!(
        password_from(&mut c, "203.0.113.95", LI.1, LI.3)
            .await
            .status,
        429
    );
    // …but works from the victim's.
    assert!(right_password(
        &password_from(&mut c, "198.51.100.40", LI.1, LI.3).await
    ));
}

// ---------------------------------------------------------------------------
// Security notices: recorded with the change they report.
// ---------------------------------------------------------------------------

#[tokio::test]
async fn security_events_are_recorded_for_password_changes_and_loss_reports() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut c = s.client();
    c.sign_in(WANG).await;
    let r = c
        .post(
            "/api/v1/auth/password",
            json!({"current_password": WANG.3, "new_password": "635241"}),
        )
        .await;
    assert_eq!(r.status, 204);
    let cards = c.get("/api/v1/cards").await.json();
    let card = cards[0]["id"].as_str().unwrap().to_owned();
    let r = c
        .post(&format!("/api/v1/cards/{card}/temporary-loss"), json!({}))
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let kinds: Vec<String> = s.rows(
        "SELECT e.kind FROM security_events e JOIN persons p ON p.id = e.person_id
         WHERE p.id_number = ?1 ORDER BY e.id",
        [WANG.1],
        |r| r.get(0),
    );
    assert_eq!(
        kinds,
        [
            "new_device_sign_in",
            "password_changed",
            "temporary_loss_reported"
        ]
    );
}

#[test]
fn name_squatting_without_demo_mode_the_server_refuses_to_start_without_a_registry() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("dist")).unwrap();
    common::write_fake_dist(&tmp.path().join("dist"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sscard-server"))
        .args(["--addr", "127.0.0.1:0", "--dist"])
        .arg(tmp.path().join("dist"))
        .arg("--data-dir")
        .arg(tmp.path().join("data"))
        .env_remove("SSCARD_DEMO")
        .env_remove("SSCARD_IDENTITY_REGISTRY")
        .stdin(std::process::Stdio::null())
        .output_with_timeout(Duration::from_secs(10));
    assert!(!out.0, "the server started without an identity registry");
    assert!(out.1.contains("identity registry"), "{}", out.1);
}

/// Runs a command for at most `limit`; (exited successfully or still running, stderr).
trait OutputWithTimeout {
    fn output_with_timeout(&mut self, limit: Duration) -> (bool, String);
}

impl OutputWithTimeout for std::process::Command {
    fn output_with_timeout(&mut self, limit: Duration) -> (bool, String) {
        let log = tempfile::NamedTempFile::new().unwrap();
        let mut child = self
            .stdout(std::process::Stdio::null())
            .stderr(log.reopen().unwrap())
            .spawn()
            .unwrap();
        let start = Instant::now();
        let ok = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status.success();
            }
            if start.elapsed() > limit {
                // Still serving: it started.
                let _ = child.kill();
                let _ = child.wait();
                break true;
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        (ok, std::fs::read_to_string(log.path()).unwrap_or_default())
    }
}

// ---------------------------------------------------------------------------
// Found by the review of the fix (an attack on the new code).
// ---------------------------------------------------------------------------

#[tokio::test]
async fn takeover_the_initial_password_alone_opens_no_session() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut attacker = s.client();
    // The initial password is the ID number's last 6: whoever has the number has it.
    let r = password_from(&mut attacker, "203.0.113.120", CHEN.1, CHEN.3).await;
    assert_eq!(r.status, 202, "{}", r.text());
    assert!(
        attacker.cookie.is_none(),
        "a session for the initial password alone"
    );
    assert_eq!(attacker.get("/api/v1/auth/session").await.status, 401);
    assert_eq!(attacker.get("/api/v1/cards").await.status, 401);
    // The code went to the mobile on record, which the attacker does not hold.
    let to: String = s.one(
        "SELECT mobile FROM otp_challenges WHERE id = ?1",
        [r.json()["challenge_id"].as_str().unwrap()],
    );
    assert_eq!(to, CHEN.2);
}

#[tokio::test]
async fn text_bombing_codes_stop_for_a_day_after_ten() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut c = s.client();
    let mut sent = 0;
    for i in 0..12 {
        let r = code_from(&mut c, &format!("203.0.116.{i}"), SUN.0, SUN.1, SUN.2).await;
        assert_eq!(r.status, 201);
        sent += usize::from(r.json().get("demo_code").is_some());
    }
    assert_eq!(sent, 10);
    let (last, until): (i64, i64) = s.row(
        "SELECT last_at, blocked_until FROM throttle WHERE bucket LIKE 'code-sent:%'",
        params![],
        |r| Ok((r.get(0)?, r.get(1)?)),
    );
    assert!(
        until - last >= 24 * 3600,
        "texts resume after {} s",
        until - last
    );
}

#[tokio::test]
async fn text_bombing_the_alert_after_wrong_passwords_comes_once_a_day() {
    let s = Server::start_with(true, BEHIND_PROXY);
    // A holder who changed the initial password (the alert is for password sign-ins).
    let mut holder = s.client();
    holder.sign_in(WANG).await;
    let r = holder
        .post(
            "/api/v1/auth/password",
            json!({"current_password": WANG.3, "new_password": "635241"}),
        )
        .await;
    assert_eq!(r.status, 204);
    let mut attacker = s.client();
    for i in 0..3 {
        password_from(&mut attacker, &format!("203.0.117.{i}"), WANG.1, "909090").await;
    }
    for i in 0..3 {
        let mut c = s.client();
        let r = password_from(&mut c, &format!("198.51.101.{i}"), WANG.1, "635241").await;
        assert_eq!(r.status, 200, "{}", r.text());
    }
    let alerts: i64 = s.one(
        "SELECT COUNT(*) FROM notices n JOIN persons p ON p.id = n.person_id
         WHERE p.id_number = ?1 AND n.kind = 'sign_in_after_failures'",
        [WANG.1],
    );
    assert_eq!(alerts, 1);
}

#[tokio::test]
async fn takeover_the_initial_password_alone_cannot_use_up_the_holders_codes() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut attacker = s.client();
    for i in 0..12 {
        password_from(&mut attacker, &format!("203.0.119.{i}"), CHEN.1, CHEN.3).await;
    }
    let r = password_from(&mut attacker, "203.0.119.200", CHEN.1, CHEN.3).await;
    assert_eq!(r.status, 429, "{}", r.text());
    // The holder still gets a code with name and mobile, and signs in.
    let mut holder = s.client();
    let r = code_from(&mut holder, "198.51.102.1", CHEN.0, CHEN.1, CHEN.2).await;
    assert!(r.json().get("demo_code").is_some(), "{}", r.text());
    let sent = r.json();
    let r = verify_from(
        &mut holder,
        "198.51.102.1",
        &sent["challenge_id"],
        sent["demo_code"].as_str().unwrap(),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
}

#[tokio::test]
async fn takeover_an_initial_password_hash_stored_before_the_upgrade_no_longer_skips_the_code() {
    // An upgrade of a SQLite file from before PostgreSQL was supported.
    let mut s = Server::start_on_sqlite(true, &[]);
    // The database as the earlier code left it: the initial password stored as a
    // PBKDF2 hash (password_is_initial = 1), and migrations up to 0004.
    s.stop();
    {
        use sha2::Sha256;
        let salt = [7u8; 16];
        let mut out = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<Sha256>(WANG.3.as_bytes(), &salt, 1000, &mut out);
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        let db = rusqlite::Connection::open(s.root.join("data/sscard.sqlite3")).unwrap();
        db.execute(
            "UPDATE persons SET password_hash = ?2, password_is_initial = 1 WHERE id_number = ?1",
            [
                WANG.1,
                &format!("pbkdf2-sha256$1000${}${}", hex(&salt), hex(&out)),
            ],
        )
        .unwrap();
        // Back to the schema of migration 0004: undo what 0005 and later added.
        db.execute_batch(
            "ALTER TABLE otp_challenges DROP COLUMN after_password;
             DROP TABLE mobile_changes;
             ALTER TABLE notices DROP COLUMN detail;
             DROP INDEX applications_replaces;
             ALTER TABLE applications DROP COLUMN replaces_card_id;
             ALTER TABLE applications DROP COLUMN replacement_reason;
             ALTER TABLE cards DROP COLUMN replaced_by;
             ALTER TABLE persons DROP COLUMN address;
             ALTER TABLE persons DROP COLUMN occupation;
             ALTER TABLE persons DROP COLUMN details_updated_at;
             DROP INDEX applications_reference;
             ALTER TABLE applications DROP COLUMN reference;
             DROP INDEX sessions_expiry;
             DROP INDEX trusted_devices_expiry;
             DROP INDEX otp_challenges_expiry;
             DROP INDEX throttle_idle;",
        )
        .unwrap();
        // The code before left no migration table: the count says what ran.
        db.execute_batch("DROP TABLE schema_migrations;").unwrap();
        db.pragma_update(None, "user_version", 4).unwrap();
    }
    let s = s.restart();
    let r = s
        .client()
        .post(
            "/api/v1/auth/sign-in",
            json!({"id_number": WANG.1, "password": WANG.3}),
        )
        .await;
    assert_eq!(
        r.status,
        202,
        "the initial password opened a session at once: {}",
        r.text()
    );
}

#[tokio::test]
async fn lockout_current_password_guesses_count_per_id_across_addresses() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut thief = s.client();
    thief.sign_in(WANG).await;
    let mut statuses = Vec::new();
    for i in 0..14 {
        let r = post_from(
            &mut thief,
            &format!("203.0.118.{i}"),
            "/api/v1/auth/password",
            json!({"current_password": format!("90909{}", i % 10), "new_password": "635241"}),
        )
        .await;
        statuses.push(r.status.as_u16());
    }
    let evaluated = statuses.iter().filter(|s| **s == 401).count();
    assert!(evaluated <= 10, "{statuses:?}");
    assert_eq!(statuses.last(), Some(&429), "{statuses:?}");
}

#[tokio::test]
async fn a_password_change_on_one_instance_ends_sessions_on_another() {
    let a = Server::start_with(true, BEHIND_PROXY);
    let b = Server::spawn_with(&a.root, true, BEHIND_PROXY);
    // A thief's session, used (so cached) on instance B.
    let mut thief = b.client();
    thief.sign_in(WANG).await;
    assert_eq!(thief.get("/api/v1/auth/session").await.status, 200);
    // The holder changes the password on instance A: every other session ends.
    let mut holder = a.client();
    holder.sign_in(WANG).await;
    let r = holder
        .post(
            "/api/v1/auth/password",
            json!({"current_password": WANG.3, "new_password": "635241"}),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.text());
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(thief.get("/api/v1/auth/session").await.status, 401);
    assert_eq!(thief.get("/api/v1/cards").await.status, 401);
}

#[tokio::test]
async fn a_stranger_cannot_apply_for_someone_elses_child_nor_learn_who_is_whose() {
    let s = Server::start_with(true, BEHIND_PROXY);
    let mut stranger = s.client();
    stranger.sign_in(CHEN).await;
    let body = |name: &str, id: &str| {
        json!({
            "eligibility": {"card_held": "none", "insured_in_city": true, "proof_of_guardianship": true},
            "city": "beijing", "bank": "icbc", "pickup": "branch", "branch_id": "bj-icbc-dongcheng",
            "minor": {"name": name, "id_number": id, "guardianship_proof": "birth_certificate"}
        })
    };
    // The right name of 赵磊's children and a wrong one answer alike: not confirmed.
    let mut answers = Vec::new();
    for (i, (name, id)) in [
        ("赵小川", "110108202001011025"),
        ("赵小雨", "110108201809153064"),
        ("李鬼", "110108202001011025"),
    ]
    .into_iter()
    .enumerate()
    {
        let r = stranger.apply(&format!("guess-{i}"), body(name, id)).await;
        assert!(
            !r.text().contains("app_"),
            "another applicant's reference leaked: {}",
            r.text()
        );
        answers.push((r.status.as_u16(), common::field_codes(&r)));
    }
    assert!(answers.iter().all(|a| *a == answers[0]), "{answers:?}");
    assert_eq!(
        answers[0].1,
        [("minor.name".to_owned(), "identity_mismatch".to_owned())]
    );
    // Guessing is slowed down.
    let mut last = 0;
    for i in 0..4 {
        last = stranger
            .apply(&format!("more-{i}"), body("赵小川", "110108202001011025"))
            .await
            .status
            .as_u16();
    }
    assert_eq!(last, 429);
    // The real guardian applies.
    let mut guardian = s.client();
    guardian.sign_in(ZHAO).await;
    let r = guardian
        .apply("real", body("赵小川", "110108202001011025"))
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
}
