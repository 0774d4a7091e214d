#!/usr/bin/env bash
# `make bench`: see tests/bench/bench.py (knobs: DURATION, CONNECTIONS, FIGURE_CONNECTIONS, WORKERS,
# ROWS, PG_ROWS, RELIABILITY, SCALE_OUT, REPEAT). Starts and stops everything itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
exec .venv/bin/python tests/bench/bench.py "$@"
