#!/bin/sh
# Times describe, table-name completion (TableLister.names()) and baseline on a database with
# many tables, on an embedded PostgreSQL 17. Usage: bench/schema-bench.sh [TABLES] (default 5000)
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B -o compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -Xlog:disable -cp "target/classes:$(cat target/bench-classpath.txt)" bench/SchemaBench.java "${1:-5000}"
