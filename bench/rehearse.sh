#!/bin/sh
# Times rehearse on the sample project (every migration: up, down, up again, compared), and
# compares rehearse's live-duration estimate with the real apply for five rewrite-heavy
# statements, on an embedded PostgreSQL 17.
# Usage: bench/rehearse.sh [ROWS...] (default 200000; e.g. 200000 1000000; 0: no ratios); SAMPLE=N rows copied
# per table (default 20000); SAMPLE_RUNS=N rehearsals of the sample project (default 3);
# REALISTIC=N generated migrations (table, rows, column, index, CHECK, each with a down) rehearsed
# once (default 200; 0 skips).
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B -o compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
# the embedded server's and the pool's log lines start with a time and a thread name
java -Xlog:disable -cp "target/classes:$(cat target/bench-classpath.txt)" bench/RehearseBench.java "$@" 2>&1 \
  | grep -v -E '^[0-9:.]+ \['
