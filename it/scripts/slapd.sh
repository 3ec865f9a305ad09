#!/usr/bin/env bash
# A private OpenLDAP slapd for tests, run as the current user with its own config in a directory of its own:
#   slapd.sh start <dir> <port> [ldif...]   LDAPS on 127.0.0.1:<port> (and an ldapi socket in <dir>), loads the LDIF
#                                            files through ldapadd (so the memberof overlay sees them); waits until up
#   slapd.sh stop <dir>                      stops that instance by its pid
#   slapd.sh pause|resume <dir>              SIGSTOP/SIGCONT: a directory that accepts connections but never answers
# Suffix dc=turnstile,dc=test, manager cn=admin,dc=turnstile,dc=test (password "admin-secret"). Overlays memberof
# (groupOfNames/member -> memberOf) and ppolicy (pwdAccountLockedTime). TLS: a CA and a server certificate for
# 127.0.0.1/localhost made with openssl; the CA is <dir>/ca.pem. Needs the Debian packages slapd, ldap-utils, openssl.
set -euo pipefail

cmd=${1:?usage: slapd.sh start|stop|pause|resume <dir> [port] [ldif...]}
dir=${2:?directory}
SUFFIX="dc=turnstile,dc=test"
ROOTDN="cn=admin,$SUFFIX"
ROOTPW="admin-secret"

pid_of() { cat "$dir/slapd.pid" 2>/dev/null || true; }

make_certs() {
  [ -f "$dir/server.pem" ] && return 0
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Turnstile test LDAP CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
      -keyout "$dir/ca.key" -out "$dir/ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' \
      > "$dir/server.ext"
  openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days 2 \
      -extfile "$dir/server.ext" -out "$dir/server.pem" 2>/dev/null
  chmod 600 "$dir/server.key" "$dir/ca.key"
}

case "$cmd" in
  start)
    port=${3:?port}; shift 3
    mkdir -p "$dir/db"
    dir="$(cd "$dir" && pwd)"
    make_certs
    cat > "$dir/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload memberof
moduleload ppolicy
pidfile $dir/slapd.pid
TLSCACertificateFile $dir/ca.pem
TLSCertificateFile $dir/server.pem
TLSCertificateKeyFile $dir/server.key
database mdb
maxsize 33554432
suffix "$SUFFIX"
rootdn "$ROOTDN"
rootpw $ROOTPW
directory $dir/db
access to attrs=userPassword by anonymous auth by * none
access to * by users read by * none
overlay memberof
memberof-group-oc groupOfNames
memberof-member-ad member
memberof-memberof-ad memberOf
memberof-refint TRUE
overlay ppolicy
CONF
    sock="$dir/ldapi"
    url_sock=$(printf '%s' "$sock" | sed 's|/|%2F|g')
    /usr/sbin/slapd -f "$dir/slapd.conf" -h "ldaps://127.0.0.1:$port/ ldapi://$url_sock" > "$dir/slapd.out" 2>&1
    for _ in $(seq 1 100); do
      ldapsearch -x -H "ldapi://$url_sock" -D "$ROOTDN" -w "$ROOTPW" -b "" -s base >/dev/null 2>&1 && break
      sleep 0.1
    done
    ldapadd -x -H "ldapi://$url_sock" -D "$ROOTDN" -w "$ROOTPW" >/dev/null <<LDIF
dn: $SUFFIX
objectClass: dcObject
objectClass: organization
dc: turnstile
o: Turnstile tests
LDIF
    for ldif in "$@"; do
      ldapmodify -a -x -H "ldapi://$url_sock" -D "$ROOTDN" -w "$ROOTPW" -f "$ldif" >/dev/null
    done
    echo "slapd $(pid_of) on ldaps://127.0.0.1:$port (CA $dir/ca.pem)"
    ;;
  stop)
    pid=$(pid_of)
    if [ -n "$pid" ]; then
      kill -CONT "$pid" 2>/dev/null || true
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    ;;
  pause) kill -STOP "$(pid_of)" ;;
  resume) kill -CONT "$(pid_of)" ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
