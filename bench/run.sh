#!/usr/bin/env bash
# Benchmark: the engine (embedded H2, durable ACKs) against the ack-server (MLLP framing, MSH only,
# no storage) on this machine, same load, same run, at 1, 4 and 16 connections. Ratios, not
# absolute numbers, are what compare across (shared, noisy) machines. Also measures the disk's
# durable-write latency: the floor under an ACK that waits for a commit.
#   bench/run.sh [--tls] [MESSAGES_PER_RUN]   (default 3000; writes bench/results/latest.md)
# BENCH_DB_URL=jdbc:postgresql://127.0.0.1:5432/bench (BENCH_DB_USER, default postgres; BENCH_DB_PASSWORD)
# runs the engine on PostgreSQL instead (a fresh schema per run, dropped at the end).
# BENCH_WARMUP=N messages sent to each side before measuring (default 10000).
# BENCH_JAR=path measures that jar instead of building this tree (e.g. an older commit's, to compare).
# The engine runs from a copy of the jar, so a build in this tree during the run cannot disturb it.
# --tls: MLLP over TLS on both sides (engine bridge.mllp.tls=true, ack-server --tls), with test
# certificates from `bridge tls self-signed`, so TLS is compared against TLS.
set -euo pipefail
cd "$(dirname "$0")/.."
tls=false
if [ "${1:-}" = "--tls" ]; then tls=true; shift; fi
messages=${1:-3000}
out=bench/results
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

if [ -z "${BENCH_JAR:-}" ]; then
  mvn -q -B package -DskipTests
fi
built=${BENCH_JAR:-target/webpt-bridge.jar}
mkdir -p "$work/app"
cp "$built" "$work/app/webpt-bridge.jar"
cp -r "$(dirname "$built")/lib" "$work/app/lib" # the jar's Class-Path
jar=$work/app/webpt-bridge.jar
db_url="jdbc:h2:file:$work/data/bridge"; db_user=sa; db_password=""; db_label="embedded H2"
if [ -n "${BENCH_DB_URL:-}" ]; then
  schema="bench_$(date +%s)"
  db_user=${BENCH_DB_USER:-postgres}; db_password=${BENCH_DB_PASSWORD:-}
  psql_url=${BENCH_DB_URL#jdbc:}
  PGPASSWORD="$db_password" psql -q "$psql_url" -U "$db_user" -c "CREATE SCHEMA $schema" > /dev/null
  trap 'kill $(jobs -p) 2>/dev/null || true; PGPASSWORD="$db_password" psql -q "$psql_url" -U "$db_user" -c "DROP SCHEMA $schema CASCADE" > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
  db_url="$BENCH_DB_URL$([[ $BENCH_DB_URL == *\?* ]] && echo '&' || echo '?')currentSchema=$schema"
  db_label="PostgreSQL ($BENCH_DB_URL)"
fi
engine_port=22575; http_port=28080; ack_port=22576

echo "== disk: 1000 durable 1 KiB writes (O_DSYNC)"
dd if=/dev/zero of="$work/dsync.bin" bs=1024 count=1000 oflag=dsync 2> "$work/dd.txt"
dsync_ms=$(awk '/copied/ {for (i=1;i<=NF;i++) if ($i ~ /^s,?$/) print $(i-1)*1000/1000}' "$work/dd.txt" | head -n 1)
echo "durable write: ${dsync_ms} ms"

engine_tls=(); ack_tls=(); client_tls=()
if $tls; then
  echo "== TLS: test certificates in $work/certs"
  java -jar $jar tls self-signed --out "$work/certs" --store-password bench-pw > /dev/null
  engine_tls=(-Dbridge.mllp.tls=true -Dbridge.tls.keystore="$work/certs/server.p12" -Dbridge.tls.keystore-password=bench-pw)
  ack_tls=(--tls --keystore "$work/certs/server.p12" --keystore-password bench-pw)
  client_tls=(--tls --truststore "$work/certs/client-truststore.p12" --truststore-password bench-pw)
fi

echo "== starting engine ($db_label) and ack-server"
java -Dbridge.db.url="$db_url" -Dbridge.db.user="$db_user" -Dbridge.db.password="$db_password" \
     -Dbridge.admin.password="${BRIDGE_ADMIN_PASSWORD:-bench-admin-pw}" ${BENCH_ENGINE_OPTS:-} -Dbridge.mllp.port=$engine_port -Dbridge.http.port=$http_port \
     -Dbridge.mllp.host=127.0.0.1 -Dbridge.http.host=127.0.0.1 "${engine_tls[@]}" -jar $jar run > "$work/engine.log" 2>&1 &
engine_pid=$!
java -jar $jar ack-server --host 127.0.0.1 --port $ack_port "${ack_tls[@]}" > "$work/ack.log" 2>&1 &
for _ in $(seq 1 60); do grep -q "WebPT Bridge ready" "$work/engine.log" && grep -q listening "$work/ack.log" && break; sleep 1; done
grep -q "WebPT Bridge ready" "$work/engine.log" || { echo "engine did not start"; cat "$work/engine.log"; exit 1; }

load() {
  java -jar $jar load --host localhost --port "$1" --connections "$2" --messages "$3" --json "$4" "${client_tls[@]}" \
      > "$work/load.log" 2>&1 || { echo "load against port $1 failed:"; tail -20 "$work/load.log"; tail -20 "$work/engine.log"; exit 1; }
}
# The engine's CPU time (user + system, clock ticks): per message, it is what a shared, noisy machine
# changes least.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# A running engine has been JIT-compiled for hours; after 1,000 messages it was still partly
# interpreted (half the throughput a long soak shows), so both sides get BENCH_WARMUP messages first.
warmup=${BENCH_WARMUP:-10000}
echo "== warm-up: $warmup messages each"
load $ack_port 4 "$warmup" "$work/warm-a.json"; load $engine_port 4 "$warmup" "$work/warm-e.json"

for c in 1 4 16; do
  echo "== $c connection(s), $messages messages each"
  load $ack_port $c "$messages" "$work/ack-$c.json"
  before=$(cpu_ticks $engine_pid)
  load $engine_port $c "$messages" "$work/engine-$c.json"
  echo $(( $(cpu_ticks $engine_pid) - before )) > "$work/engine-$c.cpu"
done

python3 - "$work" "$dsync_ms" "$messages" "$tls" "$db_label" "$(getconf CLK_TCK)" > "$out/latest.md" <<'PY'
import json, sys, datetime, platform, os
work, dsync, messages, tls, db = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4] == "true", sys.argv[5]
tck = int(sys.argv[6])
rows = []
for c in (1, 4, 16):
    a = json.load(open(f"{work}/ack-{c}.json")); e = json.load(open(f"{work}/engine-{c}.json"))
    rows.append((c, a, e))
print(f"# Benchmark run {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC")
print()
print(f"Machine: {os.cpu_count()} cores, {platform.platform()}; {messages} messages per run (ADT 30% / DFT 70%).")
print(f"Engine database: {db}. Disk durable 1 KiB write (O_DSYNC): {dsync:.3f} ms.")
print("MLLP over TLS on both sides (engine and ack-server)." if tls else "Plain MLLP on both sides.")
print()
print(f"Load average at the end: {os.getloadavg()[0]:.1f} (the machine is shared: above the core count, figures are noisy).")
print()
print("| connections | ack-server msg/s | engine msg/s | engine/ack-server | ack-server p99 ms | engine p99 ms | engine p50 ms | engine p50 / durable write | engine CPU ms/msg | engine ACK codes |")
print("|---|---|---|---|---|---|---|---|---|---|")
for c, a, e in rows:
    cpu = int(open(f"{work}/engine-{c}.cpu").read()) * 1000.0 / tck / int(messages)
    codes = " ".join(f"{k} {v}" for k, v in sorted(e['ackCodes'].items()))
    print(f"| {c} | {a['throughput']:.0f} | {e['throughput']:.0f} | {e['throughput']/a['throughput']:.2f} | {a['p99Ms']:.2f} | {e['p99Ms']:.2f} | {e['p50Ms']:.2f} | {e['p50Ms']/dsync:.1f}x | {cpu:.2f} | {codes} |")
PY
cat "$out/latest.md"
