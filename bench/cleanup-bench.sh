#!/usr/bin/env bash
# Chat-turn latency with and without a cleanup run in progress, and the run's duration, through the
# packaged service on a throw-away PostgreSQL 15. A database is seeded once with EXPIRED expired sessions
# of MESSAGES messages each, next to LIVE live and RECENT not-yet-expired ones. Each repeat copies it
# (CREATE DATABASE ... TEMPLATE, far cheaper than seeding again), starts the service on the copy and
# measures chat turns for LOAD_SECONDS with no cleanup, while POST /api/admin/cleanup clears the expired
# set, and for LOAD_SECONDS with no cleanup again. After a back-to-back warm-up, turns come at a fixed rate
# (TURNS_PER_SECOND from CLIENTS threads) and each latency counts from the turn's scheduled send time.
# Prints one JSON line per repeat and a final one with min/median/max.
# Needs: ./mvnw package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/postgres.sh
source bench/lib/service.sh

REPEATS=${REPEATS:-3}
EXPIRED=${EXPIRED:-100000}
MESSAGES=${MESSAGES:-20}
LIVE=${LIVE:-20000}
RECENT=${RECENT:-20000}
CLIENTS=${CLIENTS:-8}
TURNS_PER_SECOND=${TURNS_PER_SECOND:-25}
WARMUP_SECONDS=${WARMUP_SECONDS:-20}
LOAD_SECONDS=${LOAD_SECONDS:-15}
PG_BENCH_PORT=${PG_BENCH_PORT:-55441}
HTTP_BENCH_PORT=${HTTP_BENCH_PORT:-18141}

[ -f target/quarkus-app/quarkus-run.jar ] || { echo "run ./mvnw package -DskipTests first" >&2; exit 1; }
results=$(mktemp /tmp/cleanup-bench.XXXXXX)
sessions=$(mktemp /tmp/cleanup-bench-sessions.XXXXXX)
trap 'service_stop; pg_stop; rm -f "$results" "$sessions"' EXIT

# Autovacuum is off so that the baseline window after the cleanup does not measure the vacuuming of the
# rows it deleted; the seed is vacuumed and analysed explicitly.
pg_start "$PG_BENCH_PORT" "shared_preload_libraries=pg_stat_statements" "shared_buffers=1GB" "max_wal_size=4GB" \
  "autovacuum=off"
pg_psql -c "CREATE EXTENSION pg_stat_statements"
on() { pg_psql -d "$1" "${@:2}"; }
jdbc_url() { echo "jdbc:postgresql://127.0.0.1:$PG_BENCH_PORT/$1"; }
# The scheduler stays off: the only cleanup is the one each repeat starts on purpose.
start_on() { service_start "$HTTP_BENCH_PORT" -Dquarkus.datasource.jdbc.url="$(jdbc_url "$1")" -Dagent-sessions.cleanup.every=off; }

seeding=$(date +%s)
pg_psql -c "CREATE DATABASE seeded"
start_on seeded && service_stop    # Flyway creates the schema
on seeded -v live="$LIVE" -v recent="$RECENT" -v messages="$MESSAGES" -f bench/sql/cleanup-live.sql
on seeded -v expired="$EXPIRED" -v messages="$MESSAGES" -f bench/sql/cleanup-expired.sql
on seeded -c "VACUUM ANALYZE"
on seeded -c "SELECT session_id FROM agent_sessions WHERE session_id LIKE 'live-%'" > "$sessions"
echo "seeded $EXPIRED expired sessions x $MESSAGES messages in $(( $(date +%s) - seeding )) s" >&2

base="http://127.0.0.1:$HTTP_BENCH_PORT"
for repeat in $(seq 1 "$REPEATS"); do
  pg_psql -c "CREATE DATABASE run$repeat TEMPLATE seeded"
  # The copy is younger than the seed: keep its live sessions live.
  on "run$repeat" -c "UPDATE agent_sessions SET last_activity_at = now() - random() * interval '5 minutes'
      WHERE session_id LIKE 'live-%'"
  start_on "run$repeat"
  pg_psql -c "SELECT pg_stat_statements_reset()" >/dev/null

  line=$(java bench/CleanupLoad.java measure "$base" bench-key bench "$sessions" "$CLIENTS" "$TURNS_PER_SECOND" \
      "$WARMUP_SECONDS" "$LOAD_SECONDS")

  read -r longest batches < <(pg_psql -F ' ' -c "SELECT round(max(max_exec_time)::numeric, 2), sum(calls)
      FROM pg_stat_statements WHERE query LIKE 'WITH batch AS%'")
  left=$(on "run$repeat" -c "SELECT count(*) FROM agent_sessions WHERE session_id LIKE 'expired-%'")
  [ "$left" = 0 ] || { echo "repeat $repeat left $left expired sessions behind" >&2; exit 1; }
  service_stop
  pg_psql -c "DROP DATABASE run$repeat"

  line="{\"repeat\":$repeat,\"expired_sessions\":$EXPIRED,\"messages_per_session\":$MESSAGES,${line#\{}"
  # The machine's load over the last minute, to tell a noisy repeat from a real effect.
  load=$(cut -d' ' -f1 /proc/loadavg)
  line="${line%\}},\"longest_batch_ms\":$longest,\"batches\":$batches,\"load_average_1m\":$load}"
  echo "$line" | tee -a "$results"
done

java bench/CleanupLoad.java summarize "$results"
