#!/usr/bin/env bash
# Apply benchmark: N (1000) generated trivial migrations applied by one one-shot `apply` on an
# empty database, then `status` with all N applied; against the floor: the same N statements
# through plain JDBC on one connection, each in its own transaction with one history insert.
#   bench/apply.sh            N=200 bench/apply.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
n=${N:-1000}
ensure_built
start_server
pgjdbc=$(ls "$bench_root"/target/app/lib/postgresql-*.jar)
jdbc="jdbc:postgresql://localhost:$port/sandbox"
floor() { java -cp "$pgjdbc" "$bench_root/bench/JdbcFloor.java" "$@"; }
dir="$MIGSH_HOME/apply"
mkdir -p "$dir/migrations"
for i in $(seq 1 "$n"); do
  f=$(printf "%04d-create-bench-%04d.sql" "$i" "$i")
  printf -- "-- migrate:up\nCREATE TABLE bench_%04d (id int);\n-- migrate:down\nDROP TABLE bench_%04d;\n" "$i" "$i" > "$dir/migrations/$f"
done
cd "$dir"
echo "java: $(java -version 2>&1 | head -1); N=$n; server: $url"
floor createdb "$jdbc" bench_empty
empty="postgresql://postgres@localhost:$port/bench_empty"
start=$(date +%s.%N); "$bench_root/migsh" --url "$empty" --migrations /nonexistent-empty info >/dev/null; end=$(date +%s.%N)
startup=$(echo "$end - $start" | bc)
floor createdb "$jdbc" bench_apply
target="postgresql://postgres@localhost:$port/bench_apply"
/usr/bin/time -f "%e %M" -o "$MIGSH_HOME/apply.time" "$bench_root/migsh" --url "$target" apply --yes > "$MIGSH_HOME/apply.log"
read wall rss < "$MIGSH_HOME/apply.time"
grep -q "Applied $n migrations" "$MIGSH_HOME/apply.log" || { echo "apply did not apply $n migrations:"; tail -20 "$MIGSH_HOME/apply.log"; exit 1; }
per=$(echo "scale=2; ($wall - $startup) * 1000 / $n" | bc)
printf "one-shot start-up (info)            %6.2f s\n" "$startup"
printf "apply of %d migrations (one-shot)  %6.2f s  %d MiB peak; %s ms per migration beyond start-up\n" "$n" "$wall" "$((rss / 1024))" "$per"
/usr/bin/time -f "%e %M" -o "$MIGSH_HOME/status.time" "$bench_root/migsh" --url "$target" status > /dev/null
read swall srss < "$MIGSH_HOME/status.time"
printf "status with %d applied (one-shot)  %6.2f s  %d MiB peak\n" "$n" "$swall" "$((srss / 1024))"
floor createdb "$jdbc" bench_floor
floor_out=$(floor floor "jdbc:postgresql://localhost:$port/bench_floor" "$n")
floor_per=$(echo "$floor_out" | sed -E 's/.*, ([0-9.]+) ms per.*/\1/')
printf "floor, plain JDBC: %s\n" "$floor_out"
printf "ratio migsh/floor per migration: %s\n" "$(echo "scale=1; $per / $floor_per" | bc)"
