#!/usr/bin/env bash
# Runs a real Jazzer fuzzing campaign over the codec's fuzz targets (CodecFuzzTest: decode, loadDictionary,
# parseAssignment), one target at a time (Jazzer fuzzes a single @FuzzTest per JVM).
#
# Under a plain `mvn test` the same methods only replay their seeds (regression mode), from
#   src/test/resources/io/turnstile/radius/codec/CodecFuzzTestInputs/<method>/
# This script sets JAZZER_FUZZ=1 so Jazzer mutates inputs instead.
#
# Usage (from anywhere):
#   jca-radius-connector/fuzz/run-campaign.sh                 # every target, 10 minutes each
#   DURATION=3600 jca-radius-connector/fuzz/run-campaign.sh decode   # one target, one hour
#
#   DURATION   seconds per target (default 600). Jazzer 0.24 has no "max_duration" setting of its own: the
#              @FuzzTest(maxDuration) annotation is passed to libFuzzer as -max_total_time, and libFuzzer
#              arguments given as the JUnit configuration parameters jazzer.internal.arg.N are appended after it,
#              so the -max_total_time below wins. A `timeout` of DURATION + 5 minutes guards against a hang.
#   MVN_OFFLINE set to -o (default) or empty to let Maven download.
#
# Findings: Jazzer writes crashing inputs as crash-<sha> files into
#   src/test/resources/io/turnstile/radius/codec/CodecFuzzTestInputs/<method>/
# where plain `mvn test` replays them from then on: fix the bug, keep the file as a regression seed.
# The growing corpus is kept in jca-radius-connector/.cifuzz-corpus/ (not committed).
set -euo pipefail

cd "$(dirname "$0")/../.."          # the repository root
DURATION="${DURATION:-600}"
MVN_OFFLINE="${MVN_OFFLINE--o}"
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(decode loadDictionary parseAssignment)
fi

status=0
for target in "${TARGETS[@]}"; do
  echo "=== fuzzing CodecFuzzTest#${target} for ${DURATION}s ==="
  if ! JAZZER_FUZZ=1 timeout "$((DURATION + 300))" \
      mvn ${MVN_OFFLINE} -q -pl jca-radius-connector test \
        -Dtest="CodecFuzzTest#${target}" -Dsurefire.failIfNoSpecifiedTests=false \
        -Djazzer.internal.arg.0=fake_argv0 \
        -Djazzer.internal.arg.1=-max_total_time="${DURATION}"; then
    echo "=== CodecFuzzTest#${target}: FINDING or failure, see above ===" >&2
    status=1
  fi
done
exit $status
