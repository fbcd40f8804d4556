#!/usr/bin/env bash
# Search benchmark: for each corpus size, seed a deterministic corpus (kept in bench/out between runs), rebuild the
# search index (timed), measure the search call over the fixed mixed query set (search-bench), then the full HTTP
# request for the same queries (wrk on loopback, one connection, so latency is not queueing). Prints one table.
#
#   bench/search.sh [N ...]          default: 10000 100000
#   ROUNDS=5 DURATION=15 bench/search.sh 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
out=${BENCH_OUT:-bench/out}
rounds=${ROUNDS:-5}
duration=${DURATION:-15}
port=${PORT:-8189}
mkdir -p "$out"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
swift build -c release --product broadsheet >/dev/null
swift build -c release --product search-bench >/dev/null
bin=.build/release

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
for n in "${sizes[@]}"; do
  db="$out/search-$n.sqlite"
  if [ ! -f "$db" ]; then
    echo "== seeding $n stories"
    "$bin/broadsheet" seed-demo --articles "$n" --anchor 1795176000 --database "$db" | tail -1
  fi
  echo "== $n stories: $(( $(stat -c %s "$db") / 1048576 )) MiB database"
  "$bin/broadsheet" search-index --rebuild --check --database "$db"
  "$bin/search-bench" "$db" "$rounds" "$out/paths-$n.txt"

  # The page cache is off: the queries repeat, and this measures search, not the cache.
  "$bin/broadsheet" serve --database "$db" --port "$port" --demo false --jobs false --page-cache-mb 0 >"$out/serve-$n.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$port/search" && break; sleep 0.1; done
  # Warm up, then measure.
  PATHS="$out/paths-$n.txt" wrk -t1 -c1 -d3s -s bench/paths.lua "http://127.0.0.1:$port" >/dev/null
  echo "-- HTTP /search, 1 connection, ${duration}s:"
  PATHS="$out/paths-$n.txt" wrk -t1 -c1 -d"${duration}s" -s bench/paths.lua "http://127.0.0.1:$port" | tail -2
  echo "-- HTTP /search, 4 connections, ${duration}s:"
  PATHS="$out/paths-$n.txt" wrk -t2 -c4 -d"${duration}s" -s bench/paths.lua "http://127.0.0.1:$port" | grep -E "Requests/sec|^requests|^p50"
  kill $server; wait $server 2>/dev/null || true
  trap - EXIT
done
