//! Several instances on one PostgreSQL database (issue 16), through real HTTP: what one
//! instance does, the other sees at once; what both are asked at the same moment happens
//! once; what a killed instance had in hand, the other finishes.
//!
//! They need a PostgreSQL cluster (`SSCARD_TEST_POSTGRES`, which `scripts/test.sh` starts for
//! the second run of the suite); without one they say so and pass, as the SQLite run has no
//! second instance to share with.

#[path = "common/mod.rs"]
mod common;

use std::{
    collections::HashMap,
    path::Path,
    time::{Duration, Instant},
};

use common::{Http, NEWCOMER, Server, people::*, postgres_admin};
use serde_json::{Value, json};
use sscard_server::params;

/// Two demo instances on one fresh PostgreSQL database, each with `args(n)` (n = 0, 1); `None`
/// without a cluster.
fn two_instances(args: impl Fn(usize) -> Vec<String>) -> Option<(Server, Server)> {
    if postgres_admin().is_none() {
        eprintln!("skipped: needs SSCARD_TEST_POSTGRES (scripts/test.sh runs it with PostgreSQL)");
        return None;
    }
    let a_args = args(0);
    let a = Server::start_with(true, &a_args.iter().map(String::as_str).collect::<Vec<_>>());
    let b_args = args(1);
    let b = a.another_instance(&b_args.iter().map(String::as_str).collect::<Vec<_>>());
    Some((a, b))
}

fn branch_body() -> Value {
    json!({"eligibility": {"insured_in_city": true}, "city": "beijing", "bank": "icbc",
        "pickup": "branch", "branch_id": "bj-icbc-dongcheng"})
}

/// A client of `server` holding the session of `signed_in`.
fn same_session(server: &Server, signed_in: &Http) -> Http {
    let mut c = server.client();
    c.cookie = signed_in.cookie.clone();
    c.device = signed_in.device.clone();
    c
}

#[tokio::test]
async fn a_session_from_one_instance_works_on_the_other_and_a_sign_out_ends_it_on_both() {
    let Some((a, b)) = two_instances(|_| Vec::new()) else {
        return;
    };
    let mut on_a = a.client();
    on_a.sign_in(WANG).await;
    let mut on_b = same_session(&b, &on_a);
    assert_eq!(on_b.get("/api/v1/auth/session").await.status, 200);
    assert_eq!(on_b.get("/api/v1/cards").await.status, 200);

    // Signed out on A: at once on B too, although B has just used the session (no cache
    // keeps it alive there for a moment).
    let r = on_a.post("/api/v1/auth/sign-out", json!({})).await;
    assert_eq!(r.status, 204, "{}", r.text());
    let r = on_b.get("/api/v1/cards").await;
    assert_eq!(r.status, 401, "{}", r.text());

    // A password change on B ends A's other session at once.
    let mut first = a.client();
    first.sign_in(WANG).await;
    let mut second = b.client();
    second.sign_in(WANG).await;
    assert_eq!(first.get("/api/v1/cards").await.status, 200);
    let r = second
        .post(
            "/api/v1/auth/password",
            json!({"current_password": WANG.3, "new_password": "635241"}),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.text());
    assert_eq!(first.get("/api/v1/cards").await.status, 401);
    assert_eq!(second.get("/api/v1/cards").await.status, 200);
}

#[tokio::test]
async fn one_idempotency_key_sent_to_both_instances_at_once_makes_one_application() {
    let Some((a, b)) = two_instances(|_| Vec::new()) else {
        return;
    };
    let mut on_a = a.client();
    on_a.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    let on_b = same_session(&b, &on_a);
    let mut tasks = Vec::new();
    for i in 0..10 {
        let mut c = if i % 2 == 0 {
            on_a.clone()
        } else {
            on_b.clone()
        };
        tasks.push(tokio::spawn(async move {
            c.apply("one-key", branch_body()).await
        }));
    }
    let (mut created, mut ids) = (0, std::collections::HashSet::new());
    for t in tasks {
        let r = t.await.unwrap();
        assert!(r.status == 201 || r.status == 200, "{}", r.text());
        created += usize::from(r.status == 201);
        ids.insert(r.json()["id"].as_str().unwrap().to_owned());
    }
    assert_eq!((created, ids.len()), (1, 1));
    let stored: i64 = a.one(
        "SELECT COUNT(*) FROM applications a JOIN persons p ON p.id = a.applicant_id
         WHERE p.id_number = ?1",
        [SUN.1],
    );
    assert_eq!(stored, 1);
}

#[tokio::test]
async fn wrong_passwords_count_across_instances() {
    let Some((a, b)) = two_instances(|_| Vec::new()) else {
        return;
    };
    // Five free tries per (ID number, client), spread over both instances: the sixth is held
    // back whichever instance it reaches.
    let (mut on_a, mut on_b) = (a.client(), b.client());
    for i in 0..6 {
        let c = if i % 2 == 0 { &mut on_a } else { &mut on_b };
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
    let r = on_a
        .post(
            "/api/v1/auth/sign-in",
            json!({"id_number": LI.1, "password": LI.3}),
        )
        .await;
    assert_eq!(r.status, 429, "the delay holds on the other instance too");
}

/// The JSON lines an outbox file holds, by message id (a message id twice is counted twice).
fn outbox(path: &Path) -> HashMap<String, usize> {
    let mut seen = HashMap::new();
    for line in std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.is_empty())
    {
        let v: Value = serde_json::from_str(line).unwrap();
        *seen
            .entry(v["message_id"].as_str().unwrap().to_owned())
            .or_insert(0) += 1;
    }
    seen
}

#[tokio::test]
async fn production_and_notices_advance_once_per_item_across_instances() {
    let dir = tempfile::tempdir().unwrap();
    let files = [dir.path().join("a.jsonl"), dir.path().join("b.jsonl")];
    let args = |n: usize| vec!["--notice-outbox".to_owned(), files[n].display().to_string()];
    let Some((a, b)) = two_instances(args) else {
        return;
    };
    // Applications of three people, on either instance.
    for (i, who) in [
        SUN,
        NEWCOMER,
        ("测试人", "11010119900101100X", "13900000100", ""),
    ]
    .into_iter()
    .enumerate()
    {
        let mut c = if i % 2 == 0 { a.client() } else { b.client() };
        c.sign_in_code(who.0, who.1, who.2).await;
        assert_eq!(c.apply("k", branch_body()).await.status, 201);
    }
    // Both instances move the shared demo clock half a month at the same moment: both
    // advances count, and each instance runs production at once.
    let (mut ca, mut cb) = (a.client(), b.client());
    let before = ca.today().await;
    let (ra, rb) = tokio::join!(
        ca.post("/api/v1/demo/clock/advance", json!({"days": 15})),
        cb.post("/api/v1/demo/clock/advance", json!({"days": 15})),
    );
    assert_eq!(ra.status, 200, "{}", ra.text());
    assert_eq!(rb.status, 200, "{}", rb.text());
    // Each instance follows the shared clock within a second or so.
    let start = Instant::now();
    while ca.today().await != before + chrono::Days::new(30)
        || cb.today().await != before + chrono::Days::new(30)
    {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the instances do not agree on the demo clock"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // A production tick on the month's end, on both at once again.
    let (ra, rb) = tokio::join!(
        ca.post("/api/v1/demo/clock/advance", json!({"days": 1})),
        cb.post("/api/v1/demo/clock/advance", json!({"days": 1})),
    );
    assert_eq!((ra.status.as_u16(), rb.status.as_u16()), (200, 200));

    // Every production step happened once: no application has an event kind twice.
    let twice: i64 = a.one(
        "SELECT COUNT(*) FROM (SELECT application_id, kind FROM application_events
             GROUP BY application_id, kind HAVING COUNT(*) > 1) AS doubled",
        params![],
    );
    assert_eq!(twice, 0, "a production step ran twice");
    let made: i64 = a.one(
        "SELECT COUNT(*) FROM application_events WHERE kind = 'made'",
        params![],
    );
    assert!(made >= 3, "the month made the three new cards: {made}");

    // Every notice due was handed to one gateway once, by one instance or the other.
    let start = Instant::now();
    let sent: Vec<String> = loop {
        let pending: i64 = a.one(
            "SELECT COUNT(*) FROM notices WHERE state = 'pending' AND due_on <= ?1",
            [ca.today().await.to_string()],
        );
        if pending == 0 || start.elapsed() > Duration::from_secs(30) {
            break a.rows(
                "SELECT message_id FROM notices WHERE state = 'sent'",
                params![],
                |r| r.get(0),
            );
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert!(
        sent.len() >= 6,
        "received and made, for three: {}",
        sent.len()
    );
    let (from_a, from_b) = (outbox(&files[0]), outbox(&files[1]));
    for id in &sent {
        let times = from_a.get(id).unwrap_or(&0) + from_b.get(id).unwrap_or(&0);
        assert_eq!(times, 1, "{id} went out {times} times");
    }
    assert_eq!(from_a.len() + from_b.len(), sent.len());
}

#[cfg(unix)]
#[tokio::test]
async fn what_a_killed_instance_had_claimed_the_other_delivers_after_the_lease() {
    if postgres_admin().is_none() {
        eprintln!("skipped: needs SSCARD_TEST_POSTGRES");
        return;
    }
    // A's gateway is a FIFO nobody reads: A claims the notice, then hangs handing it over.
    let dir = tempfile::tempdir().unwrap();
    let stuck = dir.path().join("stuck.fifo");
    let status = std::process::Command::new("mkfifo")
        .arg(&stuck)
        .status()
        .unwrap();
    assert!(status.success());
    let fine = dir.path().join("b.jsonl");
    let mut a = Server::start_with(true, &["--notice-outbox", stuck.to_str().unwrap()]);
    let mut c = a.client();
    c.sign_in_code(SUN.0, SUN.1, SUN.2).await;
    assert_eq!(c.apply("k", branch_body()).await.status, 201);
    // Wait until A has claimed it (a lease is set, still pending).
    let start = Instant::now();
    let claimed: String = loop {
        let row: Option<String> = a.one(
            "SELECT MIN(message_id) FROM notices WHERE kind = 'application_received'
               AND state = 'pending' AND next_attempt_at IS NOT NULL",
            params![],
        );
        if let Some(id) = row {
            break id;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "A never claimed it"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let killed_at = Instant::now();
    a.kill();

    let b = a.another_instance(&["--notice-outbox", fine.to_str().unwrap()]);
    let start = Instant::now();
    while !outbox(&fine).contains_key(&claimed) {
        assert!(
            start.elapsed() < Duration::from_secs(40),
            "B never delivered what A had claimed"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Not before the lease ran out (15 s): B did not take what A might still be sending.
    assert!(
        killed_at.elapsed() >= Duration::from_secs(10),
        "delivered {:?} after the kill, inside the lease",
        killed_at.elapsed()
    );
    let state: String = b.one(
        "SELECT state FROM notices WHERE message_id = ?1",
        [&claimed],
    );
    assert_eq!(state, "sent");
    assert_eq!(outbox(&fine)[&claimed], 1);
}

#[tokio::test]
async fn readiness_fails_while_the_database_is_gone_and_liveness_does_not() {
    let Some(admin) = postgres_admin() else {
        eprintln!("skipped: needs SSCARD_TEST_POSTGRES");
        return;
    };
    let s = Server::start(true);
    let mut c = s.client();
    assert_eq!(c.get("/api/v1/health/ready").await.status, 200);
    // The database goes away under the running server (its connections are cut).
    let url = std::fs::read_to_string(s.root.join("database.url")).unwrap();
    let name = url.rsplit('/').next().unwrap().to_owned();
    std::thread::spawn(move || {
        let mut c = postgres::Client::connect(&admin, postgres::NoTls).unwrap();
        c.batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"))
            .unwrap();
    })
    .join()
    .unwrap();
    let r = c.get("/api/v1/health/ready").await;
    assert_eq!(r.status, 503, "{}", r.text());
    assert_eq!(r.problem_code(), "not_ready");
    assert_eq!(c.get("/api/v1/health").await.status, 200);
}

#[tokio::test]
async fn an_instance_with_another_server_key_refuses_to_start() {
    if postgres_admin().is_none() {
        eprintln!("skipped: needs SSCARD_TEST_POSTGRES");
        return;
    }
    let a = Server::start(true);
    // The same database, a key of its own: it would count throttling in buckets of its own
    // and refuse the other instances' codes.
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(root.path().join("dist")).unwrap();
    common::write_fake_dist(&root.path().join("dist"));
    let url = std::fs::read_to_string(a.root.join("database.url")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sscard-server"))
        .args(["--addr", "127.0.0.1:0", "--demo", "--database", &url])
        .arg("--secret-key")
        .arg(common::random_hex(32))
        .arg("--dist")
        .arg(root.path().join("dist"))
        .arg("--data-dir")
        .arg(root.path().join("data"))
        .env_remove("SSCARD_SECRET_KEY")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--secret-key"), "{err}");
    assert!(out.stdout.is_empty(), "it never listened");
}

#[tokio::test]
async fn both_backends_have_the_same_tables_and_columns() {
    if postgres_admin().is_none() {
        eprintln!("skipped: needs SSCARD_TEST_POSTGRES");
        return;
    }
    let pg = Server::start(true);
    let lite = Server::start_on_sqlite(true, &[]);
    let pg_columns: Vec<String> = pg.rows(
        "SELECT table_name || '.' || column_name || ' ' ||
                CASE WHEN data_type = 'bigint' THEN 'INTEGER' ELSE 'TEXT' END ||
                CASE WHEN is_nullable = 'NO' THEN ' NOT NULL' ELSE '' END
         FROM information_schema.columns WHERE table_schema = 'public'
         ORDER BY 1",
        params![],
        |r| r.get(0),
    );
    let lite_columns: Vec<String> = lite.rows(
        "SELECT m.name || '.' || c.name || ' ' || c.type ||
                CASE WHEN c.\"notnull\" = 1 OR c.pk > 0 THEN ' NOT NULL' ELSE '' END
         FROM sqlite_master m, pragma_table_info(m.name) c
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
         ORDER BY 1",
        params![],
        |r| r.get(0),
    );
    assert_eq!(pg_columns, lite_columns);
    let pg_indexes: Vec<String> = pg.rows(
        "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'
           AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key' ORDER BY 1",
        params![],
        |r| r.get(0),
    );
    let lite_indexes: Vec<String> = lite.rows(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'
         ORDER BY 1",
        params![],
        |r| r.get(0),
    );
    assert_eq!(pg_indexes, lite_indexes);
}
