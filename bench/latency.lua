-- wrk script: prints one machine-readable line at the end: requests/s, p50 and p99 latency (ms), responses with a
-- status of 400 or more, socket errors and time-outs (a response slower than --timeout counts as completed but is left
-- out of the latencies), and the requests completed. Used by bench/http.sh and bench/ab.sh.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT rps=%.1f p50=%.2f p99=%.2f non2xx=%d errors=%d requests=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.requests))
end
