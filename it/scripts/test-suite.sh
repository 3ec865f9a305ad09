#!/usr/bin/env bash
# The whole test suite, as `./turnstile test` runs it (and CI through .ci/run):
#   1. installs the Debian packages the tests drive (radclient, radsecproxy, eapol_test, PostgreSQL, FreeRADIUS,
#      slapd + ldap-utils: the LDAP ITs run their own slapd through it/scripts/slapd.sh, never the system service),
#      and builds a TEAP-capable eapol_test from Debian's wpa source once (it/scripts/eapol-test-teap.sh)
#   2. builds everything and runs the unit tests (mvn install)
#   3. starts Turnstile on embedded H2 with test ports, runs the integration tests (it/, real radclient), stops it
#   4. starts a private PostgreSQL cluster, runs the same integration tests against Turnstile on PostgreSQL, stops both;
#      with it an external Artemis broker (it/scripts/artemis.sh) for ClusterIT, which runs two clustered nodes of its own
set -euo pipefail

TOP="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$TOP/it/target/suite"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
PG_PORT="${TURNSTILE_IT_PG_PORT:-55432}"
# For development: TURNSTILE_IT_SKIP_BUILD=1 reuses the last build, TURNSTILE_IT_MVN_ARGS="-Dit.test=MabIT" picks tests.
# Several suites can run side by side (one per working copy) with their own port base and a subset of profiles.
PORT_BASE="${TURNSTILE_IT_PORT_BASE:-18080}"
PROFILES="${TURNSTILE_IT_PROFILES:-h2 postgresql}"
TOKEN="it-bootstrap-token-0123456789abcdef"
# Keycloak, the real SAML IdP of KeycloakSamlIT (it/scripts/keycloak.sh), on the last ports of the base's block.
KC_PORT=$((PORT_BASE + 90))
KC_ARGS=""
# ClusterIT (PostgreSQL profile): an external Artemis broker and a database of its own for two clustered nodes.
ARTEMIS_PORT=$((PORT_BASE + 76))
CLUSTER_ARGS=""
EAPOL_TEAP=""
PIDS=()
FAILED=()

log() { printf '\n[test-suite] %s\n' "$*" >&2; }

cleanup() {
  "$TOP/it/scripts/keycloak.sh" stop "$WORK/keycloak" || true
  [ -f "$WORK/artemis/artemis.pid" ] && "$TOP/it/scripts/artemis.sh" stop "$WORK/artemis" || true
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  if [ -n "$PG_BIN" ] && [ -f "$WORK/pg/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

install_packages() {
  local need=()
  command -v radclient >/dev/null || need+=(freeradius-utils)
  command -v radsecproxy >/dev/null || need+=(radsecproxy)
  command -v eapol_test >/dev/null || need+=(eapoltest)
  command -v freeradius >/dev/null || need+=(freeradius)
  command -v openssl >/dev/null || need+=(openssl)
  command -v curl >/dev/null || need+=(curl)
  [ -x /usr/sbin/slapd ] || need+=(slapd)
  command -v ldapadd >/dev/null || need+=(ldap-utils)
  command -v unzip >/dev/null || need+=(unzip)
  command -v chromium >/dev/null || need+=(chromium)
  command -v chromedriver >/dev/null || need+=(chromium-driver)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing Debian packages: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
  fi
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  # Debian's eapol_test lacks TEAP: TeapIT uses one built from Debian's wpa source (cached after the first build).
  EAPOL_TEAP="$("$TOP/it/scripts/eapol-test-teap.sh")" || { log "no TEAP-capable eapol_test"; FAILED+=("eapol-test-teap"); }
}

wait_ready() { # url logfile pid
  local url=$1 logfile=$2 pid=$3 i
  for i in $(seq 1 240); do
    if ! kill -0 "$pid" 2>/dev/null; then log "Turnstile exited during start-up; last log lines:"; tail -n 60 "$logfile" >&2; return 1; fi
    # 200 means every readiness check is UP; the body must also name Turnstile's own check (the WAR is deployed).
    if curl -fsS "$url/health/ready" 2>/dev/null | tr -d ' \n\r\t' | grep -q '"name":"turnstile"'; then return 0; fi
    sleep 1
  done
  log "Turnstile not ready after 240 s; last log lines:"; tail -n 60 "$logfile" >&2
  return 1
}

run_integration() { # name, then env assignments
  local name=$1; shift
  local dir="$WORK/$name" http=$((PORT_BASE + ${#PIDS[@]} * 10))
  rm -rf "$dir"; mkdir -p "$dir"
  log "integration tests on $name (HTTP $http)"
  env "$@" TURNSTILE_DATA_DIR="$dir/data" TURNSTILE_HTTP_PORT="$http" TURNSTILE_RADIUS_AUTH_PORT=$((http + 1)) \
      TURNSTILE_RADIUS_ACCT_PORT=$((http + 2)) TURNSTILE_RADSEC_PORT=$((http + 3)) TURNSTILE_BIND_ADDRESS=127.0.0.1 \
      TURNSTILE_BOOTSTRAP_TOKEN="$TOKEN" TURNSTILE_JAVA_OPTS="-Xms256m -Xmx768m" \
      TURNSTILE_ADMIN_LOGIN_IP_PER_MINUTE=6000 TURNSTILE_ADMIN_LOGIN_IP_BURST=1000 \
      TURNSTILE_ADMIN_LOGIN_EMAIL_PER_MINUTE=60 TURNSTILE_ADMIN_LOGIN_EMAIL_BURST=10 \
      "$TOP/turnstile" start > "$dir/turnstile.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  if wait_ready "http://127.0.0.1:$http" "$dir/turnstile.log" "$pid"; then
    if ! (cd "$TOP" && mvn -B -pl it verify -DskipITs=false -Dturnstile.it=true \
          -Dturnstile.http="http://127.0.0.1:$http" -Dturnstile.token="$TOKEN" \
          -Dturnstile.auth.port=$((http + 1)) -Dturnstile.acct.port=$((http + 2)) -Dturnstile.radsec.port=$((http + 3)) \
          -Dturnstile.log="$dir/turnstile.log" -Dturnstile.profile="$name" -Dturnstile.it.eapolTestTeap="$EAPOL_TEAP" \
          -Dturnstile.data.dir="$dir/data" -Dturnstile.pg.port="$PG_PORT" -Dturnstile.spare.port=$((PORT_BASE + 40)) \
          $KC_ARGS $CLUSTER_ARGS ${TURNSTILE_IT_MVN_ARGS:-}); then
      FAILED+=("integration-$name")
      log "server log tail ($name):"; tail -n 80 "$dir/turnstile.log" >&2
    fi
  else
    FAILED+=("startup-$name")
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

start_postgres() {
  local dir="$WORK/pg"
  rm -rf "$dir"; mkdir -p "$dir"; chown postgres "$dir"
  # initdb runs as postgres, so the password file must be a real file that user can read (not a root-owned pipe).
  echo postgres > "$dir/pwfile"; chown postgres "$dir/pwfile"; chmod 600 "$dir/pwfile"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$dir/data" -A scram-sha-256 --pwfile="$dir/pwfile" -U postgres >/dev/null
  rm -f "$dir/pwfile"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/pg.log" -w \
      -o "-p $PG_PORT -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
  PGPASSWORD=postgres psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres \
      -c "CREATE ROLE turnstile LOGIN PASSWORD 'turnstile-it'" -c "CREATE DATABASE turnstile OWNER turnstile" \
      -c "CREATE DATABASE turnstile_cluster OWNER turnstile"
}

install_packages
mkdir -p "$WORK"
log "build and unit tests"
if [ -z "${TURNSTILE_IT_SKIP_BUILD:-}" ]; then
  (cd "$TOP" && mvn -B install) || { log "unit tests failed"; exit 1; }
fi

# For development only: TURNSTILE_IT_KEYCLOAK=0 skips Keycloak (2-3 minutes to start); its tests are then skipped.
if [ "${TURNSTILE_IT_KEYCLOAK:-1}" = "0" ]; then
  log "Keycloak not started (TURNSTILE_IT_KEYCLOAK=0): the SAML IdP tests are skipped"
else
  log "starting Keycloak (SAML IdP) on 127.0.0.1:$KC_PORT"
  if "$TOP/it/scripts/keycloak.sh" start "$WORK/keycloak" "$KC_PORT"; then
    KC_ARGS="-Dturnstile.keycloak=http://127.0.0.1:$KC_PORT"
  else
    FAILED+=("keycloak-start")
  fi
fi

case " $PROFILES " in *" h2 "*) run_integration h2 ;; esac
case " $PROFILES " in *" postgresql "*)
  log "starting PostgreSQL ($PG_BIN) on 127.0.0.1:$PG_PORT"
  if start_postgres; then
    log "starting an external Artemis broker on 127.0.0.1:$ARTEMIS_PORT (ClusterIT)"
    if "$TOP/it/scripts/artemis.sh" start "$WORK/artemis" "$ARTEMIS_PORT"; then
      CLUSTER_ARGS="-Dturnstile.artemis.url=tcp://127.0.0.1:$ARTEMIS_PORT -Dturnstile.artemis.dir=$WORK/artemis"
      CLUSTER_ARGS="$CLUSTER_ARGS -Dturnstile.cluster.db=jdbc:postgresql://127.0.0.1:$PG_PORT/turnstile_cluster"
    else
      FAILED+=("artemis-start")
    fi
    run_integration postgresql TURNSTILE_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/turnstile" \
        TURNSTILE_DB_USER=turnstile TURNSTILE_DB_PASSWORD=turnstile-it
  else
    FAILED+=("postgresql-start")
  fi ;;
esac

if [ ${#FAILED[@]} -gt 0 ]; then
  log "FAILED: ${FAILED[*]}"
  exit 1
fi
log "all test stages passed"
