#!/usr/bin/env bash
# PostgreSQL restarted under load: the packaged engine on a database of its own, `bridge load
# --resend FILE --resend-rejected` (a sender that sends again whatever was not answered AA: no ACK,
# or AR 207 "database unavailable, send it later"), and PostgreSQL restarted while the load runs.
# Then, with the same engine process (no engine restart):
#   1. the pool reconnected by itself: /health/ready is 200 again and messages are answered AA after
#      the restart;
#   2. every message sent ended AA and is applied exactly once (journal PROCESSED, applied_message,
#      two charges per DFT; none doubled, none missing), and no journal row is left unfinished;
# and it prints how many answers were AR 207 while PostgreSQL was away. Exit status 0 only if all pass.
#
#   bench/pg-restart.sh      (needs the packaged jar, PostgreSQL on 127.0.0.1:5432 with trust auth for
#                             user postgres, run as root or postgres: it restarts the cluster)
# Environment: MESSAGES (default 3000), RATE msg/s (default 150), CONNECTIONS (default 4),
# RESTART_AFTER answers before the restart (default MESSAGES/4), PG_DOWN_SECONDS (default 0: a
# `pg_ctlcluster restart`; N: stop, N seconds away, start), PG_CLUSTER (default "machine": the
# cluster on 5432, restarted with pg_ctlcluster; "private": a throwaway cluster initdb'd in a temp
# directory on a free port, so a shared machine's other users of 5432 are not disturbed).
set -uo pipefail
cd "$(dirname "$0")/.."

MESSAGES=${MESSAGES:-3000}
RATE=${RATE:-150}
CONNECTIONS=${CONNECTIONS:-4}
RESTART_AFTER=${RESTART_AFTER:-$((MESSAGES / 4))}
PG_DOWN_SECONDS=${PG_DOWN_SECONDS:-0}
PG_CLUSTER=${PG_CLUSTER:-machine}
jar=target/webpt-bridge.jar
[ -f "$jar" ] || mvn -q -B package -DskipTests || exit 1

work=$(mktemp -d)
chmod 755 "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
version=$(ls /etc/postgresql | head -n 1)
export PGHOST=127.0.0.1 PGUSER=postgres
if [ "$PG_CLUSTER" = private ]; then
  export PGPORT=$(free_port)
  bin=/usr/lib/postgresql/$version/bin
  mkdir -p "$work/pg" && chown postgres "$work/pg"
  runuser -u postgres -- "$bin/initdb" -D "$work/pg/data" -U postgres --auth=trust > "$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log"; exit 1; }
  pg() { runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
           -o "-p $PGPORT -k $work/pg -c listen_addresses=127.0.0.1" "$@" > /dev/null; }
  pg start || { cat "$work/pg/server.log"; exit 1; }
else
  export PGPORT=5432
  pg() { pg_ctlcluster --skip-systemctl-redirect "$version" main "$@"; }
fi
db="bench_pgrestart_$(date +%s)_$$"

engine=""
load=""
probe=""
cleanup() {
  # PostgreSQL runs again whatever happened above (a failed start, a failed check, an interrupt).
  pg_isready -q || pg start || true
  for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
  [ -n "$load" ] && kill "$load" 2>/dev/null
  [ -n "$engine" ] && { kill "$engine" 2>/dev/null; wait "$engine" 2>/dev/null; }
  if [ "$PG_CLUSTER" = private ]; then
    pg stop -m fast || true
  else
    psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" > /dev/null 2>&1 || true
  fi
  [ "${PG_RESTART_KEEP:-0}" = 1 ] && echo "logs kept in $work" || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

psql -q -d postgres -c "CREATE DATABASE $db" || exit 1
mllp_port=$(free_port)
http_port=$(free_port)
java -Dbridge.db.url="jdbc:postgresql://127.0.0.1:$PGPORT/$db" -Dbridge.db.user=postgres -Dbridge.db.password= \
     -Dbridge.admin.password="pg-restart-$RANDOM-$RANDOM" -Dbridge.recovery.grace-seconds=5 \
     -Dbridge.mllp.host=127.0.0.1 -Dbridge.mllp.port="$mllp_port" \
     -Dbridge.http.host=127.0.0.1 -Dbridge.http.port="$http_port" -Dbridge.interfaces.dir="$work/none" \
     -jar "$jar" run > "$work/engine.log" 2>&1 &
engine=$!
for _ in $(seq 1 120); do grep -q "WebPT Bridge ready" "$work/engine.log" && break; kill -0 "$engine" 2>/dev/null || break; sleep 0.5; done
grep -q "WebPT Bridge ready" "$work/engine.log" || { echo "engine did not start:"; tail -n 30 "$work/engine.log"; exit 1; }
ready() { curl -s --max-time 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http_port/health/ready"; }
aa_count() { awk '$2 == "AA"' "$work/answers.txt" 2>/dev/null | wc -l; }

echo "== engine (pid $engine) on PostgreSQL $version, database $db on port $PGPORT ($PG_CLUSTER cluster)"
echo "== bridge load --resend --resend-rejected: $MESSAGES messages, $CONNECTIONS connections, $RATE msg/s"
: > "$work/answers.txt"
java -jar "$jar" load --resend "$work/answers.txt" --resend-rejected --host 127.0.0.1 --port "$mllp_port" \
     --connections "$CONNECTIONS" --messages "$MESSAGES" --rate "$RATE" > "$work/load.out" 2> "$work/load.err" &
load=$!
for _ in $(seq 1 600); do [ "$(aa_count)" -ge "$RESTART_AFTER" ] && break; kill -0 "$load" 2>/dev/null || break; sleep 0.1; done
before=$(aa_count)
began=$(date +%s.%N)
if [ "$PG_DOWN_SECONDS" = 0 ]; then
  echo "== PostgreSQL restarted after $before messages answered AA"
  pg restart || { echo "FAIL: PostgreSQL did not restart"; exit 1; }
else
  echo "== PostgreSQL stopped for $PG_DOWN_SECONDS s after $before messages answered AA"
  pg stop || { echo "FAIL: PostgreSQL did not stop"; exit 1; }
  # The readiness probe while the database is away, in the background: it may take a while to answer.
  ( sleep 1; curl -s --max-time 60 -o /dev/null -w '%{http_code} after %{time_total} s' \
      "http://127.0.0.1:$http_port/health/ready" > "$work/probe.txt" ) &
  probe=$!
  sleep "$PG_DOWN_SECONDS"
  pg start || { echo "FAIL: PostgreSQL did not start again"; exit 1; }
fi
for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
back=$(aa_count)
echo "   PostgreSQL accepting connections again $(python3 -c "import sys, time; print(f'{time.time() - float(sys.argv[1]):.1f}')" "$began") s later, $back messages answered AA by then"
if [ -n "${probe:-}" ]; then
  wait "$probe"
  echo "   /health/ready asked 1 s into the outage answered $(cat "$work/probe.txt")"
fi
ready_again=""
for _ in $(seq 1 60); do [ "$(ready)" = 200 ] && { ready_again=yes; break; }; sleep 0.5; done

load_rc=0
wait "$load" || load_rc=$?
load=""
cat "$work/load.out"
kill -0 "$engine" 2>/dev/null && alive=yes || alive=no
q() { psql -d "$db" -tAq -c "$1"; }
# A message whose receipt was written just before the connection broke stays RECEIVED (its resend was
# applied as a new row); the recovery job finishes such rows, every minute, once older than
# bridge.recovery.grace-seconds (5 s here).
received=$(q "SELECT COUNT(*) FROM message_journal WHERE status = 'RECEIVED'")
if [ "${received:-0}" != 0 ]; then
  echo "== $received journal rows RECEIVED (receipt written, outcome not): waiting for the recovery job (every 60 s)"
  for _ in $(seq 1 90); do [ "$(q "SELECT COUNT(*) FROM message_journal WHERE status = 'RECEIVED'")" = 0 ] && break; sleep 1; done
fi

echo "== checks"
fail=0
check() { # check DESCRIPTION ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then echo "   ok   $1 ($2)"; else echo "   FAIL $1: $2, expected $3"; fail=1; fi
}
check "engine process still the one started (no restart)" "$alive/$(grep -c 'WebPT Bridge ready' "$work/engine.log")" "yes/1"
check "/health/ready 200 again after the restart" "${ready_again:-no}" yes
check "messages answered AA after PostgreSQL was back" "$([ "$(aa_count)" -gt "$back" ] && echo yes || echo "no ($back before, $(aa_count) at the end)")" yes
check "bridge load exit code (0: nothing given up)" "$load_rc" 0
check "messages sent" "$(sort -u -k1,1 "$work/answers.txt" | wc -l)" "$MESSAGES"
check "messages whose last answer is AA" "$(aa_count)" "$MESSAGES"
# The load's mix (LoadGenerator/ResendingSender): connection c's message i is an ADT when
# (c * 31 + i) * 7 mod 100 < 30, else a DFT with two FT1.
dft_sent=$(awk '{ n = split($1, p, "-"); c = p[n - 1]; i = p[n]; if (((c * 31 + i) * 7) % 100 >= 30) d++ } END { print d + 0 }' "$work/answers.txt")
check "messages applied (journal PROCESSED)" "$(q "SELECT COUNT(*) FROM message_journal WHERE sending_facility = 'LOADGEN' AND status = 'PROCESSED'")" "$MESSAGES"
check "DFT messages applied" "$(q "SELECT COUNT(*) FROM message_journal WHERE sending_facility = 'LOADGEN' AND status = 'PROCESSED' AND message_type = 'DFT'")" "$dft_sent"
check "messages applied more than once" "$(q "SELECT COUNT(*) FROM (SELECT control_id FROM message_journal WHERE sending_facility = 'LOADGEN' AND status = 'PROCESSED' GROUP BY control_id HAVING COUNT(*) > 1) t")" 0
check "duplicate-guard keys (applied_message)" "$(q "SELECT COUNT(*) FROM applied_message WHERE sending_facility = 'LOADGEN'")" "$MESSAGES"
check "charges (two FT1 per DFT)" "$(q "SELECT COUNT(*) FROM charge WHERE sending_facility = 'LOADGEN'")" "$((2 * dft_sent))"
check "FT1 transactions posted twice" "$(q "SELECT COUNT(*) - COUNT(DISTINCT transaction_id) FROM charge WHERE sending_facility = 'LOADGEN'")" 0
check "journal rows left RECEIVED" "$(q "SELECT COUNT(*) FROM message_journal WHERE status = 'RECEIVED'")" 0
check "journal rows neither PROCESSED, DUPLICATE nor REJECTED (AR 207)" "$(q "SELECT COUNT(*) FROM message_journal WHERE status NOT IN ('PROCESSED', 'DUPLICATE', 'REJECTED')")" 0
echo "   journal rows by status: $(q "SELECT string_agg(status || ' ' || n, ', ' ORDER BY status) FROM (SELECT status, COUNT(*) n FROM message_journal GROUP BY status) t")"
ar207=$(sed -n 's/^answered AR 207 and sent again: //p' "$work/load.out")
echo "   answered AR 207 while PostgreSQL was away (each sent again): ${ar207:-?}"
echo "   engine log: $(grep -c 'store unavailable\|Journal unavailable' "$work/engine.log") messages logged as store unavailable"
if [ "$fail" -ne 0 ]; then
  echo "pg-restart check FAILED"; tail -n 20 "$work/engine.log"; exit 1
fi
echo "pg-restart: the pool reconnected by itself; every message AA and applied exactly once; ${ar207:-?} AR 207 answers during the outage"
