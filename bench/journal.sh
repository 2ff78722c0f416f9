#!/usr/bin/env bash
# The journal's benchmarks on a throw-away PostgreSQL database on 127.0.0.1:5432.
#   bench/journal.sh              JMH (JournalBenchmarks): appends alone and eight at once, then the verification of the
#                                 whole chain they left; prints the chain's length at the end.
#   bench/journal.sh scale [N]    JournalScale: a year of journal (N entries, 10 million by default) written as a valid
#                                 chain in monthly partitions, then the searches timed, a month and the whole chain
#                                 verified, the oldest month purged (a partition dropped) beside the same month deleted
#                                 row by row. About 8 GB of disk and a quarter of an hour for 10 million entries.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
PGUSER="${PGUSER:-postgres}"
database="guichet_bench_$$"
createdb -h 127.0.0.1 -U "$PGUSER" "$database"
trap 'dropdb -h 127.0.0.1 -U "$PGUSER" --if-exists "$database"' EXIT
export GUICHET_BENCH_DB_URL="jdbc:postgresql://127.0.0.1:5432/$database" GUICHET_BENCH_DB_USER="$PGUSER"
if [ "${1:-}" = scale ]; then
  GUICHET_BENCH_ENTRIES="${2:-10000000}" \
    ./mvnw -q -Pbenchmarks -DskipTests -Dspotless.check.skip=true test-compile exec:exec@journal-scale
else
  ./mvnw -q -Pbenchmarks -DskipTests test-compile exec:exec@jmh -Djmh.args=Journal
  echo "Entries in the chain: $(psql -h 127.0.0.1 -U "$PGUSER" -d "$database" -tAc 'SELECT COUNT(*) FROM journal_entry')"
fi
