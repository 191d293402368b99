#!/usr/bin/env bash
# Round trips on the wire: one-shot `apply` of N and of 2N trivial migrations through a proxy that
# reads the PostgreSQL protocol (src/test/.../RoundTripCounter: each Sync or Query the client
# waits for is one round trip; pgjdbc's BEGIN travels with the next statement). The difference
# divided by N is what one more migration costs, the fixed part (connect, pre-flight, history
# read) removed. Also printed: the fixed part itself.
#   bench/round-trips.sh          N=500 bench/round-trips.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
n=${N:-200}
ensure_built
[ -d "$bench_root/target/test-classes/dev/migsh/testing" ] || (cd "$bench_root" && ./mvnw -q -B test-compile)
start_server
pgjdbc=$(ls "$bench_root"/target/app/lib/postgresql-*.jar)
# 9>&-: the proxy must not keep the sandbox holder's fifo open, or the holder never sees its end
coproc PROXY { exec java -cp "$bench_root/target/test-classes:$pgjdbc" dev.migsh.testing.RoundTripCounter "$port" 9>&-; }
read -r _ pport <&"${PROXY[0]}"
count() { echo >&"${PROXY[1]}"; read -r c <&"${PROXY[0]}"; echo "$c"; }
javac -d "$MIGSH_HOME/floor" "$bench_root/bench/JdbcFloor.java"
apply_n() {  # apply_n COUNT: prints the round trips of one one-shot apply of COUNT migrations
  local m=$1 dir="$MIGSH_HOME/rt-$1"
  mkdir -p "$dir/migrations"
  for i in $(seq 1 "$m"); do
    printf -- "-- migrate:up\nCREATE TABLE rt_%05d (id int);\n-- migrate:down\nDROP TABLE rt_%05d;\n" "$i" "$i" \
      > "$dir/migrations/$(printf "%05d-rt-%05d.sql" "$i" "$i")"
  done
  java -cp "$pgjdbc:$MIGSH_HOME/floor" JdbcFloor createdb "jdbc:postgresql://localhost:$port/sandbox" "rt_$m"
  local before=$(count)
  (cd "$dir" && "$bench_root/migsh" --url "postgresql://postgres@localhost:$pport/rt_$m?sslmode=disable&gssencmode=disable" \
    --env dev --yes apply > "$MIGSH_HOME/out" 2>&1) || { tail -5 "$MIGSH_HOME/out"; exit 1; }
  grep -q "Applied $m migrations" "$MIGSH_HOME/out" || { tail -5 "$MIGSH_HOME/out"; exit 1; }
  echo $(( $(count) - before ))
}
one=$(apply_n "$n")
two=$(apply_n $((2 * n)))
per=$(echo "scale=2; ($two - $one) / $n" | bc)
echo "apply of $n migrations: $one round trips; of $((2 * n)): $two"
echo "per migration (fixed part removed): $per round trips; fixed part: $(( one - n * (two - one) / n ))"
exec {PROXY[1]}>&-
wait "$PROXY_PID" 2>/dev/null || true
