# Starts the packaged service (target/quarkus-app) against the benchmark's PostgreSQL.
# Source this file, then: service_start HTTP_PORT [extra JVM options...]; service_stop.
# SERVICE_PID[HTTP_PORT] is the process of the service last started on that port; service_kill9 HTTP_PORT
# kills it the hard way (no shutdown hooks), as a crashed pod would die.
# SERVICE_POLL_SECONDS (default 0.5) is how often readiness is polled while it starts, for at most
# SERVICE_START_SECONDS (default 60).
SERVICE_PIDS=()
declare -A SERVICE_PID=()
# Benchmarks drive thousands of requests from one address: the website rate limits are raised through
# configuration (never removed from the code). Set BENCH_KEEP_RATE_LIMITS=1 to measure with the defaults.
BENCH_RATE_LIMITS=(-Dagent-sessions.websites.rate-limits.ip-requests-per-minute=100000000
  -Dagent-sessions.websites.rate-limits.session-requests-per-minute=100000000
  -Dagent-sessions.websites.rate-limits.new-sessions-per-ip-per-hour=100000000)

service_start() {
  local port=$1; shift
  local limits=("${BENCH_RATE_LIMITS[@]}")
  [ -z "${BENCH_KEEP_RATE_LIMITS:-}" ] || limits=()
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
  AGENT_SESSIONS_ADMIN_API_KEYS=bench-key \
    java -Dquarkus.http.port="$port" "${limits[@]}" "$@" -jar target/quarkus-app/quarkus-run.jar \
    > "${BENCH_LOG_DIR:-/tmp}/service-$port.log" 2>&1 &
  SERVICE_PIDS+=($!)
  SERVICE_PID[$port]=$!
  local deadline=$((SECONDS + ${SERVICE_START_SECONDS:-60}))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then return 0; fi
    sleep "${SERVICE_POLL_SECONDS:-0.5}"
  done
  echo "service on port $port did not become ready; see ${BENCH_LOG_DIR:-/tmp}/service-$port.log" >&2
  return 1
}

service_kill9() {
  local pid=${SERVICE_PID[$1]}
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
}

service_stop() {
  for pid in "${SERVICE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SERVICE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  SERVICE_PIDS=()
  SERVICE_PID=()
}
