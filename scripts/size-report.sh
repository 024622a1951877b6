#!/usr/bin/env bash
# Builds the app in release mode and prints the size of each file in dist/ and the cold first load
# of every route (scripts/size-report.mjs; `--check` or `--update-ceilings` are passed on).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/bootstrap.sh" >/dev/null
"$ROOT/scripts/build-app.sh"
step "Sizes of dist/ (bytes)"
node "$ROOT/scripts/size-report.mjs" "$@" "$ROOT/dist"
