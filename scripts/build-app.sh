#!/usr/bin/env bash
# Builds the app in release mode into dist/ (Trunk, wasm-bindgen, wasm-opt -Oz).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
step "Building the app (release) into dist/"
trunk build --release
