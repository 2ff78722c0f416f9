#!/usr/bin/env bash
# Measures the directory import at scale with the real command line: generates an organisation of N agents
# (default 60000), then imports it twice (creation, then an idempotent re-run) into a fresh embedded H2 database and,
# when PostgreSQL answers on 127.0.0.1:5432, into a fresh PostgreSQL database. Usage: bench/import.sh [agents]
set -euo pipefail
cd "$(dirname "$0")/.."
AGENTS="${1:-60000}"
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
./mvnw -q -B -DskipTests package
JAR="$(ls target/guichet-*.jar | grep -v plain | head -1)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

run() { "$JAVA_HOME/bin/java" -jar "$JAR" "$@"; }

run generate --agents="$AGENTS" --seed=1 --out="$WORK/org"
echo "== H2 (embedded file)"
export GUICHET_DB_URL="jdbc:h2:file:$WORK/h2/guichet;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
for pass in first second; do
  start=$(date +%s.%N)
  run import --lang=en "$WORK/org/departments.csv" "$WORK/org/agents.csv"
  echo "$pass import, whole command (JVM start included): $(echo "$(date +%s.%N) - $start" | bc) s"
done

if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "== PostgreSQL"
  DB="guichet_bench_$$"
  createdb -h 127.0.0.1 -U postgres "$DB"
  export GUICHET_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB?reWriteBatchedInserts=true" GUICHET_DB_USER=postgres
  for pass in first second; do
    start=$(date +%s.%N)
    run import --lang=en "$WORK/org/departments.csv" "$WORK/org/agents.csv"
    echo "$pass import, whole command (JVM start included): $(echo "$(date +%s.%N) - $start" | bc) s"
  done
  dropdb -h 127.0.0.1 -U postgres "$DB"
fi
