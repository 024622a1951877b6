#!/usr/bin/env bash
# Performance budget report (prints figures; asserts nothing): builds the app in release, starts
# the server on a free loopback port in demo mode, prints the first-load bytes (html + js + wasm
# + css, brotli and gzip) of the start page and of the application journey, and Lighthouse
# mobile scores for the pages issue 17 names (the return pages signed in).
# Targets: first load ≤ 200 KB brotli; performance ≥ 95, accessibility 100, best practices 100.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

LIGHTHOUSE_VERSION=12.8.2 # the newest that runs on Node 20
"$ROOT/scripts/bootstrap.sh" --test >/dev/null
tools="$ROOT/.tools/lighthouse"
if [ ! -x "$tools/node_modules/.bin/lighthouse" ] || ! grep -q "\"version\": \"$LIGHTHOUSE_VERSION\"" "$tools/node_modules/lighthouse/package.json" 2>/dev/null; then
  step "installing lighthouse $LIGHTHOUSE_VERSION into .tools/"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION"
fi

"$ROOT/scripts/build-app.sh" >/dev/null
cargo build --profile server -p sscard-server --quiet

work="$(mktemp -d)"
start_server "$ROOT/target/server/sscard-server" "$work"
base="$BASE_URL"

step "First load (bytes): what every page loads, then every route with the parts it loads on demand"
node "$ROOT/scripts/size-report.mjs" "$ROOT/dist" | sed -n '/every first load/p; /^Cold first load/,$p'

step "A real application for the confirmation page (demo person 孙悦, one-time code)"
jar="$work/cookies"
origin=(-H "Origin: $base" -H "Content-Type: application/json")
code_json="$(curl -sf -c "$jar" "${origin[@]}" -d '{"name":"孙悦","id_number":"110112199505057078","mobile":"13800000006"}' "$base/api/v1/auth/code")"
challenge="$(node -e 'const j=JSON.parse(process.argv[1]);console.log(j.challenge_id)' "$code_json")"
code="$(node -e 'const j=JSON.parse(process.argv[1]);console.log(j.demo_code)' "$code_json")"
curl -sf -b "$jar" -c "$jar" "${origin[@]}" -d "{\"challenge_id\":\"$challenge\",\"code\":\"$code\"}" "$base/api/v1/auth/code/verify" >/dev/null
app_json="$(curl -sf -b "$jar" "${origin[@]}" -H "Idempotency-Key: perf-$(date +%s)" \
  -d '{"city":"beijing","bank":"icbc","pickup":"mail","postal_address":{"recipient":"孙悦","mobile":"13800000006","address":"海淀区某某路 1 号","postal_code":"100080"},"eligibility":{"insured_in_city":true}}' \
  "$base/api/v1/applications")"
app_id="$(node -e 'const j=JSON.parse(process.argv[1]);console.log(j.id)' "$app_json")"
# curl marks HttpOnly cookies with a "#HttpOnly_" prefix; other "#" lines are comments.
cookie="$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }')"
echo "application $app_id"

step "Lighthouse (mobile, Debian Chromium) — measured $(date -u +%Y-%m-%d)"
# Two throttling methods: "simulated" (Lighthouse's default: an unthrottled load, extrapolated)
# and "devtools" (the load really throttled). They disagree for this app: simulated runs see the
# app paint before the static start-page shell, so their LCP ignores the shell.
flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
printf '%-30s %-10s %12s %14s %15s\n' page throttling performance accessibility best-practices
# The pages issue 17 names: the start, the journey's first question, its result, a step of the
# application and a confirmation; the return pages signed in (the cookie of the application
# above); and the public pages opened on their own.
signed_in=(/apply/bank "/apply/confirmation/$app_id" /progress /loss /notices)
for page in / /check /check/result /apply/bank "/apply/confirmation/$app_id" /sign-in /progress /loss /notices /help /where /rules; do
  headers="{}"
  [[ " ${signed_in[*]} " == *" $page "* ]] && headers="{\"Cookie\":\"$cookie\"}"
  for method in simulate devtools; do
    ok=""
    for _ in 1 2 3; do # Lighthouse sometimes fails to record a trace (NO_NAVSTART): try again
      CHROME_PATH=/usr/bin/chromium "$tools/node_modules/.bin/lighthouse" "$base$page" --quiet \
        --only-categories=performance,accessibility,best-practices --form-factor=mobile --throttling-method="$method" \
        --extra-headers="$headers" --chrome-flags="$flags" --output=json --output-path="$work/lh.json" >/dev/null 2>&1 || true
      if node -e 'process.exit(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).runtimeError ? 1 : 0)' "$work/lh.json" 2>/dev/null; then ok=1; break; fi
    done
    [ -n "$ok" ] || { echo "$page ($method): lighthouse failed"; continue; }
    node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const s = (k) => Math.round(r.categories[k].score * 100);
      const a = (k) => r.audits[k].displayValue;
      console.log(process.argv[2].padEnd(30), process.argv[3].padEnd(10), String(s("performance")).padStart(12),
        String(s("accessibility")).padStart(14), String(s("best-practices")).padStart(15),
        `  LCP ${a("largest-contentful-paint")}, TBT ${a("total-blocking-time")}, CLS ${a("cumulative-layout-shift")}`);
    ' "$work/lh.json" "${page:0:30}" "$method"
  done
done
