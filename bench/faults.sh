#!/usr/bin/env bash
# The long-form fault suite (issue 13): 30 rounds of 2-4 concurrent appliers, and 30 trials of
# SIGTERM / SIGKILL / SIGINT at a random moment of a 100-migration apply that mixes transactional
# and non-transactional migrations, each trial checked against the invariants (no migration
# applied twice, history and schema agree or the failed row offers the way out, no advisory
# lock left, no stack trace, no password in the output, a message that matches what happened).
# Prints the table scenario -> trials -> violations (also in target/faults.txt).
#   bench/faults.sh [SEED]
# The short form (one round, two trials) runs in ./mvnw verify as FaultSuiteEndToEndTest.
set -uo pipefail
cd "$(dirname "$0")/.."
[ -f target/migsh.jar ] || ./mvnw -B -o -q package -DskipTests || exit 1
./mvnw -B -o -q test-compile || exit 1
start=$(date +%s)
./mvnw -B -o surefire:test -Dtest=FaultSuiteEndToEndTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dmigsh.jar=target/migsh.jar -Dmigsh.faults.long=true ${1:+-Dmigsh.faults.seed=$1} > target/faults.log 2>&1
status=$?
cat target/faults.txt 2>/dev/null || { tail -40 target/faults.log; exit 1; }
echo "($(( $(date +%s) - start )) s; maven log in target/faults.log)"
exit $status
