#!/usr/bin/env bash
# migsh itself, one-shot, on its fast path (./migsh: extracted jar, Spring AOT, class-data archive, C1),
# from the project this folder sits in (bench/peers -> the project root). Build it first: ./mvnw package -DskipTests.
# apply = apply --yes (every pending migration)   status = status (one line per migration)
# history = history (applied rows only)            MIGSH_LAUNCHER=jar measures plain `java -jar target/migsh.jar`.
source "$(dirname "$0")/_common.sh"
[[ "$1" == ops ]] && { echo "apply status history"; exit 0; }
ROOT="$(cd "$PEERS_HOME/../.." && pwd)"
URL="postgresql://$PEERS_PG_USER@$PEERS_PG_HOST:$PEERS_PG_PORT/$PEERS_PG_DB"
[[ -n "${PEERS_PG_PASSWORD:-}" ]] && export PGPASSWORD="$PEERS_PG_PASSWORD"
if [[ "${MIGSH_LAUNCHER:-fast}" == jar ]]; then
    run=("$JAVA" "${JAVA_OPTS[@]}" -jar "$ROOT/target/migsh.jar")
else
    [[ -f "$ROOT/target/app/migsh.jar" ]] || { echo "missing $ROOT/target/app/migsh.jar: ./mvnw package -DskipTests" >&2; exit 70; }
    run=("$ROOT/migsh")
fi
common=(--url "$URL" --env dev --migrations "$PEERS_WORK/neutral")
case "$1" in
    apply)    exec "${run[@]}" "${common[@]}" --yes apply ;;
    status)   exec "${run[@]}" "${common[@]}" status ;;
    history)  exec "${run[@]}" "${common[@]}" history ;;
    *) unsupported "$1" ;;
esac
