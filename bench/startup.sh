#!/usr/bin/env bash
# Start-up benchmark: wall time, CPU and peak memory from launch to the end of a one-shot `info`,
# of a one-shot `status` with N (1000) migrations applied, and to the first prompt, against an
# already running PostgreSQL; for the plain jar and for the fast path (./migsh: extracted jar +
# class-data archive + C1). Median of RUNS (7); the load average after each figure.
# BEFORE=DIR also measures the checkout in DIR (built: target/app) beside this one, paired.
#   bench/startup.sh      JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/startup.sh
#   BEFORE=/tmp/main-checkout bench/startup.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_built
start_server
n=${N:-1000}
echo "java: $(java -version 2>&1 | head -1); runs: $runs; server: $url"
load() { echo "  load: $(cut -d' ' -f1-3 /proc/loadavg)"; }
builds=("$bench_root")
[ -n "${BEFORE:-}" ] && builds=("$BEFORE" "$bench_root")
cd "$MIGSH_HOME/empty"
for b in "${builds[@]}"; do
  measure "one-shot info, java -jar ($(basename "$b"))" java -jar "$b/target/migsh.jar" --url "$url" info; load
  measure "one-shot info, ./migsh ($(basename "$b"))" "$b/migsh" --url "$url" info; load
done
dir="$MIGSH_HOME/status-$n"
mkdir -p "$dir/migrations"
for i in $(seq 1 "$n"); do
  printf -- "-- migrate:up\nCREATE TABLE bench_%05d (id int);\n-- migrate:down\nDROP TABLE bench_%05d;\n" "$i" "$i" \
    > "$dir/migrations/$(printf "%05d-create-bench-%05d.sql" "$i" "$i")"
done
java -cp "$(ls "$bench_root"/target/app/lib/postgresql-*.jar)" "$bench_root/bench/JdbcFloor.java" createdb \
  "jdbc:postgresql://localhost:$port/sandbox" "status_$n"
target="postgresql://postgres@localhost:$port/status_$n"
cd "$dir"
"$bench_root/migsh" --url "$target" --env dev --yes apply > /dev/null
for b in "${builds[@]}"; do
  measure "one-shot status, $n applied, ./migsh ($(basename "$b"))" "$b/migsh" --url "$target" --env dev status; load
done
cd "$MIGSH_HOME/empty"
for b in "${builds[@]}"; do
  measure "first prompt, java -jar ($(basename "$b"))" sh -c "java -jar '$b/target/migsh.jar' --url '$url' < /dev/null"; load
  measure "first prompt, ./migsh ($(basename "$b"))" sh -c "'$b/migsh' --url '$url' < /dev/null"; load
done
