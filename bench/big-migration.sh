#!/usr/bin/env bash
# One big migration: N statements in a single file, planned and applied by the one-shot
# launcher, beside the same statements through plain JDBC on one connection in one
# transaction (bench/JdbcFloor.java `file`). KINDS: create (N `CREATE TABLE big_i (id int)`)
# and insert (one table, N single-row `INSERT`s). Planning linear in statements means the
# per-statement column stays flat as N grows. One run each; wall seconds and peak RSS.
#   bench/big-migration.sh          SIZES="1000 10000" KINDS=insert bench/big-migration.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
sizes=${SIZES:-1000 5000 10000}
kinds=${KINDS:-create insert}
ensure_built
start_server
pgjdbc=$(ls "$bench_root"/target/app/lib/postgresql-*.jar)
jdbc="jdbc:postgresql://localhost:$port/sandbox"
# compiled once, so the floor's time is a whole process like migsh's (no source-launch compile)
javac -d "$MIGSH_HOME/floor" "$bench_root/bench/JdbcFloor.java"
floor() { java -cp "$pgjdbc:$MIGSH_HOME/floor" JdbcFloor "$@"; }
floor_java=(java -cp "$pgjdbc:$MIGSH_HOME/floor" JdbcFloor)
timed() { /usr/bin/time -f "%e %M" -o "$MIGSH_HOME/t" "$@" > "$MIGSH_HOME/out" 2>&1 || { tail -5 "$MIGSH_HOME/out"; exit 1; }; cat "$MIGSH_HOME/t"; }
echo "java: $(java -version 2>&1 | head -1); server: $url; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-6s %6s | %8s %6s %9s | %8s %6s | %8s | %s\n" kind N "plan s" MiB "µs/stmt" "apply s" MiB "floor s" "apply/floor"
for kind in $kinds; do
  for n in $sizes; do
    dir="$MIGSH_HOME/big-$kind-$n"
    mkdir -p "$dir/migrations"
    file="$dir/migrations/00001-big.sql"
    {
      printf -- "-- migrate:up\n"
      if [ "$kind" = insert ]; then printf "CREATE TABLE big (id int, note text);\n"; fi
      awk -v n="$n" -v kind="$kind" 'BEGIN { for (i = 1; i <= n; i++)
        if (kind == "create") printf "CREATE TABLE big_%05d (id int);\n", i;
        else printf "INSERT INTO big (id, note) VALUES (%d, '"'"'row %d'"'"');\n", i, i }'
      printf -- "-- migrate:down\n"
      if [ "$kind" = insert ]; then printf "DROP TABLE big;\n"; else printf "SELECT 1;\n"; fi
    } > "$file"
    cd "$dir"
    floor createdb "$jdbc" big_$n
    target="postgresql://postgres@localhost:$port/big_$n"
    read pw prss < <(timed "$bench_root/migsh" --url "$target" --env dev plan)
    read aw arss < <(timed "$bench_root/migsh" --url "$target" --env dev --yes apply)
    grep -q "Applied 1 migration" "$MIGSH_HOME/out" || { echo "apply did not apply:"; tail -5 "$MIGSH_HOME/out"; exit 1; }
    floor createdb "$jdbc" floor_$n
    read fw _ < <(timed "${floor_java[@]}" file "jdbc:postgresql://localhost:$port/floor_$n" "$file")
    printf "%-6s %6d | %8.2f %6d %9.0f | %8.2f %6d | %8.2f | %.2f\n" "$kind" "$n" "$pw" $((prss / 1024)) \
      "$(echo "$pw * 1000000 / $n" | bc -l)" "$aw" $((arss / 1024)) "$fw" "$(echo "$aw / $fw" | bc -l)"
  done
done
