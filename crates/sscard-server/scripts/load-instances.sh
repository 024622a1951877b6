#!/usr/bin/env bash
# Status-read throughput, in one run: a signed-in citizen reading their application
# (GET /api/v1/applications/{id}, session checked against the database on every request), on
#   1. one instance on SQLite (the default),
#   2. one instance on PostgreSQL,
#   3. two instances on one PostgreSQL, the load split between them (as a round-robin would).
# Prints requests/s for each and the ratios to the first. A report, never a test: the figures
# depend on the machine (on 2 cores, wrk, the instances and PostgreSQL share the same two).
#
#   crates/sscard-server/scripts/load-instances.sh            # 10 s per setup, 32 connections
#   DURATION=30s CONNS=64 crates/sscard-server/scripts/load-instances.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib.sh"
cd "$ROOT"

DURATION="${DURATION:-10s}"
CONNS="${CONNS:-32}"

if ! command -v wrk >/dev/null; then
  step "wrk (Debian)"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk
fi
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || "$ROOT/scripts/bootstrap.sh" --test

step "building sscard-server (profile server: built for speed)"
cargo build --profile server -p sscard-server --locked
BIN="$ROOT/target/server/sscard-server"

WORK="$(mktemp -d)"
# A minimal app page: the API is what is measured, not the static files.
mkdir -p "$WORK/dist"
cat >"$WORK/dist/index.html" <<'HTML'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>sscard</title></head><body>
<script type="module">
import init from '/x-abc123.js';
const wasm = await init({ module_or_path: '/x-abc123_bg.wasm' });
</script></body></html>
HTML
echo 'export default async function init() {}' >"$WORK/dist/x-abc123.js"
printf '\0asm\1\0\0\0' >"$WORK/dist/x-abc123_bg.wasm"

PIDS=()
stop_instances() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; PIDS=(); }
at_exit stop_instances

# launch VAR NAME ARGS…: starts an instance in demo mode and sets VAR to its base URL (not
# called in a subshell, so its PID stays in PIDS and is stopped).
launch() {
  local var="$1" name="$2"; shift 2
  "$BIN" --addr 127.0.0.1:0 --dist "$WORK/dist" --data-dir "$WORK/$name" --demo \
    --sign-in-attempts 200 "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  local url=""
  for _ in $(seq 1 100); do
    url="$(grep -o 'listening on http://[0-9.:]*' "$WORK/$name.log" | head -n1 | sed 's/listening on //')" || true
    if [ -n "$url" ]; then printf -v "$var" '%s' "$url"; return 0; fi
    sleep 0.1
  done
  cat "$WORK/$name.log" >&2; fail "$name did not start"
}

# session BASE: signs 孙悦 (a demo person) in with a one-time code and submits one
# application; prints "COOKIE ID".
session() {
  local base="$1" challenge code cookie id
  challenge="$(curl -sf -H 'content-type: application/json' -H "origin: $base" \
    -d '{"name":"孙悦","id_number":"110112199505057078","mobile":"13800000006"}' "$base/api/v1/auth/code")"
  code="$(node -e 'const j=JSON.parse(process.argv[1]); console.log(JSON.stringify({challenge_id:j.challenge_id,code:j.demo_code}))' "$challenge")"
  cookie="$(curl -sf -D - -o /dev/null -H 'content-type: application/json' -H "origin: $base" \
    -d "$code" "$base/api/v1/auth/code/verify" | grep -io 'sscard_session=[^;]*' | head -n1)"
  id="$(curl -sf -H 'content-type: application/json' -H "origin: $base" -H "cookie: $cookie" \
    -H 'idempotency-key: load-1' \
    -d '{"eligibility":{"insured_in_city":true},"city":"beijing","bank":"icbc","pickup":"branch","branch_id":"bj-icbc-dongcheng"}' \
    "$base/api/v1/applications" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).id))')"
  [ -n "$cookie" ] && [ -n "$id" ] || fail "could not sign in and apply on $base"
  echo "$cookie $id"
}

# rate COOKIE ID CONNS BASE…: requests/s of the status read, the connections split over the
# instances, one wrk per instance at the same time; prints the sum.
rate() {
  local cookie="$1" id="$2" conns="$3"; shift 3
  local n=$# per outs=() base i=0
  per=$(( conns / n ))
  for base in "$@"; do
    wrk -t1 -c"$per" -d"$DURATION" -H "cookie: $cookie" "$base/api/v1/applications/$id" \
      >"$WORK/wrk.$i" 2>&1 &
    outs+=($!)
    i=$((i + 1))
  done
  for p in "${outs[@]}"; do wait "$p"; done
  cat "$WORK"/wrk.* | awk '/Requests\/sec/ { s += $2 } / Non-2xx/ { bad += $NF } END {
    if (bad > 0) { print "error: " bad " non-2xx answers" > "/dev/stderr"; exit 1 } printf "%.0f\n", s }'
  rm -f "$WORK"/wrk.*
}

step "1. one instance, SQLite"
launch A sqlite
read -r COOKIE ID < <(session "$A")
SQLITE="$(rate "$COOKIE" "$ID" "$CONNS" "$A")"
stop_instances

step "2. one instance, PostgreSQL"
start_postgres
psql_db() { "$(pg_bin)/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U sscard -d postgres -c "$1" >/dev/null; }
PG_URL="${PG_URL%/postgres}"
psql_db "CREATE DATABASE load_one"
KEY="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
launch A pg1 --database "$PG_URL/load_one" --secret-key "$KEY"
read -r COOKIE ID < <(session "$A")
PG_ONE="$(rate "$COOKIE" "$ID" "$CONNS" "$A")"
stop_instances

step "3. two instances, one PostgreSQL, the load split"
psql_db "CREATE DATABASE load_two"
launch A pg2a --database "$PG_URL/load_two" --secret-key "$KEY"
launch B pg2b --database "$PG_URL/load_two" --secret-key "$KEY"
read -r COOKIE ID < <(session "$A")
PG_TWO="$(rate "$COOKIE" "$ID" "$CONNS" "$A" "$B")"
stop_instances

step "status reads per second ($DURATION each, $CONNS connections, $(nproc) cores)"
awk -v a="$SQLITE" -v b="$PG_ONE" -v c="$PG_TWO" 'BEGIN {
  printf "%-36s %10d req/s  1.00\n", "1 instance, SQLite", a
  printf "%-36s %10d req/s  %.2f\n", "1 instance, PostgreSQL", b, b / a
  printf "%-36s %10d req/s  %.2f  (%.2f of one PostgreSQL instance)\n", "2 instances, PostgreSQL", c, c / a, c / b
}'
