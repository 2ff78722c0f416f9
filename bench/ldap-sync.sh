#!/usr/bin/env bash
# A full synchronisation with an LDAP directory at city scale (issue 23): an organisation of N agents (default 60000)
# generated with the real command, its departments imported, the agents served by an LDAP directory (UnboundID's
# in-memory server, LdapDirectoryServer, on a loopback port), then `ldap-sync` run with the packaged jar on a
# throw-away PostgreSQL database: a dry run, the first synchronisation (every agent created), a second one (nothing
# changes), then a run of the changes only (modifyTimestamp at or after the last run's latest). Each command prints
# what it did and how long the synchronisation took (JVM start aside).
# Usage: bench/ldap-sync.sh [agents]   (PostgreSQL on 127.0.0.1:5432)
set -euo pipefail
cd "$(dirname "$0")/.."
AGENTS="${1:-60000}"
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
./mvnw -q -B -Pbenchmarks -DskipTests -Dspotless.check.skip=true -Dcodegen.skip=true test-compile
./mvnw -q -B -Pbenchmarks dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
JAR="$(ls target/guichet-*.jar | grep -v plain | head -1)"
WORK="$(mktemp -d)"
DB="guichet_ldap_$$"
PORT=18389
cleanup() { [ -n "${LDAP_PID:-}" ] && kill "$LDAP_PID" 2>/dev/null || true; dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"; rm -rf "$WORK"; }
trap cleanup EXIT

run() { "$JAVA_HOME/bin/java" -jar "$JAR" "$@"; }
run generate --agents="$AGENTS" --seed=1 --out="$WORK/org" > /dev/null
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.guichet.bench.LdapDirectoryServer "$WORK/org/agents.csv" "$PORT" > "$WORK/ldap.log" 2>&1 &
LDAP_PID=$!
for _ in $(seq 1 120); do grep -q '^ready' "$WORK/ldap.log" && break; sleep 1; done
echo "== directory: $(grep '^ready' "$WORK/ldap.log")"

createdb -h 127.0.0.1 -U postgres "$DB"
export GUICHET_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB?reWriteBatchedInserts=true" GUICHET_DB_USER=postgres
export GUICHET_LDAP_URL="ldap://127.0.0.1:$PORT" GUICHET_LDAP_BIND_DN="cn=guichet,dc=ville,dc=example"
export GUICHET_LDAP_BIND_PASSWORD=lecture-seule GUICHET_LDAP_BASE_DN="ou=people,dc=ville,dc=example"
export GUICHET_LDAP_DEPART_MISSING=true
run import --lang=en "$WORK/org/departments.csv" | tail -1
for pass in "--dry-run" "" "" "--changes"; do
  start=$(date +%s.%N)
  echo "== ldap-sync $pass"
  run ldap-sync --lang=en $pass | head -1
  echo "   whole command (JVM start included): $(echo "$(date +%s.%N) - $start" | bc) s"
done
