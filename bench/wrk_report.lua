-- wrk calls done() once, after a run. It prints one JSON line for bench/wrk_load.py: the requests
-- completed, the run's length, the errors, and wrk's latency distribution in microseconds at every
-- whole percentile plus 99.9 and the maximum, so that several short runs of one page (the bench's
-- interleaved rounds) can be pooled into one p50/p95/p99.
function done(summary, latency, requests)
  local points = {}
  for p = 1, 99 do
    points[#points + 1] = string.format("[%d,%d]", p, latency:percentile(p))
  end
  points[#points + 1] = string.format("[99.9,%d]", latency:percentile(99.9))
  points[#points + 1] = string.format("[100,%d]", latency.max)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"microseconds":%d,"socket_errors":%d,"status_errors":%d,"latency_us":[%s]}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    table.concat(points, ",")))
end
