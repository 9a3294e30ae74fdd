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
java -Dbridge.db.url="$db_url" -Dbridge.db.user="${BENCH_DB_USER:-sa}" -Dbridge.db.password="${BENCH_DB_PASSWORD:-}" \
     -Dbridge.admin.password=soak-admin-pw -Dbridge.mllp.host=127.0.0.1 -Dbridge.mllp.port=$port \
     -Dbridge.http.host=127.0.0.1 -Dbridge.http.port=28577 -Dbridge.interfaces.dir="$work/none" \
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

echo "Soak: $messages messages in rounds of $every over $connections connections; database ${BENCH_DB_URL:-embedded H2}"
echo
echo "| messages | heap after GC MB | database file MB | file KB per message | round msg/s | ACK codes |"
echo "|---|---|---|---|---|---|"
sent=0
while [ "$sent" -lt "$messages" ]; do
  n=$(( messages - sent < every ? messages - sent : every ))
  java -jar "$jar" load --host 127.0.0.1 --port $port --connections "$connections" --messages "$n" --json "$work/round.json" \
      > "$work/load.log" 2>&1 || { echo "load failed:"; tail -n 20 "$work/load.log"; tail -n 20 "$work/engine.log"; exit 1; }
  sent=$(( sent + n ))
  bytes=$(file_bytes)
  python3 - "$work/round.json" "$sent" "$(heap_after_gc_mb)" "$bytes" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); sent = int(sys.argv[2]); heap = sys.argv[3]; size = int(sys.argv[4])
codes = " ".join(f"{k} {v}" for k, v in sorted(r["ackCodes"].items()))
print(f"| {sent} | {heap} | {size / 1e6:.1f} | {size / 1e3 / sent:.2f} | {r['throughput']:.0f} | {codes} |")
PY
done

if [ -z "${BENCH_DB_URL:-}" ]; then
  kill "$engine"; wait "$engine" 2>/dev/null || true; engine=""
  java -Dbridge.db.url="$db_url" -jar "$jar" compact > "$work/compact.log" 2>&1 || { cat "$work/compact.log"; exit 1; }
  compacted=$(file_bytes)
  python3 -c "import sys; c, last, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]); print(f'\nAfter a clean stop and bridge compact: {c / 1e6:.1f} MB ({c / 1e3 / n:.2f} KB per message, the data kept); the running engine held {last / c:.2f}x that.')" "$compacted" "$bytes" "$sent"
fi
