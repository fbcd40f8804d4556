#!/usr/bin/env bash
# Two builds of Broadsheet side by side on one uncached page: each round starts one build, then the other, on the
# database bench/http.sh seeds, and prints requests/s, p50/p99 and the server's CPU time per request (from
# /proc/<pid>/stat), so a change can be judged against the machine's drift. Loopback only; every run is bounded.
#
#   cp -r .build/release/broadsheet .build/release/*.resources /tmp/before/    # before the change
#   (change, swift build -c release --product broadsheet)
#   bench/ab.sh /tmp/before .build/release / ROUNDS=4 SECONDS_EACH=5 CONNECTIONS=16
#   PAGE_CACHE_MB=64 bench/ab.sh /tmp/before .build/release /    # the cached page instead
#   BEFORE_ARGS="--search-ranking-window 500" AFTER_ARGS="--search-ranking-window 100" \
#     bench/ab.sh .build/release .build/release '/search?q=eastmere'   # one build, two settings
#
# Arguments: the two folders holding a `broadsheet` executable and its resource bundles, then the page's path (an
# absolute path on the site: /, /rss.xml, a story's address...). The database is bench/out/http-$N.sqlite (N=10000).
# Two builds that keep cards in different formats would drop and refill each other's cards at every start: give
# each its own copy then, `BEFORE_DATABASE=... AFTER_DATABASE=...` (each started once beforehand to fill its cards).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 3 ] || { echo "usage: bench/ab.sh BEFORE_DIR AFTER_DIR PATH" >&2; exit 2; }
before=$1 after=$2 path=$3
N=${N:-10000}
ROUNDS=${ROUNDS:-4}
SECONDS_EACH=${SECONDS_EACH:-5}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-8301}
# The page cache is off unless PAGE_CACHE_MB says otherwise (then the cached page is what is measured).
PAGE_CACHE_MB=${PAGE_CACHE_MB:-0}
# Feeds carry 10 items, as on http.sh's compared servers; FEED_ITEMS=20 measures Broadsheet's default.
FEED_ITEMS=${FEED_ITEMS:-10}
db=${BENCH_OUT:-bench/out}/http-$N.sqlite
[ -f "$db" ] || { echo "no $db: run bench/http.sh or 'broadsheet seed-demo --articles $N --anchor 1795176000 --database $db' first" >&2; exit 1; }
before_db=${BEFORE_DATABASE:-$db}
after_db=${AFTER_DATABASE:-$db}
# More `serve` flags for each side (words split on spaces), to compare settings rather than builds.
read -r -a before_args <<<"${BEFORE_ARGS:-}"
read -r -a after_args <<<"${AFTER_ARGS:-}"
[ -f "$before_db" ] && [ -f "$after_db" ] || { echo "no database at $before_db or $after_db" >&2; exit 1; }
for dir in "$before" "$after"; do [ -x "$dir/broadsheet" ] || { echo "no executable at $dir/broadsheet" >&2; exit 1; }; done
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
if curl -s -m 1 -o /dev/null "http://127.0.0.1:$PORT/"; then echo "port $PORT is in use" >&2; exit 1; fi
ticks_per_second=$(getconf CLK_TCK)

# One measurement: start the build, warm up for 2 s, measure, stop it. Prints "rps p50 p99 cpu_us".
measure() {
  local dir=$1 database=$2 pid line t0 t1
  shift 2
  # bench/http.sh's public address: kept pieces carry it in their format, so another would re-render them all.
  "$dir/broadsheet" serve --database "$database" --port "$PORT" --base-url http://127.0.0.1:8190 --demo false --jobs false --feed-items "$FEED_ITEMS" \
    --page-cache-mb "$PAGE_CACHE_MB" "$@" >/dev/null 2>&1 &
  pid=$!
  # measure runs in a subshell ($(...)): its own trap stops the server if the script is interrupted.
  trap "kill $pid 2>/dev/null || true" EXIT
  for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done
  wrk -t2 -c"$CONNECTIONS" -d2s "http://127.0.0.1:$PORT$path" >/dev/null 2>&1 || true
  t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  line=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --timeout 10s -s bench/latency.lua "http://127.0.0.1:$PORT$path" | grep RESULT || echo "RESULT rps=0 p50=0 p99=0")
  t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  awk -v line="$line" -v t0="$t0" -v t1="$t1" -v hz="$ticks_per_second" -v s="$SECONDS_EACH" 'BEGIN {
    split(line, f, /[ =]/); rps = f[3]; p50 = f[5]; p99 = f[7]
    printf "%10.1f %8.2f %8.2f %8.0f\n", rps, p50, p99, (rps > 0 ? (t1 - t0) / hz * 1e6 / (rps * s) : 0)
  }'
}

printf '%-6s %-7s %10s %8s %8s %8s\n' round build "req/s" "p50 ms" "p99 ms" "cpu us"
for round in $(seq 1 "$ROUNDS"); do
  # Alternate which build goes first, so neither always follows the other.
  if [ $((round % 2)) -eq 1 ]; then order=(before after); else order=(after before); fi
  for build in "${order[@]}"; do
    if [ "$build" = before ]; then
      line=$(measure "$before" "$before_db" ${before_args[@]+"${before_args[@]}"})
    else
      line=$(measure "$after" "$after_db" ${after_args[@]+"${after_args[@]}"})
    fi
    printf '%-6s %-7s %s\n' "$round" "$build" "$line"
  done
done
