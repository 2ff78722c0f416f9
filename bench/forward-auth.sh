#!/usr/bin/env bash
# Measures forward-auth through a real nginx with the shipped configuration (deploy/nginx), with wrk: requests/s and
# latency of a published application (the demo's GIS) for a signed-in agent, with Guichet's decisions kept 2 s (the
# default) and decided at every request (guichet.edge.decision-cache=0), against the same application published
# without forward-auth (what nginx's subrequest adds). The application is nginx itself answering a few bytes, so that
# what is measured is the proxy and Guichet. Guichet runs the packaged jar in the demo profile on a fresh embedded
# database. Usage: bench/forward-auth.sh [seconds per run] [connections]   (needs nginx-light and wrk: apt-get install)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-20}"
CONNECTIONS="${2:-8}"
GUICHET=18080
PROXY=18090
APPLICATION=18091
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
command -v wrk >/dev/null && [ -x /usr/sbin/nginx ] || { echo "needs wrk and nginx: apt-get install wrk nginx-light"; exit 1; }
./mvnw -q -B -DskipTests package
JAR="$(ls target/guichet-*.jar | grep -v plain | head -1)"
WORK="$(mktemp -d)"
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT

# nginx: the shipped snippets and site file (ports and upstreams adapted), plus the same application without
# forward-auth (plain.localhost) and the application itself
cp deploy/nginx/guichet-http.conf deploy/nginx/guichet-protect.conf deploy/nginx/guichet-upstream.conf "$WORK/"
sed -e "s/listen 80/listen 127.0.0.1:$PROXY/" -e "s/127.0.0.1:8080/127.0.0.1:$GUICHET/" \
    -e "s/127.0.0.1:909[123]/127.0.0.1:$APPLICATION/" deploy/nginx/guichet-sites.conf > "$WORK/guichet-sites.conf"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
error_log $WORK/error.log warn;
pid $WORK/nginx.pid;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/body;
    proxy_temp_path $WORK/proxy;
    fastcgi_temp_path $WORK/fastcgi;
    uwsgi_temp_path $WORK/uwsgi;
    scgi_temp_path $WORK/scgi;
    include guichet-http.conf;
    include guichet-sites.conf;
    server {
        listen 127.0.0.1:$PROXY;
        server_name plain.localhost;
        location / {
            proxy_pass http://127.0.0.1:$APPLICATION;
            include guichet-upstream.conf;
        }
    }
    server {
        listen 127.0.0.1:$APPLICATION;
        location / { return 200 "the application\n"; }
    }
}
CONF
/usr/sbin/nginx -p "$WORK" -c nginx.conf -g 'daemon off;' >"$WORK/nginx.out" 2>&1 &
PIDS+=($!)

start_guichet() { # $1: decision cache
  GUICHET_DB_URL="jdbc:h2:file:$WORK/guichet;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    "$JAVA_HOME/bin/java" -jar "$JAR" --spring.profiles.active=demo --server.port="$GUICHET" \
    --guichet.edge.portal-url="http://guichet.localhost:$PROXY" --guichet.edge.decision-cache="$1" \
    >"$WORK/guichet-$1.log" 2>&1 &
  GUICHET_PID=$!
  PIDS+=($GUICHET_PID)
  for _ in $(seq 1 90); do
    curl -fs "http://127.0.0.1:$GUICHET/actuator/health" >/dev/null 2>&1 && return
    sleep 1
  done
  echo "Guichet did not start"; cat "$WORK/guichet-$1.log"; exit 1
}

# signs camille.martin in at the portal through nginx (the office: loopback), prints her session cookie
sign_in() {
  local jar="$WORK/cookies-$1" portal=(-H "Host: guichet.localhost")
  local token
  token="$(curl -fs -c "$jar" -b "$jar" "${portal[@]}" "http://127.0.0.1:$PROXY/login" \
    | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
  curl -fs -o /dev/null -c "$jar" -b "$jar" "${portal[@]}" \
    --data-urlencode username=camille.martin --data-urlencode "password=Guichet-demo-2026" \
    --data-urlencode "_csrf=$token" "http://127.0.0.1:$PROXY/login"
  awk '$6 == "GUICHET_SESSION" { print "GUICHET_SESSION=" $7 }' "$jar"
}

run() { # $1: label, $2: host, $3: cookie
  local status
  status="$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $2" -H "Cookie: $3" "http://127.0.0.1:$PROXY/maps")"
  [ "$status" = 200 ] || { echo "$1: GET /maps answered $status, not 200"; cat "$WORK/error.log"; exit 1; }
  wrk -t2 -c8 -d3s -H "Host: $2" -H "Cookie: $3" "http://127.0.0.1:$PROXY/maps" >/dev/null # warm-up
  echo "== $1 ($CONNECTIONS connections, ${SECONDS_PER_RUN} s)"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -H "Host: $2" -H "Cookie: $3" \
    "http://127.0.0.1:$PROXY/maps" | grep -E 'Requests/sec|Latency|50%|75%|90%|99%|Non-2xx|Socket errors'
}

start_guichet 2s
COOKIE="$(sign_in kept)"
run "without forward-auth (plain.localhost)" plain.localhost "$COOKIE"
run "forward-auth, decisions kept 2 s" gis.localhost "$COOKIE"
kill "$GUICHET_PID"; wait "$GUICHET_PID" 2>/dev/null || true
start_guichet 0s
COOKIE="$(sign_in every)"
run "forward-auth, decided at every request" gis.localhost "$COOKIE"
