#!/usr/bin/env bash
# EAP-TLS benchmark: full EAP-TLS handshakes per second and server CPU per handshake, Turnstile against FreeRADIUS 3.2
# on this machine, TLS 1.2 and TLS 1.3, with the same supplicant (eapol_test), client certificate and key sizes.
#
#   bench/scripts/eaptls-vs-freeradius.sh [--duration SECONDS] [--concurrency C] [--rounds N] [--tls "1.2 1.3"]
#                                         [--keys "rsa ecdsa"] [--warmup SECONDS] [--port-base P] [--out DIR]
#                                         [--no-build] [--jfr]
#
# --keys: the server key of both servers, RSA-2048 and/or ECDSA P-256 (Turnstile: TURNSTILE_PKI_SERVER_KEY_TYPE
# rsa-2048 / ec-p256, one Turnstile start per key type). --jfr: a Flight Recorder file of Turnstile's first measured
# round per key and TLS version (read it with bench/scripts/jfr-top.py); its profile settings make the JIT recompile
# for seconds per round, so rounds with --jfr are for finding where time goes, not for the ratio. Each Turnstile round also records the CPU
# time per thread group (JIT, GC, request threads, JMS...) in rounds.jsonl.
#
# Steps: build Turnstile if stale and start it on its own data directory (HTTP P+10, RADIUS P+11); configure it
# through the REST API (mxcluster for 127.0.0.1) and have its org CA issue the client certificate (RSA-2048, from an
# openssl CSR). FreeRADIUS gets a private raddb copy (auth on 127.0.0.1:P), an RSA-2048 server certificate from its
# own openssl CA, the org CA as client CA, default_eap_type = tls and no TLS session cache (Turnstile resumes no
# sessions either), tls_max_version per round. Then, per TLS version, interleaved closed-loop rounds (FreeRADIUS,
# Turnstile, ...): C workers each running one eapol_test per handshake for DURATION seconds. Server CPU time comes from
# /proc/<pid>/stat (utime+stime, all threads) over the round; eapol_test itself costs about 10 ms CPU per run and
# shares the 2 cores, so the rate is bounded by the client too and CPU per handshake is the fairer comparison.
# Writes DIR/results.md and DIR/rounds.jsonl; both servers are stopped by pid on exit. Traffic stays on 127.0.0.1.
set -euo pipefail

TOP="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DURATION=20
CONCURRENCY=4
ROUNDS=2
TLS_VERSIONS="1.2 1.3"
KEYS="rsa ecdsa"
WARMUP=30
PORT_BASE=21150
BUILD=1
JFR=0
OUT=""
SECRET="bench-secret-5f3a9c"
TS_TOKEN="bench-token-0123456789abcdefgh"

while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --tls) TLS_VERSIONS=$2; shift 2 ;;
    --keys) KEYS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --port-base) PORT_BASE=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --jfr) JFR=1; shift ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
FR_AUTH_PORT=$PORT_BASE
TS_HTTP_PORT=$((PORT_BASE + 10))
TS_AUTH_PORT=$((TS_HTTP_PORT + 1))
TS_URL="http://127.0.0.1:$TS_HTTP_PORT"
OUT="${OUT:-$TOP/bench/target/eaptls-vs-freeradius/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"; OUT="$(cd "$OUT" && pwd)"
WORK="$(mktemp -d /tmp/turnstile-eapbench.XXXXXX)"; chmod 755 "$WORK"
FR_PID=""; TS_PID=""; START_TIME=$(date +%s)

log() { printf '[eap-bench %4ss] %s\n' "$(( $(date +%s) - START_TIME ))" "$*" >&2; }
stop_pid() {
  local pid=$1 name=$2 i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  log "stopping $name (pid $pid)"; kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() { local rc=$?; stop_pid "$FR_PID" FreeRADIUS; stop_pid "$TS_PID" Turnstile; rm -rf "$WORK"; exit $rc; }
trap cleanup EXIT
trap 'exit 130' INT TERM

need=()
for c in freeradius:freeradius eapol_test:eapoltest curl:curl python3:python3 openssl:openssl; do
  command -v "${c%%:*}" >/dev/null || need+=("${c#*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  log "installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive; apt-get update -qq; apt-get install -y -qq "${need[@]}" >/dev/null
fi

api() { # method path [curl args...]: body, then the status code on the last line
  local method=$1 path=$2; shift 2
  curl -sS -X "$method" -H "Authorization: Token $TS_TOKEN" -w '\n%{http_code}' "$@" "$TS_URL$path"
}
body() { printf '%s' "${1%$'\n'*}"; }
code() { printf '%s' "${1##*$'\n'}"; }

# ------------------------------------------------------------------------------------------------ Turnstile
if [ $BUILD = 1 ]; then
  log "building Turnstile if stale"; (cd "$TOP" && ./turnstile build) > "$OUT/turnstile-build.log" 2>&1
fi
start_turnstile() { # rsa|ecdsa: a fresh Turnstile with that server key, configured, and the certificates
  local ts_key=rsa-2048 i res; [ "$1" = ecdsa ] && ts_key=ec-p256
  log "starting Turnstile (HTTP $TS_HTTP_PORT, RADIUS $TS_AUTH_PORT)"
  (cd "$TOP" && exec env TURNSTILE_DATA_DIR="$WORK/ts-data-$1" TURNSTILE_PKI_SERVER_KEY_TYPE="$ts_key" TURNSTILE_HTTP_PORT=$TS_HTTP_PORT \
      TURNSTILE_RADIUS_AUTH_PORT=$TS_AUTH_PORT TURNSTILE_RADIUS_ACCT_PORT=$((TS_HTTP_PORT + 2)) \
      TURNSTILE_RADSEC_PORT=$((TS_HTTP_PORT + 3)) TURNSTILE_BIND_ADDRESS=127.0.0.1 \
      TURNSTILE_BOOTSTRAP_TOKEN="$TS_TOKEN" ./turnstile start) > "$OUT/turnstile-$1.log" 2>&1 &
  TS_PID=$!
  # TS_READY_TIMEOUT (s, default 600): Payara Micro takes minutes to deploy on a loaded 2-core machine.
  local deadline=$(( $(date +%s) + ${TS_READY_TIMEOUT:-600} ))
  until curl -fsS --max-time 5 "$TS_URL/health/ready" 2>/dev/null | grep -q '"turnstile"'; do
    kill -0 "$TS_PID" 2>/dev/null || { log "Turnstile exited"; tail -n 40 "$OUT/turnstile-$1.log" >&2; exit 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { log "Turnstile not ready after ${TS_READY_TIMEOUT:-600} s"; exit 1; }
    sleep 1
  done
  [ "$(cat /proc/$TS_PID/comm)" = java ] || TS_PID="$(pgrep -P "$TS_PID" -x java | head -n 1)"
  log "Turnstile ready, pid $TS_PID"
  res="$(api GET /api/v1/self)"; [ "$(code "$res")" = 200 ] || { log "GET /self: $res"; exit 1; }
  ORG="$(body "$res" | python3 -c 'import json,sys; print(json.load(sys.stdin)["privileges"][0]["org_id"])')"
  res="$(api POST "/api/v1/orgs/$ORG/mxclusters" -H 'Content-Type: application/json' --data-binary \
    "{\"name\":\"bench\",\"mist_nac\":{\"enabled\":true,\"secret\":\"$SECRET\",\"client_ips\":{\"127.0.0.1\":{\"vendor\":\"generic\"}}}}")"
  [ "$(code "$res")" = 200 ] || { log "POST mxclusters: $res"; exit 1; }

  # ------------------------------------------------------------------------------------------------ certificates
  P="$WORK/pki"; mkdir -p "$P"
  res="$(api GET "/api/v1/orgs/$ORG/cert")"; body "$res" | python3 -c 'import json,sys; print(json.load(sys.stdin)["cert"])' > "$P/org-ca.pem"
  openssl req -new -newkey rsa:2048 -nodes -keyout "$P/client.key" -out "$P/client.csr" -subj /CN=bench-laptop 2>/dev/null
  res="$(api POST "/api/v1/orgs/$ORG/cert/issue_client" -H 'Content-Type: application/json' --data-binary \
    "$(python3 -c 'import json,sys; print(json.dumps({"csr": open(sys.argv[1]).read()}))' "$P/client.csr")")"
  [ "$(code "$res")" = 200 ] || { log "issue_client: $res"; exit 1; }
  body "$res" | python3 -c 'import json,sys; print(json.load(sys.stdin)["cert"])' > "$P/client.pem"
  if [ "$1" = ecdsa ]; then fr_newkey=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1); else fr_newkey=(-newkey rsa:2048); fi
  openssl req -x509 -newkey rsa:3072 -nodes -days 30 -subj "/CN=FreeRADIUS bench CA" -keyout "$P/fr-ca.key" \
    -out "$P/fr-ca.pem" -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign 2>/dev/null
  openssl req -new "${fr_newkey[@]}" -nodes -keyout "$P/fr-server.key" -out "$P/fr-server.csr" -subj /CN=freeradius.bench 2>/dev/null
  printf 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature%s\nextendedKeyUsage=serverAuth\n' "$([ "$1" = rsa ] && echo ,keyEncipherment)" > "$P/server.ext"
  openssl x509 -req -in "$P/fr-server.csr" -CA "$P/fr-ca.pem" -CAkey "$P/fr-ca.key" -CAcreateserial -days 30 -sha256 \
    -extfile "$P/server.ext" -out "$P/fr-server.pem" 2>/dev/null
  cat "$P/org-ca.pem" "$P/fr-ca.pem" > "$P/server-cas.pem"
}

# ------------------------------------------------------------------------------------------------ FreeRADIUS
start_freeradius() { # tls_max_version key
  local raddb="$WORK/raddb-$1"
  rm -rf "$raddb"; cp -a /etc/freeradius/3.0 "$raddb"
  mkdir -p "$WORK/fr-log" "$WORK/fr-run" "$WORK/fr-db"
  sed -i -e "s|^\(\s*\)logdir = .*|\1logdir = $WORK/fr-log|" -e "s|^\(\s*\)run_dir = .*|\1run_dir = $WORK/fr-run|" \
         -e "s|^\(\s*\)db_dir = .*|\1db_dir = $WORK/fr-db|" -e "s|^\(\s*\)raddbdir = .*|\1raddbdir = $raddb|" \
         "$raddb/radiusd.conf"
  printf 'client bench {\n\tipaddr = 127.0.0.1\n\tsecret = %s\n\trequire_message_authenticator = yes\n}\n' "$SECRET" \
    > "$raddb/clients.conf"
  cp "$P/fr-server.pem" "$P/fr-server.key" "$P/org-ca.pem" "$raddb/certs/"
  # EAP-TLS straight away (no MD5 offer and NAK), the org CA as client CA, no session cache, the TLS version range.
  sed -i -e 's|^\(\s*\)default_eap_type = md5|\1default_eap_type = tls|' \
         -e 's|^\(\s*\)private_key_password = whatever|\1#private_key_password =|' \
         -e "s|^\(\s*\)private_key_file = .*|\1private_key_file = $raddb/certs/fr-server.key|" \
         -e "s|^\(\s*\)certificate_file = .*|\1certificate_file = $raddb/certs/fr-server.pem|" \
         -e "s|^\(\s*\)ca_file = .*|\1ca_file = $raddb/certs/org-ca.pem|" \
         -e 's|^\(\s*\)dh_file = .*|\1#dh_file =|' \
         -e "s|^\(\s*\)tls_max_version = .*|\1tls_max_version = \"$1\"|" \
         "$raddb/mods-available/eap"
  python3 - "$raddb" "$FR_AUTH_PORT" <<'PY'
import re, sys
raddb, auth = sys.argv[1:3]
def without_listen(path):
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
listen = f"server default {{\nlisten {{\n\ttype = auth\n\tipaddr = 127.0.0.1\n\tport = {auth}\n}}\n"
text = re.sub(r"^server default \{\n", listen, without_listen(f"{raddb}/sites-available/default"), count=1, flags=re.M)
import os
for f in ("default", "inner-tunnel"):
    p = f"{raddb}/sites-enabled/{f}"
    if os.path.lexists(p): os.remove(p)
open(f"{raddb}/sites-enabled/default", "w").write(text)
open(f"{raddb}/sites-enabled/inner-tunnel", "w").write(without_listen(f"{raddb}/sites-available/inner-tunnel"))
PY
  chown -R freerad:freerad "$raddb" "$WORK/fr-log" "$WORK/fr-run" "$WORK/fr-db"
  freeradius -C -d "$raddb" > "$OUT/freeradius-check-$1-$2.log" 2>&1 || { tail -n 20 "$OUT/freeradius-check-$1-$2.log" >&2; return 1; }
  freeradius -f -d "$raddb" -l stdout > "$OUT/freeradius-$1-$2.log" 2>&1 &
  FR_PID=$!
  for i in $(seq 1 100); do grep -q "Ready to process requests" "$OUT/freeradius-$1-$2.log" && break; sleep 0.1; done
  grep -q "Ready to process requests" "$OUT/freeradius-$1-$2.log" || { log "FreeRADIUS not ready"; tail -n 20 "$OUT/freeradius-$1-$2.log" >&2; return 1; }
  log "FreeRADIUS (tls_max_version $1, $2 server key) ready, pid $FR_PID"
}

# ------------------------------------------------------------------------------------------------ rounds
round() { # server tls port pid key
  python3 - "$@" "$P" "$SECRET" "$DURATION" "$CONCURRENCY" "$WORK" <<'PY'
import collections, glob, json, os, re, subprocess, sys, threading, time
server, tls, port, pid, key, pki, secret, duration, conc, work = sys.argv[1:11]
duration, conc = float(duration), int(conc)
conf = os.path.join(work, f"eapol-{tls}.conf")
with open(conf, "w") as f:
    f.write(f'''network={{
    key_mgmt=WPA-EAP
    eap=TLS
    identity="anonymous@bench.example"
    ca_cert="{pki}/server-cas.pem"
    client_cert="{pki}/client.pem"
    private_key="{pki}/client.key"
    phase1="{'tls_disable_tlsv1_3=0' if tls == '1.3' else 'tls_disable_tlsv1_3=1'}"
    eapol_flags=0
}}
''')
hz = os.sysconf("SC_CLK_TCK")
def cpu():
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / hz
def thread_cpu():  # CPU seconds per thread name, digits folded (C2 CompilerThread#, GC Thread#, orb-thread-pool-#...)
    out = collections.Counter()
    for t in glob.glob(f"/proc/{pid}/task/*"):
        try:
            name = open(f"{t}/comm").read().strip()
            f = open(f"{t}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[re.sub(r"\d+", "#", name)] += (int(f[11]) + int(f[12])) / hz
    return out
ok = fail = mppe = 0
lock = threading.Lock()
deadline = time.monotonic() + duration
def worker(n):
    global ok, fail, mppe
    mac = f"02:00:00:be:{n:02x}:01"
    while time.monotonic() < deadline:
        r = subprocess.run(["eapol_test", "-c", conf, "-a", "127.0.0.1", "-p", port, "-s", secret, "-M", mac,
                            "-r", "0", "-t", "10"], capture_output=True, text=True)
        with lock:
            if r.returncode == 0:
                ok += 1
                mppe += "MPPE keys OK: 1  mismatch: 0" in r.stdout
            else:
                fail += 1
th0, c0, t0 = thread_cpu(), cpu(), time.monotonic()
threads = [threading.Thread(target=worker, args=(i,)) for i in range(conc)]
for t in threads: t.start()
for t in threads: t.join()
c1, t1, th1 = cpu(), time.monotonic(), thread_cpu()
elapsed = t1 - t0
busy = {k: round(v, 2) for k, v in (th1 - th0).most_common(8)} if server == "turnstile" else None  # Counter minus: already the round's CPU
print(json.dumps({"server": server, "tls": tls, "key": key, "handshakes": ok, "failures": fail, "mppe_ok": mppe,
                  "seconds": round(elapsed, 2), "per_second": round(ok / elapsed, 1),
                  "server_cpu_s": round(c1 - c0, 2),
                  "cpu_ms_per_handshake": round(1000 * (c1 - c0) / ok, 2) if ok else None,
                  "threads_cpu_s": busy}))
PY
}

: > "$OUT/rounds.jsonl"
for key in $KEYS; do
  start_turnstile "$key"
  for tls in $TLS_VERSIONS; do
    start_freeradius "$tls" "$key"
    # One warm-up each (JIT for Turnstile), not counted.
    log "$key key, TLS $tls: warm-up ($WARMUP s each)"
    DURATION_SAVED=$DURATION; DURATION=$WARMUP
    round turnstile "$tls" "$TS_AUTH_PORT" "$TS_PID" "$key" > /dev/null
    round freeradius "$tls" "$FR_AUTH_PORT" "$FR_PID" "$key" > /dev/null
    DURATION=$DURATION_SAVED
    for r in $(seq 1 "$ROUNDS"); do
      for s in freeradius turnstile; do
        if [ $s = turnstile ]; then
          # --jfr: a Flight Recorder profile of Turnstile's first measured round (bench/scripts/jfr-top.py reads it).
          [ $JFR = 1 ] && [ "$r" = 1 ] && jcmd "$TS_PID" JFR.start name=eapbench settings=profile \
              filename="$OUT/turnstile-$key-tls$tls.jfr" > /dev/null
          line="$(round turnstile "$tls" "$TS_AUTH_PORT" "$TS_PID" "$key")"
          [ $JFR = 1 ] && [ "$r" = 1 ] && jcmd "$TS_PID" JFR.stop name=eapbench > /dev/null
        else line="$(round freeradius "$tls" "$FR_AUTH_PORT" "$FR_PID" "$key")"; fi
        log "$line"; printf '%s\n' "$line" >> "$OUT/rounds.jsonl"
      done
    done
    stop_pid "$FR_PID" FreeRADIUS; FR_PID=""
  done
  stop_pid "$TS_PID" Turnstile; TS_PID=""
done

python3 - "$OUT/rounds.jsonl" "$CONCURRENCY" "$DURATION" > "$OUT/results.md" <<'PY'
import json, statistics, sys, collections
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
by = collections.defaultdict(list)
for r in rows: by[(r.get("key", "rsa"), r["tls"], r["server"])].append(r)
print(f"EAP-TLS, {sys.argv[2]} eapol_test workers, {sys.argv[3]} s rounds (median of rounds)\n")
print("| server key | TLS | server | handshakes/s | server CPU ms/handshake | failures | MPPE keys OK |")
print("|---|---|---|---|---|---|---|")
names = {"rsa": "RSA-2048", "ecdsa": "ECDSA P-256"}
for (key, tls, server), rs in sorted(by.items()):
    print(f"| {names.get(key, key)} | {tls} | {server} | {statistics.median(r['per_second'] for r in rs):.1f} | "
          f"{statistics.median(r['cpu_ms_per_handshake'] or 0 for r in rs):.2f} | {sum(r['failures'] for r in rs)} | "
          f"{sum(r['mppe_ok'] for r in rs)}/{sum(r['handshakes'] for r in rs)} |")
PY
cat "$OUT/results.md"
log "results in $OUT"
