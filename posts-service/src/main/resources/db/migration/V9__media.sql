-- Media: the files posts show (figures, screenshots, PDFs), content-addressed by SHA-256 so the
-- same bytes are stored once. Bytes live in chunks (see media_chunks); this row says what they are.
CREATE TABLE media (
  id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sha256       text        NOT NULL UNIQUE,
  name         text        NOT NULL,
  content_type text        NOT NULL,
  bytes        bigint      NOT NULL,
  width        integer,
  height       integer,
  -- where the chunks are (the upload that delivered them), and how big each one but the last is
  blob         uuid        NOT NULL,
  chunk_bytes  integer     NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- Uploads in progress: chunks arrive before the item exists; abandoned ones are swept.
CREATE TABLE media_uploads (
  id         uuid        PRIMARY KEY,
  started_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE media_chunks (
  blob uuid    NOT NULL,
  seq  integer NOT NULL,
  data bytea   NOT NULL,
  PRIMARY KEY (blob, seq)
);
-- images are compressed already: keep PostgreSQL from trying again
ALTER TABLE media_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

-- The names and site paths Markdown uses for an item: 'plot.png', 'assets/img/plot.png'.
-- The latest upload under a path wins it.
CREATE TABLE media_paths (
  path     text   PRIMARY KEY,
  media_id bigint NOT NULL REFERENCES media (id) ON DELETE CASCADE
);
CREATE INDEX media_paths_media ON media_paths (media_id);

-- Which posts show which items, recorded when a post is rendered.
CREATE TABLE post_media (
  post_id  bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  media_id bigint NOT NULL REFERENCES media (id) ON DELETE CASCADE,
  PRIMARY KEY (post_id, media_id)
);
CREATE INDEX post_media_media ON post_media (media_id);

-- Local images a post refers to that no media item answers (shown in the API, not silently broken).
ALTER TABLE posts ADD COLUMN warnings jsonb NOT NULL DEFAULT '[]'::jsonb;

-- Smaller copies of large images (640 and 1280 px wide) for srcset, made in the background.
CREATE TABLE media_variants (
  media_id     bigint  NOT NULL REFERENCES media (id) ON DELETE CASCADE,
  width        integer NOT NULL,
  height       integer NOT NULL,
  content_type text    NOT NULL,
  bytes        bigint  NOT NULL,
  blob         uuid    NOT NULL,
  chunk_bytes  integer NOT NULL,
  PRIMARY KEY (media_id, width)
);
