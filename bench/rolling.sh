#!/usr/bin/env bash
# Rolling restart behind HAProxy, as an operator would do it: two packaged engine instances on one
# PostgreSQL database, HAProxy (conf/haproxy/bridge.cfg) in front, `bridge load` through it; while
# the load runs, instance A gets SIGTERM and is started again. Then every message must have been
# answered AA and applied exactly once (checked in PostgreSQL with psql).
#
#   bench/rolling.sh            (needs: the packaged jar, PostgreSQL on 127.0.0.1:5432 with trust
#                                auth for user postgres, haproxy — apt-get installs it when missing)
# Environment: MESSAGES (default 2400), RATE per second (default 120), CONNECTIONS (default 8).
set -euo pipefail
cd "$(dirname "$0")/.."

MESSAGES=${MESSAGES:-2400}
RATE=${RATE:-120}
CONNECTIONS=${CONNECTIONS:-8}
PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
export PGHOST PGPORT PGUSER

if ! command -v haproxy >/dev/null 2>&1; then
  echo "== installing haproxy (Debian package)"
  (apt-get update -q && apt-get install -y -q haproxy) >/dev/null
fi
[ -f target/webpt-bridge.jar ] || mvn -q -B package -DskipTests

work=$(mktemp -d)
db="bridge_rolling_$(date +%s)_$RANDOM"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
export BRIDGE_LB_BIND=127.0.0.1
export BRIDGE_LB_MLLP_PORT=$(free_port) BRIDGE_LB_HTTP_PORT=$(free_port)
export BRIDGE_A_HOST=127.0.0.1 BRIDGE_A_MLLP_PORT=$(free_port) BRIDGE_A_HTTP_PORT=$(free_port)
export BRIDGE_B_HOST=127.0.0.1 BRIDGE_B_MLLP_PORT=$(free_port) BRIDGE_B_HTTP_PORT=$(free_port)
export BRIDGE_ADMIN_PASSWORD="rolling-admin-$RANDOM-$RANDOM"

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
}
trap cleanup EXIT

psql -q -d postgres -c "CREATE DATABASE $db" >/dev/null

# start_instance NAME MLLP_PORT HTTP_PORT: runs the packaged engine in the background; its pid in $started.
start_instance() {
  java -Dbridge.db.url="jdbc:postgresql://127.0.0.1:5432/$db" -Dbridge.db.user=postgres \
       -Dbridge.mllp.host=127.0.0.1 -Dbridge.mllp.port="$2" -Dbridge.http.host=127.0.0.1 -Dbridge.http.port="$3" \
       -Dbridge.interfaces.dir="$work/interfaces" \
       -jar target/webpt-bridge.jar run >> "$work/$1.log" 2>&1 &
  started=$!
  pids+=("$started")
  for _ in $(seq 1 90); do
    grep -q "WebPT Bridge ready" "$work/$1.log" 2>/dev/null && return 0
    kill -0 "$started" 2>/dev/null || { echo "instance $1 exited:"; cat "$work/$1.log"; exit 1; }
    sleep 1
  done
  echo "instance $1 not ready within 90 s"; cat "$work/$1.log"; exit 1
}

mkdir -p "$work/interfaces"
echo "== two instances on PostgreSQL database $db"
start_instance a "$BRIDGE_A_MLLP_PORT" "$BRIDGE_A_HTTP_PORT"; a=$started
start_instance b "$BRIDGE_B_MLLP_PORT" "$BRIDGE_B_HTTP_PORT"; b=$started

echo "== HAProxy (conf/haproxy/bridge.cfg): MLLP on $BRIDGE_LB_MLLP_PORT, HTTP on $BRIDGE_LB_HTTP_PORT"
haproxy -f conf/haproxy/bridge.cfg -db > "$work/haproxy.log" 2>&1 &
pids+=("$!")
ready_through_lb() { [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$BRIDGE_LB_HTTP_PORT/health/ready")" = 200 ]; }
for _ in $(seq 1 30); do ready_through_lb && break; sleep 1; done
ready_through_lb || { echo "HAProxy does not reach a ready instance"; cat "$work/haproxy.log"; exit 1; }
sleep 2 # both servers pass "rise 2" of their health check

echo "== bridge load through HAProxy: $MESSAGES messages, $CONNECTIONS connections, $RATE msg/s, resend on a dropped connection"
java -jar target/webpt-bridge.jar load --host 127.0.0.1 --port "$BRIDGE_LB_MLLP_PORT" --connections "$CONNECTIONS" \
     --messages "$MESSAGES" --rate "$RATE" --retries 5 --json "$work/load.json" > "$work/load.out" 2> "$work/load.err" &
load=$!

sleep 5
echo "== SIGTERM to instance A while the load runs"
kill -TERM "$a"
wait "$a" || true
grep -q "WebPT Bridge stopped" "$work/a.log" || { echo "instance A did not stop cleanly"; cat "$work/a.log"; exit 1; }
grep -E "stopping|still busy" "$work/a.log" | sed 's/^/   a: /'
echo "== instance A started again"
start_instance a "$BRIDGE_A_MLLP_PORT" "$BRIDGE_A_HTTP_PORT"; a=$started

load_rc=0
wait "$load" || load_rc=$?
cat "$work/load.out"

echo "== checks"
fail=0
check() { # check DESCRIPTION ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then echo "   ok   $1 ($2)"; else echo "   FAIL $1: $2, expected $3"; fail=1; fi
}
q() { psql -d "$db" -tAq -c "$1"; }
check "bridge load exit code" "$load_rc" 0
check "messages answered AA" "$(python3 -c "import json; print(json.load(open('$work/load.json'))['ackCodes'].get('AA', 0))")" "$MESSAGES"
check "messages failed" "$(python3 -c "import json; print(json.load(open('$work/load.json'))['failures'])")" 0
check "messages applied (PROCESSED)" "$(q "SELECT COUNT(*) FROM message_journal WHERE sending_facility = 'LOADGEN' AND status = 'PROCESSED'")" "$MESSAGES"
check "messages applied more than once" "$(q "SELECT COUNT(*) FROM (SELECT control_id FROM message_journal WHERE sending_facility = 'LOADGEN' AND status = 'PROCESSED' GROUP BY control_id HAVING COUNT(*) > 1) t")" 0
check "duplicate-guard keys" "$(q "SELECT COUNT(*) FROM applied_message WHERE sending_facility = 'LOADGEN'")" "$MESSAGES"
check "journal entries neither PROCESSED nor DUPLICATE" "$(q "SELECT COUNT(*) FROM message_journal WHERE sending_facility = 'LOADGEN' AND status NOT IN ('PROCESSED', 'DUPLICATE')")" 0
check "FT1 transactions posted twice" "$(q "SELECT COUNT(*) - COUNT(DISTINCT transaction_id) FROM charge WHERE sending_facility = 'LOADGEN'")" 0
echo "   resent by the sender after a dropped connection: $(python3 -c "import json; print(json.load(open('$work/load.json'))['resent'])"),"\
     "answered as DUPLICATE: $(q "SELECT COUNT(*) FROM message_journal WHERE sending_facility = 'LOADGEN' AND status = 'DUPLICATE'")"
echo "   messages per instance log: a $(grep -c 'journal=' "$work/a.log" || true) lines, b $(grep -c 'journal=' "$work/b.log" || true) lines"
if [ "$fail" -ne 0 ]; then
  echo "rolling restart check FAILED; logs in $work"; trap - EXIT; cleanup; exit 1
fi
echo "rolling restart: every message AA and applied exactly once"
