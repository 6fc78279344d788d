-- Search indexes the body (V12, filled by V13) instead of octavo_body(markdown), a regex that knew
-- YAML front matter only (Hugo's TOML front matter was indexed and shown in snippets as text).
--
-- For one release body may be NULL, meaning "not split yet: derive it from markdown": a replica of
-- the previous release (schema V11) still runs during a rolling upgrade and writes posts without a
-- body (INSERT) or changes markdown alone (UPDATE). So search falls back to octavo_body(markdown),
-- which stays for this release; the trigger below clears a body that such an UPDATE left stale; the
-- Java readers split markdown with FrontMatterBlock when body is NULL. The next release backfills,
-- sets body NOT NULL, drops the trigger and octavo_body (docs/deployment.md).
DROP INDEX posts_search;
ALTER TABLE posts DROP COLUMN search;
ALTER TABLE posts ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', title), 'A')
  || setweight(to_tsvector('english', octavo_words(tags)), 'B')
  || setweight(to_tsvector('english', coalesce(body, octavo_body(markdown))), 'C')) STORED;
CREATE INDEX posts_search ON posts USING gin (search);

-- A post's body's words without Markdown syntax, for search snippets: octavo_plain (V11) less its
-- front-matter regex, which a body no longer has. octavo_plain stays as it was: the previous
-- release's search calls it with the whole markdown.
CREATE FUNCTION octavo_plain_body(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
         regexp_replace(regexp_replace(regexp_replace($1,
           '```.*?```|~~~.*?~~~', ' ', 'g'),
           '\$\$.*?\$\$', ' ', 'g'),
           '\$[^$[:space:]][^$]*?\$', ' ', 'g'),
           '<!--.*?-->', ' ', 'g'),
           '<[^>]*?>', ' ', 'g'),
           '!?\[([^]]*?)\]\([^)]*?\)', '\1', 'g'),
           '`+', '', 'g'),
           '(^|[[:space:]])(#{1,6}|>|[-*+]|\d+\.)[[:space:]]+|[*_~]{1,3}', '\1 ', 'g'),
           '[[:space:]]+', ' ', 'g')
$fn$;

-- A writer of the previous release changes markdown and knows nothing of body: the body it leaves
-- would be the old text (searched, rendered, shown in snippets). NULL makes readers derive it again.
-- A writer of this release sets both: a body it changes is kept, and so is one that still is what
-- the regex finds in the new markdown (a YAML front-matter edit). A TOML front-matter edit that
-- leaves the body as it was clears it too: search then reads octavo_body(markdown) until the next
-- release's backfill.
CREATE FUNCTION octavo_body_follows_markdown() RETURNS trigger
  LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW.markdown IS DISTINCT FROM OLD.markdown AND NEW.body IS NOT DISTINCT FROM OLD.body
     AND NEW.body IS DISTINCT FROM octavo_body(NEW.markdown) THEN
    NEW.body := NULL;
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER posts_body_follows_markdown BEFORE UPDATE OF markdown ON posts
  FOR EACH ROW EXECUTE FUNCTION octavo_body_follows_markdown();
