#!/usr/bin/env bash
# The journal's benchmarks (JMH, JournalBenchmarks) on a throw-away PostgreSQL database on 127.0.0.1:5432: appends
# alone and eight at once, then the verification of the whole chain they left. Prints the chain's length at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
PGUSER="${PGUSER:-postgres}"
database="guichet_bench_$$"
createdb -h 127.0.0.1 -U "$PGUSER" "$database"
trap 'dropdb -h 127.0.0.1 -U "$PGUSER" --if-exists "$database"' EXIT
GUICHET_BENCH_DB_URL="jdbc:postgresql://127.0.0.1:5432/$database" GUICHET_BENCH_DB_USER="$PGUSER" \
  ./mvnw -q -Pbenchmarks -DskipTests test-compile exec:exec@jmh -Djmh.args=Journal
echo "Entries in the chain: $(psql -h 127.0.0.1 -U "$PGUSER" -d "$database" -tAc 'SELECT COUNT(*) FROM journal_entry')"
