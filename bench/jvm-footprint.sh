#!/usr/bin/env bash
# Start time and memory of the packaged JVM service: time from launch to ready, Quarkus' own start
# time, and resident memory (RSS) at ready and after 1,000 chat turns (100 sessions x 10 turns).
# Each JVM setting is measured REPEATS times (default 3) against a throw-away PostgreSQL 15; prints one
# JSON line with min/median/max per figure. Needs: ./mvnw package -DskipTests
#   default      plain `java -jar` on this machine (2 cores, 24 GB: G1, heap up to 1/4 of RAM)
#   pod-limits   as under the Deployment's limits (1 CPU, 512 MiB): -XX:ActiveProcessorCount=1 -XX:MaxRAM=512m
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/postgres.sh
source bench/lib/service.sh
trap 'service_stop; pg_stop' EXIT

REPEATS=${REPEATS:-3}
SESSIONS=${SESSIONS:-100}
TURNS_PER_SESSION=${TURNS_PER_SESSION:-10}
PG_BENCH_PORT=${PG_BENCH_PORT:-55470}
HTTP_PORT=${HTTP_PORT:-18170}
export SERVICE_POLL_SECONDS=0.05 SERVICE_START_SECONDS=300
export BENCH_LOG_DIR=${BENCH_LOG_DIR:-$(mktemp -d /tmp/agent-sessions-bench.XXXXXX)}
declare -A SETTINGS=([default]="" [pod-limits]="-XX:ActiveProcessorCount=1 -XX:MaxRAM=512m")

[ -f target/quarkus-app/quarkus-run.jar ] || { echo "run ./mvnw package -DskipTests first" >&2; exit 1; }
pg_start "$PG_BENCH_PORT"

rss_mb() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

chat_turns() {
  local url="http://127.0.0.1:$HTTP_PORT/api/chat/demo/message" session
  for s in $(seq 1 "$SESSIONS"); do
    session=$(curl -fs "$url" -H 'Content-Type: application/json' -d "{\"message\":\"My name is Visitor $s\"}" \
      | sed -E 's/.*"session_id":"([^"]+)".*/\1/')
    for t in $(seq 2 "$TURNS_PER_SESSION"); do
      curl -fs "$url" -H 'Content-Type: application/json' \
        -d "{\"message\":\"Turn $t: what is my name?\",\"session_id\":\"$session\"}" >/dev/null
    done
  done
}

# One start, 1,000 turns and a stop; appends "time_to_ready quarkus_started_in rss_at_ready rss_after_turns" to RUNS.
measure() {
  local started ready pid at_ready after quarkus
  started=$(date +%s.%N)
  # No shutdown delay: nothing routes traffic here, and it would only slow the repeats down.
  # shellcheck disable=SC2086
  service_start "$HTTP_PORT" $1 -Dquarkus.shutdown.delay=0s
  ready=$(date +%s.%N)
  pid=${SERVICE_PIDS[-1]}
  at_ready=$(rss_mb "$pid")
  chat_turns
  after=$(rss_mb "$pid")
  quarkus=$(grep -oE 'started in [0-9.]+s' "$BENCH_LOG_DIR/service-$HTTP_PORT.log" | grep -oE '[0-9.]+' | head -1)
  service_stop
  RUNS+=("$(awk "BEGIN {print $ready - $started}") $quarkus $at_ready $after")
}

# min/median/max of the numbers on stdin, as a JSON object.
stats() { sort -g | awk '{v[NR]=$1} END {printf "{\"min\":%.2f,\"median\":%.2f,\"max\":%.2f}", v[1], v[int((NR+1)/2)], v[NR]}'; }
column() { printf '%s\n' "${RUNS[@]}" | awk -v c="$1" '{print $c}' | stats; }

LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
results=""
for name in default pod-limits; do
  RUNS=()
  for _ in $(seq 1 "$REPEATS"); do measure "${SETTINGS[$name]}"; done
  results+="${results:+,}\"$name\":{\"jvm_options\":\"${SETTINGS[$name]}\",\"time_to_ready_seconds\":$(column 1),"
  results+="\"quarkus_started_in_seconds\":$(column 2),\"rss_mb_at_ready\":$(column 3),\"rss_mb_after_turns\":$(column 4)}"
done
java_version=$(java -version 2>&1 | head -1 | sed -E 's/.*"([^"]+)".*/\1/')
# The load average says how busy the machine was (others' builds): start times move with it.
printf '{"benchmark":"jvm-footprint","java":"%s","cores":%s,"load_average_1m":{"before":%s,"after":%s},' \
  "$java_version" "$(nproc)" "$LOAD_BEFORE" "$(cut -d' ' -f1 /proc/loadavg)"
printf '"repeats":%s,"chat_turns":%s,"settings":{%s}}\n' "$REPEATS" "$((SESSIONS * TURNS_PER_SESSION))" "$results"
