#!/usr/bin/env bash
# What HTTP caching saves: the same addresses fetched plainly, with a matching If-None-Match (304), and with
# Accept-Encoding: gzip, side by side in one run (wrk on loopback, one connection then four). Uses the demo site.
#
#   bench/caching.sh            DURATION=10 bench/caching.sh
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-10}
port=${PORT:-8191}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
swift build -c release --product broadsheet >/dev/null
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$work" && exec "$OLDPWD/.build/release/broadsheet" serve --port "$port" --cache-max-age 60 >serve.log 2>&1) &
server=$!
for _ in $(seq 1 200); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
article=$(curl -fs "http://127.0.0.1:$port/" | grep -o 'href="/20[0-9/]*[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
echo "machine: $(nproc) cores; ${duration}s per line; article $article"
printf '%-22s %-16s %10s %12s\n' path request req/s bytes/resp
for path in /rss.xml "$article" /; do
  tag=$(curl -fsI "http://127.0.0.1:$port$path" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
  plain=$(curl -fs "http://127.0.0.1:$port$path" | wc -c)
  gz=$(curl -fs -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port$path" | wc -c)
  for kind in plain 304 gzip; do
    case $kind in
      plain) headers=(); bytes=$plain ;;
      304) headers=(-H "If-None-Match: $tag"); bytes=0 ;;
      gzip) headers=(-H "Accept-Encoding: gzip"); bytes=$gz ;;
    esac
    wrk -t1 -c1 -d2s "${headers[@]}" "http://127.0.0.1:$port$path" >/dev/null
    rate=$(wrk -t2 -c4 -d"${duration}s" "${headers[@]}" "http://127.0.0.1:$port$path" | awk '/Requests\/sec/ {print $2}')
    printf '%-22s %-16s %10s %12s\n' "${path:0:22}" "$kind" "$rate" "$bytes"
  done
done
