-- wrk script: requests the paths listed in the file named by the PATHS environment variable, in turn, and prints
-- latency percentiles (milliseconds) at the end. Used by bench/search.sh.
local paths = {}
local index = 0

function init(args)
  for line in io.lines(os.getenv("PATHS")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  -- Each thread starts at a different place in the list.
  index = math.random(#paths) - 1
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

function done(summary, latency, requests)
  local statuses = summary.errors.status
  io.write(string.format("requests %d, non-2xx %d, errors %d\n", summary.requests, statuses,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
