-- wrk script for `make bench`: GET (or POST prepared bodies) and print one parseable line with the
-- latency percentiles wrk itself does not print (p95), in microseconds.
--   BENCH_COOKIE   a Cookie header (a staff session, or the session that owns the CSRF token)
--   BENCH_BODIES   a file of POST bodies, one a line; each thread takes its own (thread id, then
--                  every BENCH_THREADS-th), so no two requests send the same one-time token
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local cookie = os.getenv("BENCH_COOKIE")
  if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
  local file = os.getenv("BENCH_BODIES")
  bodies = nil
  if file and file ~= "" then
    bodies = {}
    for line in io.lines(file) do bodies[#bodies + 1] = line end
    step = tonumber(os.getenv("BENCH_THREADS") or "2")
    index = id
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  end
end

function request()
  if bodies then
    local body = bodies[(index % #bodies) + 1]
    index = index + step
    return wrk.format("POST", nil, nil, body)
  end
  return wrk.format()
end

function done(summary, latency, requests)
  io.write(string.format("BENCH %d %d %d %d %d %d\n", latency:percentile(50), latency:percentile(95),
    latency:percentile(99), summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
