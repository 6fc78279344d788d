#!/usr/bin/env bash
# Media benchmarks, in one run:
#  1. GET /media/{sha256}/{name} of a 200 KB PNG, as a ratio to a bare Vert.x server answering the
#     same bytes from memory (CeilingServer), both under wrk with the same connections;
#  2. a 20 MiB upload to the standalone at -Xmx256m: it must succeed, and the heap's peak is reported.
# Needs wrk, python3 and a PostgreSQL (PGHOST, default 127.0.0.1, trust auth as user postgres).
#
#   bench/media.sh            # SKIP_BUILD=1 to reuse the jars; DURATION, CONNECTIONS, HEAP, PORT_BASE
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15s}; CONNECTIONS=${CONNECTIONS:-64}; HEAP=${HEAP:-256m}; PORT_BASE=${PORT_BASE:-18180}
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}; DB=octavo_bench_media
OCTAVO_PORT=$PORT_BASE; CEILING_PORT=$((PORT_BASE + 10)); TOKEN=bench-token
WORK=$(mktemp -d)
cleanup() { kill "${OCTAVO_PID:-}" "${CEILING_PID:-}" "${SAMPLER_PID:-}" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
[ "${SKIP_BUILD:-0}" = 1 ] || mvn -B -q package -DskipTests
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "DROP DATABASE IF EXISTS $DB" -qc "CREATE DATABASE $DB"

# a real PNG of noise (incompressible): 200 KB, and the 20 MiB file for the upload
python3 - "$WORK" <<'PY'
import os, struct, sys, zlib
def png(path, width, height):
    raw = b"".join(b"\x00" + os.urandom(width * 3) for _ in range(height))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b""))
png(sys.argv[1] + "/figure.png", 260, 262)
png(sys.argv[1] + "/big.png", 2500, 2790)  # just under 20 MiB
PY

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%FT%TZ)"
PGHOST=$PGHOST PGPORT=$PGPORT PGUSER=$PGUSER PGDATABASE=$DB HTTP_PORT=$OCTAVO_PORT OCTAVO_ADMIN_TOKEN=$TOKEN \
  java -Xmx"$HEAP" -jar standalone/target/octavo.jar > "$WORK/octavo.log" 2>&1 &
OCTAVO_PID=$!
for _ in $(seq 1 60); do curl -sf "localhost:$OCTAVO_PORT/ready" >/dev/null && break; sleep 1; done

URL=$(curl -sf -X POST "localhost:$OCTAVO_PORT/api/media" -H "Authorization: Bearer $TOKEN" -F file=@"$WORK/figure.png" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["url"])')
curl -sf "localhost:$OCTAVO_PORT$URL" -o "$WORK/served.png"
cmp "$WORK/figure.png" "$WORK/served.png"
java -cp bench/target/benchmarks.jar io.octavo.bench.CeilingServer $CEILING_PORT "$WORK/figure.png" > "$WORK/ceiling.log" 2>&1 &
CEILING_PID=$!
for _ in $(seq 1 30); do curl -sf "localhost:$CEILING_PORT/" >/dev/null && break; sleep 0.5; done

run() { # name, url
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/wrk/report.lua "$2" 2>&1 | grep RESULT | sed "s/^RESULT/$1/" | tee -a "$WORK/results.txt"
}
echo "== warming up both servers (JIT)"
wrk -t2 -c"$CONNECTIONS" -d10s "http://127.0.0.1:$CEILING_PORT/" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d10s "http://127.0.0.1:$OCTAVO_PORT$URL" >/dev/null
echo "== wrk -t2 -c$CONNECTIONS -d$DURATION, body $(wc -c < "$WORK/figure.png") bytes"
run ceiling "http://127.0.0.1:$CEILING_PORT/"
run media_get "http://127.0.0.1:$OCTAVO_PORT$URL"
run ceiling_again "http://127.0.0.1:$CEILING_PORT/"
awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[$1, kv[1]] = kv[2] } }
  END { c = (v["ceiling", "rps"] + v["ceiling_again", "rps"]) / 2
        printf "media_get / ceiling = %.2f (%.0f / %.0f req/s); p50 %.2f ms vs %.2f ms\n", v["media_get", "rps"] / c,
          v["media_get", "rps"], c, v["media_get", "p50_ms"], v["ceiling", "p50_ms"] }' "$WORK/results.txt"
kill "$CEILING_PID"

echo "== upload of $(wc -c < "$WORK/big.png") bytes to the standalone at -Xmx$HEAP"
# heap used (young + old, KiB) every 100 ms while the upload runs
( while kill -0 $OCTAVO_PID 2>/dev/null; do
    jstat -gc $OCTAVO_PID | awk 'NR == 2 { printf "%.0f\n", $3 + $4 + $6 + $8 }'; sleep 0.1; done > "$WORK/heap.txt" ) &
SAMPLER_PID=$!
sleep 1
BEFORE=$(sort -n "$WORK/heap.txt" | tail -1)
START=$(date +%s.%N)
STATUS=$(curl -s -o "$WORK/upload.json" -w '%{http_code}' -X POST "localhost:$OCTAVO_PORT/api/media" \
  -H "Authorization: Bearer $TOKEN" -F file=@"$WORK/big.png")
END=$(date +%s.%N)
sleep 5 # the 640 and 1280 px copies are made in the background after the upload: count them in
kill $SAMPLER_PID
echo "status $STATUS in $(echo "$END - $START" | bc) s: $(cat "$WORK/upload.json" | head -c 300)"
curl -sf "localhost:$OCTAVO_PORT$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["url"])' "$WORK/upload.json")" \
  -o "$WORK/big-served.png" && cmp "$WORK/big.png" "$WORK/big-served.png" && echo "served back identical"
echo "heap used: peak $(sort -n "$WORK/heap.txt" | tail -1 | awk '{printf "%.0f MiB", $1 / 1024}') during the upload and the copies made after it (before it: $(echo "$BEFORE" | awk '{printf "%.0f MiB", $1 / 1024}')), -Xmx$HEAP"
grep -c "OutOfMemoryError" "$WORK/octavo.log" | awk '{print "OutOfMemoryError in the log:", $1}'
