#!/usr/bin/env bash
# Guichet and Keycloak side by side on this machine, one after the other, with the same load client, the same
# Argon2id parameters (m = 19 MiB, t = 2, p = 1) and the same database (each one's embedded one, then PostgreSQL):
#   - the raw Argon2id ceiling, with Guichet's Bouncy Castle and with the one Keycloak ships (2 threads);
#   - startup to ready, on a new database and on a restart; RSS after start and after the load;
#   - browser sign-ins at 2, 4 and 8 concurrent users (SideBySide: Guichet's login page, POST and home page; Keycloak's
#     login page, POST and code exchange), after a warm-up;
#   - the CPU each sign-in at 8 users cost the load client, the server and PostgreSQL (the hash's share of it is the most
#     of the ceiling the machine allows);
#   - the cheap authenticated request with wrk: Guichet's GET /api/v1/me with a session, Keycloak's userinfo with a
#     bearer token; and each one's floor, an answer with no session and no database (Guichet's liveness, Keycloak's
#     discovery document).
# Keycloak's distribution comes from Maven Central (org.keycloak:keycloak-quarkus-dist), into target/bench/.
# The table is appended to bench/README.md with the machine and the date.
#
# Usage: bench/versus-keycloak.sh [seconds per phase, default 20] [h2|postgres|both, default both]
# Needs wrk, unzip, python3, ss and curl (apt-get install wrk unzip python3 iproute2 curl), and for PostgreSQL a server on 127.0.0.1:5432 ($PGUSER, default postgres).
# GUICHET_JAVA_OPTS adds JVM options to Guichet's java -jar (the README's production options, for instance);
# GUICHET_AOT=1 runs Guichet with the JDK's AOT cache: the jar extracted, the cache made by a training start (not
# timed) before the first measured one; GUICHET_AOT=spring also in Spring's AOT mode, as the README's production start
# (with a copy of the jar prepared for the demo profile, which the benchmark runs).
set -euo pipefail
cd "$(dirname "$0")/.."
PHASE="${1:-20}"
DATABASES="${2:-both}"
[ "$DATABASES" = both ] && DATABASES="h2 postgres"
KC_VERSION=26.7.3
USERS=camille.martin,lucas.bernard,theo.moreau
PASSWORD=Guichet-demo-2026
MEMORY_KIB=19456
ITERATIONS=2
GUICHET_PORT=18080
KC_PORT=18180
KC_MANAGEMENT=19180
PGUSER="${PGUSER:-postgres}"
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
for tool in wrk unzip python3 ss curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install wrk unzip python3 iproute2 curl"; exit 1; }
done

OUT=target/bench
mkdir -p "$OUT"
RESULTS="$OUT/versus-keycloak-$(date -u +%Y%m%dT%H%M%SZ).tsv"
: >"$RESULTS"
./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
./mvnw -q -B -Pbenchmarks -DskipTests -Dspotless.check.skip=true -Dcodegen.skip=true test-compile
JAR="$(ls target/guichet-*.jar | grep -v plain | head -1)"
CLIENT=(
  "$JAVA" -cp "target/test-classes" org.guichet.bench.SideBySide)
KC_HOME="$OUT/keycloak-$KC_VERSION"
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  ./mvnw -q -B dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz" -DoutputDirectory="$OUT"
  tar xzf "$OUT/keycloak-quarkus-dist-$KC_VERSION.tar.gz" -C "$OUT"
fi

PIDS=()
WORK="$(mktemp -d)"
RUN_JAR="$JAR"
AOT_OPTS=""
SPRING_AOT=""
cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

record() { printf '%s\n' "$(IFS=$'\t'; echo "$*")" >>"$RESULTS"; }

# The java process listening on a port (kc.sh starts one as its child).
listener() { ss -Hltnp "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
rss_mib() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
# CPU time (ms, user + system) the processes have used so far; a process gone is counted as nothing.
TICK=$(getconf CLK_TCK)
cpu_ms() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo $((total * 1000 / TICK))
}
database_pids() { pgrep -x postgres || true; }

# Milliseconds until the URL answers 200 (at most two minutes).
wait_ready() {
  local started=$1 url=$2
  for _ in $(seq 1 1200); do
    if curl -fs -o /dev/null "$url"; then
      echo $((($(date +%s%N) - started) / 1000000))
      return 0
    fi
    sleep 0.1
  done
  return 1
}

stop() {
  local pid=$1
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

# start_guichet DB FIRST|RESTART: starts the jar, records the time to ready and the RSS; sets SERVER.
start_guichet() {
  local db=$1 run=$2 started
  started=$(date +%s%N)
  # shellcheck disable=SC2086
  "$JAVA" ${GUICHET_JAVA_OPTS:-} $AOT_OPTS -jar "$RUN_JAR" --spring.profiles.active=demo --server.port="$GUICHET_PORT" \
    >>"$WORK/guichet-$db.log" 2>&1 &
  PIDS+=($!)
  SERVER=$!
  local ms
  ms=$(wait_ready "$started" "http://127.0.0.1:$GUICHET_PORT/actuator/health") \
    || { echo "Guichet did not start"; tail -50 "$WORK/guichet-$db.log"; exit 1; }
  record start guichet "$db" "$run" "$ms"
  record rss guichet "$db" "after start ($run)" "$(rss_mib "$SERVER")"
  if [ -n "$SPRING_AOT" ]; then
    # the check's own words: which start used the prepared beans (the logs are deleted with the run)
    echo "Guichet $db $run: $(grep -h 'beans prepared ahead of time' "$WORK/guichet-$db.log" | tail -1 \
      | sed 's/.*: Starting/Starting/' | cut -c1-400)"
  fi
}

start_keycloak() {
  local db=$1 run=$2 started args=()
  args=(start --optimized --http-enabled=true --hostname-strict=false --http-host=127.0.0.1 --http-port="$KC_PORT"
    --http-management-port="$KC_MANAGEMENT"
    --spi-password-hashing--argon2--memory="$MEMORY_KIB" --spi-password-hashing--argon2--iterations="$ITERATIONS"
    --spi-password-hashing--argon2--parallelism=1)
  if [ "$db" = postgres ]; then
    args+=(--db-url="jdbc:postgresql://127.0.0.1:5432/keycloak_versus" --db-username="$PGUSER" --db-password="${PGPASSWORD:-postgres}")
  fi
  started=$(date +%s%N)
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin-bench-2026 \
    "$KC_HOME/bin/kc.sh" "${args[@]}" >>"$WORK/keycloak-$db.log" 2>&1 &
  PIDS+=($!)
  local ms
  ms=$(wait_ready "$started" "http://127.0.0.1:$KC_MANAGEMENT/health/ready") \
    || { echo "Keycloak did not start"; tail -50 "$WORK/keycloak-$db.log"; exit 1; }
  SERVER=$(listener "$KC_PORT")
  PIDS+=("$SERVER")
  record start keycloak "$db" "$run" "$ms"
  record rss keycloak "$db" "after start ($run)" "$(rss_mib "$SERVER")"
}

# load SYSTEM DB BASE CHEAP_URL AUTH_HEADER FLOOR_URL: the sign-ins at 2, 4, 8 after a warm-up (with the CPU each
# sign-in cost the client, the server and the database), then wrk on the cheap request and on the floor.
load() {
  local system=$1 db=$2 base=$3 cheap=$4 auth=$5 floor=$6
  "${CLIENT[@]}" signin "$system" "$base" "$USERS" "$PASSWORD" 4 15 >/dev/null
  local line server_before database_before count
  for users in 2 4 8; do
    server_before=$(cpu_ms "$SERVER")
    database_before=$(cpu_ms $(database_pids))
    line="$("${CLIENT[@]}" signin "$system" "$base" "$USERS" "$PASSWORD" "$users" "$PHASE")"
    count=$(cut -f1 <<<"$line")
    # the CPU each sign-in cost the server and the database (PostgreSQL's processes; H2 runs inside Guichet)
    record signin "$system" "$db" "$users" "$line" \
      "$(awk -v a="$server_before" -v b="$(cpu_ms "$SERVER")" -v n="$count" 'BEGIN { printf "%.1f", n ? (b - a) / n : 0 }')" \
      "$(awk -v a="$database_before" -v b="$(cpu_ms $(database_pids))" -v n="$count" -v d="$db" 'BEGIN { printf "%.1f", (n && d == "postgres") ? (b - a) / n : 0 }')"
  done
  wrk -t2 -c8 -d5s -H "$auth" -H "Accept: application/json" "$cheap" >/dev/null
  wrk -t2 -c8 -d"${PHASE}s" --latency -H "$auth" -H "Accept: application/json" "$cheap" >"$WORK/wrk.txt"
  record cheap "$system" "$db" "$(python3 bench/versus-keycloak/wrk.py <"$WORK/wrk.txt")"
  # each one's floor: an answer with no session and no database (Guichet's liveness, Keycloak's discovery document)
  wrk -t2 -c8 -d"${PHASE}s" --latency "$floor" >"$WORK/wrk.txt"
  record floor "$system" "$db" "$(python3 bench/versus-keycloak/wrk.py <"$WORK/wrk.txt")"
  record rss "$system" "$db" "after load" "$(rss_mib "$SERVER")"
}

# the Bouncy Castle each one ships: from Guichet's jar, from Keycloak's distribution
unzip -q -o -j "$JAR" 'BOOT-INF/lib/bcprov-*.jar' -d "$WORK/guichet-lib"
GUICHET_BC="$(ls "$WORK"/guichet-lib/bcprov-*.jar)"
KEYCLOAK_BC="$(ls "$KC_HOME"/lib/lib/main/org.bouncycastle.bcprov-*.jar)"
# three rounds, one then the other (a shared machine's speed drifts over minutes): the median of each is kept
for _ in 1 2 3; do
  "$JAVA" -cp "target/test-classes:$GUICHET_BC" org.guichet.bench.Argon2Ceiling 2 8 >>"$WORK/ceiling-guichet.txt"
  "$JAVA" -cp "target/test-classes:$KEYCLOAK_BC" org.guichet.bench.Argon2Ceiling 2 8 >>"$WORK/ceiling-keycloak.txt"
done
record ceiling guichet "$(sort -n "$WORK/ceiling-guichet.txt" | sed -n 2p)"
record ceiling keycloak "$(sort -n "$WORK/ceiling-keycloak.txt" | sed -n 2p)"

if [ "${GUICHET_AOT:-0}" != 0 ]; then
  if [ "$GUICHET_AOT" = spring ]; then
    # the shipped jar is prepared for prod: a copy prepared for the demo, so that Spring's AOT mode applies
    COPY="$OUT/aot-demo-build"
    rm -rf "$COPY"
    mkdir -p "$COPY"
    cp -r pom.xml mvnw .mvn src api "$COPY/"
    (cd "$COPY" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -Dguichet.aot.profile=demo \
      -Dguichet.aot.arguments=--logging.level.root=WARN package)
    JAR="$(ls "$COPY"/target/guichet-*.jar | grep -v plain | head -1)"
    SPRING_AOT="-Dspring.aot.enabled=true"
  fi
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
  RUN_JAR="$WORK/app/$(basename "$JAR")"
  GUICHET_DB_URL="jdbc:h2:file:$WORK/training/guichet;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    "$JAVA" -XX:AOTCacheOutput="$WORK/guichet.aot" $SPRING_AOT -Dspring.context.exit=onRefresh -jar "$RUN_JAR" \
    --spring.profiles.active=demo --server.port="$GUICHET_PORT" >"$WORK/training.log" 2>&1
  AOT_OPTS="-XX:AOTCache=$WORK/guichet.aot $SPRING_AOT"
fi

for db in $DATABASES; do
  echo "== $db"
  # Guichet: a new database, then a restart on it, measured under load
  if [ "$db" = postgres ]; then
    dropdb -h 127.0.0.1 -U "$PGUSER" --if-exists guichet_versus
    createdb -h 127.0.0.1 -U "$PGUSER" guichet_versus
    export GUICHET_DB_URL="jdbc:postgresql://127.0.0.1:5432/guichet_versus" GUICHET_DB_USER="$PGUSER"
    export GUICHET_DB_PASSWORD="${PGPASSWORD:-}"
  else
    export GUICHET_DB_URL="jdbc:h2:file:$WORK/guichet;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
  fi
  start_guichet "$db" first
  stop "$SERVER"
  start_guichet "$db" restart
  cookie="$("${CLIENT[@]}" cookie "http://127.0.0.1:$GUICHET_PORT" camille.martin "$PASSWORD")"
  load guichet "$db" "http://127.0.0.1:$GUICHET_PORT" "http://127.0.0.1:$GUICHET_PORT/api/v1/me" "Cookie: $cookie" \
    "http://127.0.0.1:$GUICHET_PORT/actuator/health/liveness"
  stop "$SERVER"
  unset GUICHET_DB_URL GUICHET_DB_USER GUICHET_DB_PASSWORD

  # Keycloak: built for the database (not timed), a new database, the realm, a restart, measured under load
  if [ "$db" = postgres ]; then
    dropdb -h 127.0.0.1 -U "$PGUSER" --if-exists keycloak_versus
    createdb -h 127.0.0.1 -U "$PGUSER" keycloak_versus
    "$KC_HOME/bin/kc.sh" build --db=postgres --health-enabled=true >"$WORK/keycloak-build.log" 2>&1
  else
    rm -rf "$KC_HOME/data"
    "$KC_HOME/bin/kc.sh" build --db=dev-file --health-enabled=true >"$WORK/keycloak-build.log" 2>&1
  fi
  start_keycloak "$db" first
  python3 bench/versus-keycloak/keycloak-realm.py "http://127.0.0.1:$KC_PORT" "$USERS" "$PASSWORD" "$MEMORY_KIB" "$ITERATIONS" \
    | tee -a "$WORK/credential.txt"
  stop "$SERVER"
  start_keycloak "$db" restart
  token="$("${CLIENT[@]}" token "http://127.0.0.1:$KC_PORT/realms/bench" camille.martin "$PASSWORD")"
  load keycloak "$db" "http://127.0.0.1:$KC_PORT/realms/bench" \
    "http://127.0.0.1:$KC_PORT/realms/bench/protocol/openid-connect/userinfo" "Authorization: Bearer $token" \
    "http://127.0.0.1:$KC_PORT/realms/bench/.well-known/openid-configuration"
  stop "$SERVER"
done

python3 bench/versus-keycloak/report.py "$RESULTS" "$KC_VERSION" "${GUICHET_JAVA_OPTS:-}${AOT_OPTS:+ -XX:AOTCache=guichet.aot}${SPRING_AOT:+ $SPRING_AOT}" "$(head -1 "$WORK/credential.txt")" \
  | tee -a bench/README.md
echo "raw results: $RESULTS"
