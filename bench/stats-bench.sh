#!/usr/bin/env bash
# Operator analytics and session listing at a million sessions: generates SESSIONS sessions (default
# 1,000,000) with their messages in a throw-away PostgreSQL 15, runs the packaged service against it,
# times each endpoint REPEATS times (after one warm-up call) and prints one JSON document with
# min/median/max milliseconds and the scans each endpoint's queries used. The full query plans
# (auto_explain, EXPLAIN ANALYZE with buffers) go to bench/results/stats-plans.txt.
# Needs: ./mvnw package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/postgres.sh
source bench/lib/service.sh

SESSIONS=${SESSIONS:-1000000}
AGENTS=${AGENTS:-20}
MAX_MESSAGES=${MAX_MESSAGES:-6}
REPEATS=${REPEATS:-3}
PG_BENCH_PORT=${PG_BENCH_PORT:-55451}
HTTP_PORT=${HTTP_PORT:-18151}
RESULTS=bench/results
mkdir -p "$RESULTS"
export BENCH_LOG_DIR=$RESULTS

[ -f target/quarkus-app/quarkus-run.jar ] || { echo "run ./mvnw package -DskipTests first" >&2; exit 1; }
trap 'service_stop; pg_stop' EXIT

# auto_explain is loaded but off (log_min_duration -1) until the plans are collected, after the timings.
pg_start "$PG_BENCH_PORT" "shared_preload_libraries=auto_explain" "shared_buffers=1GB" "max_wal_size=8GB" \
  "checkpoint_timeout=30min" "maintenance_work_mem=256MB"
service_start "$HTTP_PORT" -Dagent-sessions.operator.active-gauge-every=5s

started=$(date +%s)
pg_psql -v sessions="$SESSIONS" -v agents="$AGENTS" -v max_messages="$MAX_MESSAGES" -f bench/sql/stats-data.sql
load_seconds=$(( $(date +%s) - started ))
messages=$(pg_psql -c "SELECT count(*) FROM agent_messages")

get() {
  curl -s -o "$RESULTS/last-answer.json" -w '%{http_code} %{time_total}' \
       -H 'Authorization: Bearer bench-key' "http://127.0.0.1:$HTTP_PORT$1"
}

first_page=$(curl -fs -H 'Authorization: Bearer bench-key' "http://127.0.0.1:$HTTP_PORT/api/admin/sessions?limit=50")
cursor=$(sed -E 's/.*"next_cursor":"([^"]+)".*/\1/' <<<"$first_page")
names=(agent_stats_largest agent_stats_smallest all_agents_stats list_first_page list_next_page
       list_agent_active list_website list_user)
paths=("/api/admin/agents/bench_00/stats" "/api/admin/agents/bench_$(printf %02d $((AGENTS - 1)))/stats" "/api/admin/stats"
       "/api/admin/sessions?limit=50" "/api/admin/sessions?limit=50&cursor=$cursor"
       "/api/admin/sessions?agent_id=bench_00&status=active&limit=50"
       "/api/admin/sessions?website_domain=site150.example.com&limit=50" "/api/admin/sessions?user_id=user-4242")

declare -A timing
for i in "${!names[@]}"; do
  get "${paths[$i]}" >/dev/null
  samples=()
  for _ in $(seq 1 "$REPEATS"); do
    read -r status seconds <<<"$(get "${paths[$i]}")"
    [ "$status" = 200 ] || { echo "${paths[$i]} answered $status" >&2; cat "$RESULTS/last-answer.json" >&2; exit 1; }
    samples+=("$(awk -v s="$seconds" 'BEGIN { printf "%.1f", s * 1000 }')")
  done
  timing[${names[$i]}]=$(printf '%s\n' "${samples[@]}" | sort -n | awk '
    { v[NR] = $1 } END { printf "\"min_ms\":%s,\"median_ms\":%s,\"max_ms\":%s", v[1], v[int((NR + 1) / 2)], v[NR] }')
done

# Plans: every statement each endpoint runs, with actual rows and buffers (timing off, so it stays cheap).
pg_psql -c "ALTER SYSTEM SET auto_explain.log_min_duration = 0" -c "ALTER SYSTEM SET auto_explain.log_analyze = on" \
        -c "ALTER SYSTEM SET auto_explain.log_buffers = on" -c "ALTER SYSTEM SET auto_explain.log_timing = off" \
        -c "SELECT pg_reload_conf()" >/dev/null
sleep 1
plans=$RESULTS/stats-plans.txt
: > "$plans"
declare -A scans
gauge_text='SELECT a\.agent_id, \(SELECT count'
# Plan blocks logged since line $1; with "gauge", only the scheduled gauge's, otherwise all but its.
plans_since() {
  tail -n +"$(($1 + 1))" "$PG_DIR/server.log" | GAUGE="$gauge_text" awk -v want="${2:-}" '
    function flush() { if (block != "" && ((block ~ ENVIRON["GAUGE"]) == (want == "gauge"))) printf "%s", block; block = "" }
    /LOG:  duration: / { flush(); inside = 1 }
    inside { block = block $0 "\n" }
    END { flush() }'
}
scans_of() {
  grep -oE '(Parallel )?(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)( Backward)?( using [a-z_]+)? on [a-z_]+' \
    | grep -v ' on agents$' | sort -u | awk '{ printf "%s\"%s\"", (NR > 1 ? "," : ""), $0 }'
}
for i in "${!names[@]}"; do
  before=$(wc -l < "$PG_DIR/server.log")
  get "${paths[$i]}" >/dev/null
  sleep 0.5
  explained=$(plans_since "$before")
  printf '==== %s: GET %s\n%s\n\n' "${names[$i]}" "${paths[$i]}" "$explained" >> "$plans"
  scans[${names[$i]}]=$(scans_of <<<"$explained")
done
before=$(wc -l < "$PG_DIR/server.log")
sleep 6
gauge=$(plans_since "$before" gauge | awk '/LOG:  duration: / { n++ } n <= 1')
printf '==== active_sessions_gauge (scheduled)\n%s\n' "$gauge" >> "$plans"
gauge_ms=$(grep -m1 -oE 'duration: [0-9.]+ ms' <<<"$gauge" | grep -oE '[0-9.]+' || echo null)

{
  printf '{"sessions":%s,"messages":%s,"agents":%s,"load_seconds":%s,"repeats":%s,' "$SESSIONS" "$messages" "$AGENTS" "$load_seconds" "$REPEATS"
  printf '"machine":"%s cores, load average %s at the end (shared with other builds)",' "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)"
  printf '"endpoints":['
  for i in "${!names[@]}"; do
    printf '%s{"name":"%s","path":"%s",%s,"scans":[%s]}' "$([ "$i" -gt 0 ] && echo ,)" "${names[$i]}" \
      "$(sed 's/cursor=.*/cursor=<next_cursor>/' <<<"${paths[$i]}")" "${timing[${names[$i]}]}" "${scans[${names[$i]}]}"
  done
  printf '],"active_sessions_gauge_query_ms":%s,"plans":"%s"}\n' "$gauge_ms" "$plans"
} | tee "$RESULTS/stats-bench.json"
