#!/usr/bin/env bash
# Adopt benchmark: a database another tool migrated, N (5000) tables and a SequelizeMeta with
# N rows, against a folder of the N migrations; times `adopt --dry-run` (detect, read, match,
# verify every migration's objects; median of RUNS) and one `adopt --yes` (the same, then N
# history and audit rows under the lock), each a one-shot run including start-up.
#   bench/adopt.sh            N=1000 RUNS=3 bench/adopt.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
n=${N:-5000}
ensure_built
start_server
pgjdbc=$(ls "$bench_root"/target/app/lib/postgresql-*.jar)
jdbc="jdbc:postgresql://localhost:$port"
floor() { java -cp "$pgjdbc" "$bench_root/bench/JdbcFloor.java" "$@"; }
dir="$MIGSH_HOME/adopt"
mkdir -p "$dir/migrations"
for i in $(seq 1 "$n"); do
  printf -- "-- migrate:up\nCREATE TABLE bench_%05d (id int);\n-- migrate:down\nDROP TABLE bench_%05d;\n" "$i" "$i" \
    > "$dir/migrations/$(printf "%05d-t%05d.sql" "$i" "$i")"
done
cd "$dir"
echo "java: $(java -version 2>&1 | head -1); N=$n; server: $url"
floor createdb "$jdbc/sandbox" bench_adopt
floor exec "$jdbc/bench_adopt" "
  DO \$\$ BEGIN FOR i IN 1..$n LOOP
    EXECUTE format('CREATE TABLE bench_%s (id int)', lpad(i::text, 5, '0'));
  END LOOP; END \$\$;
  CREATE TABLE \"SequelizeMeta\" (name varchar(255) NOT NULL UNIQUE, PRIMARY KEY (name));
  INSERT INTO \"SequelizeMeta\" SELECT format('%s-t%s.js', lpad(i::text, 5, '0'), lpad(i::text, 5, '0'))
    FROM generate_series(1, $n) i;"
target="postgresql://postgres@localhost:$port/bench_adopt"
migsh=("$bench_root/migsh" --url "$target" --env development)
measure "one-shot start-up (info)" "${migsh[@]}" info
measure "adopt --dry-run, $n rows (one-shot)" "${migsh[@]}" adopt --dry-run
/usr/bin/time -f "%e %M %U %S" -o "$MIGSH_HOME/adopt.time" "${migsh[@]}" adopt --yes > "$MIGSH_HOME/adopt.log"
read wall rss user sys < "$MIGSH_HOME/adopt.time"
grep -q "Adopted $n migration" "$MIGSH_HOME/adopt.log" || { echo "adopt did not adopt $n migrations:"; tail -20 "$MIGSH_HOME/adopt.log"; exit 1; }
printf "%-44s %6.2f s  cpu %5.2f s  %5d MiB\n" "adopt --yes, $n rows (one-shot, once)" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))"
measure "adopt again: nothing new (one-shot)" "${migsh[@]}" adopt --dry-run
