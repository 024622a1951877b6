#!/usr/bin/env bash
# Loopback load test of a RUNNING demo-mode server (not part of the test command).
#
#   crates/sscard-server/scripts/load.sh http://127.0.0.1:PORT [SECONDS] [CONNECTIONS]
#
# Prints requests/s and p99 latency for
#   1. status reads:  GET /api/v1/applications/{id} of a signed-in demo person,
#   2. submissions:   POST /api/v1/applications, each a new application (guardian
#                     for a new fictitious minor), so every request is a real write.
# Target on 2 cores: >= 10,000 status reads/s with p99 <= 10 ms.
# Start the server built for speed, with the submissions' minors in its identity registry
# (a guardian can only apply for a child the registry confirms), e.g.
#   crates/sscard-server/scripts/load.sh --registry /tmp/sscard-load-registry.json
#   cargo run -p sscard-server --profile server -- --addr 127.0.0.1:8080 --demo \
#       --data-dir /tmp/sscard-load --identity-registry /tmp/sscard-load-registry.json
# (use a throw-away data dir: the submissions stay in the database).
set -euo pipefail

if [[ "${1:-}" == "--registry" ]]; then
    # The minors submit.lua applies for: threads 1 and 2, 100,000 each.
    python3 - "${2:?usage: load.sh --registry FILE}" <<'PY'
import json, sys
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
C = "10X98765432"
def id_number(n):
    body = "110101%04d%02d%02d%03d" % (2010 + n % 10, 1 + (n // 10) % 12, 1 + (n // 120) % 28, (n // 3360) % 1000)
    return body + C[sum(int(c) * w for c, w in zip(body, W)) % 11]
# 赵磊 (the writer below) is their guardian.
people = [{"name": "测试儿童", "id_number": id_number(t * 1000000 + i), "guardians": ["110108198806066059"]}
          for t in (1, 2) for i in range(1, 100001)]
json.dump({"people": people}, open(sys.argv[1], "w"), ensure_ascii=False)
print(f"{len(people)} minors written to {sys.argv[1]}")
PY
    exit 0
fi

BASE_URL="${1:?usage: load.sh BASE_URL [SECONDS] [CONNECTIONS]}"
BASE_URL="${BASE_URL%/}"
SECONDS_EACH="${2:-10}"
CONNECTIONS="${3:-16}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

case "$BASE_URL" in
    http://127.0.0.1:*|http://localhost:*|http://\[::1\]:*) ;;
    *) echo "load.sh only runs against loopback" >&2; exit 2 ;;
esac

if ! command -v wrk >/dev/null; then
    echo "wrk is missing; installing it from Debian (apt-get install -y wrk)" >&2
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

curl -fsS "$BASE_URL/api/v1/health" | grep -q '"demo":true' \
    || { echo "the server must run with --demo (the load uses demo people)" >&2; exit 2; }

sign_in() { # id_number password -> cookie
    # The initial password is a first step: the code sent to the mobile on record
    # (returned in demo mode) finishes it.
    local sent
    sent="$(curl -sS -H 'content-type: application/json' \
        -d "{\"id_number\":\"$1\",\"password\":\"$2\"}" "$BASE_URL/api/v1/auth/sign-in")"
    printf '%s' "$sent" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps({"challenge_id": d["challenge_id"], "code": d["demo_code"]}))' \
        | curl -sS -D - -o /dev/null -H 'content-type: application/json' -d @- "$BASE_URL/api/v1/auth/code/verify" \
        | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(sscard_session=[^;]*\).*/\1/p'
}

# 王建国 reads his application; 赵磊 (a guardian) submits for new minors.
READER="$(sign_in 110101198503122012 122012)"
WRITER="$(sign_in 110108198806066059 066059)"
[[ -n "$READER" && -n "$WRITER" ]] || { echo "could not sign in the demo people" >&2; exit 1; }
APP_ID="$(curl -fsS -H "Cookie: $READER" "$BASE_URL/api/v1/applications" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"

echo "== $SECONDS_EACH s each, $CONNECTIONS connections, 2 threads, loopback $BASE_URL"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s "$HERE/reads.lua" \
    -H "Cookie: $READER" "$BASE_URL/api/v1/applications/$APP_ID" | tail -n 1
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s "$HERE/submit.lua" \
    -H "Cookie: $WRITER" "$BASE_URL/api/v1/applications" | tail -n 1
