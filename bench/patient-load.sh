#!/usr/bin/env bash
# Benchmark: the initial patient load (bridge import patients) against the same number of ADTs
# sent over MLLP (bridge load, ADT only, 4 connections: the load's 4 lanes), same engine, same run.
# Durable throughout: embedded H2, every outcome on disk before its message counts as done.
#   bench/patient-load.sh [PATIENTS]   (default 20000; writes bench/results/patient-load.md)
# BENCH_JAR=path measures that jar instead of building this tree; BENCH_WARMUP=N (default 5000).
set -euo pipefail
cd "$(dirname "$0")/.."
patients=${1:-20000}
warmup=${BENCH_WARMUP:-5000}
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
cp -r "$(dirname "$built")/lib" "$work/app/lib"
jar=$work/app/webpt-bridge.jar
engine_port=22585; http_port=28090; password=bench-admin-pw

echo "== disk: 1000 durable 1 KiB writes (O_DSYNC)"
dd if=/dev/zero of="$work/dsync.bin" bs=1024 count=1000 oflag=dsync 2> "$work/dd.txt"
dsync_ms=$(awk '/copied/ {for (i=1;i<=NF;i++) if ($i ~ /^s,?$/) print $(i-1)*1000/1000}' "$work/dd.txt" | head -n 1)

echo "== files: $patients patients as an HL7 batch (LF) and as a CSV, $warmup to warm up"
python3 - "$work" "$patients" "$warmup" <<'PY'
import sys
work, n, warm = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def hl7(path, prefix, count):
    with open(path, "w") as f:
        f.write("FHS|^~\\&|WEBPT|CLINIC\nBHS|^~\\&|WEBPT|CLINIC\n")
        for i in range(1, count + 1):
            f.write(f"MSH|^~\\&|WEBPT|CLINIC|CMD|BILLING|20261204120000||ADT^A28^ADT_A05|{prefix}C{i}|P|2.5.1\n"
                    f"EVN|A28|20261204120000\n"
                    f"PID|1||{prefix}{i}^^^WEBPT^MR||Family{i}^Given{i % 97}^Q||19{50 + i % 50}0{1 + i % 9}1{i % 9}|"
                    f"{'FM'[i % 2]}|||{i} Main St^Apt {i % 40}^Springfield^IL^627{i % 100:02d}||555-01{i % 100:02d}^PRN^PH\n")
        f.write(f"BTS|{count}\nFTS|1\n")
def csv(path, prefix, count):
    with open(path, "w") as f:
        f.write("MRN,Last Name,First Name,DOB,Gender,Address,City,State,Zip Code,Home Phone\n")
        for i in range(1, count + 1):
            f.write(f"{prefix}{i},Family{i},Given{i % 97},0{1 + i % 9}/1{i % 9}/19{50 + i % 50},{'FM'[i % 2]},"
                    f"{i} Main St,Springfield,IL,627{i % 100:02d},555-01{i % 100:02d}\n")
hl7(f"{work}/warm.hl7", "W", warm)
hl7(f"{work}/patients.hl7", "H", n)
csv(f"{work}/patients.csv", "C", n)
PY

echo "== starting engine (embedded H2)"
java -Dbridge.db.url="jdbc:h2:file:$work/data/bridge" -Dbridge.db.user=sa -Dbridge.db.password= \
     -Dbridge.admin.password=$password ${BENCH_ENGINE_OPTS:-} -Dbridge.mllp.port=$engine_port -Dbridge.http.port=$http_port \
     -Dbridge.mllp.host=127.0.0.1 -Dbridge.http.host=127.0.0.1 -jar $jar run > "$work/engine.log" 2>&1 &
for _ in $(seq 1 60); do grep -q "WebPT Bridge ready" "$work/engine.log" && break; sleep 1; done
grep -q "WebPT Bridge ready" "$work/engine.log" || { echo "engine did not start"; cat "$work/engine.log"; exit 1; }

import_patients() { # FILE LABEL: the command's summary line, and the wall-clock seconds it took
  local start end
  start=$(date +%s.%N)
  java -jar $jar import patients "$1" --url "http://127.0.0.1:$http_port" --user admin --password $password \
      > "$work/$2.out" 2>&1 || { echo "import of $1 failed:"; tail -5 "$work/$2.out"; tail -20 "$work/engine.log"; exit 1; }
  end=$(date +%s.%N)
  awk "BEGIN {print $end - $start}" > "$work/$2.seconds"
  grep "^Patient load" "$work/$2.out"
}
mllp_adts() { # MESSAGES JSON
  java -jar $jar load --host 127.0.0.1 --port $engine_port --connections 4 --messages "$1" --mix adt=100,dft=0 \
      --json "$2" > "$work/load.log" 2>&1 || { echo "MLLP load failed:"; tail -20 "$work/load.log"; exit 1; }
}

echo "== warm-up: $warmup ADTs over MLLP and a load of $warmup patients"
mllp_adts "$warmup" "$work/warm-mllp.json"
import_patients "$work/warm.hl7" warm
echo "== MLLP baseline: $patients ADTs, 4 connections"
mllp_adts "$patients" "$work/mllp.json"
echo "== patient load: HL7 batch file"
import_patients "$work/patients.hl7" hl7
echo "== patient load: CSV"
import_patients "$work/patients.csv" csv
echo "== patient load: the HL7 file again (everything unchanged)"
import_patients "$work/patients.hl7" again

python3 - "$work" "$patients" "$dsync_ms" > "$out/patient-load.md" <<'PY'
import json, sys, datetime, os, platform, re
work, n, dsync = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
mllp = json.load(open(f"{work}/mllp.json"))
print(f"# Patient load benchmark {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC")
print()
print(f"Machine: {os.cpu_count()} cores, {platform.platform()}; embedded H2; disk durable 1 KiB write {dsync:.3f} ms;"
      f" load average at the end {os.getloadavg()[0]:.1f}.")
print()
print("| run | patients | wall-clock s (upload included) | patients/s (wall clock) | engine's own figure /s | vs MLLP | summary |")
print("|---|---|---|---|---|---|---|")
print(f"| MLLP baseline: ADTs (bridge load --mix adt=100,dft=0), 4 connections | {n} | {n / mllp['throughput']:.1f} | {mllp['throughput']:.0f} | | 1.00 | ACK codes {mllp['ackCodes']} |")
for label, name in (("HL7 batch file (FHS/BHS, LF)", "hl7"), ("CSV (a row per patient)", "csv"), ("HL7 file again", "again")):
    seconds = float(open(f"{work}/{name}.seconds").read())
    line = [l for l in open(f"{work}/{name}.out") if l.startswith("Patient load")][0].strip()
    own = re.search(r"\(([0-9.]+) per second\)", line).group(1)
    summary = re.sub(r"^Patient load \S+ ", "", re.sub(r" \([0-9.]+ per second\)", "", line))
    print(f"| {label} | {n} | {seconds:.1f} | {n / seconds:.0f} | {own} | {n / seconds / mllp['throughput']:.2f} | {summary} |")
PY
cat "$out/patient-load.md"
