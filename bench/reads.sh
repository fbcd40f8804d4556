#!/usr/bin/env bash
# What a reader's page costs in the store alone (no HTTP, no rendering): the reads of a story page and a front page,
# and a bare round trip, one after another on the database bench/http.sh seeds (N stories, default 10000).
#
#   bench/reads.sh            N=10000 CALLS=3000
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
CALLS=${CALLS:-3000}
out=${BENCH_OUT:-bench/out}
mkdir -p "$out"
swift build -c release --product broadsheet >/dev/null
swift build -c release --product read-bench >/dev/null
db="$out/http-$N.sqlite"
if [ ! -f "$db" ]; then
  echo "== seeding $N stories"
  .build/release/broadsheet seed-demo --articles "$N" --anchor 1795176000 --database "$db" | tail -1
fi
.build/release/read-bench "$db" "$CALLS"
