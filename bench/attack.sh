#!/usr/bin/env bash
# Issue 14's memory attacks, the long version, against the packaged standalone at -Xmx256m:
# 200 anonymous connections trickle 1.9 MB bodies that never finish for 30 s, then 2,000 anonymous
# requests hit the largest page with unique query strings. /health must answer in < 1 s
# throughout, and 10 s later the blog must serve reads and writes normally. Prints the peak heap
# (from /metrics) and the peak RSS. Needs a PostgreSQL (PGHOST, default 127.0.0.1, trust auth).
#
#   bench/attack.sh                        # builds first; SKIP_BUILD=1 to reuse the jar
#   CONNECTIONS=120 TRICKLE_SECONDS=60 UNIQUE_URLS=5000 HEAP=256m bench/attack.sh
#   JAR=/path/to/older/octavo.jar SKIP_BUILD=1 bench/attack.sh   # the same attack on another build
set -euo pipefail
cd "$(dirname "$0")/.."
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}; DB=octavo_attack
PORT=${PORT:-18150}; HEAP=${HEAP:-256m}; TOKEN=attack-token; JAR=${JAR:-standalone/target/octavo.jar}
CONNECTIONS=${CONNECTIONS:-200}; TRICKLE_SECONDS=${TRICKLE_SECONDS:-30}; UNIQUE_URLS=${UNIQUE_URLS:-2000}
WORK=$(mktemp -d)
cleanup() { # a process the attack wedged may ignore SIGTERM
  [ -n "${OCTAVO_PID:-}" ] || return 0
  kill "$OCTAVO_PID" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$OCTAVO_PID" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$OCTAVO_PID" 2>/dev/null || true
}
trap cleanup EXIT

[ "${SKIP_BUILD:-0}" = 1 ] || mvn -B -q package -DskipTests
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

PGHOST=$PGHOST PGPORT=$PGPORT PGUSER=$PGUSER PGDATABASE=$DB HTTP_PORT=$PORT OCTAVO_ADMIN_TOKEN=$TOKEN \
  OCTAVO_RATE_LIMIT_READS=0 OCTAVO_ACCESS_LOG=false java -Xmx"$HEAP" ${JAVA_OPTS:-} -jar "$JAR" \
  > "$WORK/octavo.log" 2>&1 &
OCTAVO_PID=$!
for _ in $(seq 1 90); do curl -sf "localhost:$PORT/ready" >/dev/null && break; sleep 1; done
curl -sf "localhost:$PORT/ready" >/dev/null || { echo "octavo did not become ready"; tail -50 "$WORK/octavo.log"; exit 1; }

# the largest page: a post of ~900 KB of paragraphs (the issue's was 957 KB)
python3 - "$WORK/big.json" <<'PY'
import json, sys
words = "vertx postgres render markdown latency cache index cluster replica gateway".split()
paras = [" ".join(words[(i + j) % len(words)] for j in range(60)) + "." for i in range(2050)]
json.dump({"title": "The largest page", "slug": "largest", "markdown": "\n\n".join(paras)}, open(sys.argv[1], "w"))
PY
curl -sf -o /dev/null -X POST "localhost:$PORT/api/posts" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' --data-binary "@$WORK/big.json"
echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%FT%TZ)"
echo "== largest page: $(curl -sf "localhost:$PORT/posts/largest" | wc -c) bytes; RSS at rest $(ps -o rss= -p $OCTAVO_PID | awk '{printf "%.0f MiB", $1/1024}') (java -Xmx$HEAP ${JAVA_OPTS:-})"

status=0
java -Dconnections="$CONNECTIONS" -DtrickleSeconds="$TRICKLE_SECONDS" -DuniqueUrls="$UNIQUE_URLS" \
  -cp bench/target/benchmarks.jar io.octavo.bench.AttackDrill "http://127.0.0.1:$PORT" "$TOKEN" /posts/largest "$OCTAVO_PID" \
  || status=$?
echo "== errors in the log: $(grep -c -E '"level":"ERROR"| ERROR |OutOfMemoryError' "$WORK/octavo.log" || true)"
grep -E 'OutOfMemoryError' "$WORK/octavo.log" | head -3 || true
exit $status
