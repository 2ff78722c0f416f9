#!/usr/bin/env bash
# Runs nginx in the foreground with the shipped configuration of this folder, on one machine, to try publishing
# applications through Guichet (see the README, "Publishing internal applications"). Usage:
#   deploy/nginx/try.sh [port] [parent]
# port: where nginx listens on 127.0.0.1 (8000); parent: a domain under which the applications are published, the
# portal staying at guichet.localhost (none: gis.localhost and tm.localhost, the demo's hosts; guichet.localhost puts
# them at gis.guichet.localhost and tm.guichet.localhost, so that one session cookie reaches all three in a browser).
# Guichet is expected on 127.0.0.1:8080, the GIS on 9091, technical management on 9092, the confidential documents on
# 9093. Stop with Ctrl-C.
set -euo pipefail
PORT="${1:-8000}"
PARENT="${2:-}"
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cp "$HERE/guichet-http.conf" "$HERE/guichet-protect.conf" "$HERE/guichet-upstream.conf" "$WORK/"
hosts=(-e "s/listen 80/listen 127.0.0.1:$PORT/")
if [ -n "$PARENT" ]; then
  hosts+=(-e "s/server_name gis.localhost/server_name gis.$PARENT/" -e "s/server_name tm.localhost/server_name tm.$PARENT/")
fi
sed "${hosts[@]}" "$HERE/guichet-sites.conf" > "$WORK/guichet-sites.conf"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
error_log stderr warn;
pid $WORK/nginx.pid;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $WORK/body;
    proxy_temp_path $WORK/proxy;
    fastcgi_temp_path $WORK/fastcgi;
    uwsgi_temp_path $WORK/uwsgi;
    scgi_temp_path $WORK/scgi;
    include guichet-http.conf;
    include guichet-sites.conf;
}
CONF
echo "nginx on http://guichet.localhost:$PORT/ (the portal), http://gis.${PARENT:-localhost}:$PORT/ and http://tm.${PARENT:-localhost}:$PORT/"
/usr/sbin/nginx -p "$WORK" -c nginx.conf -g 'daemon off;'
