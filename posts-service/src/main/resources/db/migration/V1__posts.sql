-- Posts: the Markdown source is the truth; html, excerpt, toc and word_count derive from it.
CREATE TABLE posts (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug               text        NOT NULL UNIQUE,
  title              text        NOT NULL,
  markdown           text        NOT NULL,
  html               text,
  excerpt_html       text,
  has_more           boolean     NOT NULL DEFAULT false,
  toc                jsonb       NOT NULL DEFAULT '[]'::jsonb,
  word_count         integer     NOT NULL DEFAULT 0,
  tags               text[]      NOT NULL DEFAULT '{}',
  series             text,
  series_part        integer,
  status             text        NOT NULL CHECK (status IN ('draft', 'published', 'scheduled')),
  published_at       timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  -- the listing order: publication time, or creation time for drafts
  sort_at            timestamptz GENERATED ALWAYS AS (coalesce(published_at, created_at)) STORED,
  version            bigint      NOT NULL DEFAULT 1,
  -- the render-service version that produced html; null while the post waits to be rendered
  renderer_version   integer,
  -- set while one posts-service replica re-renders the post, so the others skip it
  render_lease_until timestamptz,
  CHECK (status = 'draft' OR published_at IS NOT NULL)
);

CREATE INDEX posts_newest_first ON posts (sort_at DESC, id DESC);
CREATE INDEX posts_tags ON posts USING gin (tags);
CREATE INDEX posts_render_pending ON posts (id) WHERE renderer_version IS NULL;

-- Every version's source, so no edit is ever lost.
CREATE TABLE post_revisions (
  post_id    bigint      NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  version    bigint      NOT NULL,
  title      text        NOT NULL,
  markdown   text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (post_id, version)
);
