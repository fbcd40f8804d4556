#!/usr/bin/env bash
# Side-by-side HTTP benchmark: Broadsheet (release build, page cache on and off), the same article page as a static
# file from nginx, and stock WordPress with the same number of posts (../shared/peers/wordpress). Everything on
# loopback; the servers are measured one after another, alternating, ROUNDS times (each round in another order), at
# 16 and 64 connections, each after a warm-up and once every server is idle again; the table shows medians and the
# ratios Broadsheet/nginx and Broadsheet/WordPress, with each server's peak resident memory. Then start-up time and
# memory under load with MEMORY_N stories (default 100000). WordPress is stopped again at the end if this script
# started it.
#
#   sudo bench/http.sh                 N=10000 ROUNDS=3 DURATION=10 SLOW_DURATION=40 CONNECTIONS="16 64" FEED_ITEMS=10
#   SKIP_WORDPRESS=1 bench/http.sh     without the WordPress peer (no root needed)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
# WordPress's search takes seconds a request: in 10 s each connection finishes one or two, and wrk drops the requests
# still running at its deadline, which understates the rate by up to half. Its runs last longer.
SLOW_DURATION=${SLOW_DURATION:-40}
CONNECTIONS=${CONNECTIONS:-"16 64"}
MEMORY_N=${MEMORY_N:-100000}
out=${BENCH_OUT:-bench/out}
cached_port=8190 uncached_port=8191 nginx_port=8192 default_feed_port=8189
# Feeds as long as WordPress's: its /feed/ carries its 10 newest posts, whole (Settings > Reading, "Syndication feeds
# show the most recent 10 items"); Broadsheet's carry 20 by default. The feed rows compare like with like; one more
# row measures Broadsheet's own default, uncached, on a third server.
FEED_ITEMS=${FEED_ITEMS:-10}
mkdir -p "$out"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
command -v nginx >/dev/null || { echo "nginx is needed: apt-get install -y nginx-light" >&2; exit 1; }
swift build -c release --product broadsheet >/dev/null
bin=.build/release/broadsheet
pids=()
wordpress=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$out/nginx/nginx.pid" ] && kill "$(cat "$out/nginx/nginx.pid")" 2>/dev/null || true
  [ -n "$wordpress" ] && bash ../shared/peers/wordpress/down.sh >/dev/null 2>&1 || true
}
trap cleanup EXIT

# Refuses to start when something already answers on a port this script needs (a leftover server would be measured).
for port in $cached_port $uncached_port $nginx_port $default_feed_port 8193; do
  if curl -s -m 1 -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is in use: stop what listens there first" >&2; exit 1; fi
done
wait_for() { for _ in $(seq 1 300); do curl -fs -m 2 -o /dev/null "$1" && return 0; sleep 0.1; done; echo "no answer from $1" >&2; return 1; }
peak_kib() { local total=0; for pid in "$@"; do v=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0); total=$((total + ${v:-0})); done; echo "$total"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r); N=$N, rounds=$ROUNDS, ${DURATION}s each"

# --- Broadsheet: N stories, one server with the page cache, one without.
db="$out/http-$N.sqlite"
if [ ! -f "$db" ]; then
  echo "== seeding $N stories"
  "$bin" seed-demo --articles "$N" --anchor 1795176000 --database "$db" | tail -1
fi
# One public address for the three, as app servers behind one load balancer have: pieces of pages kept in the database
# (cards, feed entries) carry absolute links, so servers with different addresses would not share them.
site="http://127.0.0.1:$cached_port"
"$bin" serve --database "$db" --port $cached_port --base-url "$site" --demo false --jobs false --feed-items "$FEED_ITEMS" >"$out/http-cached.log" 2>&1 & pids+=($!); cached_pid=$!
"$bin" serve --database "$db" --port $uncached_port --base-url "$site" --demo false --jobs false --feed-items "$FEED_ITEMS" --page-cache-mb 0 >"$out/http-uncached.log" 2>&1 & pids+=($!); uncached_pid=$!
"$bin" serve --database "$db" --port $default_feed_port --base-url "$site" --demo false --jobs false --page-cache-mb 0 >"$out/http-default-feed.log" 2>&1 & pids+=($!)
wait_for "http://127.0.0.1:$cached_port/" && wait_for "http://127.0.0.1:$uncached_port/" && wait_for "http://127.0.0.1:$default_feed_port/"
article=$(curl -fs "http://127.0.0.1:$cached_port/" | grep -o 'href="/20[0-9][0-9]/[0-9][0-9]/[0-9][0-9]/[^"]*"' | sed -n '1{s/href="//; s/"$//; p}')
# The same search as WordPress's (its peer's WP_SEARCH): one word, found in most stories of both corpora.
search_word=${WP_SEARCH:-eastmere}
search="/search?q=$search_word"

# --- nginx serving the same article page as a static file, compression off.
mkdir -p "$out/nginx/html"
curl -fs "http://127.0.0.1:$cached_port$article" >"$out/nginx/html/article.html"
cat >"$out/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $PWD/$out/nginx/nginx.pid;
error_log $PWD/$out/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  gzip off;
  sendfile on;
  types { text/html html; }
  server { listen 127.0.0.1:$nginx_port; root $PWD/$out/nginx/html; }
}
CONF
nginx -c "$PWD/$out/nginx/nginx.conf" -p "$PWD/$out/nginx"
wait_for "http://127.0.0.1:$nginx_port/article.html"
nginx_pids() { pgrep -f "nginx.*$out/nginx/nginx.conf" || true; pgrep -P "$(cat "$out/nginx/nginx.pid")" || true; }

# --- WordPress with N posts.
if [ -z "${SKIP_WORDPRESS:-}" ]; then
  WP_SEARCH=$search_word WP_POSTS=$N bash ../shared/peers/wordpress/up.sh >"$out/wp-up.log" 2>&1 || { echo "WordPress did not start; see $out/wp-up.log" >&2; exit 1; }
  wordpress=1
  # An earlier run with more posts leaves them there (up.sh only adds): this run needs exactly N.
  # The peer says "posts: generated 90 (now 10000) in 2.1s" when it adds posts, "posts: 10000 generated already" when not.
  posts=$(sed -n -e 's/^posts: generated [0-9]* (now \([0-9]*\)).*/\1/p' -e 's/^posts: \([0-9]*\) generated already.*/\1/p' "$out/wp-up.log" | tail -1)
  [ "$posts" = "$N" ] || { echo "WordPress has ${posts:-an unknown number of} posts, not $N (WP_PEER_DATA holds an earlier run's)" >&2; exit 1; }
  # The peer's addresses, read rather than sourced, and only on loopback.
  for key in FRONT_URL ARTICLE_URL FEED_URL SEARCH_URL; do
    value=$(sed -n "s/^\(export \)\{0,1\}$key=['\"]\{0,1\}\([^'\"]*\)['\"]\{0,1\}\$/\2/p" /tmp/wp-peer/urls.env | tail -1)
    case "$value" in http://127.0.0.1:*) printf -v "$key" '%s' "$value" ;; *) echo "WordPress's $key is not a loopback address: '$value'" >&2; exit 1 ;; esac
  done
fi
# The peer's own processes: its pid files (MariaDB, PHP-FPM, nginx) and their children.
wp_pids() { for file in /tmp/wp-peer/*.pid; do [ -f "$file" ] || continue; pid=$(cat "$file"); echo "$pid"; pgrep -P "$pid" || true; done; }

# Waits (up to 60 s) until the servers together use under 5% of a core over one second; says so if they do not.
settle() {
  local all before after
  all=$(pgrep -f "php-fpm|mariadbd|mysqld|broadsheet serve|nginx" | tr '\n' ' ')
  busy() { local total=0; for pid in $all; do t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0); total=$((total + t)); done; echo "$total"; }
  for _ in $(seq 1 60); do
    before=$(busy); sleep 1; after=$(busy)
    [ $((after - before)) -lt 5 ] && return 0
  done
  echo "  (the servers were still busy after 60 s)" >&2
}

items() { curl -fs "$1" | grep -c "<item>" || true; }
# The third server's feed is as long as Broadsheet's default makes it: the row says how long, as served.
default_items=$(items "http://127.0.0.1:$default_feed_port/rss.xml")
# name|url|server (for memory)|seconds
targets=(
  "broadsheet article, cached|http://127.0.0.1:$cached_port$article|cached"
  "broadsheet article, uncached|http://127.0.0.1:$uncached_port$article|uncached"
  "broadsheet front, cached|http://127.0.0.1:$cached_port/|cached"
  "broadsheet front, uncached|http://127.0.0.1:$uncached_port/|uncached"
  "broadsheet rss, cached|http://127.0.0.1:$cached_port/rss.xml|cached"
  "broadsheet rss, uncached|http://127.0.0.1:$uncached_port/rss.xml|uncached"
  "broadsheet rss $default_items items (default), uncached|http://127.0.0.1:$default_feed_port/rss.xml|default-feed"
  "broadsheet search, cached|http://127.0.0.1:$cached_port$search|cached"
  "broadsheet search, uncached|http://127.0.0.1:$uncached_port$search|uncached"
  "nginx static article|http://127.0.0.1:$nginx_port/article.html|nginx"
)
if [ -n "$wordpress" ]; then
  targets+=(
    "wordpress article|$ARTICLE_URL|wordpress"
    "wordpress front|$FRONT_URL|wordpress"
    "wordpress rss|$FEED_URL|wordpress"
    "wordpress search|$SEARCH_URL|wordpress|$SLOW_DURATION"
  )
fi
echo "article: $article ($(wc -c <"$out/nginx/html/article.html") bytes)"
echo "rss: $(items "http://127.0.0.1:$uncached_port/rss.xml") items, $(curl -fs "http://127.0.0.1:$uncached_port/rss.xml" | wc -c) bytes; default: $default_items items, $(curl -fs "http://127.0.0.1:$default_feed_port/rss.xml" | wc -c) bytes"
[ -n "$wordpress" ] && echo "wordpress rss: $(items "$FEED_URL") items, $(curl -fs "$FEED_URL" | wc -c) bytes"
# Every address answers 200 before anything is measured (wrk counts a redirect as a success).
for target in "${targets[@]}"; do
  IFS='|' read -r name url _ _ <<<"$target"
  answer=$(curl -s -m 30 -o /dev/null -w '%{http_code} %{size_download}' "$url" || echo "none")
  [ "${answer%% *}" = 200 ] || { echo "$name: $url answers $answer, not 200" >&2; exit 1; }
  echo "  $name: 200, ${answer#* } bytes"
done
results="$out/http-results.txt"
: >"$results"
settle
count=${#targets[@]}
for round in $(seq 1 "$ROUNDS"); do
  for connections in $CONNECTIONS; do
    # Each round starts at another place in the list, so that no server always follows the same one.
    for index in $(seq 0 $((count - 1))); do
      target=${targets[$(( (index + (round - 1) * count / ROUNDS) % count ))]}
      IFS='|' read -r name url _ seconds <<<"$target"
      # Warm-up; then, once every server is idle again, the measured run. wrk stops at its deadline, but PHP-FPM goes
      # on working through the requests already queued (seconds each for a search): without the wait, those fell on
      # the measured run (WordPress's own, after its warm-up) or on the next server's.
      wrk -t2 -c"$connections" -d2s --timeout 10s "$url" >/dev/null 2>&1 || true
      settle
      line=$(wrk -t2 -c"$connections" -d"${seconds:-$DURATION}s" --timeout 10s -s bench/latency.lua "$url" | grep RESULT || echo "RESULT rps=0 p50=0 p99=0 non2xx=0 errors=1 requests=0")
      echo "$round|$connections|$name|$line" >>"$results"
      settle
      echo "  round $round, $connections conn, $name: ${line#RESULT }"
    done
  done
done

memory_cached=$(peak_kib "$cached_pid"); memory_uncached=$(peak_kib "$uncached_pid")
memory_nginx=$(peak_kib $(nginx_pids | sort -u)); memory_wp=0
[ -n "$wordpress" ] && memory_wp=$(peak_kib $(wp_pids | sort -u))

python3 bench/http-table.py "$results" "$memory_cached" "$memory_uncached" "$memory_nginx" "$memory_wp"

# --- Start-up and memory with MEMORY_N stories (a separate database, seeded once).
big="$out/http-$MEMORY_N.sqlite"
# The search benchmark's corpus of the same size is the same deterministic seed: reuse it.
[ ! -f "$big" ] && [ -f "$out/search-$MEMORY_N.sqlite" ] && big="$out/search-$MEMORY_N.sqlite"
if [ "$MEMORY_N" -gt 0 ]; then
  if [ ! -f "$big" ]; then
    echo "== seeding $MEMORY_N stories"
    "$bin" seed-demo --articles "$MEMORY_N" --anchor 1795176000 --database "$big" | tail -1
  fi
  # Twice: the first start may have story cards to render (a new database, or a new card format), which reads every
  # story in the background while the load runs; the second finds them kept, as a server restarted in production does.
  # Each start is timed from the command to the first page served, migrations (if any) and all.
  for run in "first start" "restart"; do
    start=$(date +%s.%N)
    "$bin" serve --database "$big" --port 8193 --demo false --jobs false >"$out/http-big.log" 2>&1 & pids+=($!); big_pid=$!
    served=""
    for _ in $(seq 1 3000); do curl -fs -m 2 -o /dev/null "http://127.0.0.1:8193/" && { served=1; break; }; sleep 0.01; done
    ready=$(date +%s.%N)
    { [ -n "$served" ] && kill -0 "$big_pid" 2>/dev/null; } || { echo "$run: the server with $MEMORY_N stories did not serve its front page; see $out/http-big.log" >&2; exit 1; }
    # The load: thousands of distinct addresses (stories from the sitemaps, list pages, sections, topics, searches
    # for words of the headlines, feeds), enough to fill the page cache (64 MB by default), then the pages above.
    paths="$out/paths-big.txt"
    for sitemap in $(curl -fs -m 10 "http://127.0.0.1:8193/sitemap.xml" | grep -o '<loc>[^<]*</loc>' | sed 's#<loc>https\{0,1\}://[^/]*##; s#</loc>##'); do
      curl -fs -m 30 "http://127.0.0.1:8193$sitemap" | grep -o '<loc>[^<]*</loc>' | sed 's#<loc>https\{0,1\}://[^/]*##; s#</loc>##' || true
    done >"$paths.all"
    {
      grep '^/20' "$paths.all" | sed -n '1,3000p' || true
      grep -v '^/20' "$paths.all" || true
      grep -E '^/(section|tag|author)/' "$paths.all" | sed 's#$#/rss.xml#' || true
      for page in $(seq 1 300); do echo "/?page=$page"; done
      grep '^/20' "$paths.all" | sed -n '1,3000p' | sed 's#.*/##' | tr -- '-' '\n' | grep -E '^[a-z]{4,}$' | sort -u | sed -n '1,400p' | sed 's#^#/search?q=#' || true
    } >"$paths.tmp"
    shuf --random-source=<(yes) "$paths.tmp" >"$paths"; rm -f "$paths.tmp" "$paths.all"
    echo "$run: $(wc -l <"$paths") distinct addresses"
    PATHS="$paths" wrk -t2 -c64 -d20s --timeout 10s -s bench/paths.lua "http://127.0.0.1:8193" | sed -n 's/^/  /; /requests/p'
    big_article=$(curl -fs "http://127.0.0.1:8193/" | grep -o 'href="/20[0-9][0-9]/[0-9][0-9]/[0-9][0-9]/[^"]*"' | sed -n '1{s/href="//; s/"$//; p}')
    for url in "/" "$big_article" "/rss.xml" "$search" "/?page=50"; do
      wrk -t2 -c64 -d5s --timeout 10s "http://127.0.0.1:8193$url" >/dev/null 2>&1 || true
    done
    awk -v a="$ready" -v b="$start" -v n="$MEMORY_N" -v run="$run" 'BEGIN { printf "%s: start-up to the first served page with %d stories: %.2f s\n", run, n, a - b }'
    peak=$(peak_kib "$big_pid")
    echo "$run: peak resident memory with $MEMORY_N stories under load (the addresses above for 20 s, then front, story, feed, search and page 50 at 64 connections): $(awk -v k="$peak" 'BEGIN { printf "%.1f MiB = %.1f MB", k / 1024, k * 1024 / 1e6 }') (target 150 MB)"
    kill "$big_pid"; wait "$big_pid" 2>/dev/null || true
  done
fi
