-- A post's description: the writer's summary, for <meta name="description">, link previews and
-- feeds. Imports kept a front-matter description in meta until now: it moves to the column when it
-- fits (at most 1000 characters once trimmed, as a write checks it). A longer one stays in meta, as
-- an import now keeps it: in the column, a client that reads the post and writes it back would get
-- a 422 for a value it never chose.
ALTER TABLE posts ADD COLUMN description text;
UPDATE posts SET description = btrim(meta ->> 'description', E' \t\r\n'), meta = meta - 'description'
 WHERE jsonb_typeof(meta -> 'description') = 'string'
   AND char_length(btrim(meta ->> 'description', E' \t\r\n')) BETWEEN 1 AND 1000;
