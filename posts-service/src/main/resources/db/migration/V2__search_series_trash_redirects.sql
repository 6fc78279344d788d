-- Trash: a deleted post keeps its row until restored; only live posts hold their slug.
ALTER TABLE posts ADD COLUMN deleted_at timestamptz;
ALTER TABLE posts DROP CONSTRAINT posts_slug_key;
CREATE UNIQUE INDEX posts_live_slug ON posts (slug) WHERE deleted_at IS NULL;
CREATE INDEX posts_trash ON posts (deleted_at DESC) WHERE deleted_at IS NOT NULL;

DROP INDEX posts_newest_first;
CREATE INDEX posts_newest_first ON posts (sort_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX posts_series ON posts (series, series_part, id) WHERE series IS NOT NULL AND deleted_at IS NULL;

-- Full-text search: title weighs most, then tags, then the body. The functions are IMMUTABLE
-- wrappers so that a generated column and an index may use them.
CREATE FUNCTION octavo_words(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string($1, ' ') $$;

-- The body without its YAML front matter.
CREATE FUNCTION octavo_body(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT regexp_replace($1, '^---\r?\n.*?\r?\n(---|\.\.\.)[ \t]*(\r?\n|$)', '', 's') $$;

-- Text made safe to embed in HTML, so that search snippets can only carry our own <mark> tags.
CREATE FUNCTION octavo_html_text(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT replace(replace(replace($1, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') $$;

ALTER TABLE posts ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', title), 'A')
  || setweight(to_tsvector('english', octavo_words(tags)), 'B')
  || setweight(to_tsvector('english', octavo_body(markdown)), 'C')) STORED;
CREATE INDEX posts_search ON posts USING gin (search);

-- Old slugs keep answering (301) after a post's slug changes.
CREATE TABLE slug_redirects (
  old_slug   text        PRIMARY KEY,
  post_id    bigint      NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
