-- Every row has its body now (V13): search indexes it instead of octavo_body(markdown), a regex that
-- knew YAML front matter only (Hugo's TOML front matter was indexed and shown in snippets as text).
ALTER TABLE posts ALTER COLUMN body SET NOT NULL;

DROP INDEX posts_search;
ALTER TABLE posts DROP COLUMN search;
ALTER TABLE posts ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', title), 'A')
  || setweight(to_tsvector('english', octavo_words(tags)), 'B')
  || setweight(to_tsvector('english', body), 'C')) STORED;
CREATE INDEX posts_search ON posts USING gin (search);

-- A post's words without Markdown syntax, for search snippets; its argument is the body.
CREATE OR REPLACE FUNCTION octavo_plain(text) RETURNS text
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

DROP FUNCTION octavo_body(text);
