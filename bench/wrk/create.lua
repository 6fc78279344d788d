-- POST /api/posts with a new title each time (the slug derives from it).
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
local counter = 0
local prefix = tostring(math.random(1, 1000000000))
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  local body = string.format('{"title":"Bench %s %d","markdown":"Some *text* with $x_%d$ and `code`.\\n\\n## Part\\n\\nMore."}',
      prefix, counter, counter)
  return wrk.format(nil, "/api/posts", nil, body)
end
