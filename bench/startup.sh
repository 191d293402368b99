#!/usr/bin/env bash
# Start-up benchmark: wall time and peak memory from launch to the end of a one-shot `info`,
# and to the first prompt, against an already running PostgreSQL; for the plain jar and
# for the fast path (./migsh: extracted jar + class-data archive + C1). Median of RUNS (7).
#   bench/startup.sh            JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/startup.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_built
start_server
cd "$MIGSH_HOME/empty"
echo "java: $(java -version 2>&1 | head -1); runs: $runs; server: $url"
measure "one-shot info, java -jar migsh.jar" java -jar "$jar" --url "$url" info
measure "one-shot info, ./migsh (fast path)" "$bench_root/migsh" --url "$url" info
measure "first prompt, java -jar migsh.jar" sh -c "java -jar '$jar' --url '$url' < /dev/null"
measure "first prompt, ./migsh (fast path)" sh -c "'$bench_root/migsh' --url '$url' < /dev/null"
