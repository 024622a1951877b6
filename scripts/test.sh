#!/usr/bin/env bash
# The README's "test" command (and all that .ci/run does): installs what the tests need, then
# formatting, clippy (native and wasm32), native tests (the server's twice: SQLite, then a
# throwaway PostgreSQL cluster), browser tests in headless Chromium, a
# release build of the app, the first-load size of every route against the budget, and the Playwright end-to-end suite against the real server.
# Exits non-zero on the first failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/bootstrap.sh" --test

step "cargo fmt --check"
cargo fmt --all -- --check

step "i18n: every text key used by the app (the build checks each locale file)"
node "$ROOT/scripts/check-i18n.mjs"

step "clippy: native crates"
cargo clippy -p sscard-rules -p sscard-server --all-targets --locked -- -D warnings

step "clippy: the app and the rules crate on wasm32"
cargo clippy -p sscard -p sscard-rules --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
# The release build's variant, whose pages are wasm-split points (src/routes.rs).
cargo clippy -p sscard --target wasm32-unknown-unknown --features split --locked -- -D warnings

step "native tests (the server on SQLite, its default)"
cargo test -p sscard-rules -p sscard-server --locked

step "the server's suite again on PostgreSQL (a throwaway cluster), with the multi-instance tests"
start_postgres
echo "PostgreSQL at $PG_URL (pid $PG_PID)"
SSCARD_TEST_POSTGRES="$PG_URL" cargo test -p sscard-server --locked
stop_postgres

step "browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test -p sscard -p sscard-rules --target wasm32-unknown-unknown --locked

"$ROOT/scripts/build-app.sh"

step "first-load size of every route (budget, ratchet: scripts/size-ceilings.json)"
node "$ROOT/scripts/size-report.mjs" --check "$ROOT/dist"

step "building sscard-server"
cargo build -p sscard-server --locked

step "starting sscard-server on a free loopback port"
start_server "$ROOT/target/debug/sscard-server" "$(mktemp -d)"
echo "server at $BASE_URL (pid $SERVER_PID)"

if [ -x "$ROOT/crates/sscard-server/scripts/schemathesis.sh" ]; then
  step "generated requests against the OpenAPI document (schemathesis)"
  "$ROOT/crates/sscard-server/scripts/schemathesis.sh" "$BASE_URL"
fi

step "end-to-end suite (Playwright, headless Chromium)"
BASE_URL="$BASE_URL" npx playwright test -c e2e/playwright.config.ts

step "all tests passed"
