#!/usr/bin/env bash
# Prints the path of a TEAP-capable eapol_test, building it once from Debian's own wpa 2.10 source package.
# Debian's eapoltest package (2:2.10) is built without CONFIG_EAP_TEAP, so TeapIT needs its own build:
#   deb-src for bookworm main in a private sources list (the system's apt configuration stays untouched),
#   `apt-get source wpa`, CONFIG_EAP_TEAP=y on top of Debian's wpa_supplicant/.config, `make eapol_test`.
# The binary is cached under ${XDG_CACHE_HOME:-$HOME/.cache}/turnstile/ keyed by the source version, so later runs
# print the cached path at once. Exit status is non-zero (and the reason goes to stderr) when it cannot be built.
set -euo pipefail

CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/turnstile/eapol-test-teap"
MIRROR="${TURNSTILE_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
mkdir -p "$CACHE"
if [ -x "$CACHE/eapol_test" ] && "$CACHE/eapol_test" -h 2>&1 | grep -q eapol_test; then
  echo "$CACHE/eapol_test"; exit 0
fi

log() { printf '[eapol-test-teap] %s\n' "$*" >&2; }
# One build at a time (several suites may share the cache).
exec 9>"$CACHE/.lock"
flock 9
if [ -x "$CACHE/eapol_test" ]; then echo "$CACHE/eapol_test"; exit 0; fi

need=()
for p in libssl-dev libdbus-1-dev libnl-3-dev libnl-genl-3-dev libnl-route-3-dev dpkg-dev build-essential pkg-config; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  log "installing build dependencies: ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

APT="$CACHE/apt"
rm -rf "$APT"; mkdir -p "$APT/lists/partial" "$APT/archives/partial"
echo "deb-src $MIRROR bookworm main" > "$APT/sources.list"
APT_OPTS=(-o Dir::Etc::SourceList="$APT/sources.list" -o Dir::Etc::SourceParts=/dev/null
          -o Dir::State::Lists="$APT/lists" -o Dir::Cache::Archives="$APT/archives" -o APT::Get::List-Cleanup=0)
log "fetching the wpa source package index from $MIRROR (deb-src bookworm main)"
if ! apt-get "${APT_OPTS[@]}" update -qq >&2; then
  log "deb-src for bookworm main is not reachable at $MIRROR: cannot build a TEAP-capable eapol_test"; exit 2
fi
SRC="$CACHE/src"
rm -rf "$SRC"; mkdir -p "$SRC"
(cd "$SRC" && apt-get "${APT_OPTS[@]}" source -qq wpa >&2) || { log "apt-get source wpa failed"; exit 2; }
DIR="$(ls -d "$SRC"/wpa-*/ | head -n 1)"
cd "$DIR/wpa_supplicant"
# Debian's own configuration (debian/config/wpasupplicant/linux), plus TEAP.
cp ../debian/config/wpasupplicant/linux .config
# Smart cards (PC/SC) need libpcsclite-dev and are of no use to eapol_test here.
sed -i 's/^CONFIG_PCSC=y/# CONFIG_PCSC is not set/' .config
printf '\nCONFIG_EAP_TEAP=y\nCONFIG_EAPOL_TEST=y\n' >> .config
log "building eapol_test with CONFIG_EAP_TEAP=y in $DIR"
make -s -j"$(nproc)" eapol_test >&2
install -m 755 eapol_test "$CACHE/eapol_test"
rm -rf "$SRC" "$APT"
echo "$CACHE/eapol_test"
