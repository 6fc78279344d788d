-- The body of a post: its Markdown after the front matter, as the posts-service's splitter
-- (FrontMatterBlock) finds it. Search and snippets read this column, so SQL no longer decides where
-- front matter ends. Existing rows are filled by the Java migration PostBodyBackfill (V13), which
-- uses that same splitter (YAML and TOML); V14 makes the column required and indexes it.
ALTER TABLE posts ADD COLUMN body text;
