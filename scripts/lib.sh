# Shared by the scripts in this folder: repo root, PATH and small helpers. Source it, don't run it.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# npm's binaryen first, so Trunk finds wasm-opt 132 and never Debian's (which breaks the app).
# wasm-split-cli lives in .tools/ (scripts/bootstrap.sh installs it there).
export PATH="$ROOT/node_modules/.bin:$ROOT/.tools/wasm-split/bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# Runs a command as root (directly when we are root, else with sudo).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Commands run on exit, last registered first; every script that starts something registers
# its stop here (one EXIT trap for all).
EXIT_STEPS=()
at_exit() {
  EXIT_STEPS=("$*" "${EXIT_STEPS[@]}")
  trap 'for s in "${EXIT_STEPS[@]}"; do eval "$s"; done' EXIT
}

# A free TCP port on loopback.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# PostgreSQL's programs (Debian's postgresql package).
pg_bin() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  [ -n "$d" ] && [ -x "$d/initdb" ] || fail "PostgreSQL is not installed (scripts/bootstrap.sh --test installs it)"
  echo "$d"
}

# Starts a throwaway PostgreSQL cluster on a free loopback port, owned by the `postgres` user
# when we are root (initdb refuses root); sets PG_URL (its `postgres` database) and PG_PID, and
# stops exactly that server, by its PID, on exit, then removes its folder (PG_PORT: its port).
# Trust authentication on loopback only: a cluster of throwaway test databases, gone after.
start_postgres() {
  local bin dir port as=()
  bin="$(pg_bin)"
  dir="$(mktemp -d)"
  PG_DIR="$dir"
  at_exit stop_postgres
  port="$(free_port)"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$dir"
    as=(runuser -u postgres --)
  fi
  # From inside the cluster's folder: the postgres user may not enter the caller's.
  (cd "$dir" && "${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U sscard -E UTF8 --locale=C) \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log"; fail "initdb failed"; }
  (cd "$dir" && "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start) \
    >/dev/null || { cat "$dir/log"; fail "PostgreSQL did not start"; }
  PG_PID="$(head -n1 "$dir/data/postmaster.pid")"
  PG_PORT="$port"
  PG_URL="postgres://sscard@127.0.0.1:$port/postgres"
}

# Stops the cluster start_postgres started: SIGINT to its PID is PostgreSQL's fast shutdown.
stop_postgres() {
  if [ -n "${PG_PID:-}" ]; then
    kill -INT "$PG_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$PG_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$PG_PID" 2>/dev/null; then
      echo "PostgreSQL (pid $PG_PID) did not stop in 10 s; killing it" >&2
      kill -KILL "$PG_PID" 2>/dev/null || true
    fi
    PG_PID=""
  fi
  if [ -n "${PG_DIR:-}" ]; then
    rm -rf "$PG_DIR"
    PG_DIR=""
  fi
}

# Starts the sscard-server binary $1 on a free loopback port in demo mode, with a fresh data
# directory under $2; sets SERVER_PID and BASE_URL, and stops exactly that process on exit.
start_server() {
  local binary="$1" work="$2"
  # The suites sign in many times from this one address (schemathesis fails on purpose):
  # the per-address throttling allows 10 × --sign-in-attempts failures before delays.
  "$binary" --addr 127.0.0.1:0 --dist "$ROOT/dist" --data-dir "$work/data" --demo \
    --sign-in-attempts 200 >"$work/server.log" 2>&1 &
  SERVER_PID=$!
  at_exit stop_server
  BASE_URL=""
  for _ in $(seq 1 100); do
    BASE_URL="$(grep -o 'listening on http://[0-9.:]*' "$work/server.log" | head -n1 | sed 's/listening on //')" || true
    [ -n "$BASE_URL" ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$work/server.log"; fail "sscard-server exited during start-up"; }
    sleep 0.2
  done
  cat "$work/server.log"
  fail "sscard-server did not print its address"
}

# Stops the server start_server started (by its PID).
stop_server() {
  if [ -n "${SERVER_PID:-}" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}
