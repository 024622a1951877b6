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

# Starts the sscard-server binary $1 on a free loopback port in demo mode, with a fresh data
# directory under $2; sets SERVER_PID and BASE_URL, and stops exactly that process on exit.
start_server() {
  local binary="$1" work="$2"
  # The suites sign in many times from this one address (schemathesis fails on purpose):
  # the per-address throttling allows 10 × --sign-in-attempts failures before delays.
  "$binary" --addr 127.0.0.1:0 --dist "$ROOT/dist" --data-dir "$work/data" --demo \
    --sign-in-attempts 200 >"$work/server.log" 2>&1 &
  SERVER_PID=$!
  trap stop_server EXIT
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
