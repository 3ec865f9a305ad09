#!/usr/bin/env bash
# MAB benchmark: Turnstile against FreeRADIUS 3.2 on this machine, interleaved, same 20,000 endpoints, same client.
#
#   bench/scripts/mab-vs-freeradius.sh [--only freeradius|turnstile] [--rounds N] [--duration SECONDS]
#                                      [--warmup SECONDS] [--warmup-round SECONDS] [--concurrency C] [--macs N]
#                                      [--out DIR] [--no-build] [--port-base P] [--jfr]
#                                      [--serve]   (start and configure the servers, then wait: for manual runs)
#
# Steps: install freeradius (apt) if missing; build the bench jar; generate a 20,000-entry users file and a private
# raddb copy (127.0.0.1, ports 28812/28813); start FreeRADIUS (-f, no -X); build and start Turnstile on its own data
# directory (HTTP 28080, RADIUS 28081/28082), configure it through the REST API (mxcluster with the NAS secret,
# usermacs import of the same endpoints); then, after one warm-up round per server, N interleaved closed-loop rounds
# (FreeRADIUS, Turnstile, FreeRADIUS, ...) and one rate-limited round per server at half of its own median peak.
# Server CPU time comes from /proc/<pid>/stat (utime+stime, all threads) of the server process over each measured
# window, and again including the deferred work after it (the server's CPU until the machine is quiet again:
# Turnstile writes the round's NAC events after its last reply); RSS from /proc/<pid>/status. Writes DIR/*.json (one per round), DIR/results.md (the table) and the servers'
# logs; both servers are stopped by pid on exit, also on error. Traffic goes to 127.0.0.1 only. --port-base P moves
# FreeRADIUS to P/P+1 and Turnstile to P+10..P+13; --jfr records Turnstile's last closed-loop round with Flight
# Recorder (turnstile-mab.jfr; bench/scripts/jfr-top.py summarises it).
set -euo pipefail

TOP="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ONLY=both
ROUNDS=3
DURATION=20
WARMUP=5
CONCURRENCY=64
MACS=20000
WARMUP_ROUND=60
BUILD=1
SERVE=0
JFR=0
OUT=""
SECRET="bench-secret-5f3a9c"
FR_AUTH_PORT="${TURNSTILE_BENCH_FR_PORT:-28812}"
FR_ACCT_PORT=$((FR_AUTH_PORT + 1))
TS_HTTP_PORT="${TURNSTILE_BENCH_HTTP_PORT:-28080}"
TS_TOKEN="bench-token-0123456789abcdefgh"
TS_READY_TIMEOUT=180

while [ $# -gt 0 ]; do
  case "$1" in
    --only) ONLY=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --macs) MACS=$2; shift 2 ;;
    --warmup-round) WARMUP_ROUND=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --serve) SERVE=1; shift ;;
    --port-base) FR_AUTH_PORT=$2; FR_ACCT_PORT=$(($2 + 1)); TS_HTTP_PORT=$(($2 + 10)); shift 2 ;;
    --jfr) JFR=1; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$ONLY" in both|freeradius|turnstile) ;; *) echo "--only freeradius|turnstile" >&2; exit 2 ;; esac
want() { [ "$ONLY" = both ] || [ "$ONLY" = "$1" ]; }

OUT="${OUT:-$TOP/bench/target/mab-vs-freeradius/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
WORK="$(mktemp -d /tmp/turnstile-bench.XXXXXX)"
chmod 755 "$WORK"
FR_PID=""
TS_PID=""
START_TIME=$(date +%s)

log() { printf '[bench %4ss] %s\n' "$(( $(date +%s) - START_TIME ))" "$*" >&2; }

stop_pid() { # pid name
  local pid=$1 name=$2 i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  stop_pid "$TS_PID" Turnstile
  stop_pid "$FR_PID" FreeRADIUS
  rm -rf "$WORK"
  if [ $rc -ne 0 ]; then log "failed (exit $rc); logs and partial results in $OUT"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------------------------------------ prerequisites

need=()
command -v python3 >/dev/null || need+=(python3)
command -v curl >/dev/null || need+=(curl)
want freeradius && { command -v freeradius >/dev/null || need+=(freeradius); }
if [ ${#need[@]} -gt 0 ]; then
  log "installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ $BUILD = 1 ] || [ ! -f "$TOP/bench/target/bench-0.1.0-SNAPSHOT.jar" ]; then
  log "building the load generator (mvn -q -pl bench -am package -DskipTests)"
  (cd "$TOP" && mvn -B -q -pl bench -am package -DskipTests)
fi
JAR="$TOP/bench/target/bench-0.1.0-SNAPSHOT.jar"
# Client JVM: small fixed heap, so the load generator's footprint and GC stay out of the way.
LOADGEN=(java -Xms256m -Xmx256m -XX:+UseParallelGC -jar "$JAR")

java -cp "$JAR" io.turnstile.bench.Endpoints --macs "$MACS" --format users > "$WORK/users"
java -cp "$JAR" io.turnstile.bench.Endpoints --macs "$MACS" --format csv > "$OUT/usermacs.csv"
java -cp "$JAR" io.turnstile.bench.Endpoints --macs "$MACS" --format json > "$OUT/usermacs.json"

proc_name() { cat "/proc/$1/comm" 2>/dev/null || echo "?"; }

# ------------------------------------------------------------------------------------------------ FreeRADIUS

start_freeradius() {
  local raddb="$WORK/raddb"
  log "preparing a private FreeRADIUS config in $raddb"
  cp -a /etc/freeradius/3.0 "$raddb"
  mkdir -p "$WORK/fr-log" "$WORK/fr-run" "$WORK/fr-db"
  # Paths: everything in the private copy (the daemon drops to user freerad after start, as packaged).
  sed -i -e "s|^\(\s*\)logdir = .*|\1logdir = $WORK/fr-log|" \
         -e "s|^\(\s*\)run_dir = .*|\1run_dir = $WORK/fr-run|" \
         -e "s|^\(\s*\)db_dir = .*|\1db_dir = $WORK/fr-db|" \
         -e "s|^\(\s*\)raddbdir = .*|\1raddbdir = $raddb|" \
         "$raddb/radiusd.conf"
  # One client: the load generator on 127.0.0.1, Message-Authenticator required (as Turnstile requires it).
  cat > "$raddb/clients.conf" <<EOF
client bench {
	ipaddr = 127.0.0.1
	secret = $SECRET
	require_message_authenticator = yes
	nas_type = other
}
EOF
  # The default site unchanged except its listen sections: auth/acct on 127.0.0.1 only, on private ports, and the
  # auth socket's receive buffer set to what Turnstile asks for its own (8 MiB; the kernel caps both at rmem_max).
  # inner-tunnel stays defined (the eap module refers to it) but without its 127.0.0.1:18120 listener.
  rm -f "$raddb/sites-enabled/default" "$raddb/sites-enabled/inner-tunnel"
  python3 - "$raddb" "$FR_AUTH_PORT" "$FR_ACCT_PORT" <<'PY'
import re, sys
raddb, auth, acct = sys.argv[1:4]

def without_listen(path):
    """The virtual server file with its top-level listen { ... } sections removed (brace counting, comments off)."""
    out, skip, depth, at = [], False, 0, 0
    for line in open(path).read().split("\n"):
        code = line.split("#", 1)[0]
        if not skip and depth == 1 and re.match(r"^\s*listen\s*\{", code):
            skip, at = True, depth
        depth += code.count("{") - code.count("}")
        if skip:
            skip = depth != at
            continue
        out.append(line)
    return "\n".join(out)

listen = f"""server default {{
listen {{
\ttype = auth
\tipaddr = 127.0.0.1
\tport = {auth}
\trecv_buff = 8388608
}}
listen {{
\ttype = acct
\tipaddr = 127.0.0.1
\tport = {acct}
}}
"""
text, n = re.subn(r"^server default \{\n", listen, without_listen(f"{raddb}/sites-available/default"), count=1, flags=re.M)
assert n == 1, "server default block not found"
open(f"{raddb}/sites-enabled/default", "w").write(text)
open(f"{raddb}/sites-enabled/inner-tunnel", "w").write(without_listen(f"{raddb}/sites-available/inner-tunnel"))
PY
  cp "$WORK/users" "$raddb/mods-config/files/authorize"
  chown -R freerad:freerad "$raddb" "$WORK/fr-log" "$WORK/fr-run" "$WORK/fr-db"
  freeradius -C -d "$raddb" > "$OUT/freeradius-check.log" 2>&1 || {
    log "FreeRADIUS config check failed:"; tail -n 30 "$OUT/freeradius-check.log" >&2; return 1; }
  log "starting FreeRADIUS ($(freeradius -v | head -n 1 | sed 's/^radiusd: //'))"
  freeradius -f -d "$raddb" -l stdout > "$OUT/freeradius.log" 2>&1 &
  FR_PID=$!
  local i
  for i in $(seq 1 100); do
    grep -q "Ready to process requests" "$OUT/freeradius.log" 2>/dev/null && break
    kill -0 "$FR_PID" 2>/dev/null || { log "FreeRADIUS exited:"; tail -n 30 "$OUT/freeradius.log" >&2; return 1; }
    sleep 0.1
  done
  grep -q "Ready to process requests" "$OUT/freeradius.log" || { log "FreeRADIUS not ready"; return 1; }
  log "FreeRADIUS ready, pid $FR_PID ($(proc_name "$FR_PID"))"
}

# ------------------------------------------------------------------------------------------------ Turnstile

TS_AUTH_PORT=$((TS_HTTP_PORT + 1))
TS_URL="http://127.0.0.1:$TS_HTTP_PORT"

turnstile_stale() {
  local rt="$TOP/server-config/target/runtime"
  [ -f "$rt/ROOT.war" ] && [ -f "$rt/turnstile-radius.rar" ] && [ -f "$rt/payara-micro.jar" ] || return 0
  [ -n "$(find "$TOP" -path "$TOP/data" -prune -o -path '*/target' -prune -o -path "$TOP/.git" -prune -o \
      -type f \( -name '*.java' -o -name '*.xml' -o -name '*.sql' -o -name '*.properties' -o -name '*.asadmin' \
      -o -name '*.txt' -o -name 'dictionary*' \) -newer "$rt/ROOT.war" -print -quit)" ]
}

api() { # method path [curl args...]
  local method=$1 path=$2; shift 2
  curl -sS -X "$method" -H "Authorization: Token $TS_TOKEN" -w '\n%{http_code}' "$@" "$TS_URL$path"
}

start_turnstile() {
  if [ $BUILD = 1 ] && turnstile_stale; then
    log "building Turnstile (./turnstile build)"
    (cd "$TOP" && ./turnstile build) > "$OUT/turnstile-build.log" 2>&1 || {
      log "./turnstile build failed:"; tail -n 40 "$OUT/turnstile-build.log" >&2; return 1; }
  fi
  mkdir -p "$WORK/ts-data"
  log "starting Turnstile (HTTP $TS_HTTP_PORT, RADIUS auth $TS_AUTH_PORT)"
  (cd "$TOP" && exec env TURNSTILE_DATA_DIR="$WORK/ts-data" TURNSTILE_HTTP_PORT=$TS_HTTP_PORT \
      TURNSTILE_RADIUS_AUTH_PORT=$TS_AUTH_PORT TURNSTILE_RADIUS_ACCT_PORT=$((TS_HTTP_PORT + 2)) \
      TURNSTILE_RADSEC_PORT=$((TS_HTTP_PORT + 3)) TURNSTILE_BIND_ADDRESS=127.0.0.1 \
      TURNSTILE_BOOTSTRAP_TOKEN="$TS_TOKEN" ./turnstile start) > "$OUT/turnstile.log" 2>&1 &
  TS_PID=$!
  local i body t0=$(date +%s)
  for i in $(seq 1 "$TS_READY_TIMEOUT"); do
    if ! kill -0 "$TS_PID" 2>/dev/null; then
      log "Turnstile exited during start-up; last log lines:"; tail -n 40 "$OUT/turnstile.log" >&2; return 1
    fi
    if grep -q "Exception while loading the app" "$OUT/turnstile.log"; then
      log "Turnstile failed to deploy its application:"
      sleep 2   # let Payara finish writing the stack trace
      { grep -a -m1 "Exception while loading the app :" "$OUT/turnstile.log" \
          || grep -a -m1 -A1 "Exception during lifecycle processing" "$OUT/turnstile.log"; } | cut -c1-400 >&2 || true
      return 1
    fi
    body="$(curl -fsS "$TS_URL/health/ready" 2>/dev/null || true)"
    if printf '%s' "$body" | grep -q '"turnstile"'; then break; fi
    sleep 1
  done
  if ! printf '%s' "$body" | grep -q '"turnstile"'; then
    log "Turnstile not ready after ${TS_READY_TIMEOUT}s; /health/ready said: ${body:-nothing}; last log lines:"
    tail -n 40 "$OUT/turnstile.log" >&2
    return 1
  fi
  # ./turnstile start execs java, so the pid is the JVM's; check rather than assume.
  if [ "$(proc_name "$TS_PID")" != java ]; then
    local child; child="$(pgrep -P "$TS_PID" -x java | head -n 1 || true)"
    [ -n "$child" ] && TS_PID=$child
  fi
  log "Turnstile ready after $(( $(date +%s) - t0 ))s, pid $TS_PID ($(proc_name "$TS_PID"))"

  local res code org
  res="$(api GET /api/v1/self)"; code="${res##*$'\n'}"
  [ "$code" = 200 ] || { log "GET /api/v1/self -> $code: ${res%$'\n'*}"; return 1; }
  org="$(printf '%s' "${res%$'\n'*}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["privileges"][0]["org_id"])')"
  log "org $org"
  res="$(api POST "/api/v1/orgs/$org/mxclusters" -H 'Content-Type: application/json' --data-binary \
    "{\"name\":\"bench\",\"mist_nac\":{\"enabled\":true,\"secret\":\"$SECRET\",\"client_ips\":{\"127.0.0.1\":{\"vendor\":\"generic\"}}}}")"
  code="${res##*$'\n'}"
  [ "${code:0:1}" = 2 ] || { log "POST mxclusters -> $code: ${res%$'\n'*}"; return 1; }
  log "importing $MACS usermacs (multipart CSV)"
  res="$(api POST "/api/v1/orgs/$org/usermacs/import" -F "file=@$OUT/usermacs.csv;type=text/csv")"
  code="${res##*$'\n'}"
  printf '%s\n' "${res%$'\n'*}" > "$OUT/turnstile-import.txt"
  if [ "${code:0:1}" != 2 ]; then
    log "multipart import -> $code: $(head -c 300 "$OUT/turnstile-import.txt"); trying a JSON array body"
    res="$(api POST "/api/v1/orgs/$org/usermacs/import" -H 'Content-Type: application/json' \
      --data-binary "@$OUT/usermacs.json")"
    code="${res##*$'\n'}"
    printf '%s\n' "${res%$'\n'*}" > "$OUT/turnstile-import.txt"
    [ "${code:0:1}" = 2 ] || { log "JSON import -> $code: $(head -c 300 "$OUT/turnstile-import.txt")"; return 1; }
  fi
  log "import -> $code: $(python3 - "$OUT/turnstile-import.txt" <<'PY'
import json, sys
try:
    r = json.load(open(sys.argv[1]))
    print(f"{len(r.get('added', []))} added, {len(r.get('updated', []))} updated, {len(r.get('errors', []))} errors"
          + (f" (first: {r['errors'][0]})" if r.get("errors") else ""))
except Exception as e:
    print(open(sys.argv[1]).read(200))
PY
)"
}

# ------------------------------------------------------------------------------------------------ rounds

port_of() { case "$1" in freeradius) echo $FR_AUTH_PORT ;; turnstile) echo $TS_AUTH_PORT ;; esac; }
pid_of() { case "$1" in freeradius) echo "$FR_PID" ;; turnstile) echo "$TS_PID" ;; esac; }

# Busy cores of the whole machine over one second (/proc/stat, everything but idle and iowait).
busy_cores() {
  local a b
  a="$(head -n 1 /proc/stat)"; sleep 1; b="$(head -n 1 /proc/stat)"
  awk -v a="$a" -v b="$b" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    split(a, x, " "); split(b, y, " "); busy = 0
    for (i = 2; i <= 9; i++) if (i != 5 && i != 6) busy += y[i] - x[i]
    printf "%.2f", busy / hz }'
}

# Other work on this machine (builds, tests) skews a benchmark on 2 cores, and so does the previous server's
# deferred work (Turnstile keeps writing the NAC events of its round for a while after it): before a round, wait up to
# QUIET_WAIT seconds for a second in which the machine is nearly idle. Each round's JSON records what else ran during
# it (machine.other_cores), and the report shows it.
QUIET_WAIT=${QUIET_WAIT:-120}
wait_quiet() {
  local i b
  for i in $(seq 1 "$QUIET_WAIT"); do
    b="$(busy_cores)"
    awk -v b="$b" 'BEGIN { exit !(b < 0.25) }' && return 0
  done
  log "machine still busy (${b} cores in use by other processes) after ${QUIET_WAIT}s; measuring anyway"
}

# CPU ticks per thread of a process ("<thread name> <ticks>" lines); the JVM names its native threads, so this
# shows where a server's CPU goes without a profiler.
thread_ticks() {
  local t
  for t in /proc/"$1"/task/*; do
    printf '%s\t%s\n' "$(cat "$t/comm" 2>/dev/null)" "$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null)"
  done
}
thread_report() { # before after: CPU seconds per thread name (digits folded), largest first
  python3 - "$1" "$2" "$(getconf CLK_TCK)" <<'PY'
import collections, re, sys
def read(path):
    d = collections.Counter()
    for line in open(path):
        name, _, ticks = line.rstrip("\n").rpartition("\t")
        if ticks.isdigit():
            d[re.sub(r"\d+", "#", name)] += int(ticks)
    return d
before, after, hz = read(sys.argv[1]), read(sys.argv[2]), int(sys.argv[3])
delta = {k: after[k] - before.get(k, 0) for k in after}
total = sum(v for v in delta.values() if v > 0) or 1
print(f"CPU seconds by thread name over the last closed-loop round (total {total / hz:.1f} s)")
for name, v in sorted(delta.items(), key=lambda kv: -kv[1])[:20]:
    if v > 0:
        print(f"{v / hz:8.2f} s  {100 * v / total:5.1f} %  {name}")
PY
}

# settle server file: after a round, wait for the machine to be quiet and add the server's CPU time during that wait
# (deferred work: Turnstile goes on writing the round's NAC events after its last reply) to the round's JSON, as
# server.deferred_cpu_s and server.cpu_us_per_req_with_deferred. Whatever else runs meanwhile is counted only
# through the server's own /proc/<pid>/stat.
settle() {
  local pid t0 start=$SECONDS
  pid="$(pid_of "$1")"
  t0="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
  wait_quiet
  python3 - "$OUT/$2" "$t0" "$(awk '{print $14 + $15}' "/proc/$pid/stat")" "$(getconf CLK_TCK)" \
      "$((SECONDS - start))" <<'PY'
import json, sys
f, t0, t1, hz, secs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
r = json.load(open(f)); s = r["server"]
s["deferred_cpu_s"] = (t1 - t0) / hz
s["deferred_wait_s"] = secs
requests = s["cpu_s"] * 1e6 / s["cpu_us_per_req"] if s.get("cpu_us_per_req") else 0
s["cpu_us_per_req_with_deferred"] = (s["cpu_s"] + s["deferred_cpu_s"]) * 1e6 / requests if requests else 0
json.dump(r, open(f, "w"), indent=1)
PY
}

# load server file [mabload args...]: one run of the load generator, JSON to $OUT/file
load() {
  local server=$1 file=$2; shift 2
  local pid; pid="$(pid_of "$server")"
  kill -0 "$pid" 2>/dev/null || { log "$server (pid $pid) is not running"; return 1; }
  case "$file" in peak-*|half-*) wait_quiet ;; esac
  "${LOADGEN[@]}" --host 127.0.0.1 --port "$(port_of "$server")" --secret "$SECRET" --macs "$MACS" \
      --server-pid "$pid" --label "$server" --out "$OUT/$file" "$@" > /dev/null
  python3 - "$OUT/$file" <<'PY' >&2
import json, sys
r = json.load(open(sys.argv[1])); s = r.get("server", {}); l = r["latency_ms"]
print(f"  {r['label']:<10} {r['mode']:<12} rps {r['rps']:>9.0f}  p50 {l['p50']:.3f} ms  p99 {l['p99']:.3f} ms  "
      f"server {s.get('cpu_us_per_req', 0):.1f} us/req ({s.get('cpu_cores', 0):.2f} cores)  "
      f"client {r['client']['cpu_cores']:.2f} cores  other {r.get('machine', {}).get('other_cores', 0):.2f} cores  "
      f"accept {r['accepts']} reject {r['rejects']} timeout {r['timeouts']} vlan_mismatch {r['vlan_mismatch']}")
PY
}

# A short check at low concurrency that the server answers with Access-Accept and the expected VLAN; retried for a
# while (a NAS client added over the API may take a moment to reach the RADIUS listener, and a cold JVM is slow).
smoke() {
  local server=$1 i
  for i in $(seq 1 10); do
    load "$server" "smoke-$server.json" --concurrency 4 --warmup 1s --duration 2s || return 1
    if python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if r["accepts"]>0 and r["rejects"]==0 and r["vlan_mismatch"]==0 else 1)' "$OUT/smoke-$server.json"; then
      return 0
    fi
    sleep 2
  done
  log "WARNING: $server does not answer MAB requests as expected (see $OUT/smoke-$server.json); measuring anyway"
}

SERVERS=()
if want freeradius; then start_freeradius; SERVERS+=(freeradius); fi
if want turnstile; then
  if start_turnstile; then SERVERS+=(turnstile); else
    log "Turnstile could not be started and configured; see $OUT/turnstile.log"
    if [ "$ONLY" = turnstile ]; then exit 1; fi
    stop_pid "$TS_PID" Turnstile; TS_PID=""
    echo "turnstile: start or configuration failed, see turnstile.log" > "$OUT/turnstile-failed.txt"
  fi
fi
[ ${#SERVERS[@]} -gt 0 ] || exit 1

for s in "${SERVERS[@]}"; do smoke "$s"; done

if [ $SERVE = 1 ]; then
  for s in "${SERVERS[@]}"; do log "$s: udp/127.0.0.1:$(port_of "$s"), pid $(pid_of "$s"), secret $SECRET"; done
  log "serving until interrupted (--serve)"
  while sleep 1; do :; done
fi

# Long enough for the JVM's JIT to settle (Turnstile was still getting faster after 30 s).
log "warm-up round per server (closed loop, concurrency $CONCURRENCY, ${WARMUP_ROUND}s)"
for s in "${SERVERS[@]}"; do
  load "$s" "warmup-$s.json" --concurrency "$CONCURRENCY" --warmup "$((WARMUP_ROUND - 10))s" --duration 10s
done

log "$ROUNDS interleaved closed-loop rounds: concurrency $CONCURRENCY, ${WARMUP}s warm-up + ${DURATION}s measured"
for r in $(seq 1 "$ROUNDS"); do
  for s in "${SERVERS[@]}"; do
    [ "$r" = "$ROUNDS" ] && thread_ticks "$(pid_of "$s")" > "$WORK/threads-$s.before"
    # --jfr: a Flight Recorder profile of Turnstile's last closed-loop round (read it with bench/scripts/jfr-top.py).
    [ $JFR = 1 ] && [ "$r" = "$ROUNDS" ] && [ $s = turnstile ] && jcmd "$TS_PID" JFR.start name=mabbench \
        settings=profile filename="$OUT/turnstile-mab.jfr" > /dev/null
    load "$s" "peak-$s-$r.json" --concurrency "$CONCURRENCY" --warmup "${WARMUP}s" --duration "${DURATION}s"
    settle "$s" "peak-$s-$r.json"
    [ $JFR = 1 ] && [ "$r" = "$ROUNDS" ] && [ $s = turnstile ] && jcmd "$TS_PID" JFR.stop name=mabbench > /dev/null
    if [ "$r" = "$ROUNDS" ]; then
      thread_ticks "$(pid_of "$s")" > "$WORK/threads-$s.after"
      thread_report "$WORK/threads-$s.before" "$WORK/threads-$s.after" > "$OUT/threads-$s.txt"
    fi
  done
done

log "rate-limited round per server at half of its median peak"
for s in "${SERVERS[@]}"; do
  rate="$(python3 - "$OUT" "$s" <<'PY'
import glob, json, statistics, sys
out, s = sys.argv[1:3]
print(int(statistics.median(json.load(open(f))["rps"] for f in glob.glob(f"{out}/peak-{s}-*.json")) / 2))
PY
)"
  # Open loop: the concurrency cap is only a safety limit here.
  load "$s" "half-$s.json" --concurrency 1024 --rate "$rate" --warmup "${WARMUP}s" --duration "${DURATION}s"
  settle "$s" "half-$s.json"
done

# ------------------------------------------------------------------------------------------------ report

{
  echo "nproc=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
  echo "kernel=$(uname -r)"
  echo "java=$(java -version 2>&1 | head -n 1)"
  command -v freeradius >/dev/null && echo "freeradius=$(freeradius -v | head -n 1 | sed 's/^radiusd: //')"
  echo "turnstile=$(cd "$TOP" && git describe --always --dirty 2>/dev/null || echo "working tree (no commit)")"
  echo "payara=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$TOP/pom.xml" | head -n 1)"
  echo "concurrency=$CONCURRENCY rounds=$ROUNDS duration=${DURATION}s warmup=${WARMUP}s macs=$MACS"
  echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
} > "$OUT/machine.txt"

{ echo '```'; cat "$OUT/machine.txt"; echo '```'; echo; } > "$OUT/results.md"
python3 - "$OUT" "${SERVERS[@]}" >> "$OUT/results.md" <<'PY'
import glob, json, statistics, sys
out, servers = sys.argv[1], sys.argv[2:]
names = {"freeradius": "FreeRADIUS 3.2.1", "turnstile": "Turnstile"}
med = statistics.median
rows = {}
for s in servers:
    peaks = [json.load(open(f)) for f in sorted(glob.glob(f"{out}/peak-{s}-*.json"))]
    half = json.load(open(f"{out}/half-{s}.json"))
    failed = lambda r: (r["timeouts"] + r["rejects"] + r["challenges"] + r["other_codes"] + r["vlan_mismatch"]
                        + r["bad_authenticator"] + r["bad_message_authenticator"] + r["send_errors"])
    rows[s] = dict(
        rps=med(r["rps"] for r in peaks),
        p50=med(r["latency_ms"]["p50"] for r in peaks),
        p99=med(r["latency_ms"]["p99"] for r in peaks),
        cpu=med(r["server"]["cpu_us_per_req"] for r in peaks),
        cpu_all_in=med(r["server"].get("cpu_us_per_req_with_deferred", 0) for r in peaks),
        deferred_s=[round(r["server"].get("deferred_cpu_s", 0), 1) for r in peaks],
        cores=med(r["server"]["cpu_cores"] for r in peaks),
        client=med(r["client"]["cpu_cores"] for r in peaks),
        other=med(r["machine"]["other_cores"] for r in peaks),
        rss=max(r["server"]["rss_kb_end"] for r in peaks) / 1024,
        failed=sum(failed(r) for r in peaks), sent=sum(r["sent"] for r in peaks),
        rps_all=[round(r["rps"]) for r in peaks], cpu_all=[round(r["server"]["cpu_us_per_req"], 1) for r in peaks],
        other_all=[round(r["machine"]["other_cores"], 2) for r in peaks],
        h=half, hfailed=failed(half),
    )

def ratio(a, b):
    return f"{a / b:.2f}×" if b else "n/a"

print("Closed loop, concurrency 64, median of the rounds:\n")
print("| server | req/s | p50 ms | p99 ms | server CPU µs/req in the round | incl. deferred work | server cores busy "
      "| RSS MiB | failed / sent | client cores | other cores |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for s, r in rows.items():
    print(f"| {names.get(s, s)} | {r['rps']:,.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['cpu']:.1f} | "
          f"**{r['cpu_all_in']:.1f}** | {r['cores']:.2f} | {r['rss']:.0f} | {r['failed']} / {r['sent']:,} | "
          f"{r['client']:.2f} | {r['other']:.2f} |")
if "freeradius" in rows and "turnstile" in rows:
    f, t = rows["freeradius"], rows["turnstile"]
    print(f"| **Turnstile / FreeRADIUS** | {ratio(t['rps'], f['rps'])} | {ratio(t['p50'], f['p50'])} | "
          f"{ratio(t['p99'], f['p99'])} | {ratio(t['cpu'], f['cpu'])} | **{ratio(t['cpu_all_in'], f['cpu_all_in'])}** "
          f"| | {ratio(t['rss'], f['rss'])} | | | |")
print("\nRate-limited at half of each server's own median peak (latency from the scheduled send time):\n")
print("| server | target req/s | achieved req/s | p50 ms | p99 ms | p99.9 ms | p99 ms from actual send "
      "| server CPU µs/req | failed / sent | client send lag p99 ms | other cores |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for s, r in rows.items():
    h = r["h"]
    print(f"| {names.get(s, s)} | {h['rate_target']:,.0f} | {h['rps']:,.0f} | {h['latency_ms']['p50']:.2f} | "
          f"{h['latency_ms']['p99']:.2f} | {h['latency_ms']['p999']:.2f} | "
          f"{h['latency_from_actual_send_ms']['p99']:.2f} | {h['server']['cpu_us_per_req']:.1f} | "
          f"{r['hfailed']} / {h['sent']:,} | {h['send_lag_ms']['p99']:.2f} | {h['machine']['other_cores']:.2f} |")
if "freeradius" in rows and "turnstile" in rows:
    f, t = rows["freeradius"]["h"], rows["turnstile"]["h"]
    print(f"| **Turnstile / FreeRADIUS** | | | {ratio(t['latency_ms']['p50'], f['latency_ms']['p50'])} | "
          f"{ratio(t['latency_ms']['p99'], f['latency_ms']['p99'])} | | | "
          f"{ratio(t['server']['cpu_us_per_req'], f['server']['cpu_us_per_req'])} | | | |")
print()
for s, r in rows.items():
    h = r["h"]
    print(f"- {names.get(s, s)}: req/s per round {r['rps_all']}; server CPU µs/req per round {r['cpu_all']}; "
          f"deferred CPU s after each round {r['deferred_s']}; other cores per round {r['other_all']}; "
          f"client cores at ½ peak {h['client']['cpu_cores']:.2f}")
PY

log "results in $OUT"
cat "$OUT/results.md"
for s in "${SERVERS[@]}"; do echo; echo "$s:"; head -n 8 "$OUT/threads-$s.txt" 2>/dev/null || true; done
