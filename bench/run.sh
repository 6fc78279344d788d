#!/usr/bin/env bash
# Octavo's HTTP benchmarks: every figure as a ratio to a bare Vert.x server answering a body of the
# same size from memory, measured in the same run. Needs wrk (apt-get install wrk) and a
# PostgreSQL (PGHOST, default 127.0.0.1, trust auth as user postgres).
#
#   bench/run.sh                       # 100,000 posts, 15 s per run
#   POSTS=1000000 bench/run.sh         # the million-post figures
#
# Environment: POSTS, DURATION (wrk -d), CONNECTIONS (wrk -c), SKIP_BUILD=1, HEAP (standalone -Xmx),
# JAVA_OPTS (more JVM flags for standalone; with -XX:NativeMemoryTracking=summary the JVM's own
# memory summary is printed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_DIR="$PWD/bench" BENCH_TOKEN="bench-token"
POSTS=${POSTS:-100000}; DURATION=${DURATION:-15s}; CONNECTIONS=${CONNECTIONS:-64}; HEAP=${HEAP:-256m}
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}; DB=octavo_bench
OCTAVO_PORT=18180; CEILING_PORT=18190
WORK=$(mktemp -d)
cleanup() { kill "${OCTAVO_PID:-}" "${CEILING_PID:-}" "${SAMPLER_PID:-}" 2>/dev/null || true; }
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
[ "${SKIP_BUILD:-0}" = 1 ] || mvn -B -q package -DskipTests
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1 \
  || psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "CREATE DATABASE $DB"

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(date -u +%FT%TZ)"
PGHOST=$PGHOST PGPORT=$PGPORT PGUSER=$PGUSER PGDATABASE=$DB HTTP_PORT=$OCTAVO_PORT OCTAVO_ADMIN_TOKEN=$BENCH_TOKEN \
  OCTAVO_RATE_LIMIT_READS=0 java -Xmx"$HEAP" ${JAVA_OPTS:-} -jar standalone/target/octavo.jar > "$WORK/octavo.log" 2>&1 &
OCTAVO_PID=$!
for _ in $(seq 1 60); do curl -sf "localhost:$OCTAVO_PORT/ready" >/dev/null && break; sleep 1; done

have=$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" -tAc "SELECT count(*) FROM posts")
if [ "$have" -lt "$POSTS" ]; then
  echo "== seeding $((POSTS - have)) posts"
  java -cp bench/target/benchmarks.jar io.octavo.bench.SeedPosts "jdbc:postgresql://$PGHOST:$PGPORT/$DB" "$PGUSER" "" "$((POSTS - have))"
fi
echo "== $(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" -tAc "SELECT count(*) FROM posts") posts"

SLUG=seed-$((POSTS / 2))
curl -sf "localhost:$OCTAVO_PORT/api/posts/$SLUG" > "$WORK/post.json"
java -cp bench/target/benchmarks.jar io.octavo.bench.CeilingServer $CEILING_PORT "$WORK/post.json" > "$WORK/ceiling.log" 2>&1 &
CEILING_PID=$!
for _ in $(seq 1 30); do curl -sf "localhost:$CEILING_PORT/" >/dev/null && break; sleep 0.5; done

# the cursor 10,000 pages of 10 deep (100,000 posts in), computed the way the API encodes it
DEEP=$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" -tAc "SELECT (extract(epoch from sort_at) * 1000000)::bigint || ':' || id
  FROM posts WHERE deleted_at IS NULL ORDER BY sort_at DESC, id DESC OFFSET 99999 LIMIT 1" | tr -d '\n' | base64 -w0 | tr '+/' '-_' | tr -d '=')

( while kill -0 $OCTAVO_PID 2>/dev/null; do ps -o rss= -p $OCTAVO_PID; sleep 1; done > "$WORK/rss.txt" ) &
SAMPLER_PID=$!

run() { # name, url, [lua script], [connections]
  local script=${3:-$BENCH_DIR/wrk/report.lua}
  local connections=${4:-$CONNECTIONS}
  wrk -t2 -c"$connections" -d"$DURATION" -s "$script" "$2" 2>&1 | grep RESULT | sed "s/^RESULT/$1/" | tee -a "$WORK/results.txt"
}
echo "== warming up both servers (JIT) for 20 s"
wrk -t2 -c"$CONNECTIONS" -d10s "http://127.0.0.1:$CEILING_PORT/" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$OCTAVO_PORT/api/posts/$SLUG" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$OCTAVO_PORT/api/posts?limit=10" >/dev/null
echo "== wrk -t2 -c$CONNECTIONS -d$DURATION (body of the ceiling = one post, $(wc -c < "$WORK/post.json") bytes)"
run ceiling                   "http://127.0.0.1:$CEILING_PORT/"
run get_post                  "http://127.0.0.1:$OCTAVO_PORT/api/posts/$SLUG"
run list_10                   "http://127.0.0.1:$OCTAVO_PORT/api/posts?limit=10"
run list_10_db_page1          "http://127.0.0.1:$OCTAVO_PORT/api/posts?limit=10" "$BENCH_DIR/wrk/auth.lua"
run list_10_db_depth_10000    "http://127.0.0.1:$OCTAVO_PORT/api/posts?limit=10&cursor=$DEEP" "$BENCH_DIR/wrk/auth.lua"
# latency as one reader sees it (2 connections), not queueing behind 64 on 2 cores
run list_db_page1_c2          "http://127.0.0.1:$OCTAVO_PORT/api/posts?limit=10" "$BENCH_DIR/wrk/auth.lua" 2
run list_db_depth_10000_c2    "http://127.0.0.1:$OCTAVO_PORT/api/posts?limit=10&cursor=$DEEP" "$BENCH_DIR/wrk/auth.lua" 2
run search                    "http://127.0.0.1:$OCTAVO_PORT/api/search?q=quaternion%20monad" "$BENCH_DIR/wrk/auth.lua"
run search_c2                 "http://127.0.0.1:$OCTAVO_PORT/api/search?q=quaternion%20monad" "$BENCH_DIR/wrk/auth.lua" 2
run create_post               "http://127.0.0.1:$OCTAVO_PORT/api/posts" "$BENCH_DIR/wrk/create.lua"
run ceiling_again             "http://127.0.0.1:$CEILING_PORT/"

echo "== ratios to the ceiling (requests/s), and latencies"
awk '
  { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[$1, kv[1]] = kv[2] } names[++n] = $1 }
  END {
    c = (v["ceiling", "rps"] + v["ceiling_again", "rps"]) / 2
    printf "%-26s %10s %7s %8s %8s %7s\n", "run", "req/s", "ratio", "p50 ms", "p95 ms", "errors"
    for (i = 1; i <= n; i++) { k = names[i]
      printf "%-26s %10.0f %7.2f %8.2f %8.2f %7d\n", k, v[k, "rps"], v[k, "rps"] / c, v[k, "p50_ms"], v[k, "p95_ms"], v[k, "errors"] }
    printf "deep list / page 1, one reader: p50 %.2f, p95 %.2f\n", v["list_db_depth_10000_c2", "p50_ms"] / v["list_db_page1_c2", "p50_ms"], v["list_db_depth_10000_c2", "p95_ms"] / v["list_db_page1_c2", "p95_ms"]
  }' "$WORK/results.txt"
echo "== standalone RSS under load: max $(sort -n "$WORK/rss.txt" | tail -1 | awk '{printf "%.0f MiB", $1 / 1024}') (java -Xmx$HEAP ${JAVA_OPTS:-})"
case "${JAVA_OPTS:-}" in *NativeMemoryTracking*) jcmd $OCTAVO_PID VM.native_memory summary | grep -E "^(Total|-)" ;; esac
