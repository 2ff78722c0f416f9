#!/usr/bin/env bash
# SCIM creations per second (issue 23): an HR system provisioning joiners (POST /scim/v2/Users, wrk with
# bench/scim/create.lua) against Guichet started here from the packaged jar on a throw-away PostgreSQL database,
# first with only the departments imported, then with an organisation of N agents (default 60000, generated with the
# real command and imported): one client at a time, then four at once, DURATION seconds each (default 20).
# Usage: bench/scim.sh [agents]   (PostgreSQL on 127.0.0.1:5432, wrk installed)
set -euo pipefail
cd "$(dirname "$0")/.."
AGENTS="${1:-60000}"
DURATION="${DURATION:-20}"
PORT=18085
TOKEN=bench-scim-token
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
[ -n "${SKIP_PACKAGE:-}" ] || ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
JAR="$(ls target/guichet-*.jar | grep -v plain | head -1)"
WORK="$(mktemp -d)"
DB="guichet_scim_$$"
cleanup() { [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null || true; sleep 1; dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"; rm -rf "$WORK"; }
trap cleanup EXIT

run() { "$JAVA_HOME/bin/java" -jar "$JAR" "$@"; }
run generate --agents="$AGENTS" --seed=1 --out="$WORK/org" > /dev/null
DEPARTMENT="$(sed -n 2p "$WORK/org/departments.csv" | cut -d';' -f1)"
export GUICHET_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB?reWriteBatchedInserts=true" GUICHET_DB_USER=postgres
export GUICHET_SCIM_TOKEN="$TOKEN"

start() {
  "$JAVA_HOME/bin/java" -jar "$JAR" --server.port="$PORT" > "$WORK/guichet.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 90); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && return
    sleep 1
  done
  echo "Guichet did not start"; tail -50 "$WORK/guichet.log"; exit 1
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }

measure() { # label, first staff number
  for clients in 1 4; do
    printf '%-28s %d client(s): ' "$1" "$clients"
    wrk -t"$clients" -c"$clients" -d"${DURATION}s" -s bench/scim/create.lua "http://127.0.0.1:$PORT" \
      -- "$(( $2 + clients * 100000 ))" "$DEPARTMENT" "$TOKEN" 2>"$WORK/wrk.err" | tail -1
    head -3 "$WORK/wrk.err"
  done
}

createdb -h 127.0.0.1 -U postgres "$DB"
run import --lang=en "$WORK/org/departments.csv" | tail -1
start
measure "departments only" 9000000
stop
run import --lang=en "$WORK/org/agents.csv" | tail -1
start
measure "$AGENTS agents" 9500000
stop
