#!/usr/bin/env bash
# Measures full sign-ins (login page, POST /login, home page) with Gatling against Guichet started here in the demo
# profile on a fresh embedded database. Usage: bench/sign-in.sh [port]
# SIMULATION=ServicesSimulation bench/sign-in.sh measures access decisions instead (GET /api/v1/services, home page).
# The HTML report lands in target/gatling/.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-18080}"
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
./mvnw -q -B -DskipTests package
JAR="$(ls target/guichet-*.jar | grep -v plain | head -1)"
WORK="$(mktemp -d)"
GUICHET_DB_URL="jdbc:h2:file:$WORK/guichet;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
  "$JAVA_HOME/bin/java" -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" >"$WORK/guichet.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "Guichet did not start"; cat "$WORK/guichet.log"; exit 1; }
./mvnw -B -Pbenchmarks -DskipTests -Dspotless.check.skip=true -Dguichet.url="http://127.0.0.1:$PORT" -Dgatling.simulationClass="org.guichet.bench.${SIMULATION:-SignInSimulation}" gatling:test
