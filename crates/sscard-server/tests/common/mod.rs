//! Test harness: starts the real `sscard-server` binary on 127.0.0.1:0 with a
//! temporary dist and data directory, and a tiny HTTP/1 client.

#![allow(dead_code)]

use std::{
    io::{BufRead, BufReader},
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::Duration,
};

use http_body_util::{BodyExt, Full};
use hyper::{Method, Request, StatusCode, header::HeaderMap};
use hyper_util::{client::legacy::Client, rt::TokioExecutor};
use sscard_server::db::{Conn, DbResult, FromValue, Params, Row, Target, connect_once};

/// The fake app page: one inline module loader, like Trunk's.
pub const INDEX_HTML: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>sscard</title>
<link rel="modulepreload" href="/x-abc123.js" crossorigin="anonymous" integrity="sha384-AAAA">
<link rel="preload" href="/x-abc123_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm">
</head><body>
<script type="module">
import init from '/x-abc123.js';
const wasm = await init({ module_or_path: '/x-abc123_bg.wasm' });
</script></body></html>
"#;

/// The inline loader's exact text (what the CSP hash covers).
pub const INLINE_SCRIPT: &str = "\nimport init from '/x-abc123.js';\nconst wasm = await init({ module_or_path: '/x-abc123_bg.wasm' });\n";

/// Writes a fake Trunk output into `dir`.
pub fn write_fake_dist(dir: &Path) {
    std::fs::write(dir.join("index.html"), INDEX_HTML).unwrap();
    // "\0asm" + version 1: a valid empty wasm module, padded so compression kicks in.
    let mut wasm = vec![0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    wasm.extend(std::iter::repeat_n(0u8, 0));
    std::fs::write(dir.join("x-abc123_bg.wasm"), wasm).unwrap();
    std::fs::write(
        dir.join("x-abc123.js"),
        "export default async function init() {}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("favicon.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
}

/// A running server process; killed on drop.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// Temp dir holding `dist/` and `data/` (kept so a restart sees the same data).
    pub root: PathBuf,
    _tmp: Option<tempfile::TempDir>,
    pub demo: bool,
    /// Extra flags it was started with (kept for a restart).
    pub args: Vec<String>,
}

impl Server {
    /// Starts a server with a fresh temp dist and data dir.
    pub fn start(demo: bool) -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        std::fs::create_dir_all(root.join("dist")).unwrap();
        write_fake_dist(&root.join("dist"));
        let mut s = Self::spawn(&root, demo);
        s._tmp = Some(tmp);
        s
    }

    /// Starts a server on SQLite whatever the suite runs on (tests about the data directory
    /// and the SQLite file itself).
    pub fn start_on_sqlite(demo: bool, args: &[&str]) -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        std::fs::create_dir_all(root.join("dist")).unwrap();
        write_fake_dist(&root.join("dist"));
        std::fs::write(root.join("sqlite.only"), "").unwrap();
        let mut s = Self::spawn_with(&root, demo, args);
        s._tmp = Some(tmp);
        s
    }

    /// Starts another instance on this server's PostgreSQL database, with the same server key
    /// and its own temp dir, with `args` (a second machine behind the same load balancer).
    pub fn another_instance(&self, args: &[&str]) -> Self {
        assert!(self.on_postgres(), "instances share a PostgreSQL database");
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        std::fs::create_dir_all(root.join("dist")).unwrap();
        write_fake_dist(&root.join("dist"));
        for f in ["database.url", "secret.key"] {
            std::fs::copy(self.root.join(f), root.join(f)).unwrap();
        }
        let mut s = Self::spawn_with(&root, self.demo, args);
        s._tmp = Some(tmp);
        s
    }

    /// Kills the process with SIGKILL: no shutdown, work in hand is left as it is.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Starts a server on an existing root (for restart tests).
    pub fn spawn(root: &Path, demo: bool) -> Self {
        Self::spawn_with(root, demo, &[])
    }

    /// Starts a server with a fresh temp dist and data dir and extra flags.
    pub fn start_with(demo: bool, args: &[&str]) -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        std::fs::create_dir_all(root.join("dist")).unwrap();
        write_fake_dist(&root.join("dist"));
        let mut s = Self::spawn_with(&root, demo, args);
        s._tmp = Some(tmp);
        s
    }

    /// Starts a server on `root` with extra flags. The identity registry is the
    /// test one ([`REGISTRY`]), in demo mode too (added to the demo people).
    pub fn spawn_with(root: &Path, demo: bool, args: &[&str]) -> Self {
        Self::spawn_inner(root, demo, args, false)
    }

    /// Like [`Server::start_with`], with the log at INFO written to `<root>/server.log`.
    pub fn start_logged(demo: bool, args: &[&str]) -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        std::fs::create_dir_all(root.join("dist")).unwrap();
        write_fake_dist(&root.join("dist"));
        let mut s = Self::spawn_inner(&root, demo, args, true);
        s._tmp = Some(tmp);
        s
    }

    /// What the server logged so far (servers started with [`Server::start_logged`]).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.root.join("server.log")).unwrap_or_default()
    }

    /// Where this server keeps its data: the SQLite file under `data/`, or the PostgreSQL
    /// database made for it (see [`postgres_admin`]).
    pub fn target(&self) -> Target {
        match std::fs::read_to_string(self.root.join("database.url")) {
            Ok(url) => Target::Postgres(url.trim().to_owned()),
            Err(_) => Target::Sqlite(self.root.join("data")),
        }
    }

    /// Whether this server runs on PostgreSQL.
    pub fn on_postgres(&self) -> bool {
        matches!(self.target(), Target::Postgres(_))
    }

    /// Runs `f` on one connection to the server's database, on a thread of its own (the
    /// PostgreSQL client blocks, and tests run inside a runtime).
    pub fn sql<T: Send>(&self, f: impl FnOnce(&Conn<'_>) -> DbResult<T> + Send) -> T {
        let target = self.target();
        std::thread::scope(|scope| {
            scope
                .spawn(|| connect_once(&target, f))
                .join()
                .expect("database thread")
        })
        .unwrap_or_else(|e| panic!("database: {e}"))
    }

    /// The single value `sql` selects.
    pub fn one<T: FromValue + Send>(&self, sql: &str, params: impl Params) -> T {
        self.row(sql, params, |r| r.get(0))
    }

    /// The first row `sql` selects, through `f`.
    pub fn row<T: Send>(
        &self,
        sql: &str,
        params: impl Params,
        f: impl FnOnce(&Row<'_>) -> DbResult<T> + Send,
    ) -> T {
        let values = params.values();
        self.sql(move |c| c.query_row(sql, values, f))
    }

    /// Every row `sql` selects, each through `f`.
    pub fn rows<T: Send>(
        &self,
        sql: &str,
        params: impl Params,
        f: impl FnMut(&Row<'_>) -> DbResult<T> + Send,
    ) -> Vec<T> {
        let values = params.values();
        self.sql(move |c| c.query_all(sql, values, f))
    }

    /// Runs one changing statement; returns how many rows it changed.
    pub fn exec(&self, sql: &str, params: impl Params) -> usize {
        let values = params.values();
        self.sql(move |c| c.execute(sql, values))
    }

    fn spawn_inner(root: &Path, demo: bool, args: &[&str], log: bool) -> Self {
        std::fs::write(root.join("registry.json"), REGISTRY).unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sscard-server"));
        if let Some((url, key)) = postgres_database(root) {
            cmd.arg("--database").arg(url).arg("--secret-key").arg(key);
        }
        cmd.args(args)
            .arg("--identity-registry")
            .arg(root.join("registry.json"))
            .env_remove("SSCARD_IDENTITY_REGISTRY")
            .env_remove("SSCARD_TRUSTED_PROXIES")
            .env_remove("SSCARD_SECRET_KEY")
            .env_remove("SSCARD_DATABASE_URL")
            .env_remove("SSCARD_MAX_CONNECTIONS")
            .env_remove("SSCARD_HEADER_READ_TIMEOUT_SECS")
            .env_remove("SSCARD_PUBLIC_ORIGIN")
            .arg("--addr")
            .arg("127.0.0.1:0")
            .arg("--dist")
            .arg(root.join("dist"))
            .arg("--data-dir")
            .arg(root.join("data"))
            .env_remove("SSCARD_DEMO")
            .env_remove("SSCARD_SIGN_IN_ATTEMPTS")
            .env_remove("SSCARD_LOG_FORMAT")
            .stdout(Stdio::piped());
        if log {
            cmd.env("RUST_LOG", "info")
                .stderr(std::fs::File::create(root.join("server.log")).unwrap());
        } else {
            cmd.env("RUST_LOG", "warn").stderr(Stdio::inherit());
        }
        if demo {
            cmd.arg("--demo");
        }
        let mut child = cmd.spawn().expect("start sscard-server");
        let stdout = child.stdout.take().unwrap();
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        let base = line
            .trim()
            .strip_prefix("sscard-server listening on ")
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .to_owned();
        Self {
            child,
            base,
            root: root.to_path_buf(),
            _tmp: None,
            demo,
            args: args.iter().map(|a| (*a).to_owned()).collect(),
        }
    }

    /// Stops the process with SIGTERM and waits (graceful shutdown).
    pub fn stop(&mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        for _ in 0..100 {
            if let Some(st) = self.child.try_wait().unwrap() {
                return st;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        self.child.kill().unwrap();
        self.child.wait().unwrap()
    }

    /// Stops this server and starts a new one on the same data; keeps the temp dir alive.
    pub fn restart(mut self) -> Self {
        self.stop();
        let tmp = self._tmp.take();
        let mut s = Self::spawn_with(&self.root, self.demo, &self.args_ref());
        s._tmp = tmp;
        s
    }

    /// Kills the process with SIGKILL (no shutdown at all) and starts a new one
    /// on the same data and flags.
    pub fn crash_and_restart(mut self) -> Self {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let tmp = self._tmp.take();
        let mut s = Self::spawn_with(&self.root, self.demo, &self.args_ref());
        s._tmp = tmp;
        s
    }

    fn args_ref(&self) -> Vec<&str> {
        self.args.iter().map(String::as_str).collect()
    }

    /// A client bound to this server.
    pub fn client(&self) -> Http {
        Http::new(&self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A response, fully read.
#[derive(Debug)]
pub struct Res {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Res {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
    /// The problem `code` of a problem+json answer (asserting the media type).
    pub fn problem_code(&self) -> String {
        assert_eq!(
            self.header("content-type"),
            "application/problem+json",
            "{}",
            self.text()
        );
        self.json()["code"].as_str().unwrap().to_owned()
    }
}

/// Minimal HTTP client with a cookie jar of one session cookie.
#[derive(Clone)]
pub struct Http {
    base: String,
    client: Client<hyper_util::client::legacy::connect::HttpConnector, Full<bytes::Bytes>>,
    /// The session cookie (`sscard_session=…`).
    pub cookie: Option<String>,
    /// The browser's device cookie (`sscard_device=…`), kept across sign-outs.
    pub device: Option<String>,
    pub origin: Option<String>,
}

impl Http {
    pub fn new(base: &str) -> Self {
        Self {
            base: base.to_owned(),
            client: Client::builder(TokioExecutor::new()).build_http(),
            cookie: None,
            device: None,
            origin: Some(base.to_owned()),
        }
    }

    /// Sends a request; `headers` are extra `(name, value)` pairs.
    pub async fn send(
        &mut self,
        method: Method,
        path: &str,
        body: Option<serde_json::Value>,
        headers: &[(&str, &str)],
    ) -> Res {
        let mut req = Request::builder()
            .method(method.clone())
            .uri(format!("{}{}", self.base, path));
        let jar: Vec<&str> = [&self.cookie, &self.device]
            .into_iter()
            .filter_map(|c| c.as_deref())
            .collect();
        if !jar.is_empty() {
            req = req.header("cookie", jar.join("; "));
        }
        if method != Method::GET
            && method != Method::HEAD
            && let Some(o) = &self.origin
        {
            req = req.header("origin", o.as_str());
        }
        let bytes = match &body {
            Some(v) => {
                req = req.header("content-type", "application/json");
                serde_json::to_vec(v).unwrap()
            }
            None => Vec::new(),
        };
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let res = self
            .client
            .request(req.body(Full::new(bytes.into())).unwrap())
            .await
            .expect("request");
        let status = res.status();
        let headers = res.headers().clone();
        for sc in headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
        {
            let pair = sc.split(';').next().unwrap_or_default().to_owned();
            let slot = if pair.starts_with("sscard_device=") {
                &mut self.device
            } else {
                &mut self.cookie
            };
            *slot = (!pair.ends_with('=')).then_some(pair);
        }
        let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        Res {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&mut self, path: &str) -> Res {
        self.send(Method::GET, path, None, &[]).await
    }
    pub async fn get_with(&mut self, path: &str, headers: &[(&str, &str)]) -> Res {
        self.send(Method::GET, path, None, headers).await
    }
    pub async fn post(&mut self, path: &str, body: serde_json::Value) -> Res {
        self.send(Method::POST, path, Some(body), &[]).await
    }
    pub async fn put(&mut self, path: &str, body: serde_json::Value) -> Res {
        self.send(Method::PUT, path, Some(body), &[]).await
    }
    pub async fn delete(&mut self, path: &str) -> Res {
        self.send(Method::DELETE, path, None, &[]).await
    }
}

/// The identity registry the test servers use (besides the demo people in demo mode):
/// fictitious people the tests sign up with a one-time code.
pub const REGISTRY: &str = r#"{"people": [
  {"name": "测试人", "id_number": "11010119900101100X", "mobile": "13900000100"},
  {"name": "测试人", "id_number": "110101199001011018", "mobile": "13900000101"},
  {"name": "测试人", "id_number": "110101199001011026", "mobile": "13900000102"},
  {"name": "测试人", "id_number": "110101199001011034", "mobile": "13900000103"},
  {"name": "测试人", "id_number": "110101199001011042", "mobile": "13900000104"},
  {"name": "测试人", "id_number": "110101199001011050", "mobile": "13900000105"},
  {"name": "测试人", "id_number": "110101199001011069", "mobile": "13900000106"},
  {"name": "测试人", "id_number": "110101199001011077", "mobile": "13900000107"},
  {"name": "钱小明", "id_number": "110101201201010036", "mobile": "13900000001"},
  {"name": "赵小川", "id_number": "110108202001011025", "guardians": ["110108198806066059"]},
  {"name": "孙悦", "id_number": "110112199505057078", "mobile": "13800000006"},
  {"name": "周新", "id_number": "11010119920304001X", "mobile": "13700000001"}
]}"#;

/// A fictitious person the test registry knows and who has no record (not a demo person).
pub const NEWCOMER: (&str, &str, &str, &str) = ("周新", "11010119920304001X", "13700000001", "");

/// Demo people (see src/demo.rs).
pub mod people {
    /// (name, id number, mobile, password)
    pub const WANG: (&str, &str, &str, &str) =
        ("王建国", "110101198503122012", "13800000001", "122012");
    pub const LI: (&str, &str, &str, &str) =
        ("李秀英", "110102199007183028", "13800000002", "183028");
    pub const CHEN: (&str, &str, &str, &str) =
        ("陈卫东", "110105197801014037", "13800000003", "014037");
    pub const LIU: (&str, &str, &str, &str) = ("刘芳", "11010619921120504X", "13800000004", "");
    pub const ZHAO: (&str, &str, &str, &str) =
        ("赵磊", "110108198806066059", "13800000005", "066059");
    pub const SUN: (&str, &str, &str, &str) = ("孙悦", "110112199505057078", "13800000006", "");
    /// Holds an enabled card that is damaged (replacement at a branch).
    pub const ZHOU: (&str, &str, &str, &str) =
        ("周敏", "110105198808088025", "13800000007", "088025");
    /// Changed the password and forgot it: signs in with a code.
    pub const WU: (&str, &str, &str, &str) = ("吴强", "11010719760315703X", "13800000008", "");
}

/// A valid ID number from its first 17 digits (check digit from the rules crate).
pub fn id_number(body17: &str) -> String {
    format!("{body17}{}", sscard_rules::check_digit(body17).unwrap())
}

impl Http {
    /// Signs in with ID number and service password; with the initial password,
    /// also with the code sent to the mobile on record (demo server). Panics
    /// unless signed in.
    pub async fn sign_in(&mut self, who: (&str, &str, &str, &str)) -> serde_json::Value {
        let r = self
            .post(
                "/api/v1/auth/sign-in",
                serde_json::json!({"id_number": who.1, "password": who.3}),
            )
            .await;
        if r.status == 202 {
            return self.finish_second_step(&r).await;
        }
        assert_eq!(r.status, 200, "{}", r.text());
        r.json()
    }

    /// Verifies the code of a `202` sign-in answer (demo server); panics unless 200.
    pub async fn finish_second_step(&mut self, answer: &Res) -> serde_json::Value {
        let j = answer.json();
        let r = self
            .post(
                "/api/v1/auth/code/verify",
                serde_json::json!({"challenge_id": j["challenge_id"], "code": j["demo_code"]}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.text());
        r.json()
    }

    /// Signs in with a one-time code (demo server); panics unless 200.
    pub async fn sign_in_code(&mut self, name: &str, id: &str, mobile: &str) -> serde_json::Value {
        let r = self
            .post(
                "/api/v1/auth/code",
                serde_json::json!({"name": name, "id_number": id, "mobile": mobile}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.text());
        let j = r.json();
        let r = self
            .post(
                "/api/v1/auth/code/verify",
                serde_json::json!({"challenge_id": j["challenge_id"], "code": j["demo_code"]}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.text());
        r.json()
    }

    /// Posts an application with an idempotency key.
    pub async fn apply(&mut self, key: &str, body: serde_json::Value) -> Res {
        self.send(
            Method::POST,
            "/api/v1/applications",
            Some(body),
            &[("idempotency-key", key)],
        )
        .await
    }

    /// The server's today (demo server).
    pub async fn today(&mut self) -> chrono::NaiveDate {
        let r = self.get("/api/v1/demo/clock").await;
        r.json()["today"].as_str().unwrap().parse().unwrap()
    }
}

/// The field codes of a `validation_failed` problem.
/// The kinds of an application's events, oldest first.
pub fn event_kinds(app: &serde_json::Value) -> Vec<String> {
    app["events"]
        .as_array()
        .expect("an application has events")
        .iter()
        .map(|e| e["kind"].as_str().expect("an event has a kind").to_owned())
        .collect()
}

pub fn field_codes(r: &Res) -> Vec<(String, String)> {
    assert_eq!(r.problem_code(), "validation_failed", "{}", r.text());
    r.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The PostgreSQL cluster the suite runs against, when `SSCARD_TEST_POSTGRES` names one
/// (`postgres://user@host:port/postgres`; `scripts/test.sh` starts a throwaway cluster and
/// runs the suite a second time with it). Without it, every server uses SQLite.
pub fn postgres_admin() -> Option<String> {
    std::env::var("SSCARD_TEST_POSTGRES")
        .ok()
        .filter(|u| !u.is_empty())
}

/// On PostgreSQL, the database and server key of the server on `root`: made on its first
/// start (a fresh database per server, as each gets a fresh SQLite file), kept for restarts.
/// A root with `sqlite.only` stays on SQLite (tests about the data directory itself).
pub fn postgres_database(root: &Path) -> Option<(String, String)> {
    let admin = postgres_admin()?;
    if root.join("sqlite.only").exists() {
        return None;
    }
    let (url_file, key_file) = (root.join("database.url"), root.join("secret.key"));
    if !url_file.exists() {
        let name = format!("sscard_t_{}", random_hex(8));
        create_database(&admin, &name);
        let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
        std::fs::write(&url_file, format!("{base}/{name}")).unwrap();
        std::fs::write(&key_file, random_hex(32)).unwrap();
    }
    Some((
        std::fs::read_to_string(url_file).unwrap(),
        std::fs::read_to_string(key_file).unwrap(),
    ))
}

/// Creates database `name` on the cluster `admin` points at.
pub fn create_database(admin: &str, name: &str) {
    let admin = admin.to_owned();
    let sql = format!("CREATE DATABASE {name}");
    std::thread::spawn(move || {
        let mut c = postgres::Client::connect(&admin, postgres::NoTls)
            .unwrap_or_else(|e| panic!("cannot reach SSCARD_TEST_POSTGRES {admin}: {e}"));
        c.batch_execute(&sql).unwrap();
    })
    .join()
    .expect("create database");
}

/// `bytes` random bytes as hex.
pub fn random_hex(bytes: usize) -> String {
    let mut b = vec![0u8; bytes];
    getrandom::fill(&mut b).unwrap();
    b.iter().map(|x| format!("{x:02x}")).collect()
}
