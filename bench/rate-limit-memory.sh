#!/usr/bin/env bash
# Heap of the service while ever more distinct callers (addresses and session ids) hit the public API:
# the rate limiter forgets beyond max-tracked-keys, so the heap must level off instead of growing with
# the callers. Three rounds of ROUND new callers each after a baseline; heap measured after a full GC.
# Prints one JSON line. Needs: ./mvnw package -DskipTests. The machine may be shared: rates are noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/postgres.sh
source bench/lib/service.sh
trap 'service_stop; pg_stop' EXIT

MAX_KEYS=${MAX_KEYS:-20000}
ROUND=${ROUND:-40000}
HTTP_PORT=${HTTP_PORT:-18161}
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "run ./mvnw package -DskipTests first" >&2; exit 1; }
[ "$ROUND" -le 40000 ] || { echo "ROUND above 40000 runs out of distinct benchmark addresses" >&2; exit 1; }

pg_start "${PG_PORT_BENCH:-55461}"
service_start "$HTTP_PORT" -Xmx512m \
  -Dquarkus.http.proxy.proxy-address-forwarding=true -Dquarkus.http.proxy.allow-x-forwarded=true \
  -Dagent-sessions.websites.rate-limits.max-tracked-keys="$MAX_KEYS" \
  -Dagent-sessions.websites.rate-limits.ip-requests-per-minute=1000000 \
  -Dagent-sessions.websites.rate-limits.session-requests-per-minute=1000000
pid=${SERVICE_PIDS[0]}

heap_mb() {
  jcmd "$pid" GC.run >/dev/null
  sleep 1
  curl -fs "http://127.0.0.1:$HTTP_PORT/q/metrics" \
    | awk '/^jvm_memory_used_bytes\{area="heap"/ { sum += $NF } END { printf "%.1f", sum / 1048576 }'
}

# Warm-up with the callers of the baseline: 1,000 addresses, well under the cap.
python3 bench/lib/distinct-callers.py "$HTTP_PORT" demo 0 1000 >/dev/null
baseline=$(heap_mb)
heaps=() rates=()
for round in 1 2 3; do
  rates+=("$(python3 bench/lib/distinct-callers.py "$HTTP_PORT" demo $((1000 + (round - 1) * ROUND)) "$ROUND")")
  heaps+=("$(heap_mb)")
done

python3 - "$MAX_KEYS" "$ROUND" "$baseline" "${heaps[*]}" "${rates[*]}" <<'PY'
import json, statistics, sys
max_keys, per_round, baseline = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
heaps = [float(h) for h in sys.argv[4].split()]
rates = [float(r) for r in sys.argv[5].split()]
tracked = 2 * min(max_keys, per_round + 1000)  # an address key and a session key per caller
print(json.dumps({
    "bench": "rate-limit-memory", "max_tracked_keys": max_keys, "new_callers_per_round": per_round,
    "heap_mb_baseline": baseline, "heap_mb_after_round": heaps,
    "heap_mb_after_rounds": {"min": min(heaps), "median": statistics.median(heaps), "max": max(heaps)},
    "growth_mb_round1_to_round3": round(heaps[-1] - heaps[0], 1),
    "approx_bytes_per_tracked_key": round((heaps[0] - baseline) * 1048576 / (tracked - 2000)),
    "requests_per_s": {"min": min(rates), "median": statistics.median(rates), "max": max(rates)},
    "note": "heap after a full GC; the machine is shared with other builds, so rates are noisy"}))
PY
