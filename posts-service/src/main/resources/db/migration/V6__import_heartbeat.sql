-- When a running import last showed a sign of life (a batch began or ended). A job whose gateway
-- died mid-import stops beating and is reported as failed instead of "running" forever.
ALTER TABLE import_jobs ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now();
