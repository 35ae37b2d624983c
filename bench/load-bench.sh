#!/usr/bin/env bash
# The chat turn under load, against the physical limit of the same SQL in pgbench, on sessions of growing
# length, and through two replicas. Each repeat starts a fresh PostgreSQL 15 and the packaged service,
# prints one JSON line, and at the end a min/median/max summary line and a table.
# Needs: ./mvnw package -DskipTests (the packaged service in target/quarkus-app).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/postgres.sh
source bench/lib/service.sh

REPEATS=${REPEATS:-3}
CLIENT_COUNTS=${CLIENT_COUNTS:-"1 8 32"}
LOAD_SECONDS=${LOAD_SECONDS:-15}            # per client count, for the service and for pgbench each
WARMUP_SECONDS=${WARMUP_SECONDS:-20}        # JIT warm-up, not counted
TURNS_PER_VISITOR=${TURNS_PER_VISITOR:-10}
PGBENCH_SESSIONS=${PGBENCH_SESSIONS:-10000} # 10-message sessions pgbench chats in
LENGTHS=${LENGTHS:-"10 100 1000"}
LENGTH_SESSIONS=${LENGTH_SESSIONS:-1000}    # sessions per length; each takes one turn from the service
LENGTH_ROUNDS=${LENGTH_ROUNDS:-4}           # the lengths take turns, in alternating order, so drift hits all alike
LENGTH_CLIENTS=${LENGTH_CLIENTS:-8}
REPLICA_CLIENTS=${REPLICA_CLIENTS:-32}
PG_PORT_BENCH=55601
PORT_A=18601
PORT_B=18602
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "run ./mvnw package -DskipTests first" >&2; exit 1; }

export BENCH_LOG_DIR=${BENCH_LOG_DIR:-$(mktemp -d /tmp/agent-sessions-load.XXXXXX)}
RESULTS="$BENCH_LOG_DIR/results.jsonl"
: > "$RESULTS"
trap 'service_stop; pg_stop' EXIT

CAPTURE_SID=9000000000000000
PGBENCH_FIRST_SID=1000000000000000
length_first_sid() { echo $(( (2 + $(index_of "$1" $LENGTHS)) * 1000000000000000 )); }
index_of() { local want=$1 i=0; shift; for x in "$@"; do [ "$x" = "$want" ] && { echo $i; return; }; i=$((i + 1)); done; }

seed() { # FIRST_SID COUNT MESSAGES
  pg_psql -v first_sid="$1" -v count="$2" -v messages="$3" -f bench/sql/chat-turn-sessions.sql >/dev/null
}

# Calls of every statement but transaction control and these snapshots, and of BEGIN: the transactions
# (pg_stat_statements counts at once, and sees the JDBC driver's BEGIN but not its prepared COMMIT;
# pg_stat_database's counters reach the view up to seconds late).
snapshot() {
  pg_psql -F ' ' -c "SELECT sum(calls) FILTER (WHERE upper(query) NOT IN ('BEGIN', 'COMMIT', 'ROLLBACK')
                                                AND query NOT LIKE '%pg_stat%'),
                            coalesce(sum(calls) FILTER (WHERE upper(query) = 'BEGIN'), 0)
                       FROM pg_stat_statements"
}

# CPU time used so far, in ms: of one process; of the PostgreSQL server (the postmaster, its live backends,
# and the backends that have exited, which the kernel adds to the postmaster's children's time).
TICK_MS=$(( 1000 / $(getconf CLK_TCK) ))
process_cpu_ms() { awk -v t="$TICK_MS" '{ print ($14 + $15) * t }' "/proc/$1/stat"; }
postgres_cpu_ms() {
  local postmaster
  postmaster=$(head -1 "$PG_DIR/data/postmaster.pid")
  { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat"
    for child in $(pgrep -P "$postmaster"); do awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || true; done
  } | awk -v t="$TICK_MS" '{ s += $1 } END { print s * t }'
}

field() { sed -E "s/.*\"$1\":([^,}]+).*/\1/" <<<"$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }

# One turn on the capture session with the statement log on; its SQL becomes the pgbench script.
capture_turn_script() {
  local script=$1 log=$PG_DIR/server.log
  pg_psql -c "ALTER SYSTEM SET log_statement = 'all'" -c "ALTER SYSTEM SET log_line_prefix = '@@%p@@ '" \
          -c "SELECT pg_reload_conf()" >/dev/null
  sleep 0.5
  # The first turn reloads the agent's website policy if its cache (seconds) has expired: only the second is captured.
  local before after
  for turn in first captured; do
    before=$(wc -l < "$log")
    curl -fs "http://127.0.0.1:$PORT_A/api/chat/demo/message" -H 'Content-Type: application/json' \
         -d "{\"message\":\"Where is my order?\",\"session_id\":\"$CAPTURE_SID\"}" >/dev/null
    after=$(wc -l < "$log")
  done
  pg_psql -c "ALTER SYSTEM RESET log_statement" -c "ALTER SYSTEM RESET log_line_prefix" -c "SELECT pg_reload_conf()" >/dev/null
  local session_uuid
  session_uuid=$(pg_psql -c "SELECT id FROM agent_sessions WHERE session_id = '$CAPTURE_SID'")
  # Seeded with 20 messages, one turn in the warm-up and one just before: the captured user message is 25.
  sed -n "$((before + 1)),${after}p" "$log" | java bench/TurnScript.java "$session_uuid" "$CAPTURE_SID" 25 > "$script"
}

# Prints "TPS TRANSACTIONS PGBENCH_CPU_MS POSTGRES_CPU_MS".
pgbench_run() { # CLIENTS SECONDS FIRST_SID SESSIONS SCRIPT
  local threads=$(( $1 < 2 ? 1 : 2 )) pg_before out
  pg_before=$(postgres_cpu_ms)
  out=$( { TIMEFORMAT='%3U %3S'; time "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared \
           -c "$1" -j "$threads" -T "$2" -D first_sid="$3" -D sessions="$4" -f "$5" postgres 2>"$BENCH_LOG_DIR/pgbench.err"; } 2>&1)
  local tps transactions cpu
  tps=$(sed -nE 's/^tps = ([0-9.]+) .*/\1/p' <<<"$out")
  transactions=$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' <<<"$out")
  cpu=$(tail -1 <<<"$out" | awk '{ printf "%.0f", ($1 + $2) * 1000 }')
  sleep 1 # pgbench's backends exit after it does: their CPU counts once the postmaster has reaped them
  echo "$tps $transactions $cpu $(( $(postgres_cpu_ms) - pg_before ))"
}

run_once() {
  local run=$1 line="" script="$BENCH_LOG_DIR/chat-turn.pgbench"
  pg_start "$PG_PORT_BENCH" shared_preload_libraries=pg_stat_statements shared_buffers=2GB max_connections=200
  service_start "$PORT_A"
  pg_psql -c "CREATE EXTENSION pg_stat_statements" >/dev/null
  seed "$CAPTURE_SID" 1 20
  seed "$PGBENCH_FIRST_SID" "$PGBENCH_SESSIONS" 10
  for length in $LENGTHS; do seed "$(length_first_sid "$length")" "$LENGTH_SESSIONS" "$length"; done

  curl -fs "http://127.0.0.1:$PORT_A/api/chat/demo/message" -H 'Content-Type: application/json' \
       -d "{\"message\":\"Hello\",\"session_id\":\"$CAPTURE_SID\"}" >/dev/null
  java bench/LoadBench.java visitors "http://127.0.0.1:$PORT_A" 8 "$WARMUP_SECONDS" "$TURNS_PER_VISITOR" >/dev/null
  capture_turn_script "$script"
  local script_statements
  script_statements=$(grep -cvE '^(BEGIN|COMMIT);$|^\\set' <(grep -E ';$|\\gset' "$script"))
  line="\"run\":$run,\"pgbench_script_statements\":$script_statements"

  local service_pid=${SERVICE_PIDS[0]}
  for clients in $CLIENT_COUNTS; do
    local before after service tps service_cpu pg_cpu pgbench
    before=$(snapshot)
    service_cpu=$(process_cpu_ms "$service_pid")
    pg_cpu=$(postgres_cpu_ms)
    service=$(java bench/LoadBench.java visitors "http://127.0.0.1:$PORT_A" "$clients" "$LOAD_SECONDS" "$TURNS_PER_VISITOR")
    service_cpu=$(( $(process_cpu_ms "$service_pid") - service_cpu ))
    pg_cpu=$(( $(postgres_cpu_ms) - pg_cpu ))
    after=$(snapshot)
    local turns statements transactions
    turns=$(field turns "$service")
    statements=$(ratio "$(( ${after% *} - ${before% *} ))" "$turns")
    transactions=$(ratio "$(( ${after#* } - ${before#* } ))" "$turns")
    pgbench=$(pgbench_run "$clients" "$LOAD_SECONDS" "$PGBENCH_FIRST_SID" "$PGBENCH_SESSIONS" "$script")
    read -r tps pgbench_turns pgbench_cpu pgbench_pg_cpu <<<"$pgbench"
    line+=",\"c${clients}_service_cpu_ms_per_turn\":$(ratio "$service_cpu" "$turns")"
    line+=",\"c${clients}_postgres_cpu_ms_per_turn\":$(ratio "$pg_cpu" "$turns")"
    line+=",\"c${clients}_driver_cpu_ms_per_turn\":$(ratio "$(field driver_cpu_ms "$service")" "$turns")"
    line+=",\"c${clients}_pgbench_postgres_cpu_ms_per_turn\":$(ratio "$pgbench_pg_cpu" "$pgbench_turns")"
    line+=",\"c${clients}_pgbench_client_cpu_ms_per_turn\":$(ratio "$pgbench_cpu" "$pgbench_turns")"
    line+=",\"c${clients}_turns_per_second\":$(field turns_per_second "$service")"
    line+=",\"c${clients}_p50_ms\":$(field p50_ms "$service"),\"c${clients}_p99_ms\":$(field p99_ms "$service")"
    line+=",\"c${clients}_errors\":$(field errors "$service")"
    line+=",\"c${clients}_statements_per_turn\":$statements,\"c${clients}_transactions_per_turn\":$transactions"
    line+=",\"c${clients}_pgbench_turns_per_second\":$tps"
    line+=",\"c${clients}_service_to_pgbench\":$(ratio "$(field turns_per_second "$service")" "$tps")"
  done

  # Cost by conversation length: every measured turn is on a session holding exactly LENGTH messages.
  declare -A latency_sum latency_turns p99_max
  local per_round=$(( LENGTH_SESSIONS / LENGTH_ROUNDS ))
  for round in $(seq 0 $(( LENGTH_ROUNDS - 1 ))); do
    local order=$LENGTHS
    if [ $(( round % 2 )) -eq 1 ]; then order=$(tr ' ' '\n' <<<"$LENGTHS" | tac | tr '\n' ' '); fi
    for length in $order; do
      local result
      result=$(java bench/LoadBench.java sessions "http://127.0.0.1:$PORT_A" "$LENGTH_CLIENTS" \
               "$(( $(length_first_sid "$length") + round * per_round ))" "$per_round")
      latency_sum[$length]=$(awk -v s="${latency_sum[$length]:-0}" -v m="$(field mean_ms "$result")" \
                                 -v n="$(field turns "$result")" 'BEGIN { printf "%.4f", s + m * n }')
      latency_turns[$length]=$(( ${latency_turns[$length]:-0} + $(field turns "$result") ))
      p99_max[$length]=$(awk -v a="${p99_max[$length]:-0}" -v b="$(field p99_ms "$result")" 'BEGIN { print (b > a ? b : a) }')
    done
  done
  local first_length last_length
  first_length=$(awk '{ print $1 }' <<<"$LENGTHS")
  last_length=$(awk '{ print $NF }' <<<"$LENGTHS")
  for length in $LENGTHS; do
    local mean tps
    mean=$(ratio "${latency_sum[$length]}" "${latency_turns[$length]}")
    tps=$(pgbench_run "$LENGTH_CLIENTS" 5 "$(length_first_sid "$length")" "$LENGTH_SESSIONS" "$script" | awk '{ print $1 }')
    line+=",\"len${length}_mean_ms\":$mean,\"len${length}_p99_ms\":${p99_max[$length]},\"len${length}_pgbench_turns_per_second\":$tps"
  done
  line+=",\"length_cost_ratio\":$(ratio "$(field "len${last_length}_mean_ms" "{$line}")" "$(field "len${first_length}_mean_ms" "{$line}")")"
  line+=",\"length_pgbench_cost_ratio\":$(ratio "$(field "len${first_length}_pgbench_turns_per_second" "{$line}")" \
                                                "$(field "len${last_length}_pgbench_turns_per_second" "{$line}")")"

  # Two replicas on one database, requests round-robin; then the database's totals must match the answers.
  service_start "$PORT_B"
  java bench/LoadBench.java visitors "http://127.0.0.1:$PORT_B" 8 "$WARMUP_SECONDS" "$TURNS_PER_VISITOR" >/dev/null
  local totals_sql="SELECT count(DISTINCT s.id), count(m.id) FROM agent_sessions s LEFT JOIN agent_messages m ON m.session_id = s.id
                     WHERE s.session_id !~ '^[0-9]{16}$'"
  local before after replicas
  before=$(pg_psql -F ' ' -c "$totals_sql")
  replicas=$(java bench/LoadBench.java visitors "http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B" \
             "$REPLICA_CLIENTS" "$LOAD_SECONDS" "$TURNS_PER_VISITOR")
  after=$(pg_psql -F ' ' -c "$totals_sql")
  local new_sessions=$(( ${after% *} - ${before% *} )) new_messages=$(( ${after#* } - ${before#* } ))
  local broken
  broken=$(pg_psql -c "SELECT count(*) FROM agent_sessions s
                        WHERE s.message_count <> (SELECT count(*) FROM agent_messages m WHERE m.session_id = s.id)
                           OR s.message_count <> (SELECT coalesce(max(seq), 0) FROM agent_messages m WHERE m.session_id = s.id)")
  local matches=0
  if [ "$new_messages" -eq $(( 2 * $(field turns "$replicas") )) ] && [ "$new_sessions" -eq "$(field visitors "$replicas")" ] \
     && [ "$broken" -eq 0 ] && [ "$(field errors "$replicas")" -eq 0 ]; then matches=1; fi
  line+=",\"replicas_turns_per_second\":$(field turns_per_second "$replicas"),\"replicas_p99_ms\":$(field p99_ms "$replicas")"
  line+=",\"replicas_turns\":$(field turns "$replicas"),\"replicas_errors\":$(field errors "$replicas")"
  line+=",\"replicas_stored_messages\":$new_messages,\"replicas_stored_sessions\":$new_sessions"
  line+=",\"replicas_visitors\":$(field visitors "$replicas"),\"sessions_with_gaps\":$broken,\"replicas_totals_match\":$matches"

  service_stop
  pg_stop
  echo "{$line}" | tee -a "$RESULTS"
}

for run in $(seq 1 "$REPEATS"); do run_once "$run"; done

fields=(pgbench_script_statements)
for clients in $CLIENT_COUNTS; do
  for f in turns_per_second p50_ms p99_ms errors statements_per_turn transactions_per_turn pgbench_turns_per_second \
           service_to_pgbench service_cpu_ms_per_turn postgres_cpu_ms_per_turn driver_cpu_ms_per_turn \
           pgbench_postgres_cpu_ms_per_turn pgbench_client_cpu_ms_per_turn; do
    fields+=("c${clients}_$f")
  done
done
for length in $LENGTHS; do fields+=("len${length}_mean_ms" "len${length}_p99_ms" "len${length}_pgbench_turns_per_second"); done
fields+=(length_cost_ratio length_pgbench_cost_ratio replicas_turns_per_second replicas_p99_ms replicas_turns replicas_errors
         replicas_stored_messages replicas_stored_sessions replicas_visitors sessions_with_gaps replicas_totals_match)
java bench/Summary.java "${fields[@]}" < "$RESULTS" | tee "$BENCH_LOG_DIR/summary.json"
java bench/LoadBench.java table "$BENCH_LOG_DIR/summary.json" "$CLIENT_COUNTS" "$LENGTHS"
echo "logs and results: $BENCH_LOG_DIR" >&2
