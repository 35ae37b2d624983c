#!/usr/bin/env bash
# The service's added latency around a backend call: REPEATS runs of TURNS chat turns each against a fake
# OpenAI-compatible model answering after MODEL_DELAY_MS, each run on a fresh PostgreSQL and service.
# Prints one JSON line per run, then a summary line. Needs: ./mvnw package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/postgres.sh
source bench/lib/service.sh
TURNS=${TURNS:-300}
MODEL_DELAY_MS=${MODEL_DELAY_MS:-50}
REPEATS=${REPEATS:-3}
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "run ./mvnw package -DskipTests first" >&2; exit 1; }
trap 'service_stop; pg_stop' EXIT

results=()
for run in $(seq 1 "$REPEATS"); do
  pg_start 55433
  service_start 18081
  line=$(java bench/BackendOverhead.java http://127.0.0.1:18081 18091 "$TURNS" "$MODEL_DELAY_MS")
  echo "$line"
  results+=("$line")
  service_stop
  pg_stop
done
printf '%s\n' "${results[@]}" | java bench/Summary.java added_mean_ms server_mean_ms backend_mean_ms client_p99_ms
