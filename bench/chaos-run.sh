#!/usr/bin/env bash
# Chaos run: steady chat load through two replicas of the packaged service on one PostgreSQL 15, while
#   at KILL_AT s          replica A is killed with `kill -9` (no shutdown, turns cut off mid-way),
#   at RESTART_AT s       A is started again on the same port (a new process) and waited for until ready,
#   at PG_RESTART_AT s    (or SETTLE_SECONDS after A is ready, if that is later: a busy machine may start it
#                         slowly) PostgreSQL is stopped (`pg_ctl -m immediate`: a crash, recovered from the WAL on
#                         start; PG_STOP_MODE=fast for a clean stop) and started again PG_DOWN_SECONDS later
#                         on the same data directory and port,
# and the load ends at DURATION s, or AFTER_PG_SECONDS after PostgreSQL is back if that is later. VISITORS clients (bench/ChaosRun.java) hold conversations of
# TURNS_PER_CONVERSATION tagged turns the way the browser client does, retrying failed requests with the
# same client_message_id until answered or GIVE_UP_SECONDS pass; a prober reads /q/health/live and
# /q/health/ready of both replicas every 200 ms. Afterwards bench/sql/chaos-checks.sql checks in the
# database that every turn a client saw answered is stored exactly once with its reply, that no session holds
# another conversation's message, that no retried turn was stored twice and that seq has no gaps; the driver
# checks that liveness never failed, readiness did while PostgreSQL was down, and both replicas served turns
# again afterwards without restarting. One JSON line per repeat (REPEATS, default 3, each on a fresh
# PostgreSQL and fresh replicas), then min/median/max. Exits 1 if any check failed in any repeat.
# Needs: ./mvnw package -DskipTests. Files of each repeat (service logs, client records) in RESULTS_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/postgres.sh
source bench/lib/service.sh

REPEATS=${REPEATS:-3}
DURATION=${DURATION:-60}
KILL_AT=${KILL_AT:-10}
RESTART_AT=${RESTART_AT:-20}
PG_RESTART_AT=${PG_RESTART_AT:-35}
PG_DOWN_SECONDS=${PG_DOWN_SECONDS:-5}
PG_STOP_MODE=${PG_STOP_MODE:-immediate}
SETTLE_SECONDS=${SETTLE_SECONDS:-5}
AFTER_PG_SECONDS=${AFTER_PG_SECONDS:-20}
VISITORS=${VISITORS:-16}
TURNS_PER_CONVERSATION=${TURNS_PER_CONVERSATION:-8}
THINK_MS=${THINK_MS:-100}
GIVE_UP_SECONDS=${GIVE_UP_SECONDS:-60}
PG_CHAOS_PORT=${PG_CHAOS_PORT:-55510}
A_PORT=${A_PORT:-18511}
B_PORT=${B_PORT:-18512}
RESULTS_DIR=${RESULTS_DIR:-$(mktemp -d /tmp/agent-sessions-chaos.XXXXXX)}
export SERVICE_POLL_SECONDS=0.1 SERVICE_START_SECONDS=120

[ -f target/quarkus-app/quarkus-run.jar ] || { echo "run ./mvnw package -DskipTests first" >&2; exit 1; }
LOAD_PID=
trap '[ -z "$LOAD_PID" ] || kill "$LOAD_PID" 2>/dev/null || true; service_stop; pg_stop' EXIT

now_ms() { date +%s%3N; }
# Sleeps until $1 seconds after the load started.
at() { local wait_ms=$((T0 + $1 * 1000 - $(now_ms))); [ "$wait_ms" -le 0 ] || sleep "$(awk "BEGIN {print $wait_ms / 1000}")"; }
at_least() { echo $(( $1 > $2 ? $1 : $2 )); }
event() { printf '%s\t%s\n' "$1" "${2:-$(now_ms)}" >> "$OUT/events.tsv"; }

run_once() {
  OUT=$RESULTS_DIR/run-$1
  mkdir -p "$OUT"
  export BENCH_LOG_DIR=$OUT
  # A crash (immediate stop) loses what was not flushed: with the bench default of fsync=off and
  # synchronous_commit=off, commits the service reported could vanish, which would be the setup's fault.
  if [ "$PG_STOP_MODE" = immediate ]; then
    pg_start "$PG_CHAOS_PORT" fsync=on synchronous_commit=on
    event pg_immediate 1
  else
    pg_start "$PG_CHAOS_PORT"
  fi
  local replica_options=(-Dquarkus.shutdown.delay=0s)
  service_start "$A_PORT" "${replica_options[@]}"
  service_start "$B_PORT" "${replica_options[@]}"
  event replicas 2

  java bench/ChaosRun.java load "$OUT" 1800 "$VISITORS" "$TURNS_PER_CONVERSATION" "$THINK_MS" \
    "$GIVE_UP_SECONDS" "http://127.0.0.1:$A_PORT" "http://127.0.0.1:$B_PORT" > "$OUT/load.log" 2>&1 &
  LOAD_PID=$!
  T0=$(now_ms)
  event load_start "$T0"

  at "$KILL_AT"
  event kill_a
  service_kill9 "$A_PORT"
  at "$RESTART_AT"
  event a_start
  service_start "$A_PORT" "${replica_options[@]}"
  event a_ready

  at "$(at_least "$PG_RESTART_AT" "$(( ($(now_ms) - T0) / 1000 + SETTLE_SECONDS ))")"
  local pids_before="${SERVICE_PID[$A_PORT]} ${SERVICE_PID[$B_PORT]}"
  event pg_down
  pg_halt "$PG_STOP_MODE"
  sleep "$PG_DOWN_SECONDS"
  pg_resume
  event pg_up

  at "$(at_least "$DURATION" "$(( ($(now_ms) - T0) / 1000 + AFTER_PG_SECONDS ))")"
  touch "$OUT/stop"
  wait "$LOAD_PID"
  LOAD_PID=
  event load_end
  # Neither replica restarted on its own: the same processes, still running.
  local same=1
  for pid in $pids_before; do kill -0 "$pid" 2>/dev/null || same=0; done
  [ "$pids_before" = "${SERVICE_PID[$A_PORT]} ${SERVICE_PID[$B_PORT]}" ] || same=0
  event same_pids "$same"
  service_stop

  pg_psql -c "CREATE TABLE chaos_answered (session_id text, owner text, client_message_id text, tag text,
                reply_id text, attempts int, replica int, answered_ms bigint)" \
          -c "CREATE TABLE chaos_sessions (session_id text PRIMARY KEY, owner text)"
  pg_psql -c "\\copy chaos_answered FROM '$OUT/answered.tsv'"
  pg_psql -c "\\copy chaos_sessions FROM '$OUT/sessions.tsv'"
  pg_psql -F $'\t' -f bench/sql/chaos-checks.sql > "$OUT/db-checks.tsv"
  pg_stop

  local line rc=0
  line=$(java bench/ChaosRun.java report "$OUT" 2> "$OUT/report.txt") || rc=$?
  line=${line%\}}",\"repeat\":$1,\"load_average_1m\":$(cut -d' ' -f1 /proc/loadavg)}"
  echo "$line"
  cat "$OUT/report.txt" >&2
  RESULTS+=("$line")
  [ "$rc" -eq 0 ] || FAILED=1
}

RESULTS=()
FAILED=0
echo "chaos run: files in $RESULTS_DIR" >&2
for repeat in $(seq 1 "$REPEATS"); do run_once "$repeat"; done
printf '%s\n' "${RESULTS[@]}" | java bench/Summary.java turns_answered retries retried_turns turns_given_up \
  status_500 status_503 status_409 connection_failures answered_missing_user answered_missing_reply \
  answered_reply_mismatch duplicate_user_messages duplicate_client_message_ids duplicate_replies \
  retried_turn_duplicates foreign_messages unknown_sessions sessions_with_seq_gaps unanswered_user_messages \
  foreign_replies_seen context_mismatches_seen liveness_probes_pg_down liveness_failures_pg_down liveness_failures_any_time \
  readiness_failures_pg_down_a readiness_failures_pg_down_b failed_attempts_pg_down \
  ready_again_ms_a ready_again_ms_b first_turn_after_pg_up_ms_a first_turn_after_pg_up_ms_b \
  last_failure_after_pg_up_ms_a last_failure_after_pg_up_ms_b failed_attempts_after_pg_up_a \
  failed_attempts_after_pg_up_b turns_after_pg_up_a turns_after_pg_up_b a_down_ms pg_down_ms longest_turn_ms \
  checks_failed
exit "$FAILED"
