#!/usr/bin/env bash
# Builds the app in release mode into dist/: Trunk for the HTML, CSS and static files, and its
# post_build hook scripts/build-wasm.sh for the wasm (split into lazily loaded parts).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
step "Building the app (release) into dist/"
trunk build --release
