#!/usr/bin/env bash
# Soak: is memory flat and does the embedded H2 file stop outgrowing its data over a long run?
#   bench/soak.sh [MESSAGES] [EVERY] [CONNECTIONS]   (default 1000000, every 100000, 4 connections)
# Runs the engine on a fresh embedded H2 database (BENCH_DB_URL as in bench/run.sh for PostgreSQL)
# and sends `bridge load` traffic (30% ADT / 70% DFT, every message unique) in rounds of EVERY
# messages. After each round it forces a full GC in the engine (jcmd) and prints the heap in use
# after it, the database file's size and its size per message so far, and the round's throughput.
# Flat memory: heap after GC within ±10% from the first rounds to the last. A bounded file: the
# bytes per message settle at the size of the data kept (journal, raw text, charges), not grow. On
# H2, the end stops the engine and runs `bridge compact`: the compacted size is the data itself, so
# the last round's size over it is what H2 keeps beyond the data.
# Resources, per round too, read when the round's load has stopped: the engine's open file
# descriptors (/proc/PID/fd) and threads (/proc/PID/status), its MLLP and HTTP connections
# (ESTABLISHED or CLOSE-WAIT sockets on its ports, `ss -tn`, and the bridge_mllp_connections gauge of
# /metrics) and the database pool's connections in use (hikaricp_connections_active). The engine's
# thread pools start their threads lazily, up to a bound, so a warm-up fills them before the first
# round: 40 connections with one message each (bridge.mllp.processing-threads, 32) and 10 scrapes of
# /metrics (the HTTP API's 8 workers). A thread count that still grows after that is a leak. The run
# fails when the last round holds more than the first round plus a tolerance: file descriptors
# SOAK_FD_TOLERANCE (10), threads SOAK_THREAD_TOLERANCE (5); and when a round's connections are not
# back at the count before the first round (5 s allowed for the closes to arrive).
# A million messages take about an hour on 2 cores; CI runs a short one so the script keeps working.
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-1000000}
every=${2:-100000}
connections=${3:-4}
work=$(mktemp -d)
engine=""
trap 'if [ -n "$engine" ]; then kill "$engine" 2>/dev/null || true; wait "$engine" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
[ -n "${BENCH_JAR:-}" ] || [ -f target/webpt-bridge.jar ] || mvn -q -B package -DskipTests
built=${BENCH_JAR:-target/webpt-bridge.jar}
mkdir -p "$work/app"
cp "$built" "$work/app/webpt-bridge.jar"
cp -r "$(dirname "$built")/lib" "$work/app/lib"
jar=$work/app/webpt-bridge.jar
db_url=${BENCH_DB_URL:-"jdbc:h2:file:$work/data/bridge"}
port=23575
http_port=28577
java -Dbridge.db.url="$db_url" -Dbridge.db.user="${BENCH_DB_USER:-sa}" -Dbridge.db.password="${BENCH_DB_PASSWORD:-}" \
     -Dbridge.admin.password=soak-admin-pw -Dbridge.mllp.host=127.0.0.1 -Dbridge.mllp.port=$port \
     -Dbridge.http.host=127.0.0.1 -Dbridge.http.port=$http_port -Dbridge.interfaces.dir="$work/none" \
     ${BENCH_ENGINE_OPTS:-} -jar "$jar" run > "$work/engine.log" 2>&1 &
engine=$!
for _ in $(seq 1 120); do grep -q "WebPT Bridge ready" "$work/engine.log" && break; sleep 0.5; done
grep -q "WebPT Bridge ready" "$work/engine.log" || { echo "engine did not start"; tail -n 20 "$work/engine.log"; exit 1; }

heap_after_gc_mb() {
  jcmd "$engine" GC.run > /dev/null
  # "garbage-first heap   total 262144K, used 41234K [...]" (the collector's name varies; the numbers do not)
  jcmd "$engine" GC.heap_info | awk '/total .*used/ { for (i = 1; i <= NF; i++) if ($i == "used") { sub(/K.*/, "", $(i+1)); printf "%.1f", $(i+1) / 1024; exit } }'
}
file_bytes() { if [ -d "$work/data" ]; then du -sb "$work/data" | cut -f1; else echo 0; fi; }
fds() { ls "/proc/$engine/fd" | wc -l; }
threads() { awk '/^Threads:/ { print $2 }' "/proc/$engine/status"; }
# Sockets the engine holds on a port of its own: ESTABLISHED, or CLOSE-WAIT (the peer closed, the engine not yet).
sockets() { ss -Htn state established state close-wait "( sport = :$1 )" | wc -l; }
# The MLLP connections back at the count before the first round, or what is left after 5 s.
mllp_settled() { for _ in $(seq 1 50); do [ "$(sockets $port)" -le "${mllp_base:-0}" ] && break; sleep 0.1; done; sockets $port; }
metric() { awk -v m="$1" '$1 == m || index($1, m "{") == 1 { printf "%d", $2; exit }' "$work/metrics.txt"; }
fd_tolerance=${SOAK_FD_TOLERANCE:-10}
thread_tolerance=${SOAK_THREAD_TOLERANCE:-5}
scrape() { curl -s --max-time 10 -u admin:soak-admin-pw "http://127.0.0.1:$http_port/metrics" > "$work/metrics.txt" || : > "$work/metrics.txt"; }

echo "Soak: $messages messages in rounds of $every over $connections connections; database ${BENCH_DB_URL:-embedded H2}"
started_threads=$(threads)
java -jar "$jar" load --host 127.0.0.1 --port $port --connections 40 --messages 40 > "$work/load.log" 2>&1 \
  || { echo "warm-up load failed:"; tail -n 20 "$work/load.log"; exit 1; }
for _ in $(seq 1 10); do scrape; done
mllp_base=$(mllp_settled)
http_base=$(sockets $http_port)
echo "Started: $started_threads threads; after the warm-up (40 messages on 40 connections, 10 scrapes):" \
     "$(threads) threads, $(fds) file descriptors, MLLP connections $mllp_base, HTTP $http_base"
echo
echo "| messages | heap after GC MB | database file MB | file KB per message | round msg/s | ACK codes | fds | threads | MLLP conns (ss / gauge) | HTTP conns | db pool in use |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
sent=0
round_fds=()
round_threads=()
unsettled=()
while [ "$sent" -lt "$messages" ]; do
  n=$(( messages - sent < every ? messages - sent : every ))
  java -jar "$jar" load --host 127.0.0.1 --port $port --connections "$connections" --messages "$n" --json "$work/round.json" \
      > "$work/load.log" 2>&1 || { echo "load failed:"; tail -n 20 "$work/load.log"; tail -n 20 "$work/engine.log"; exit 1; }
  sent=$(( sent + n ))
  bytes=$(file_bytes)
  heap=$(heap_after_gc_mb)
  mllp=$(mllp_settled)
  http=$(sockets $http_port) # before this round's scrape: the previous scrape's connection must be gone
  scrape
  f=$(fds); t=$(threads)
  round_fds+=("$f"); round_threads+=("$t")
  [ "$mllp" -le "$mllp_base" ] && [ "$http" -le "$http_base" ] || unsettled+=("$sent: MLLP $mllp, HTTP $http")
  resources="$f | $t | $mllp / $(metric bridge_mllp_connections) | $http | $(metric hikaricp_connections_active)"
  python3 - "$work/round.json" "$sent" "$heap" "$bytes" "$resources" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); sent = int(sys.argv[2]); heap = sys.argv[3]; size = int(sys.argv[4])
codes = " ".join(f"{k} {v}" for k, v in sorted(r["ackCodes"].items()))
print(f"| {sent} | {heap} | {size / 1e6:.1f} | {size / 1e3 / sent:.2f} | {r['throughput']:.0f} | {codes} | {sys.argv[5]} |")
PY
done

# Flat: the last round against the first (the pools were filled by the warm-up before it).
rounds=${#round_fds[@]}
steady=0
last=$(( rounds - 1 ))
flat=0
echo
echo "| resource | round 1 | round $rounds (last) | growth | allowed | |"
echo "|---|---|---|---|---|---|"
verdict() { # NAME FIRST LAST TOLERANCE
  local growth=$(( $3 - $2 )) v=ok
  [ "$growth" -le "$4" ] || { v=FAIL; flat=1; }
  echo "| $1 | $2 | $3 | $growth | +$4 | $v |"
}
verdict "open file descriptors" "${round_fds[$steady]}" "${round_fds[$last]}" "$fd_tolerance"
verdict "threads" "${round_threads[$steady]}" "${round_threads[$last]}" "$thread_tolerance"
if [ "${#unsettled[@]}" -eq 0 ]; then
  echo "| MLLP and HTTP connections after each round | $mllp_base, $http_base before the load | every round back to it | 0 | 0 | ok |"
else
  echo "| MLLP and HTTP connections after each round | $mllp_base, $http_base before the load | not back: ${unsettled[*]} | | 0 | FAIL |"
  flat=1
fi

if [ -z "${BENCH_DB_URL:-}" ]; then
  kill "$engine"; wait "$engine" 2>/dev/null || true; engine=""
  java -Dbridge.db.url="$db_url" -jar "$jar" compact > "$work/compact.log" 2>&1 || { cat "$work/compact.log"; exit 1; }
  compacted=$(file_bytes)
  python3 -c "import sys; c, last, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]); print(f'\nAfter a clean stop and bridge compact: {c / 1e6:.1f} MB ({c / 1e3 / n:.2f} KB per message, the data kept); the running engine held {last / c:.2f}x that.')" "$compacted" "$bytes" "$sent"
  echo "(Compaction: while the engine runs only H2's own, online: the MVStore background writer refills chunks, old"
  echo " ones kept RETENTION_TIME=1000 ms; nothing is scheduled. bridge compact rewrites the file, engine stopped.)"
fi
[ "$flat" -eq 0 ] || { echo "soak: a resource grew beyond its tolerance (table above)"; exit 1; }
