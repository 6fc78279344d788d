package io.octavo.posts;

/** Every SQL statement of the posts-service. Parameters are positional ($1...), always bound. */
final class SqlQueries {
  private SqlQueries() {
  }

  static final String COLUMNS = """
      id, slug, title, markdown, html, excerpt_html, has_more, toc, word_count, tags, series,
      series_part, status, published_at, created_at, updated_at, sort_at, version, renderer_version""";

  /** Anonymous callers see published posts whose time has come; $n says whether to skip the rule. */
  private static final String VISIBLE = "(status <> 'draft' AND published_at <= now())";

  static final String PING = "SELECT 1";

  static final String INSERT_POST = """
      INSERT INTO posts (slug, title, markdown, html, excerpt_html, has_more, toc, word_count, tags,
                         series, series_part, status, published_at, renderer_version)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
      RETURNING\s""" + COLUMNS;

  static final String INSERT_REVISION = """
      INSERT INTO post_revisions (post_id, version, title, markdown) VALUES ($1, $2, $3, $4)""";

  static final String SELECT_BY_SLUG = "SELECT " + COLUMNS + " FROM posts WHERE slug = $1 AND ($2 OR "
      + VISIBLE + ")";

  static final String SELECT_VERSION = "SELECT version FROM posts WHERE slug = $1";

  static final String SLUGS_LIKE = "SELECT slug FROM posts WHERE slug = $1 OR slug LIKE $2";

  static final String UPDATE_POST = """
      UPDATE posts
         SET slug = $2, title = $3, markdown = $4, html = $5, excerpt_html = $6, has_more = $7,
             toc = $8, word_count = $9, tags = $10, series = $11, series_part = $12, status = $13,
             published_at = $14, renderer_version = $15, render_lease_until = NULL,
             version = version + 1, updated_at = now()
       WHERE slug = $1 AND version = $16
      RETURNING\s""" + COLUMNS;

  static final String DELETE_POST = """
      DELETE FROM posts WHERE slug = $1 AND ($2::bigint IS NULL OR version = $2) RETURNING id""";

  /** Keyset pagination: the cursor is the last row's (sort_at, id); never OFFSET. */
  static final String LIST = "SELECT " + COLUMNS + """
       FROM posts
      WHERE ($1 OR\s""" + VISIBLE + """
      )
        AND ($2::text IS NULL OR tags @> ARRAY[$2::text])
        AND ($3::text IS NULL OR series = $3)
        AND ($4::timestamptz IS NULL OR (sort_at, id) < ($4, $5))
      ORDER BY sort_at DESC, id DESC
      LIMIT $6""";

  /**
   * Claims posts that wait for rendering or were rendered by an older renderer. The lease keeps
   * other replicas off them; SKIP LOCKED keeps two replicas' claims from blocking each other.
   */
  static final String CLAIM_RENDER = """
      UPDATE posts SET render_lease_until = now() + make_interval(secs => $3)
       WHERE id IN (SELECT id FROM posts
                     WHERE (renderer_version IS NULL OR renderer_version < $1)
                       AND (render_lease_until IS NULL OR render_lease_until < now())
                     ORDER BY id
                     LIMIT $2
                     FOR UPDATE SKIP LOCKED)
      RETURNING id, markdown, version""";

  /** Stores a background render unless the post changed meanwhile (then that write rendered it). */
  static final String STORE_RENDER = """
      UPDATE posts
         SET html = $2, excerpt_html = $3, has_more = $4, toc = $5, word_count = $6,
             renderer_version = $7, render_lease_until = NULL, version = version + 1
       WHERE id = $1 AND version = $8
      RETURNING slug, version""";

  static final String RELEASE_RENDER = "UPDATE posts SET render_lease_until = NULL WHERE id = $1";
}
