#!/usr/bin/env bash
# What reading migsh.toml adds to start-up: the first ProjectSettings.resolve in a fresh JVM
# (C1 only, like ./migsh), with no project file and with a 10-line one. Median of RUNS (7).
#   bench/project-file.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-7}
./mvnw -B -o -q compile
cp_file=$(mktemp)
./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
out=$(mktemp -d)
javac -d "$out" -cp "target/classes:$(cat "$cp_file")" bench/ProjectFileCold.java
for mode in none file; do
  median=$(for _ in $(seq "$runs"); do
    java -XX:TieredStopAtLevel=1 -cp "$out:target/classes:$(cat "$cp_file")" ProjectFileCold "$mode"
  done | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  echo "first resolve, project file: $mode: $median ms (median of $runs)"
done
rm -rf "$out" "$cp_file"
