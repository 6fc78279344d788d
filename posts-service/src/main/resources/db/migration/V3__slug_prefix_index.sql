-- Choosing "t-2", "t-3"... looks up slugs by prefix; a pattern index keeps that an index scan
-- whatever the database's collation (a plain btree serves LIKE prefixes only under "C").
CREATE INDEX posts_slug_prefix ON posts (slug text_pattern_ops) WHERE deleted_at IS NULL;
