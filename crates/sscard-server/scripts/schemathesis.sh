#!/usr/bin/env bash
# Generated-request run against the OpenAPI document of a RUNNING server.
#
#   crates/sscard-server/scripts/schemathesis.sh http://127.0.0.1:PORT
#
# Starts nothing itself. Installs a pinned schemathesis into .tools/ (once),
# then runs a bounded number of generated requests per operation and checks
# that no response is a 5xx and every response matches the document.
# Environment: SCHEMATHESIS_MAX_EXAMPLES (default 25), SCHEMATHESIS_TIME_LIMIT
# (seconds, default 240).
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

run() {
    timeout --signal=INT "$TIME_LIMIT" "$VENV/bin/schemathesis" run "$BASE_URL/api/v1/openapi.json" \
        --url "$BASE_URL" \
        --checks not_a_server_error,response_schema_conformance \
        --max-examples "$MAX_EXAMPLES" \
        --request-timeout 10 \
        --seed 20260101 \
        --generation-database none \
        --no-color \
        "$@"
}

# Sign in first (in demo mode) as a demo person: the anonymous run below
# exhausts the sign-in rate limit of this client address on purpose.
COOKIE=""
if curl -fsS "$BASE_URL/api/v1/health" | grep -q '"demo":true'; then
    COOKIE="$(curl -sS -D - -o /dev/null -H 'content-type: application/json' \
        -d '{"id_number":"110101198503122012","password":"122012"}' \
        "$BASE_URL/api/v1/auth/sign-in" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(sscard_session=[^;]*\).*/\1/p')"
    [[ -n "$COOKIE" ]] || echo "could not sign in as the demo person 王建国; the signed-in run is skipped" >&2
fi

# 1. Everything, without a session (the document is read from the server
#    itself, so what is checked is what is served).
echo "== schemathesis: anonymous run" >&2
run --report junit --report-junit-path "$ROOT/.tools/schemathesis-report/anonymous.xml"

# 2. In demo mode, again with the demo person's session, so the personal
#    endpoints are exercised beyond 401. Sign-out and password change are left
#    out: they would end the session or change the password the run depends on.
if [[ -n "$COOKIE" ]]; then
    echo "== schemathesis: signed-in run (demo person 王建国)" >&2
    run -H "Cookie: $COOKIE" --exclude-path /api/v1/auth/sign-out --exclude-path /api/v1/auth/password \
        --report junit --report-junit-path "$ROOT/.tools/schemathesis-report/signed-in.xml"
fi
