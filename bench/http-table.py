"""Summarizes bench/http.sh's raw results: the median over rounds of each page at each connection count, with the
ratios Broadsheet / nginx-static and Broadsheet / WordPress. A run in which no request completed (every request
timed out, as WordPress's search does at 64 connections) or one that got error statuses is left out of the medians
and counted in "failed runs". "errors" adds up socket errors and time-outs over the rounds (a response slower than
wrk's --timeout is counted as completed but left out of the latencies, so its run's p99 is understated); "worst p99"
is the highest p99 of the rounds.

    python3 bench/http-table.py RESULTS MEMORY_CACHED_KIB MEMORY_UNCACHED_KIB MEMORY_NGINX_KIB MEMORY_WORDPRESS_KIB
"""
import re
import statistics
import sys

rows = {}
for line in open(sys.argv[1]):
    round_number, connections, name, result = line.rstrip("\n").split("|", 3)
    values = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", result)}
    values["round"] = int(round_number)
    rows.setdefault((int(connections), name), []).append(values)

def per_round_ratio(c, name, other):
    """The median over rounds of this page's req/s divided by the other's in the same round: the machine drifts
    between rounds, so a ratio within one round is steadier than a ratio of medians."""
    theirs = {r["round"]: r["rps"] for r in completed(c, other)}
    ratios = [r["rps"] / theirs[r["round"]] for r in completed(c, name) if r["round"] in theirs]
    return statistics.median(ratios) if ratios else None

def completed(c, name):
    return [r for r in rows.get((c, name), []) if r["rps"] > 0 and r.get("non2xx", 0) == 0]

def median(c, name, key):
    runs = completed(c, name)
    return statistics.median(r[key] for r in runs) if runs else None

peers = {"article": "wordpress article", "front": "wordpress front", "rss": "wordpress rss", "search": "wordpress search"}
print("| connections | page | req/s | p50 ms | p99 ms | worst p99 ms | failed runs | errors | × nginx static | × nginx, per round | × WordPress | × WordPress, per round |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for c in sorted({c for c, _ in rows}):
    nginx = median(c, "nginx static article", "rps")
    for (cc, name) in [k for k in rows if k[0] == c]:
        failed = len(rows[(c, name)]) - len(completed(c, name))
        errors = int(sum(r.get("errors", 0) for r in rows[(c, name)]))
        rps = median(c, name, "rps")
        if rps is None:
            print(f"| {c} | {name} | none completed | | | | {failed} | {errors} | | | | |")
            continue
        worst = max(r["p99"] for r in completed(c, name))
        kind = name.split()[1].rstrip(",")
        peer = median(c, peers.get(kind, ""), "rps") if name.startswith("broadsheet") else None
        ratio_nginx = f"{rps / nginx:.2f}" if nginx and name.startswith("broadsheet") else ""
        if name.startswith("broadsheet") and peer is None and peers.get(kind) in [n for _, n in rows]:
            ratio_peer = "WordPress: none completed"
        else:
            ratio_peer = f"{rps / peer:.0f}" if peer else ""
        round_nginx = per_round_ratio(c, name, "nginx static article") if name.startswith("broadsheet") else None
        round_peer = per_round_ratio(c, name, peers.get(kind, "")) if name.startswith("broadsheet") else None
        round_nginx = f"{round_nginx:.2f}" if round_nginx else ""
        round_peer = f"{round_peer:.0f}" if round_peer else ""
        print(f"| {c} | {name} | {rps:,.0f} | {median(c, name, 'p50'):.2f} | {median(c, name, 'p99'):.2f} | {worst:.2f} | {failed} | {errors} | {ratio_nginx} | {round_nginx} | {ratio_peer} | {round_peer} |")
names = ["cached", "uncached", "nginx", "wordpress"]
memory = dict(zip(names, (int(v) for v in sys.argv[2:6])))
print()
# Each server's processes' peaks added up (nginx's and WordPress's workers share pages, so theirs are overstated); a
# server not run (no WordPress) or whose processes were gone shows as not measured.
print("peak resident memory: " + ", ".join(f"{k} {v / 1024:.0f} MiB" if v else f"{k} not measured" for k, v in memory.items()))
