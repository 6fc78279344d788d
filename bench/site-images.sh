#!/usr/bin/env bash
# Imports a real site (a folder, .zip or .tar.gz, from its root) into a fresh standalone Octavo and
# checks every local <img> on every post's page: how many load (200, image/*).
#
#   bench/site-images.sh path/to/site.tar.gz      # SKIP_BUILD=1, PORT (default 18620), HEAP (256m)
# Needs python3 and a PostgreSQL (PGHOST, default 127.0.0.1, trust auth as user postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
SITE=$1; PORT=${PORT:-18620}; HEAP=${HEAP:-256m}; TOKEN=site-images-token; DB=octavo_site_images
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
WORK=$(mktemp -d)
cleanup() { kill "${OCTAVO_PID:-}" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
[ "${SKIP_BUILD:-0}" = 1 ] || mvn -B -q package -DskipTests
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "DROP DATABASE IF EXISTS $DB" -qc "CREATE DATABASE $DB"
if [ -d "$SITE" ]; then tar -czf "$WORK/site.tar.gz" -C "$SITE" .; SITE=$WORK/site.tar.gz; fi
case "$SITE" in *.zip) TYPE=application/zip ;; *) TYPE=application/gzip ;; esac

PGHOST=$PGHOST PGPORT=$PGPORT PGUSER=$PGUSER PGDATABASE=$DB HTTP_PORT=$PORT OCTAVO_ADMIN_TOKEN=$TOKEN \
  OCTAVO_ACCESS_LOG=false OCTAVO_RATE_LIMIT_READS=0 OCTAVO_MAX_IMPORT_BYTES=$((1024 * 1024 * 1024)) \
  java -Xmx"$HEAP" -jar standalone/target/octavo.jar > "$WORK/octavo.log" 2>&1 &
OCTAVO_PID=$!
for _ in $(seq 1 60); do curl -sf "localhost:$PORT/ready" >/dev/null && break; sleep 1; done

START=$(date +%s)
JOB=$(curl -sf -X POST "localhost:$PORT/api/import" -H "Authorization: Bearer $TOKEN" -H "content-type: $TYPE" \
  --data-binary @"$SITE" -D - -o /dev/null | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}')
while curl -sf "localhost:$PORT$JOB" -H "Authorization: Bearer $TOKEN" | grep -q '"status":"running"'; do sleep 1; done
echo "== import of $(du -h "$SITE" | cut -f1) in $(( $(date +%s) - START )) s"
curl -sf "localhost:$PORT$JOB" -H "Authorization: Bearer $TOKEN" | python3 -c '
import collections, json, sys
job = json.load(sys.stdin)
print("status", job["status"], collections.Counter(r["result"] for r in job["results"]))'

python3 - "$PORT" "$TOKEN" <<'PY'
import html.parser, json, sys, urllib.request, urllib.error
port, token = sys.argv[1], sys.argv[2]
base = f"http://127.0.0.1:{port}"
def get(path, admin=False):
    request = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}"} if admin else {})
    try:
        with urllib.request.urlopen(request) as answer:
            return answer.status, answer.headers.get("content-type", ""), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("content-type", ""), b""
class Images(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.srcs = []
    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.srcs.append(dict(attrs).get("src", ""))
slugs, cursor = [], None
while True:
    page = json.loads(get("/api/posts?limit=100" + (f"&cursor={cursor}" if cursor else ""), admin=True)[2])
    slugs += [item["slug"] for item in page["items"]]
    cursor = page.get("next_cursor")
    if not cursor:
        break
total = loaded = 0
broken, warnings = [], 0
for slug in slugs:
    post = json.loads(get(f"/api/posts/{urllib.parse.quote(slug)}", admin=True)[2])
    warnings += sum(1 for w in post.get("warnings", []) if "image" in w)
    status, _, body = get(f"/posts/{urllib.parse.quote(slug)}")
    if status != 200:
        continue  # drafts and scheduled posts have no public page
    parser = Images(); parser.feed(body.decode("utf-8", "replace"))
    for src in parser.srcs:
        if src.startswith(("http://", "https://", "//", "data:")):
            continue
        total += 1
        status, kind, _ = get(src)
        if status == 200 and kind.startswith("image/"):
            loaded += 1
        else:
            broken.append(f"{slug}: {src} -> {status} {kind}")
print(f"== {len(slugs)} posts, {total} local <img> on their pages, {loaded} load (200, image/*)"
      f" = {(f'{100.0 * loaded / total:.1f}%') if total else 'n/a'}; {warnings} unresolved-image warnings in the API")
for line in broken[:20]:
    print("   broken:", line)
PY
