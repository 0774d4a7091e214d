#!/usr/bin/env bash
# `make bench`: portal under gunicorn against a bare WSGI app under the same gunicorn, both on
# loopback, measured with wrk. Prints requests per second and portal's ratio to the bare app.
# Bounded: each run lasts DURATION seconds; both servers are stopped by their pid files.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=.venv
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
WORKERS=${WORKERS:-2}
FEEDBACK_ROWS=${FEEDBACK_ROWS:-100000}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

work=$(mktemp -d)
export PORTAL_INSTANCE_PATH="$work/instance"
export PORTAL_SECRET_KEY=bench-secret
# The benchmark replays one client; the rate limits would (rightly) stop it.
export PORTAL_RATELIMIT_ENABLED=false PORTAL_FORM_MIN_SECONDS=0
unset PORTAL_DATABASE_URL
bare_port=18081; portal_port=18082
cleanup() {
  for pid in "$work/bare.pid" "$work/portal.pid"; do [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null || true; done
  sleep 1; rm -rf "$work"
}
trap cleanup EXIT

$VENV/bin/flask --app portal db upgrade >/dev/null 2>&1
$VENV/bin/flask --app portal seed --demo >/dev/null
$VENV/bin/flask --app portal demo-data --feedback "$FEEDBACK_ROWS" --activities 2000 >/dev/null

$VENV/bin/gunicorn --chdir tests/bench --bind 127.0.0.1:$bare_port --workers "$WORKERS" --pid "$work/bare.pid" --daemon bare_app:app
$VENV/bin/gunicorn --bind 127.0.0.1:$portal_port --workers "$WORKERS" --pid "$work/portal.pid" --daemon 'portal:create_app()'
for port in $bare_port $portal_port; do
  for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.2; done
done

rps() {  # rps URL [wrk args…]
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "$@" | awk '/Requests\/sec/ {print $2}'
}

echo "machine: $(nproc) cores; gunicorn workers: $WORKERS; connections: $CONNECTIONS; ${DURATION}s per run; $FEEDBACK_ROWS feedback rows"
bare=$(rps "http://127.0.0.1:$bare_port/")
printf '%-34s %10s req/s  %s\n' "bare WSGI app /" "$bare" "1.00"
for path in "/" "/healthz" "/login" ${BENCH_PATHS:-}; do
  value=$(rps "http://127.0.0.1:$portal_port$path")
  printf '%-34s %10s req/s  %.3f\n' "portal $path" "$value" "$($VENV/bin/python -c "print($value / $bare)")"
done
if [ -f tests/bench/post_feedback.sh ]; then
  . tests/bench/post_feedback.sh
fi
