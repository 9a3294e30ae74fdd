#!/usr/bin/env bash
# Fuzzing: runs each Jazzer fuzz test (@FuzzTest, see docs/reliability.md) in fuzzing mode.
#   bench/fuzz.sh [MINUTES] [TEST...]   (default 1 minute per fuzz test, all fuzz tests)
# Each fuzz test fuzzes in sessions of 60 s (the @FuzzTest maxDuration); MINUTES sessions run one
# after another and carry the generated corpus over (.cifuzz-corpus/, not committed), so
# `bench/fuzz.sh 60` is an hour per test. A crashing input is written by Jazzer into the test's
# src/test/resources/.../<Test>Inputs/<method>/ directory, where `mvn test` replays it from then
# on: fix the code, or move the file to <Test>Findings with a disabled test naming the defect.
# Known unfixed defects are skipped while fuzzing (-Dfuzz.skip-known=true, the default); pass
# FUZZ_SKIP_KNOWN=false to see them found. Exit status: 0 when no fuzz test found anything.
set -uo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-1}
shift || true
tests=("$@")
if [ ${#tests[@]} -eq 0 ]; then
  tests=(MllpFrameDecoderFuzzTest MessagePathFuzzTest RequestParsingFuzzTest)
fi
logs=${FUZZ_LOGS:-$(mktemp -d)}
mvn -q -B test-compile || exit 1

status=0
summary=()
for t in "${tests[@]}"; do
  for session in $(seq 1 "$minutes"); do
    log="$logs/$t-$session.log"
    echo "== fuzzing $t, session $session of $minutes (60 s)"
    # -Xmx bounds the heap: an input that needs more than this is a finding (OutOfMemoryError).
    JAZZER_FUZZ=1 mvn -B surefire:test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
        -DargLine="-Xmx512m -Dfuzz.skip-known=${FUZZ_SKIP_KNOWN:-true}" > "$log" 2>&1
    rc=$?
    runs=$(grep -aE '^#[0-9]+' "$log" | tail -n 1 | awk '{print $1}' | tr -d '#')
    counts=$(grep -aE 'Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+ *$' "$log" | tail -n 1 \
             | sed 's/^\[[A-Z]*\] //')
    line="$t session $session: ${runs:-0} inputs executed; $counts"
    if [ "$rc" -ne 0 ]; then
      status=1
      line="$line -- FINDING (see $log)"
      grep -aE 'Java Exception|== Java|crash-|Caused by|FuzzerSecurityIssue|AssertionFailedError|Expect' "$log" | head -n 15
      summary+=("$line")
      break
    fi
    summary+=("$line")
  done
done
printf "\n-- fuzzing summary\n"
printf '   %s\n' "${summary[@]}"
exit "$status"
