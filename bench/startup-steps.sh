#!/usr/bin/env bash
# Where a restart's time goes (issue 21): the packaged jar extracted and started as the README's production section
# says (the JDK's AOT cache from a training start), in the demo profile on H2, with Spring's start-up recorder
# (org.guichet.bench.StartupSteps): the time to ready and the steps that took longest by their own time. Then, for
# comparison, the same starts with Spring's ahead-of-time processing (the shipped jar is prepared for prod: a copy is
# built prepared for the demo, -Dguichet.aot.profile=demo; run with -Dspring.aot.enabled=true). bench/restarts.sh
# measures the production start itself.
#
#   bench/startup-steps.sh [restarts per mode, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
OUT=target/bench/startup
rm -rf "$OUT"
mkdir -p "$OUT"
./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
./mvnw -q -B -Pbenchmarks -DskipTests -Dspotless.check.skip=true -Dcodegen.skip=true test-compile

# the jar prepared for the demo, built on a copy so that target/ keeps the one prepared for production
COPY="$OUT/aot-build"
mkdir -p "$COPY"
cp -r pom.xml mvnw .mvn src api "$COPY/"
(cd "$COPY" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -Dguichet.aot.profile=demo \
  -Dguichet.aot.arguments=--logging.level.root=WARN package)

# mode NAME JAR [JVM options…]: extracts the jar, trains an AOT cache, restarts it RUNS times on the same database.
mode() {
  local name=$1 jar=$2
  shift 2
  local dir="$OUT/$name"
  "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
  "$JAVA_HOME/bin/jar" cf "$dir/steps.jar" -C target/test-classes org/guichet/bench/StartupSteps.class \
    -C target/test-classes 'org/guichet/bench/StartupSteps$1Step.class'
  local classpath
  classpath="$(basename "$jar"):steps.jar"
  (
    cd "$dir"
    # the first start creates the database and the demo; the training start records the classes for the cache
    "$JAVA" "$@" -cp "$classpath" org.guichet.bench.StartupSteps --spring.profiles.active=demo --server.port=0 >first.txt 2>&1
    "$JAVA" -XX:AOTCacheOutput=guichet.aot "$@" -cp "$classpath" org.guichet.bench.StartupSteps \
      --spring.profiles.active=demo --server.port=0 >training.txt 2>&1
    for run in $(seq 1 "$RUNS"); do
      "$JAVA" -XX:AOTCache=guichet.aot "$@" -cp "$classpath" org.guichet.bench.StartupSteps \
        --spring.profiles.active=demo --server.port=0 >"restart-$run.txt" 2>&1
      echo "$name restart $run: $(grep -m1 '^ready after' "restart-$run.txt")"
    done
    echo "$name: the slowest steps of restart $RUNS"
    sed -n '/^ready after/,/^[0-9-]*T/p' "restart-$RUNS.txt" | grep -v '^[0-9-]*T' | head -25
  )
}

mode shipped "$(ls target/guichet-*.jar | grep -v plain | head -1)"
mode spring-aot "$(ls "$COPY"/target/guichet-*.jar | grep -v plain | head -1)" -Dspring.aot.enabled=true
