#!/usr/bin/env bash
# The heap a node needs (issue 21): the demo on H2 (a new database each start) under each set of JVM options given,
# one set after the other, ROUNDS times over: RSS after start and after the load, browser sign-ins at 8 users
# (SideBySide: login page, POST, home page; after 15 s at 4 users, 20 s measured), GET /api/v1/me with a session (wrk,
# 8 connections, 5 s warm-up, 20 s measured) and the live heap after the load (a full collection's survivors, from the
# class histogram). One line per start, tab-separated, on standard output and in target/bench/heaps-<time>.tsv.
#
#   bench/heaps.sh ROUNDS 'OPTIONS A' 'OPTIONS B' …    ('' for the JVM's defaults)
#   JAR=path/to/other.jar bench/heaps.sh …             (another build: an earlier commit's, for an A/B of a change)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n 2,9p "$0"; exit 2; }
ROUNDS=$1
shift
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
PORT=18580
USERS=camille.martin,lucas.bernard,theo.moreau
PASSWORD=Guichet-demo-2026
for tool in wrk python3 curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install wrk python3 curl"; exit 1; }
done
if [ -z "${JAR:-}" ]; then
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
  JAR="$(ls target/guichet-*.jar | grep -v plain | head -1)"
fi
./mvnw -q -B -Pbenchmarks -DskipTests -Dspotless.check.skip=true -Dcodegen.skip=true test-compile
CLIENT=("$JAVA" -cp target/test-classes org.guichet.bench.SideBySide)
mkdir -p target/bench
RESULTS="target/bench/heaps-$(date -u +%Y%m%dT%H%M%SZ).tsv"
WORK="$(mktemp -d)"
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
rss() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$PID/status"; }

printf 'options\tRSS after start (MiB)\tRSS after load (MiB)\tlive heap after load (MiB)\tsign-ins/s at 8 users\tp50/p90/p99/max (ms)\t/api/v1/me/s\tp50/p90/p99/max (ms)\n' \
  | tee "$RESULTS"
for _ in $(seq 1 "$ROUNDS"); do
  for options in "$@"; do
    rm -rf "$WORK/db"
    # shellcheck disable=SC2086
    GUICHET_DB_URL="jdbc:h2:file:$WORK/db/guichet;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
      "$JAVA" $options -jar "$JAR" --spring.profiles.active=demo --server.port=$PORT >"$WORK/guichet.log" 2>&1 &
    PID=$!
    until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
      kill -0 "$PID" 2>/dev/null || { tail -30 "$WORK/guichet.log"; exit 1; }
      sleep 0.2
    done
    started=$(rss)
    "${CLIENT[@]}" signin guichet "http://127.0.0.1:$PORT" "$USERS" "$PASSWORD" 4 15 >/dev/null
    IFS=$'\t' read -r _ signins p50 p90 p99 max _ < <("${CLIENT[@]}" signin guichet "http://127.0.0.1:$PORT" "$USERS" "$PASSWORD" 8 20)
    cookie="$("${CLIENT[@]}" cookie "http://127.0.0.1:$PORT" camille.martin "$PASSWORD")"
    me=(-t2 -c8 -H "Cookie: $cookie" -H "Accept: application/json" "http://127.0.0.1:$PORT/api/v1/me")
    wrk -d5s "${me[@]}" >/dev/null
    IFS=$'\t' read -r mes m50 m90 m99 mmax _ < <(wrk -d20s --latency "${me[@]}" | python3 bench/versus-keycloak/wrk.py)
    loaded=$(rss)
    live=$("$JAVA_HOME/bin/jcmd" "$PID" GC.class_histogram | awk '/^Total/ { printf "%d", $3 / 1048576 }')
    printf '%s\t%s\t%s\t%s\t%s\t%s / %s / %s / %s\t%s\t%s / %s / %s / %s\n' "${options:-(defaults)}" "$started" "$loaded" \
      "$live" "$signins" "$p50" "$p90" "$p99" "$max" "$mes" "$m50" "$m90" "$m99" "$mmax" | tee -a "$RESULTS"
    kill "$PID"
    wait "$PID" 2>/dev/null || true
    PID=
  done
done
