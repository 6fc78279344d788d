-- GETs with the admin token: admins bypass the gateway's cache, so this measures the database path.
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
