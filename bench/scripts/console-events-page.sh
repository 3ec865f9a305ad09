#!/usr/bin/env bash
# The console's NAC events page with 1,000,000 stored events: server time to render the first page (GET
# /console/events.xhtml, default window of the last 24 hours, all 1,000,000 events in it), p50/p95/max over
# BENCH_REQUESTS requests after BENCH_WARMUP unmeasured ones, one request at a time over loopback.
# Needs a build (./turnstile build). Uses embedded H2 (the default); BENCH_PORT_BASE picks its ports.
# Seeding 1,000,000 events takes minutes; BENCH_REUSE=1 keeps the data of the previous run (its events age, so run it
# within a few hours of seeding, or the window holds fewer of them).
set -euo pipefail

TOP="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNTIME="$TOP/server-config/target/runtime"
PORT="${BENCH_PORT_BASE:-18180}"
EVENTS="${BENCH_EVENTS:-1000000}"
WARMUP="${BENCH_WARMUP:-30}"
REQUESTS="${BENCH_REQUESTS:-200}"
WORK="$TOP/bench/target/console-events"
TOKEN="bench-bootstrap-token-0123456789abcdef"
EMAIL="bench@example.com"
PASSWORD="bench-console-password-1"
PID=""

log() { printf '[console-bench] %s\n' "$*" >&2; }
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; }
trap cleanup EXIT

start() {
  TURNSTILE_DATA_DIR="$WORK/data" TURNSTILE_HTTP_PORT="$PORT" TURNSTILE_RADIUS_AUTH_PORT=$((PORT + 1)) \
    TURNSTILE_RADIUS_ACCT_PORT=$((PORT + 2)) TURNSTILE_RADSEC_PORT=$((PORT + 3)) TURNSTILE_BIND_ADDRESS=127.0.0.1 \
    TURNSTILE_BOOTSTRAP_TOKEN="$TOKEN" "$TOP/turnstile" start > "$WORK/turnstile-$1.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$PORT/health/ready" 2>/dev/null | grep -q '"turnstile"' && return 0
    kill -0 "$PID" 2>/dev/null || { tail -n 40 "$WORK/turnstile-$1.log" >&2; exit 1; }
    sleep 1
  done
  log "not ready"; exit 1
}

stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }

api() { curl -fsS -H "Authorization: Token $TOKEN" -H 'Content-Type: application/json' "$@"; }

if [ -z "${BENCH_REUSE:-}" ] || [ ! -f "$WORK/seeded" ]; then
  rm -rf "$WORK"; mkdir -p "$WORK"
  log "first start: schema, org, an admin"
  start 1
  ORG=$(api "http://127.0.0.1:$PORT/api/v1/self" | sed -E 's/.*"org_id": ?"([^"]+)".*/\1/')
  api -X POST "http://127.0.0.1:$PORT/api/v1/orgs/$ORG/admins" -d "{\"email\": \"$EMAIL\", \"password\": \"$PASSWORD\",
    \"first_name\": \"Bench\", \"last_name\": \"Mark\", \"privileges\": [{\"scope\": \"org\", \"role\": \"read\"}]}" >/dev/null
  stop
  log "seeding $EVENTS events over the last 24 h"
  java -cp "$RUNTIME/h2.jar" "$TOP/bench/src/main/java/io/turnstile/bench/console/NacEventSeeder.java" \
    "jdbc:h2:file:$WORK/data/db/turnstile;MODE=PostgreSQL" sa sa "$ORG" "$EVENTS" 23
  touch "$WORK/seeded"
fi
log "second start"
start 2
curl -fsS -c "$WORK/cookies" -H 'Content-Type: application/json' -d "{\"email\": \"$EMAIL\", \"password\": \"$PASSWORD\"}" \
  "http://127.0.0.1:$PORT/api/v1/login" >/dev/null
page() { curl -sS -b "$WORK/cookies" -o "$WORK/page.html" -w '%{http_code} %{time_total}\n' \
  "http://127.0.0.1:$PORT/console/events.xhtml"; }
for _ in $(seq 1 "$WARMUP"); do page >/dev/null; done
grep -q "$EVENTS" "$WORK/page.html" || grep -q 'ui-datatable' "$WORK/page.html" || { log "page did not render"; exit 1; }
: > "$WORK/times"
for _ in $(seq 1 "$REQUESTS"); do
  read -r code t < <(page)
  [ "$code" = 200 ] || { log "HTTP $code"; exit 1; }
  echo "$t" >> "$WORK/times"
done
sort -n "$WORK/times" | awk -v n="$REQUESTS" -v ev="$EVENTS" '{ a[NR] = $1 } END {
  printf "events page, %d events in window, %d requests: p50 %.0f ms, p95 %.0f ms, max %.0f ms\n",
    ev, n, a[int(n * 0.50)] * 1000, a[int(n * 0.95)] * 1000, a[n] * 1000 }'
