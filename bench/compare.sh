#!/usr/bin/env bash
# Runs the sample app's load scenarios without and with the agent, alternating, and prints medians side by side.
#
#   bench/compare.sh [--runs 3] [--duration 30s] [--users "500 1000 2000"] [--latency 2ms] [--client jedis]
#                    [--spawn-rate 100] [--quick]
#
# Each run gets a fresh `serve` (fresh embedded redis-server) on loopback with the same --redis-latency; the load
# generator runs in its own JVM. "with" = -javaagent:agent/target/redis-pool-agent.jar -Dredis.pool.env=production.
# Results: bench/results/<timestamp>/u<USERS>-<without|with>-r<N>.json, the logs beside them, summary.txt.
# Build first:  mvn -q -pl agent,sample-app -am package -DskipTests
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_JAR="$ROOT/sample-app/target/sample-app.jar"
AGENT_JAR="${AGENT_JAR:-$ROOT/agent/target/redis-pool-agent.jar}"

RUNS=3
DURATION=30s
USERS="500 1000 2000"
LATENCY=2ms             # simulated Redis round trip (cloud region: 0.5-2 ms); see sample-app/README.md
CLIENT=jedis
SPAWN_RATE=100          # users started per second, as the source reports' Locust runs did (50-100/s)
SERVER_HEAP="${SERVER_HEAP:--Xmx1g}"
LOAD_HEAP="${LOAD_HEAP:--Xmx256m}"
PAUSE=3                 # seconds between runs (lets sockets in TIME_WAIT and the CPU settle)

usage() {
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
  echo "  --quick = 1 run of 10s per scenario and mode (a smoke check, not a measurement)"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --users) USERS="$2"; shift 2 ;;
    --latency) LATENCY="$2"; shift 2 ;;
    --client) CLIENT="$2"; shift 2 ;;
    --spawn-rate) SPAWN_RATE="$2"; shift 2 ;;
    --quick) RUNS=1; DURATION=10s; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "compare.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "compare.sh: --runs expects a positive number, got '$RUNS'" >&2; exit 2; }
[[ "$SPAWN_RATE" =~ ^[1-9][0-9]*$ ]] || { echo "compare.sh: --spawn-rate expects a positive number" >&2; exit 2; }
# A unit is required: a bare number is milliseconds to the sample app and the agent, never a run's length.
if [[ "$DURATION" =~ ^([0-9]+)s$ ]]; then
  DURATION_S="${BASH_REMATCH[1]}"
elif [[ "$DURATION" =~ ^([0-9]+)m$ ]]; then
  DURATION_S=$(( ${BASH_REMATCH[1]} * 60 ))
else
  echo "compare.sh: --duration expects whole seconds or minutes (30s, 2m), got '$DURATION'" >&2; exit 2
fi
for f in "$APP_JAR" "$AGENT_JAR"; do
  [ -f "$f" ] || { echo "compare.sh: $f is missing; build with: mvn -q -pl agent,sample-app -am package -DskipTests" >&2; exit 1; }
done

OUT="$ROOT/bench/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

SERVER_PID=""
LOAD_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true   # its shutdown hook stops the embedded redis-server
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
cleanup() {
  if [ -n "$LOAD_PID" ] && kill -0 "$LOAD_PID" 2>/dev/null; then
    kill -TERM "$LOAD_PID" 2>/dev/null || true
    wait "$LOAD_PID" 2>/dev/null || true
  fi
  stop_server
}
trap cleanup EXIT
trap 'echo; echo "compare.sh: interrupted; results so far in $OUT" >&2; exit 130' INT TERM

# Ramp: users / spawn rate, at most a third of the run so most of it is at full load.
ramp_for() {
  local users="$1" ramp=$(( $1 / SPAWN_RATE ))
  local cap=$(( DURATION_S / 3 ))
  [ "$ramp" -gt "$cap" ] && ramp="$cap"
  echo "${ramp}s"
}

start_server() {  # $1 = without|with, $2 = log file; sets SERVER_PID and URL
  local mode="$1" log="$2"
  local agent_opts=()
  [ "$mode" = with ] && agent_opts=("-javaagent:$AGENT_JAR" "-Dredis.pool.env=production")
  java $SERVER_HEAP ${agent_opts[@]+"${agent_opts[@]}"} -jar "$APP_JAR" serve --port 0 --bind 127.0.0.1 --client "$CLIENT" \
    --redis-latency "$LATENCY" >"$log" 2>&1 &
  SERVER_PID=$!
  URL=""
  for _ in $(seq 300); do
    URL="$(grep -o 'listening on http://127\.0\.0\.1:[0-9]*' "$log" 2>/dev/null | head -1 | sed 's/listening on //')" || true
    [ -n "$URL" ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.2
  done
  echo "compare.sh: the service did not start ($mode); its log ($log):" >&2
  cat "$log" >&2
  exit 1
}

echo "compare.sh: users [$USERS], $RUNS run(s) each without/with (alternating), ${DURATION_S}s per run,"
echo "            spawn ${SPAWN_RATE} users/s, redis latency $LATENCY, client $CLIENT, $(nproc 2>/dev/null || echo '?') cores"
echo "            results: $OUT"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "users: $USERS"; echo "runs: $RUNS"; echo "duration: ${DURATION_S}s"; echo "spawn-rate: $SPAWN_RATE"
  echo "redis-latency: $LATENCY"; echo "client: $CLIENT"; echo "cores: $(nproc 2>/dev/null || echo '?')"
  echo "java: $(java -version 2>&1 | head -1)"; echo "server heap: $SERVER_HEAP"; echo "load heap: $LOAD_HEAP"
  echo "git: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
} >"$OUT/settings.txt"

for users in $USERS; do
  ramp="$(ramp_for "$users")"
  for run in $(seq "$RUNS"); do
    for mode in without with; do
      name="u${users}-${mode}-r${run}"
      echo
      echo "== $users users, run $run/$RUNS, $mode agent (ramp $ramp)"
      start_server "$mode" "$OUT/$name.serve.log"
      grep -E '^(redis|pool|\[redis-pool-agent\].*(pool|maxTotal))' "$OUT/$name.serve.log" | head -4 | sed 's/^/   /' || true
      java $LOAD_HEAP -jar "$APP_JAR" load --target "$URL" --users "$users" --duration "${DURATION_S}s" \
        --ramp "$ramp" --progress 10s --json "$OUT/$name.json" >"$OUT/$name.load.log" 2>&1 &
      LOAD_PID=$!
      if ! wait "$LOAD_PID"; then
        LOAD_PID=""
        echo "compare.sh: the load generator failed; its log:" >&2
        cat "$OUT/$name.load.log" >&2
        exit 1
      fi
      LOAD_PID=""
      grep -E '^\s+(requests|failures|latency)' "$OUT/$name.load.log" | sed 's/^ */   /' || true
      stop_server
      sleep "$PAUSE"
    done
  done
done

echo
java -cp "$APP_JAR" "$ROOT/bench/Summary.java" "$OUT"
echo
echo "results: $OUT"
