#!/usr/bin/env bash
# A city's morning on several nodes (issue 22): PostgreSQL on 127.0.0.1:5432 (a throw-away database), the packaged
# jar started NODES times (the demo profile, each on its own port), HAProxy in front (round robin, no stickiness), an
# organisation of AGENTS generated and imported with the real commands, then Gatling's MorningSimulation: agents arrive
# at a rate rising to PEAK per second over RAMP seconds, then PEAK per second for HOLD seconds; each signs in from the
# office network, opens the home page, the payslips and the leave page, once (30 % of the organisation at most).
# While it runs, the CPU each part uses (nodes, PostgreSQL, HAProxy, the rest: the load generator) is sampled, to say
# which resource saturates first. Gatling's report lands in target/gatling/; the summary is printed at the end.
#
# Usage: bench/morning.sh [PEAK=20] [RAMP=60] [HOLD=120] [AGENTS=60000] [NODES=2]
# Needs PostgreSQL on 127.0.0.1:5432 ($PGUSER, default postgres), haproxy, psql (apt-get install haproxy postgresql).
set -euo pipefail
cd "$(dirname "$0")/.."
PEAK="${1:-20}"
RAMP="${2:-60}"
HOLD="${3:-120}"
AGENTS="${4:-60000}"
NODES="${5:-2}"
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
PGUSER="${PGUSER:-postgres}"
export PGUSER PGHOST=127.0.0.1 PGPORT=5432
for tool in haproxy psql createdb curl; do
  command -v "$tool" >/dev/null || { echo "bench/morning.sh needs $tool (apt-get install haproxy postgresql curl)"; exit 1; }
done

./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
./mvnw -q -B -Pbenchmarks -DskipTests -Dspotless.check.skip=true -Dcodegen.skip=true test-compile
JAR="$(ls target/guichet-*.jar | grep -v plain | head -1)"
WORK="$(mktemp -d)"
DB=guichet_morning
BALANCER_PORT=18090
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 2
  dropdb --if-exists "$DB" >/dev/null 2>&1 || true
}
trap cleanup EXIT

dropdb --if-exists "$DB"
createdb "$DB"
export GUICHET_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB?reWriteBatchedInserts=true" GUICHET_DB_USER="$PGUSER"
export GUICHET_DB_PASSWORD="${PGPASSWORD:-}"

start_node() {
  local n=$1 port=$((18100 + $1))
  "$JAVA" -jar "$JAR" --spring.profiles.active=demo --server.port="$port" --guichet.messaging.demo-server=false \
    >"$WORK/node$n.log" 2>&1 &
  PIDS+=($!)
  NODE_PIDS+=($!)
}
wait_ready() {
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "node on $1 not ready"; tail -40 "$WORK"/node*.log; exit 1
}

NODE_PIDS=()
# the first node alone: it migrates the database and loads the demo organisation
start_node 1
wait_ready 18101
echo "== generating and importing $AGENTS agents"
"$JAVA" -jar "$JAR" generate --agents="$AGENTS" --seed=1 --out="$WORK/org" >/dev/null
"$JAVA" -jar "$JAR" import --lang=en "$WORK/org/departments.csv" "$WORK/org/agents.csv" >"$WORK/import.log" 2>&1 \
  || { cat "$WORK/import.log"; exit 1; }
# every agent's password is the demo's (its hash copied: hashing 60,000 passwords would take an hour), the charter
# accepted; the morning's agents are plain agents (no role or profile that asks a second factor at the office)
psql -q -d "$DB" <<'SQL'
INSERT INTO password_credential (soi, password_hash, changed_at, must_change)
SELECT a.soi, (SELECT password_hash FROM password_credential WHERE soi = '1000001'), now(), false
FROM agent a WHERE NOT EXISTS (SELECT 1 FROM password_credential p WHERE p.soi = a.soi);
INSERT INTO charter_acceptance (soi, version, accepted_at, channel)
SELECT a.soi, (SELECT MAX(version) FROM charter_version), now(), 'INTERNAL'
FROM agent a WHERE NOT EXISTS (SELECT 1 FROM charter_acceptance c WHERE c.soi = a.soi);
SQL
MORNING_AGENTS=$((AGENTS * 3 / 10))
psql -q -d "$DB" -c "\copy (SELECT login FROM agent a WHERE status = 'ACTIVE' AND NOT sensitive AND soi >= '2000000' AND NOT EXISTS (SELECT 1 FROM agent_role r WHERE r.soi = a.soi) ORDER BY md5(soi) LIMIT $MORNING_AGENTS) TO '$WORK/morning-agents.csv' WITH CSV HEADER"
echo "== $(($(wc -l <"$WORK/morning-agents.csv") - 1)) agents for the morning"

for n in $(seq 2 "$NODES"); do start_node "$n"; done
for n in $(seq 2 "$NODES"); do wait_ready $((18100 + n)); done
# the shipped configuration (deploy/haproxy/guichet.cfg), with this run's addresses
{
  sed -e "s/^    bind .*/    bind 127.0.0.1:$BALANCER_PORT/" -e '/^    server /d' deploy/haproxy/guichet.cfg
  for n in $(seq 1 "$NODES"); do echo "    server n$n 127.0.0.1:$((18100 + n)) check"; done
} >"$WORK/haproxy.cfg"
haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
PIDS+=($!)
BALANCER=$!
sleep 3

# CPU (ms) the processes used so far
TICK=$(getconf CLK_TCK)
cpu_ms() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo $((total * 1000 / TICK))
}
machine_ms() { awk '/^cpu / { print int(($2 + $3 + $4 + $7 + $8) * 1000 / '"$TICK"') }' /proc/stat; }
nodes_before=$(cpu_ms "${NODE_PIDS[@]}")
pg_before=$(cpu_ms $(pgrep -x postgres))
balancer_before=$(cpu_ms "$BALANCER")
machine_before=$(machine_ms)
started=$(date +%s)

echo "== the morning: up to $PEAK arrivals a second over ${RAMP}s, then $PEAK a second for ${HOLD}s, $NODES nodes"
./mvnw -B -q -Pbenchmarks -DskipTests -Dspotless.check.skip=true -Dcodegen.skip=true \
  -Dguichet.url="http://127.0.0.1:$BALANCER_PORT" -Dmorning.peak="$PEAK" -Dmorning.ramp="$RAMP" -Dmorning.hold="$HOLD" \
  -Dmorning.agents="$WORK/morning-agents.csv" -Dgatling.simulationClass=org.guichet.bench.MorningSimulation \
  gatling:test >"$WORK/gatling.txt" 2>&1 || true
REPORT="$(ls -td target/gatling/morningsimulation-* | head -1)"

seconds=$(($(date +%s) - started))
nodes=$(($(cpu_ms "${NODE_PIDS[@]}") - nodes_before))
pg=$(($(cpu_ms $(pgrep -x postgres)) - pg_before))
balancer=$(($(cpu_ms "$BALANCER") - balancer_before))
machine=$(($(machine_ms) - machine_before))
capacity=$((seconds * 1000 * $(nproc)))
echo "== CPU over ${seconds}s (the machine: $(nproc) cores, $capacity ms)"
echo "   machine busy: $machine ms ($((100 * machine / capacity)) %)"
echo "   nodes: $nodes ms; PostgreSQL: $pg ms; HAProxy: $balancer ms; the rest (Gatling, the system): $((machine - nodes - pg - balancer)) ms"
echo "   ERROR lines in the nodes' logs: $(cat "$WORK"/node*.log | grep -c ' ERROR ' || true)"
echo
python3 bench/morning-report.py "$REPORT"
echo
echo "Gatling's report: $REPORT/index.html"
