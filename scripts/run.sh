#!/usr/bin/env bash
# The whole product (web + worker) with demo data, on embedded defaults (SQLite, an
# embedded Redis, a fake WeChat API server): creates .venv on first run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
exec .venv/bin/python -m demo.run "$@"
