# Shared by the benchmark scripts: a PostgreSQL kept running for the whole benchmark (the
# sandbox, held open by a background migsh), and timing helpers. Source it, don't run it.

bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar="$bench_root/target/migsh.jar"
runs=${RUNS:-7}

ensure_built() {
  if [ ! -f "$bench_root/target/app/migsh.jar" ] || [ ! -f "$jar" ]; then
    (cd "$bench_root" && ./mvnw -q -B package -DskipTests)
  fi
}

# Starts the sandbox under a private MIGSH_HOME and keeps it running behind an interactive
# migsh whose input is a FIFO held open by this shell; sets $url. Closing the FIFO ends it.
start_server() {
  export MIGSH_HOME=$(mktemp -d)
  mkdir -p "$MIGSH_HOME/empty/migrations"
  mkfifo "$MIGSH_HOME/hold"
  (cd "$MIGSH_HOME/empty" && exec java -jar "$jar" < "$MIGSH_HOME/hold" > "$MIGSH_HOME/holder.log" 2>&1) &
  holder=$!
  exec 9> "$MIGSH_HOME/hold"
  trap stop_server EXIT
  local pidfile="$MIGSH_HOME/sandbox/data/postmaster.pid"
  for _ in $(seq 1 600); do
    grep -q "pending)>" "$MIGSH_HOME/holder.log" 2>/dev/null && break
    sleep 0.1
  done
  port=$(sed -n 4p "$pidfile")
  url="postgresql://postgres@localhost:$port/sandbox"
}

stop_server() {
  exec 9>&- 2>/dev/null || true
  wait "$holder" 2>/dev/null || true
}

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# measure LABEL CMD...: runs CMD $runs times (after one warm-up); prints median wall s, median
# CPU s (user + sys: steadier than wall on a shared machine) and peak RSS MiB
measure() {
  local label=$1; shift
  local times=$(mktemp)
  "$@" >/dev/null 2>&1 || { echo "$label: the command failed: $*" >&2; "$@"; return 1; }
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %M %U %S" -o "$times" -a "$@" >/dev/null 2>/dev/null
  done
  local wall=$(awk '{print $1}' "$times" | median)
  local rss=$(awk '{print $2}' "$times" | median)
  local cpu=$(awk '{print $3 + $4}' "$times" | median)
  printf "%-44s %6.2f s  cpu %5.2f s  %5d MiB\n" "$label" "$wall" "$cpu" "$((rss / 1024))"
  rm -f "$times"
}
