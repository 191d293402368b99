#!/usr/bin/env bash
# Scale benchmark: for each N in SIZES (1000 5000 10000), N trivial migrations applied by one
# one-shot `apply` on an empty database, then one-shot `status` with all N applied, then the
# interactive `status` warm: a script running `status` 1 and 1+K times (K=10), the difference
# divided by K (start-up and the first, cold run cancel out). Beside it the floor: the same N
# statements through plain JDBC (bench/JdbcFloor.java). Linear means the per-migration columns
# stay flat as N grows. Wall seconds and peak RSS of whole processes; one run each (this is a
# trend check; bench/peers runs medians side by side with Flyway and Liquibase).
#   bench/scale.sh            SIZES="1000 5000" K=5 bench/scale.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
sizes=${SIZES:-1000 5000 10000}
k=${K:-10}
ensure_built
start_server
pgjdbc=$(ls "$bench_root"/target/app/lib/postgresql-*.jar)
jdbc="jdbc:postgresql://localhost:$port/sandbox"
floor() { java -cp "$pgjdbc" "$bench_root/bench/JdbcFloor.java" "$@"; }
timed() { /usr/bin/time -f "%e %M" -o "$MIGSH_HOME/t" "$@" > "$MIGSH_HOME/out" 2>&1 || { tail -5 "$MIGSH_HOME/out"; exit 1; }; cat "$MIGSH_HOME/t"; }
echo "java: $(java -version 2>&1 | head -1); server: $url; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%6s | %9s %7s %8s | %9s %8s | %10s | %9s %8s\n" N "apply s" "MiB" "ms/migr" "status s" "MiB" "warm ms" "floor s" "ms/migr"
for n in $sizes; do
  dir="$MIGSH_HOME/scale-$n"
  mkdir -p "$dir/migrations"
  for i in $(seq 1 "$n"); do
    printf -- "-- migrate:up\nCREATE TABLE bench_%05d (id int);\n-- migrate:down\nDROP TABLE bench_%05d;\n" "$i" "$i" \
      > "$dir/migrations/$(printf "%05d-create-bench-%05d.sql" "$i" "$i")"
  done
  cd "$dir"
  floor createdb "$jdbc" scale_$n
  target="postgresql://postgres@localhost:$port/scale_$n"
  read aw arss < <(timed "$bench_root/migsh" --url "$target" --env dev --yes apply)
  grep -q "Applied $n migrations" "$MIGSH_HOME/out" || { echo "apply did not apply $n:"; tail -5 "$MIGSH_HOME/out"; exit 1; }
  read sw srss < <(timed "$bench_root/migsh" --url "$target" --env dev status)
  printf 'status\n' > one.migsh
  for _ in $(seq 0 "$k"); do printf 'status\n'; done > many.migsh
  read w1 _ < <(timed "$bench_root/migsh" --url "$target" --env dev --script one.migsh)
  read wk _ < <(timed "$bench_root/migsh" --url "$target" --env dev --script many.migsh)
  floor createdb "$jdbc" floor_$n
  fstart=$(date +%s.%N); floor floor "jdbc:postgresql://localhost:$port/floor_$n" "$n" > /dev/null; fend=$(date +%s.%N)
  fw=$(echo "$fend - $fstart" | bc)
  printf "%6d | %9.2f %7d %8.2f | %9.2f %8d | %10.0f | %9.2f %8.2f\n" "$n" "$aw" "$((arss / 1024))" \
    "$(echo "$aw * 1000 / $n" | bc -l)" "$sw" "$((srss / 1024))" "$(echo "($wk - $w1) * 1000 / $k" | bc -l)" \
    "$fw" "$(echo "$fw * 1000 / $n" | bc -l)"
  cd "$MIGSH_HOME"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
