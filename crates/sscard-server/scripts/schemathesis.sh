#!/usr/bin/env bash
# Generated-request run against the OpenAPI document of a RUNNING server.
#
#   crates/sscard-server/scripts/schemathesis.sh http://127.0.0.1:PORT
#
# Starts nothing itself. Installs a pinned schemathesis into .tools/ (once),
# then runs a bounded number of generated requests per operation and checks
# that no response is a 5xx and every response matches the document.
# Environment: SCHEMATHESIS_MAX_EXAMPLES (default 25 per operation),
# SCHEMATHESIS_TIME_LIMIT (seconds per run, default 240).
set -euo pipefail

BASE_URL="${1:?usage: schemathesis.sh BASE_URL (e.g. http://127.0.0.1:8080)}"
BASE_URL="${BASE_URL%/}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
VERSION="4.32.5"
VENV="$ROOT/.tools/schemathesis-$VERSION"
MAX_EXAMPLES="${SCHEMATHESIS_MAX_EXAMPLES:-25}"
TIME_LIMIT="${SCHEMATHESIS_TIME_LIMIT:-240}"

if [[ ! -x "$VENV/bin/schemathesis" ]]; then
    echo "installing schemathesis $VERSION into $VENV" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION"
fi

# The run must leave the demo people as it found them, because the end-to-end
# suite runs against the same server next. Schemathesis reuses values seen in
# responses as inputs (an ID number from /demo/people in wrong-password
# sign-ins would lock that person), so /demo/people is left out, as is the
# demo clock (moving it changes every demo person's state), and the stateful
# phase is off. The integration tests cover these endpoints.
run() {
    timeout --signal=INT "$TIME_LIMIT" "$VENV/bin/schemathesis" run "$BASE_URL/api/v1/openapi.json" \
        --url "$BASE_URL" \
        --checks not_a_server_error,response_schema_conformance \
        --max-examples "$MAX_EXAMPLES" \
        --request-timeout 10 \
        --seed 20260101 \
        --generation-database none \
        --no-color \
        --exclude-path /api/v1/demo/clock/advance \
        --exclude-path /api/v1/demo/people \
        --phases examples,coverage,fuzzing \
        "$@"
}

# In demo mode, sign in first as a throw-away applicant (not a demo person, so
# the run cannot touch the demo people's cards; the one-time code comes in the
# demo response). Done before the anonymous run, which exhausts the sign-in
# limits of this address on purpose.
COOKIE=""
if curl -fsS "$BASE_URL/api/v1/health" | grep -q '"demo":true'; then
    CHALLENGE="$(curl -sS -H 'content-type: application/json' \
        -d '{"name":"接口测试","id_number":"110105198808084569","mobile":"13900000000"}' \
        "$BASE_URL/api/v1/auth/code")"
    VERIFY="$(printf '%s' "$CHALLENGE" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps({"challenge_id": d["challenge_id"], "code": d["demo_code"]}))' 2>/dev/null || true)"
    if [[ -n "$VERIFY" ]]; then
        COOKIE="$(curl -sS -D - -o /dev/null -H 'content-type: application/json' -d "$VERIFY" \
            "$BASE_URL/api/v1/auth/code/verify" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(sscard_session=[^;]*\).*/\1/p')"
    fi
    [[ -n "$COOKIE" ]] || echo "could not sign in the throw-away applicant; the signed-in run is skipped" >&2
fi

# 1. Everything, without a session (the document is read from the server
#    itself, so what is checked is what is served).
echo "== schemathesis: anonymous run" >&2
run --report junit --report-junit-path "$ROOT/.tools/schemathesis-report/anonymous.xml"

# 2. In demo mode, again with the throw-away applicant's session, so the
#    personal endpoints are exercised beyond 401. Sign-out is left out: it
#    would end the session the run depends on.
if [[ -n "$COOKIE" ]]; then
    echo "== schemathesis: signed-in run (throw-away applicant)" >&2
    run -H "Cookie: $COOKIE" --exclude-path /api/v1/auth/sign-out \
        --report junit --report-junit-path "$ROOT/.tools/schemathesis-report/signed-in.xml"
fi
