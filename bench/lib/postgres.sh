# Throw-away PostgreSQL clusters for the benchmarks, from the machine's PostgreSQL 15 binaries.
# Source this file, then: pg_start PORT [extra postgres -c settings...]; pg_stop.
# pg_halt [fast|immediate] stops the server but keeps its data; pg_resume starts it again on the same
# data directory, port and settings (the chaos run restarts PostgreSQL under load with these).
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_USER=${PG_USER:-postgres}

pg_start() {
  local port=$1; shift
  PG_DIR=$(mktemp -d /tmp/agent-sessions-pg.XXXXXX)
  PG_PORT=$port
  chown "$PG_USER" "$PG_DIR"
  runuser -u "$PG_USER" -- "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
  local options="-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
  for setting in "$@"; do options="$options -c $setting"; done
  runuser -u "$PG_USER" -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -o "$options" -w start >/dev/null
  PG_OPTIONS=$options
  export PG_DIR PG_PORT PG_OPTIONS
}

pg_halt() {
  runuser -u "$PG_USER" -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m "${1:-fast}" -w stop >/dev/null
}

pg_resume() {
  runuser -u "$PG_USER" -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -o "$PG_OPTIONS" -w start >/dev/null
}

pg_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    runuser -u "$PG_USER" -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null || true
    rm -rf "$PG_DIR"
  fi
}

pg_psql() {
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}
