-- The body of a post: its Markdown after the front matter, as the posts-service's splitter
-- (FrontMatterBlock) finds it. Search and snippets read this column, so SQL no longer decides where
-- front matter ends. Existing rows are filled by the Java migration PostBodyBackfill (V13), which
-- uses that same splitter (YAML and TOML); V14 indexes it. NULL, for one release, means "not split
-- yet" (a writer of the previous release): readers derive it from markdown (V14).
ALTER TABLE posts ADD COLUMN body text;
