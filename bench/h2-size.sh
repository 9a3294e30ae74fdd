#!/usr/bin/env bash
# How the embedded H2 file grows under load, and what a clean stop and `bridge compact` give back.
#   bench/h2-size.sh [MESSAGES] [EXTRA_URL_OPTIONS]   (default 20000; e.g. ";MAX_COMPACT_TIME=30000")
# Prints the file size every 5 s during `bridge load` (4 connections, as fast as answered), after the
# engine stops, what `bridge compact` says while the engine runs (it must refuse) and after it stops.
set -uo pipefail
cd "$(dirname "$0")/.."
messages=${1:-20000}
options=${2:-}
jar=target/webpt-bridge.jar
[ -f "$jar" ] || mvn -q -B package -DskipTests || exit 1
work=$(mktemp -d)
url="jdbc:h2:file:$work/data/bridge$options"
file="$work/data/bridge.mv.db"
props=(-Dbridge.db.url="$url" -Dbridge.mllp.host=127.0.0.1 -Dbridge.mllp.port=24575
       -Dbridge.http.host=127.0.0.1 -Dbridge.http.port=28576 -Dbridge.interfaces.dir="$work/none")
engine=""
trap 'if [ -n "$engine" ]; then kill -9 "$engine" 2>/dev/null; fi; rm -rf "$work"' EXIT
mb() { awk -v b="$(stat -c %s "$file" 2>/dev/null || echo 0)" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
start() {
  java "${props[@]}" -jar "$jar" run > "$work/engine.log" 2>&1 &
  engine=$!
  for _ in $(seq 1 120); do grep -q "WebPT Bridge ready" "$work/engine.log" && return 0; sleep 0.5; done
  echo "engine did not start"; tail -n 20 "$work/engine.log"; exit 1
}

start
echo "== $messages messages (URL options: '${options:-none}'); file at start: $(mb)"
java -jar "$jar" load --host 127.0.0.1 --port 24575 --connections 4 --messages "$messages" > "$work/load.log" 2>&1 &
load=$!
began=$(date +%s)
while kill -0 "$load" 2>/dev/null; do
  sleep 5
  echo "   $(( $(date +%s) - began )) s: $(mb)"
done
wait "$load"; tail -n 3 "$work/load.log" | sed 's/^/   /'
echo "== after the load, engine running: $(mb)"
echo "== bridge compact while the engine runs:"
java -Dbridge.db.url="$url" -jar "$jar" compact 2>&1 | sed 's/^/   /'
kill "$engine"; wait "$engine" 2>/dev/null; engine=""
echo "== after a clean stop: $(mb)"
start; kill "$engine"; wait "$engine" 2>/dev/null; engine=""
echo "== after a start and a clean stop: $(mb)"
echo "== bridge compact with the engine stopped:"
java -Dbridge.db.url="$url" -jar "$jar" compact 2>&1 | sed 's/^/   /'
echo "== after bridge compact: $(mb)"
