#!/usr/bin/env bash
# Keycloak as a real SAML IdP for the SSO integration tests (see shared runtime notes).
#   keycloak.sh start <dir> <port>   unpack the dist into <dir>, import the realm fixture, start on 127.0.0.1:<port>
#                                    (management on <port>+1), wait until the realm answers; pid in <dir>/keycloak.pid
#   keycloak.sh stop <dir>           stop it by that pid
# The dist zip comes from Maven Central through `mvn dependency:copy` once and is kept in ~/.cache/turnstile.
set -euo pipefail

KC_VERSION="${TURNSTILE_KEYCLOAK_VERSION:-26.4.5}"
TOP="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${TURNSTILE_CACHE:-$HOME/.cache/turnstile}"
ZIP="$CACHE/keycloak-quarkus-dist-$KC_VERSION.zip"
REALM_DIR="$TOP/it/src/test/resources/keycloak"

log() { printf '[keycloak] %s\n' "$*" >&2; }

fetch_dist() {
  [ -s "$ZIP" ] && return 0
  mkdir -p "$CACHE"
  log "fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip"
  (cd "$TOP" && mvn -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
      -DoutputDirectory="$CACHE" -Dmdep.overWriteIfNewer=true)
  [ -s "$ZIP" ]
}

start() {
  local dir=$1 port=$2
  fetch_dist
  rm -rf "$dir"; mkdir -p "$dir"
  unzip -q "$ZIP" -d "$dir"
  local home="$dir/keycloak-$KC_VERSION"
  mkdir -p "$home/data/import"
  cp "$REALM_DIR"/*-realm.json "$home/data/import/"
  log "starting Keycloak $KC_VERSION on 127.0.0.1:$port (log $dir/keycloak.log)"
  # Own H2 database per run, so the bootstrap admin is always the one set here.
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin-it \
  JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
  setsid "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" \
      --http-management-port=$((port + 1)) --db-url="jdbc:h2:file:$dir/kcdb;NON_KEYWORDS=VALUE" \
      --import-realm --log-level=warn > "$dir/keycloak.log" 2>&1 < /dev/null &
  echo $! > "$dir/keycloak.pid"
  local i
  for i in $(seq 1 240); do
    if ! kill -0 "$(cat "$dir/keycloak.pid")" 2>/dev/null; then
      log "Keycloak exited during start-up:"; tail -n 40 "$dir/keycloak.log" >&2; return 1
    fi
    if curl -fsS "http://127.0.0.1:$port/realms/turnstile/protocol/saml/descriptor" >/dev/null 2>&1; then
      log "ready after ${i}s"; return 0
    fi
    sleep 1
  done
  log "Keycloak not ready after 240 s:"; tail -n 40 "$dir/keycloak.log" >&2
  return 1
}

stop() {
  local dir=$1 pid
  [ -f "$dir/keycloak.pid" ] || return 0
  pid=$(cat "$dir/keycloak.pid")
  # setsid made kc.sh a process-group leader: signal its group (kc.sh and the JVM it started), by that pid only.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$dir/keycloak.pid"
}

case "${1:-}" in
  start) [ $# -eq 3 ] || { echo "usage: $0 start <dir> <port>" >&2; exit 2; }; start "$2" "$3" ;;
  stop) [ $# -ge 2 ] || { echo "usage: $0 stop <dir>" >&2; exit 2; }; stop "$2" ;;
  *) echo "usage: $0 start <dir> <port> | stop <dir>" >&2; exit 2 ;;
esac
