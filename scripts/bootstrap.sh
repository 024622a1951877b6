#!/usr/bin/env bash
# Installs what building and running sscard needs; every step is skipped when the right version
# is already there. With --test, also what the tests need (Debian chromium + chromium-driver,
# a CJK font, postgresql).
# Versions: ../shared/reference/toolchain.md (Trunk 0.21.14 is the newest that builds on rustc 1.95).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION="$(wasm_bindgen_version)"
[ -n "$WASM_BINDGEN_VERSION" ] || fail "no wasm-bindgen in Cargo.lock"

step "Rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "present"
else
  rustup target add wasm32-unknown-unknown
fi

step "Trunk $TRUNK_VERSION"
if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  echo "present"
else
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

step "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
if wasm-bindgen --version 2>/dev/null | grep -q "^wasm-bindgen $WASM_BINDGEN_VERSION"; then
  echo "present"
else
  # Not --locked: its lock file pins a webpki-roots version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

WASM_SPLIT_VERSION=0.2.4
step "wasm-split-cli $WASM_SPLIT_VERSION (splits the app's wasm; scripts/build-wasm.sh)"
if [ -x .tools/wasm-split/bin/wasm-split-cli ] && [ "$(cat .tools/wasm-split/version 2>/dev/null)" = "$WASM_SPLIT_VERSION" ]; then
  echo "present"
else
  cargo install --locked --root .tools/wasm-split wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
  echo "$WASM_SPLIT_VERSION" > .tools/wasm-split/version
fi

step "npm packages (binaryen wasm-opt, Playwright, axe)"
# The marker records which lock file the installed node_modules came from.
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f node_modules/.sscard-lock ] && [ "$(cat node_modules/.sscard-lock)" = "$lock_sum" ]; then
  echo "present"
else
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$lock_sum" > node_modules/.sscard-lock
fi
wasm-opt --version | grep -q "version 132" || fail "wasm-opt on PATH is not binaryen 132: $(command -v wasm-opt)"

if [ "${1:-}" = "--test" ]; then
  step "Chromium, ChromeDriver, a CJK font and PostgreSQL (Debian)"
  # A CJK font too, so screenshots of the Chinese pages show characters, not boxes.
  # PostgreSQL: the server's suite runs a second time on a throwaway cluster (lib.sh).
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  if [ "${#missing[@]}" -eq 0 ]; then
    echo "present"
  else
    # The tests start a throwaway cluster of their own: no system cluster on port 5432.
    as_root mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" | as_root tee /etc/postgresql-common/createcluster.d/sscard-no-main-cluster.conf >/dev/null
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  fi
fi

step "Crates (cargo fetch, so the offline Trunk build finds them)"
cargo fetch --quiet
echo "done"
