#!/usr/bin/env bash
# Counts the SQL statements PostgreSQL executes for one chat turn on an existing session, from its own
# statement log. Prints one JSON line. Needs: ./mvnw package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/postgres.sh
source bench/lib/service.sh
trap 'service_stop; pg_stop' EXIT

[ -f target/quarkus-app/quarkus-run.jar ] || { echo "run ./mvnw package -DskipTests first" >&2; exit 1; }
pg_start 55432 "log_statement=all" "log_line_prefix=%p:"
service_start 18080

chat() {
  curl -fs "http://127.0.0.1:18080/api/chat/demo/message" -H 'Content-Type: application/json' -d "$1"
}
session=$(chat '{"message":"My name is Alice"}' | sed -E 's/.*"session_id":"([^"]+)".*/\1/')
chat "{\"message\":\"warm-up\",\"session_id\":\"$session\"}" >/dev/null
sleep 0.5
before=$(wc -l < "$PG_DIR/server.log")
chat "{\"message\":\"What is my name?\",\"session_id\":\"$session\"}" >/dev/null
sleep 0.5
turn_log=$(tail -n +"$((before + 1))" "$PG_DIR/server.log" | grep -E 'LOG:  (statement|execute [^:]*):' || true)

total=$(grep -cvE ': (BEGIN|COMMIT|ROLLBACK)$' <<<"$turn_log" || true)
transactions=$(grep -cE ': COMMIT$' <<<"$turn_log" || true)
printf '{"turn":"existing session","statements":%s,"transactions":%s}\n' "$total" "$transactions"
if [ "${VERBOSE:-0}" = 1 ]; then sed -E 's/^[0-9]+:LOG:  //' <<<"$turn_log" | cut -c1-160 >&2; fi
