#!/usr/bin/env bash
# Restarts of the production start (issue 21): the packaged jar extracted, the prod profile on PostgreSQL (a database
# of its own on 127.0.0.1:5432, dropped after), each start with its JDK AOT cache from a training start, as the
# README's "JVM options and a faster start" says; without and with Spring's AOT mode (-Dspring.aot.enabled=true, the
# beans the build prepared for prod), alternately. Ready = the first 200 to GET /login.
#
#   bench/restarts.sh [restarts per mode, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
OUT="$PWD/target/bench/restarts"
PORT=18480
DB=guichet_restarts
rm -rf "$OUT"
mkdir -p "$OUT"
./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
JAR="$(ls target/guichet-*.jar | grep -v plain | head -1)"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$OUT/app" >/dev/null

psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
trap 'psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"' EXIT
key() { head -c 32 /dev/urandom | base64; }
export SPRING_PROFILES_ACTIVE=prod GUICHET_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" GUICHET_DB_USER=postgres \
  GUICHET_DB_PASSWORD= GUICHET_TOTP_KEY="$(key)" GUICHET_SSO_KEY="$(key)" GUICHET_PUBLIC_URL=https://guichet.test \
  SPRING_MAIL_HOST=127.0.0.1 SERVER_PORT=$PORT GUICHET_LOG_FORMAT=

cd "$OUT/app"
APP="$(ls *.jar)"
# start NAME [JVM options…]: one start, timed to its first 200 on /login, then stopped
start() {
  local name=$1
  shift
  local t0 t1 pid
  t0=$(date +%s%N)
  "$JAVA" "$@" -jar "$APP" >"$OUT/$name.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login" || true)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "$name: the node stopped (see $OUT/$name.log)"; return 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  echo "$name: ready after $(((t1 - t0) / 1000000)) ms ($(grep -o 'process running for [0-9.]*' "$OUT/$name.log" || true))$(grep -o ', [0-9]* conditions checked in [0-9]* ms' "$OUT/$name.log" || true)"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}
# the first start creates the schema; each training start records its mode's classes for its cache
"$JAVA" -Dspring.context.exit=onRefresh -jar "$APP" >"$OUT/first.log" 2>&1
"$JAVA" -XX:AOTCacheOutput="$OUT/plain.aot" -Dspring.context.exit=onRefresh -jar "$APP" >"$OUT/training-plain.log" 2>&1
"$JAVA" -XX:AOTCacheOutput="$OUT/spring.aot" -Dspring.aot.enabled=true -Dspring.context.exit=onRefresh -jar "$APP" \
  >"$OUT/training-spring.log" 2>&1
for run in $(seq 1 "$RUNS"); do
  start "plain-$run" -XX:AOTCache="$OUT/plain.aot"
  start "spring-aot-$run" -XX:AOTCache="$OUT/spring.aot" -Dspring.aot.enabled=true
done
