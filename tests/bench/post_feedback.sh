# Sourced by run.sh: measure POST /feedback/new (a real submission: session cookie, CSRF token and
# signed form stamp taken from one GET, replayed). Each request stores one feedback row.
jar="$work/cookies"
page=$(curl -s -c "$jar" "http://127.0.0.1:$portal_port/feedback/new")
field() { printf '%s' "$page" | grep -o "name=\"$1\"[^>]*value=\"[^\"]*\"" | head -n1 | sed 's/.*value="//;s/"$//'; }
csrf=$(field csrf_token); started=$(field started)
if [ -z "$csrf" ] || [ -z "$started" ]; then
  echo "POST /feedback/new: could not read the form (skipped)"
else
  BENCH_COOKIE=$(awk '$6 == "portal_session" {print "portal_session=" $7}' "$jar")
  common="csrf_token=$csrf&started=$started&website=&category=respect&treatment=4&police_body=municipal&municipality=lisboa&area=&occurred_month=$(date +%Y-%m)&text=Polite+officers"
  for variant in "no answer wanted|" "answer wanted (receipt code, scrypt)|&wants_answer=y"; do
    BENCH_BODY="$common${variant#*|}"
    export BENCH_COOKIE BENCH_BODY
    before=$(sqlite3 "$PORTAL_INSTANCE_PATH/portal.sqlite3" "select count(*) from feedback" 2>/dev/null || echo "?")
    value=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s tests/bench/post_feedback.lua "http://127.0.0.1:$portal_port/feedback/new" | awk '/Requests\/sec/ {print $2}')
    after=$(sqlite3 "$PORTAL_INSTANCE_PATH/portal.sqlite3" "select count(*) from feedback" 2>/dev/null || echo "?")
    printf '%-34s %10s req/s  %.3f   %s; feedback rows %s -> %s\n' "portal POST /feedback/new" "$value" \
      "$($VENV/bin/python -c "print($value / $bare)")" "${variant%%|*}" "$before" "$after"
  done
fi
