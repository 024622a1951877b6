#!/usr/bin/env bash
# The README's "run" command: installs what is missing, builds the app in release mode and starts
# sscard-server on 127.0.0.1:8080 (override with SSCARD_ADDR) serving the app and the API, in demo
# mode (SSCARD_DEMO=0 turns it off).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/bootstrap.sh"
"$ROOT/scripts/build-app.sh"

step "Building sscard-server"
cargo build --profile server -p sscard-server

addr="${SSCARD_ADDR:-127.0.0.1:8080}"
demo_flag=(--demo)
[ "${SSCARD_DEMO:-1}" = "0" ] && demo_flag=()
step "Starting sscard-server (Ctrl-C stops it)"
exec "$ROOT/target/server/sscard-server" --addr "$addr" --dist "$ROOT/dist" --data-dir "${SSCARD_DATA_DIR:-$ROOT/data}" "${demo_flag[@]}"
