#!/usr/bin/env bash
# Crash test: kill -9 the engine at random moments under load from a resending sender, restart it on
# the same database, and check what the sender was told against what the database holds.
#   bench/crash.sh [ROUNDS] [MESSAGES_PER_ROUND]     (default 3 rounds of 1500 messages)
# ROUNDS on embedded H2, then ROUNDS on PostgreSQL (a fresh database on 127.0.0.1:5432, user postgres,
# dropped afterwards; CRASH_DBS="h2" or "postgresql" runs one only; CRASH_KEEP=1 keeps the data).
# Each round: `bridge load --resend` (4 connections, 400 msg/s; a message without an ACK is sent
# again after the restart) starts, the engine gets SIGKILL 0.5-3 s later and is started again at
# once on the same database, and the sender finishes. After the last round the engine stops and
# three checks run through SQL (not through the API):
#   1. every message the sender got AA for is PROCESSED in the journal
#   2. no FT1 transaction ID is posted twice within an interface
#   3. no journal row is left RECEIVED after the restart (a crash between intake and commit)
# Exit status 0 only when every check passed on every database. Uses target/webpt-bridge.jar as
# built (CRASH_BUILD=1, or a missing jar, builds it).
set -uo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
per_round=${2:-1500}
dbs=${CRASH_DBS:-h2 postgresql}
jar=target/webpt-bridge.jar
cp="$jar:target/lib/*"
mllp_port=${CRASH_MLLP_PORT:-23575}
http_port=${CRASH_HTTP_PORT:-28575}

if [ ! -f "$jar" ] || [ "${CRASH_BUILD:-0}" = 1 ]; then
  mvn -q -B package -DskipTests || exit 1
fi
# The engine's own command (`bridge run`); older builds started it with no command at all.
run_cmd=run
java -jar "$jar" --help 2>&1 | grep -qE '^\s+run\b' || run_cmd=

engine=""
work=""
trap 'if [ -n "$engine" ]; then kill -9 "$engine" 2>/dev/null; fi' EXIT

start_engine() { # $1 db url, $2 user, $3 log
  java -Dbridge.db.url="$1" -Dbridge.db.user="$2" -Dbridge.db.password= \
       -Dbridge.mllp.host=127.0.0.1 -Dbridge.mllp.port=$mllp_port \
       -Dbridge.http.host=127.0.0.1 -Dbridge.http.port=$http_port \
       -Dbridge.interfaces.dir="$work/no-interfaces" \
       -jar "$jar" $run_cmd > "$3" 2>&1 &
  engine=$!
  for _ in $(seq 1 180); do
    grep -q "WebPT Bridge ready" "$3" && return 0
    kill -0 "$engine" 2>/dev/null || break
    sleep 0.5
  done
  echo "engine did not start; its log:"; tail -n 30 "$3"; return 1
}

sql_value() { # $1 db, $2 url, $3 user, $4 query returning one number as VALUE:n
  if [ "$1" = h2 ]; then
    java -cp "$cp" org.h2.tools.Shell -url "$2" -user "$3" -password "" -sql "$4" 2>&1 | grep -o 'VALUE:[0-9][0-9]*' | head -n 1 | cut -d: -f2
  else
    psql -h 127.0.0.1 -U postgres -d "$2" -tA -c "$4" | grep -o 'VALUE:[0-9][0-9]*' | head -n 1 | cut -d: -f2
  fi
}

run_script() { # $1 db, $2 url, $3 user, $4 file
  if [ "$1" = h2 ]; then
    java -cp "$cp" org.h2.tools.RunScript -url "$2" -user "$3" -password "" -script "$4"
  else
    psql -q -h 127.0.0.1 -U postgres -d "$2" -v ON_ERROR_STOP=1 -f "$4" > /dev/null
  fi
}

overall=0
report=()
for db in $dbs; do
  work=$(mktemp -d)
  mkdir -p "$work/no-interfaces"
  began=$(date +%s)
  if [ "$db" = h2 ]; then
    url="jdbc:h2:file:$work/data/bridge"; user=sa; sql_url="$url"
  else
    name="crash_$(date +%s)_$$"
    psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE DATABASE $name" || { overall=1; continue; }
    url="jdbc:postgresql://127.0.0.1:5432/$name"; user=postgres; sql_url="$name"
  fi
  echo "== $db: $rounds rounds of $per_round messages, data in $work"
  answers="$work/answers.txt"; : > "$answers"
  start_engine "$url" "$user" "$work/engine-0.log" || { overall=1; report+=("$db: engine did not start"); continue; }
  sender_failures=0
  for round in $(seq 1 "$rounds"); do
    java -jar "$jar" load --resend "$answers" --host 127.0.0.1 --port $mllp_port --connections 4 \
         --messages "$per_round" --rate 400 > "$work/load-$round.log" 2>&1 &
    sender=$!
    delay=$(awk -v r=$RANDOM 'BEGIN { printf "%.2f", 0.5 + 2.5 * r / 32767 }')
    sleep "$delay"
    kill -9 "$engine"; wait "$engine" 2>/dev/null
    echo "   round $round: engine killed ${delay} s into the load; restarting"
    start_engine "$url" "$user" "$work/engine-$round.log" || { overall=1; break; }
    wait "$sender" || sender_failures=$((sender_failures + 1))
    echo "   round $round: $(tail -n 1 "$work/load-$round.log")"
  done
  kill "$engine" 2>/dev/null; wait "$engine" 2>/dev/null; engine=""

  # What the sender was told, loaded beside the journal.
  { echo "CREATE TABLE crash_acked (control_id VARCHAR(200) PRIMARY KEY);"
    awk '$2 == "AA" { printf "INSERT INTO crash_acked VALUES ('"'"'%s'"'"');\n", $1 }' "$answers"; } > "$work/acked.sql"
  run_script "$db" "$sql_url" "$user" "$work/acked.sql"
  acked=$(awk '$2 == "AA"' "$answers" | wc -l)
  not_aa=$(awk '$2 != "AA"' "$answers" | wc -l)
  lost=$(sql_value "$db" "$sql_url" "$user" "SELECT CONCAT('VALUE:', CAST(COUNT(*) AS VARCHAR(20))) FROM crash_acked a
      WHERE NOT EXISTS (SELECT 1 FROM message_journal j WHERE j.control_id = a.control_id AND j.status = 'PROCESSED')")
  doubled=$(sql_value "$db" "$sql_url" "$user" "SELECT CONCAT('VALUE:', CAST(COUNT(*) AS VARCHAR(20))) FROM (
      SELECT interface_id, transaction_id FROM charge GROUP BY interface_id, transaction_id HAVING COUNT(*) > 1) d")
  received=$(sql_value "$db" "$sql_url" "$user" "SELECT CONCAT('VALUE:', CAST(COUNT(*) AS VARCHAR(20)))
      FROM message_journal WHERE status = 'RECEIVED'")
  journal=$(sql_value "$db" "$sql_url" "$user" "SELECT CONCAT('VALUE:', CAST(COUNT(*) AS VARCHAR(20))) FROM message_journal")
  took=$(( $(date +%s) - began ))

  verdict() { if [ "${1:-x}" = 0 ]; then echo PASS; else overall=1; echo "FAIL"; fi; }
  r1=$(verdict "$lost"); r2=$(verdict "$doubled"); r3=$(verdict "$received")
  [ "$r1$r2$r3" = PASSPASSPASS ] || overall=1
  report+=("$db: $rounds rounds, $((rounds * per_round)) messages, $acked answered AA, $not_aa answered otherwise,"
           "   $sender_failures sender runs gave up on a message, $journal journal rows, ${took} s"
           "   check 1 every AA'd message PROCESSED:        $r1 (${lost:-?} AA'd messages not PROCESSED)"
           "   check 2 no FT1 transaction posted twice:     $r2 (${doubled:-?} transaction IDs posted more than once)"
           "   check 3 no journal row RECEIVED after restart: $r3 (${received:-?} rows RECEIVED)")
  if [ "$db" = postgresql ] && [ "${CRASH_KEEP:-0}" != 1 ]; then
    psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE $name"
  fi
  [ "${CRASH_KEEP:-0}" = 1 ] || rm -rf "$work"
done

printf "\n-- crash test summary\n"
printf '%s\n' "${report[@]}"
exit "$overall"
