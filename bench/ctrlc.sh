#!/usr/bin/env bash
# Ctrl-C benchmark: how long from Ctrl-C to the next prompt, in a real terminal (tmux), while
# the interactive shell (1) waits for the migration lock another session holds and (2) runs a
# drift. Median of RUNS (7) each.   bench/ctrlc.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_built
start_server
work="$MIGSH_HOME/work"
mkdir -p "$work/migrations"
for i in $(seq -w 1 40); do
  printf -- '-- migrate:up\nCREATE TABLE t%s (id int PRIMARY KEY, note text);\nCREATE INDEX t%s_note ON t%s (note);\n-- migrate:down\nDROP TABLE t%s;\n' "$i" "$i" "$i" "$i" > "$work/migrations/0$i-t$i.sql"
done
cd "$work"
# replayed by drift, this one sleeps (only in the scratch database), so Ctrl-C lands mid-replay
printf -- "-- migrate:up\nSELECT pg_sleep(CASE WHEN current_database() LIKE 'migsh_scratch%%' THEN 30 ELSE 0 END);\n" > "$work/migrations/099-slow-in-scratch.sql"
java -jar "$jar" --url "$url" --env development apply --yes > /dev/null
printf -- '-- migrate:up\nCREATE TABLE pending_one (id int);\n' > "$work/migrations/100-pending.sql"
session=migsh-ctrlc-$$
tmux new-session -d -s "$session" -x 200 -y 50 "cd '$work' && MIGSH_HOME='$MIGSH_HOME' '$bench_root/migsh' --url '$url' --env development"
trap 'tmux kill-session -t "$session" 2>/dev/null; stop_server' EXIT
prompts() { tmux capture-pane -p -t "$session" -S -2000 | grep -c 'pending)>' || true; }
wait_prompts() { # until at least $1 prompts are on the screen; prints the time in ms
  local want=$1 start=$2
  for _ in $(seq 1 3000); do
    [ "$(prompts)" -ge "$want" ] && { echo $(( ($(date +%s%N) - start) / 1000000 )); return; }
    sleep 0.01
  done
  echo "timeout"
}
wait_prompts 1 "$(date +%s%N)" > /dev/null
measure_ctrlc() { # label command
  local label=$1 command=$2 times=()
  for _ in $(seq 1 "$runs"); do
    local before; before=$(prompts)
    tmux send-keys -t "$session" "$command" Enter
    sleep 1.5
    local start; start=$(date +%s%N)
    tmux send-keys -t "$session" C-c
    times+=("$(wait_prompts $((before + 1)) "$start")")
    sleep 0.5
  done
  printf '%-44s %6s ms (median of %s; all: %s)\n' "$label" "$(printf '%s\n' "${times[@]}" | median)" "$runs" "${times[*]}"
}
# Another migsh holds the migration lock for the whole lock-wait measurement: it applies a
# migration that sleeps, from a folder of its own, on the same database.
mkdir -p "$MIGSH_HOME/holder/migrations"
printf -- '-- migrate:up\nSELECT pg_sleep(600);\n' > "$MIGSH_HOME/holder/migrations/900-sleep.sql"
(cd "$MIGSH_HOME/holder" && exec java -jar "$jar" --url "$url" --env development apply --yes > /dev/null 2>&1) &
lock_holder=$!
sleep 4
measure_ctrlc "Ctrl-C to prompt, waiting for the lock" "apply --lock-wait 60s"
kill "$lock_holder" 2>/dev/null || true
wait "$lock_holder" 2>/dev/null || true
sleep 2
measure_ctrlc "Ctrl-C to prompt, during drift (mid-replay)" "drift"
tmux capture-pane -p -t "$session" -S -60 | tail -15
