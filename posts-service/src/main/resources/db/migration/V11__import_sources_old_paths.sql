-- Each imported file, keyed by its path in the site: re-imports find their post by it (never by
-- slug, which two files may share), and its original bytes are kept so that a later converter can
-- run on them again.
CREATE TABLE import_sources (
  path        text        PRIMARY KEY,
  post_id     bigint      NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  dialect     text        NOT NULL,
  original    bytea       NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_sources_post ON import_sources (post_id);

-- The public paths a post had on its old site (Jekyll permalinks, Hugo aliases, ...): they answer
-- 301 to the post's page, so inbound links survive the move.
CREATE TABLE old_paths (
  path    text   PRIMARY KEY,
  post_id bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE
);

-- What the converter did or could not do to a file, with line numbers.
ALTER TABLE import_results ADD COLUMN warnings jsonb;
-- The site an import came from: its engine and settings, found before the first batch.
ALTER TABLE import_jobs ADD COLUMN site jsonb NOT NULL DEFAULT '{}'::jsonb;

-- A post's words without Markdown syntax, for search snippets: no fenced code, no TeX, no
-- comments (<!-- more -->) or HTML tags, links and images reduced to their text.
CREATE FUNCTION octavo_plain(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
         regexp_replace(regexp_replace(regexp_replace(octavo_body($1),
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
