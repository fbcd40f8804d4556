#!/usr/bin/env bash
# Seeds deterministic benchmark corpora with the release build and prints time, rate and database size.
# Usage: bench/seed.sh [N ...]   (default: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
out=${BENCH_OUT:-bench/out}
mkdir -p "$out"
swift build -c release --product broadsheet >/dev/null
bin=.build/release/broadsheet
printf '%-10s %10s %12s %12s %10s\n' stories seconds stories/s "db MiB" "peak RSS"
for n in "${sizes[@]}"; do
  db="$out/seed-$n.sqlite"
  rm -f "$db" "$db-wal" "$db-shm"
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$out/seed-$n.rss" "$bin" seed-demo --articles "$n" --anchor 1795176000 --database "$db" >/dev/null
  end=$(date +%s.%N)
  seconds=$(echo "$end - $start" | bc)
  size=$(( $(stat -c %s "$db") / 1048576 ))
  printf '%-10s %10.1f %12.0f %12s %8s MB\n' "$n" "$seconds" "$(echo "$n / $seconds" | bc -l)" "$size" "$(( $(cat "$out/seed-$n.rss") / 1024 ))"
done
