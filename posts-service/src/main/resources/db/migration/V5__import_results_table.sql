-- One row per imported file instead of a growing JSON array: appending to jsonb rewrote the whole
-- array on every batch, quadratic for large imports.
CREATE TABLE import_results (
  job_id uuid   NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
  seq    bigint GENERATED ALWAYS AS IDENTITY,
  path   text   NOT NULL,
  slug   text,
  result text   NOT NULL,
  reason text,
  PRIMARY KEY (job_id, seq)
);
CREATE INDEX import_results_slugs ON import_results (job_id, slug) WHERE result <> 'skipped';
ALTER TABLE import_jobs DROP COLUMN results;
