#!/usr/bin/env bash
# An external ActiveMQ Artemis broker (own JVM) for the cluster integration tests: the Turnstile nodes send NAC events
# to it over tcp://127.0.0.1:<port> (TURNSTILE_JMS_URL), user turnstile / turnstile-it (login required).
#   artemis.sh start <dir> <port>         unpack the dist into <dir> (wiped first), create an instance in <dir>/broker with
#                                         the queues and address settings of events/jms/ArtemisBroker, start it on
#                                         127.0.0.1:<port> (core protocol only, no web console), wait until the queue
#                                         answers; pid in <dir>/artemis.pid, log in <dir>/artemis.log
#   artemis.sh stop <dir>                 stop it by that pid (TERM, up to 20 s, then KILL)
#   artemis.sh count <dir> <port> <queue> [field]  print the message count of <queue> on stdout (or another field of
#                                         `artemis queue stat --json`, e.g. messagesAdded)
# The dist zip comes from Maven Central through `mvn dependency:copy` once and is kept in ~/.cache/turnstile.
set -euo pipefail

ARTEMIS_VERSION="${TURNSTILE_ARTEMIS_VERSION:-2.40.0}"
TOP="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${TURNSTILE_CACHE:-$HOME/.cache/turnstile}"
ZIP="$CACHE/apache-artemis-$ARTEMIS_VERSION-bin.zip"
USER_NAME=turnstile
PASSWORD=turnstile-it
QUEUE=turnstile.nac-events
DLQ=turnstile.nac-events.dlq

log() { printf '[artemis] %s\n' "$*" >&2; }

fetch_dist() {
  [ -s "$ZIP" ] && return 0
  mkdir -p "$CACHE"
  log "fetching org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:zip:bin"
  (cd "$TOP" && mvn -B -q dependency:copy -Dartifact="org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:zip:bin" \
      -DoutputDirectory="$CACHE" -Dmdep.overWriteIfNewer=true) >&2  # keep stdout clean (mvn prints colour codes)
  [ -s "$ZIP" ]
}

# Core acceptor on 127.0.0.1:<port> only; the queues and settings ArtemisBroker.configuration gives the embedded broker.
configure() {
  local etc=$1 port=$2
  python3 - "$etc/broker.xml" "$port" "$QUEUE" "$DLQ" <<'EOF'
import re, sys
path, port, queue, dlq = sys.argv[1:]
xml = open(path, encoding="utf-8").read()
xml, n = re.subn(r'<acceptor name="artemis">[^<]*</acceptor>',
                 f'<acceptor name="artemis">tcp://127.0.0.1:{port}?protocols=CORE;useEpoll=true</acceptor>', xml)
assert n == 1, "expected exactly one 'artemis' acceptor in broker.xml"
setting = f"""   <address-setting match="{queue}">
            <dead-letter-address>{dlq}</dead-letter-address>
            <max-delivery-attempts>10</max-delivery-attempts>
            <redelivery-delay>1000</redelivery-delay>
            <redelivery-delay-multiplier>2.0</redelivery-delay-multiplier>
            <max-redelivery-delay>60000</max-redelivery-delay>
            <address-full-policy>PAGE</address-full-policy>
            <max-size-bytes>67108864</max-size-bytes>
         </address-setting>
      </address-settings>"""
addresses = "".join(f"""   <address name="{q}">
            <anycast>
               <queue name="{q}">
                  <durable>true</durable>
               </queue>
            </anycast>
         </address>
      """ for q in (queue, dlq)) + "</addresses>"
for old, new in (("</address-settings>", setting), ("</addresses>", addresses)):
    assert xml.count(old) == 1, old
    xml = xml.replace(old, new)
open(path, "w", encoding="utf-8").write(xml)
EOF
  # --java-memory gives -Xms = -Xmx; start small.
  sed -i 's/-Xms[0-9]*[mMgG]/-Xms64m/' "$etc/artemis.profile"
}

queue_stat() { # <dir> <port> <queue>: the JSON `artemis queue stat` prints for exactly that queue
  # The CLI is a full JVM (4-10 s on a loaded 2-core box); C1 only and serial GC halve its CPU. This replaces the
  # utility profile's JAVA_ARGS, so its two flags are repeated.
  local args="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dlog4j2.disableJmx=true"
  JAVA_ARGS="$args --add-opens java.base/jdk.internal.misc=ALL-UNNAMED" "$1/broker/bin/artemis" queue stat --silent \
      --json --url "tcp://127.0.0.1:$2" --user "$USER_NAME" --password "$PASSWORD" \
      --field NAME --operation EQUALS --value "$3" < /dev/null 2>/dev/null
}

count() {
  queue_stat "$1" "$2" "$3" | python3 -c '
import json, sys
text = sys.stdin.read()
if "{" not in text: sys.exit("no answer from artemis queue stat")
data = json.loads(text[text.index("{"):])
rows = [q for q in data.get("data", []) if q.get("name") == sys.argv[1]]
if not rows: sys.exit("no queue " + sys.argv[1])
print(int(rows[0][sys.argv[2]]))' "$3" "${4:-messageCount}"
}

start() {
  local dir=$1 port=$2
  fetch_dist
  stop "$dir"
  rm -rf "$dir"; mkdir -p "$dir"
  unzip -q "$ZIP" -d "$dir"
  local home="$dir/apache-artemis-$ARTEMIS_VERSION" instance="$dir/broker"
  "$home/bin/artemis" create "$instance" --silent --user "$USER_NAME" --password "$PASSWORD" --require-login \
      --no-web --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
      --host 127.0.0.1 --default-port "$port" --name turnstile-it --nio --java-memory 512M \
      < /dev/null > "$dir/create.log" 2>&1 || { log "artemis create failed:"; cat "$dir/create.log" >&2; return 1; }
  configure "$instance/etc" "$port"
  log "starting Artemis $ARTEMIS_VERSION on 127.0.0.1:$port (log $dir/artemis.log)"
  JAVA_ARGS="" setsid "$instance/bin/artemis" run > "$dir/artemis.log" 2>&1 < /dev/null &
  echo $! > "$dir/artemis.pid"
  local t0=$SECONDS
  while [ $((SECONDS - t0)) -lt 90 ]; do
    if ! kill -0 "$(cat "$dir/artemis.pid")" 2>/dev/null; then
      log "Artemis exited during start-up:"; tail -n 40 "$dir/artemis.log" >&2; return 1
    fi
    if grep -q AMQ221007 "$dir/artemis.log" && count "$dir" "$port" "$QUEUE" >/dev/null 2>&1; then
      log "ready after $((SECONDS - t0))s"; return 0
    fi
    sleep 1
  done
  log "Artemis not ready after 90 s:"; tail -n 40 "$dir/artemis.log" >&2
  return 1
}

stop() {
  local dir=$1 pid
  [ -f "$dir/artemis.pid" ] || return 0
  pid=$(cat "$dir/artemis.pid")
  # setsid made bin/artemis (which execs the JVM) a process-group leader: signal its group, by that pid only.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  rm -f "$dir/artemis.pid"
}

case "${1:-}" in
  start) [ $# -eq 3 ] || { echo "usage: $0 start <dir> <port>" >&2; exit 2; }; start "$2" "$3" ;;
  stop) [ $# -ge 2 ] || { echo "usage: $0 stop <dir>" >&2; exit 2; }; stop "$2" ;;
  count) [ $# -ge 4 ] || { echo "usage: $0 count <dir> <port> <queue> [field]" >&2; exit 2; }; count "$2" "$3" "$4" "${5:-}" ;;
  *) echo "usage: $0 start <dir> <port> | stop <dir> | count <dir> <port> <queue>" >&2; exit 2 ;;
esac
