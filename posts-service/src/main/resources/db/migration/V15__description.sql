-- A post's description: the writer's summary, for <meta name="description">, link previews and
-- feeds. Imports kept a front-matter description in meta until now: it moves to the column.
ALTER TABLE posts ADD COLUMN description text;
UPDATE posts SET description = meta ->> 'description', meta = meta - 'description'
 WHERE jsonb_typeof(meta -> 'description') = 'string';
