#!/usr/bin/env bash
# Cold starts under load (issue 24): restarts the packaged jar RUNS times on one PostgreSQL database (H2 when none is
# reachable on 127.0.0.1:5432) and, as soon as it answers, gives it 8 concurrent browser sign-ins and page views for
# 15 s. A run fails when no request completes for 10 s; the node's thread dumps then land in target/cold-start/<mode>/.
#
#   bench/cold-start.sh [runs] [both|virtual|platform]
#
# "virtual" runs Guichet with --spring.threads.virtual.enabled=true (the configuration before the fix), "platform"
# with the shipped configuration; "both" (the default) alternates them run by run on the same machine.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-10}"
MODE="${2:-both}"
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
./mvnw -q -B -DskipTests package
JAR="$(ls target/guichet-*.jar | grep -v plain | head -1)"

if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  DATABASE="guichet_coldstart_bench_$$"
  createdb -h 127.0.0.1 -U "${PGUSER:-postgres}" "$DATABASE"
  trap 'dropdb -h 127.0.0.1 -U "${PGUSER:-postgres}" --force --if-exists "$DATABASE" >/dev/null 2>&1 || true' EXIT
  export GUICHET_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DATABASE" GUICHET_DB_USER="${PGUSER:-postgres}"
  export GUICHET_DB_PASSWORD="${PGPASSWORD:-}"
else
  WORK="$(mktemp -d)"
  trap 'rm -rf "$WORK"' EXIT
  export GUICHET_DB_URL="jdbc:h2:file:$WORK/guichet;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
fi
echo "database: $GUICHET_DB_URL"

run() { # mode number
  local arguments=()
  [ "$1" = virtual ] && arguments=(-- --spring.threads.virtual.enabled=true)
  "$JAVA_HOME/bin/java" src/test/java/org/guichet/ColdStartUnderLoad.java --jar="$JAR" --runs=1 --workers=8 \
    --load-seconds=15 --stall-seconds=10 --out="target/cold-start/$1/run-$2" "${arguments[@]}" \
    | grep '^run ' | sed "s/^run 1/$1 run $2/" | tee -a "target/cold-start/$1.txt" || true
}

mkdir -p target/cold-start
rm -f target/cold-start/virtual.txt target/cold-start/platform.txt
for number in $(seq 1 "$RUNS"); do
  case "$MODE" in
    both) run virtual "$number"; run platform "$number" ;;
    virtual|platform) run "$MODE" "$number" ;;
    *) echo "mode: both, virtual or platform" >&2; exit 2 ;;
  esac
done
for mode in virtual platform; do
  [ -f "target/cold-start/$mode.txt" ] || continue
  total=$(grep -c ': \(ok\|HUNG\|did not start\)' "target/cold-start/$mode.txt" || true)
  hung=$(grep -c ': HUNG' "target/cold-start/$mode.txt" || true)
  echo "$mode threads: $hung of $total cold starts hung"
done
