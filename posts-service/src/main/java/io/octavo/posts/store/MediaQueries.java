package io.octavo.posts.store;

/** Every SQL statement of the media store, with named parameters as in {@link SqlQueries}. */
final class MediaQueries {
  private MediaQueries() {
  }

  static final String ITEM_COLUMNS = "id, sha256, name, content_type, bytes, width, height, blob, chunk_bytes, created_at";

  static final String BEGIN_UPLOAD = "INSERT INTO media_uploads (id) VALUES (#{id})";

  /** Chunks of uploads nobody finished within a day (the client went away): swept at the next upload. */
  static final String SWEEP_ABANDONED = """
      WITH gone AS (DELETE FROM media_uploads WHERE started_at < now() - interval '1 day' RETURNING id)
      DELETE FROM media_chunks WHERE blob IN (SELECT id FROM gone)""";

  static final String INSERT_CHUNK = "INSERT INTO media_chunks (blob, seq, data) VALUES (#{blob}, #{seq}, #{data})";

  /** What arrived for an upload, to check against what the sender says it sent. */
  static final String UPLOAD_SIZE = """
      SELECT count(*) AS chunks, coalesce(sum(octet_length(data)), 0) AS bytes
      FROM media_chunks WHERE blob = #{blob}""";

  static final String END_UPLOAD = "DELETE FROM media_uploads WHERE id = #{id}";

  /** Nothing is returned when the bytes are stored already: the caller then reads that item. */
  static final String INSERT_ITEM = """
      INSERT INTO media (sha256, name, content_type, bytes, width, height, blob, chunk_bytes)
      VALUES (#{sha256}, #{name}, #{content_type}, #{bytes}, #{width}, #{height}, #{blob}, #{chunk_bytes})
      ON CONFLICT (sha256) DO NOTHING
      RETURNING\s""" + ITEM_COLUMNS;

  static final String DELETE_CHUNKS = "DELETE FROM media_chunks WHERE blob = #{blob}";

  static final String CLAIM_PATH = """
      INSERT INTO media_paths (path, media_id) VALUES (#{path}, #{media_id})
      ON CONFLICT (path) DO UPDATE SET media_id = excluded.media_id""";

  static final String ITEM_BY_ID = "SELECT " + ITEM_COLUMNS + " FROM media WHERE id = #{id}";

  static final String ITEM_BY_SHA = "SELECT " + ITEM_COLUMNS + " FROM media WHERE sha256 = #{sha256}";

  static final String LIST_FIRST = "SELECT " + ITEM_COLUMNS + " FROM media ORDER BY id DESC LIMIT #{limit}";

  /** Newest first by id (ids grow with time); the cursor is the last id seen, an index condition. */
  static final String LIST_AFTER = "SELECT " + ITEM_COLUMNS + " FROM media WHERE id < #{after_id} ORDER BY id DESC LIMIT #{limit}";

  /** Posts (not in the trash) that show each of the given items. */
  static final String POSTS_OF = """
      SELECT pm.media_id, p.slug, p.title, p.status
      FROM post_media pm JOIN posts p ON p.id = pm.post_id
      WHERE pm.media_id = ANY(#{ids}) AND p.deleted_at IS NULL
      ORDER BY p.id""";

  /** The paths that name each item, longest (the full site path) first. */
  static final String PATHS_OF = """
      SELECT media_id, path FROM media_paths WHERE media_id = ANY(#{ids}) ORDER BY media_id, length(path) DESC, path""";

  static final String PUBLISHED_REFERENCES = """
      SELECT count(*) AS posts FROM post_media pm JOIN posts p ON p.id = pm.post_id
      WHERE pm.media_id = #{id} AND p.deleted_at IS NULL AND p.status <> 'draft'""";

  static final String INSERT_VARIANT = """
      INSERT INTO media_variants (media_id, width, height, content_type, bytes, blob, chunk_bytes)
      VALUES (#{media_id}, #{width}, #{height}, #{content_type}, #{bytes}, #{blob}, #{chunk_bytes})""";

  /** A variant as serving needs it: the original's address and name, the variant's bytes. */
  static final String VARIANT = """
      SELECT m.id, m.sha256, m.name, v.content_type, v.bytes, v.width, v.height, v.blob, v.chunk_bytes, m.created_at
      FROM media m JOIN media_variants v ON v.media_id = m.id
      WHERE m.sha256 = #{sha256} AND v.width = #{width}""";

  static final String DELETE_VARIANTS = "DELETE FROM media_variants WHERE media_id = #{id} RETURNING blob";

  static final String DELETE_ITEM = "DELETE FROM media WHERE id = #{id} RETURNING sha256, blob";

  static final String READ_CHUNK = "SELECT data FROM media_chunks WHERE blob = #{blob} AND seq = #{seq}";

  /** The items Markdown paths name: the exact path first, the file name second. */
  static final String RESOLVE_PATHS = """
      SELECT mp.path, m.id, m.sha256, m.name, m.content_type, m.width, m.height
      FROM media_paths mp JOIN media m ON m.id = mp.media_id
      WHERE mp.path = ANY(#{paths})""";

  static final String FORGET_POST_MEDIA = "DELETE FROM post_media WHERE post_id = (SELECT id FROM posts WHERE slug = #{slug} AND deleted_at IS NULL)";

  static final String REMEMBER_POST_MEDIA = """
      INSERT INTO post_media (post_id, media_id)
      SELECT p.id, m FROM posts p, unnest(#{media_ids}::bigint[]) AS m WHERE p.slug = #{slug} AND p.deleted_at IS NULL
      ON CONFLICT DO NOTHING""";

  static final String FORGET_MISSING = """
      DELETE FROM post_missing_media WHERE post_id = (SELECT id FROM posts WHERE slug = #{slug} AND deleted_at IS NULL)""";

  static final String REMEMBER_MISSING = """
      INSERT INTO post_missing_media (post_id, path)
      SELECT p.id, m FROM posts p, unnest(#{paths}::text[]) AS m WHERE p.slug = #{slug} AND p.deleted_at IS NULL
      ON CONFLICT DO NOTHING""";

  /**
   * Posts waiting for an image one of these paths now names: due for the render job (renderer
   * version 0 is older than any), which links the image; their HTML stays up meanwhile.
   */
  static final String RELINK_POSTS = """
      UPDATE posts SET renderer_version = 0
      WHERE id IN (SELECT post_id FROM post_missing_media WHERE path = ANY(#{paths}))
        AND deleted_at IS NULL AND renderer_version IS NOT NULL""";

  /** The file an imported post came from, in its site: relative images are beside it. */
  static final String SOURCE_BY_SLUG = """
      SELECT s.path FROM import_sources s JOIN posts p ON p.id = s.post_id
      WHERE p.slug = #{slug} AND p.deleted_at IS NULL ORDER BY s.imported_at DESC LIMIT 1""";

  static final String SOURCE_BY_POST = "SELECT path FROM import_sources WHERE post_id = #{post_id} ORDER BY imported_at DESC LIMIT 1";

  static final String SET_WARNINGS = "UPDATE posts SET warnings = #{warnings} WHERE slug = #{slug} AND deleted_at IS NULL";
}
