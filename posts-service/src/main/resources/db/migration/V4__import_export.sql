-- Front matter keys Octavo has no column for (from Hexo, Jekyll, Hugo...), kept and exported again.
ALTER TABLE posts ADD COLUMN meta jsonb NOT NULL DEFAULT '{}'::jsonb;

-- Imports run as jobs; any replica can report on any job.
CREATE TABLE import_jobs (
  id          uuid        PRIMARY KEY,
  status      text        NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  total       integer     NOT NULL DEFAULT 0,
  processed   integer     NOT NULL DEFAULT 0,
  results     jsonb       NOT NULL DEFAULT '[]'::jsonb,
  error       text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
