package io.octavo.posts.store;

import io.octavo.posts.fields.PostField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every SQL statement of the posts-service. A post's writes use named parameters
 * ({@code #{title}}, bound by SqlTemplate from a map) and take their field columns from
 * {@link PostField}; the short queries name theirs too, bound from {@link SqlParams}. No statement
 * uses positional parameters ($1), so none has a list to keep aligned.
 */
final class SqlQueries {
  private SqlQueries() {
  }

  /** The columns of a writer's fields, in the table's order. */
  private static final List<String> FIELD_COLUMNS = Arrays.stream(PostField.values()).map(PostField::key).toList();

  /** What a write stores besides the fields: the source, its body and what the renderer derived. */
  private static final List<String> WRITTEN_COLUMNS = List.of(
      "markdown", "body", "html", "excerpt_html", "has_more", "toc", "word_count", "renderer_version");

  private static final List<String> POST_COLUMNS = concat(List.of(
      "id", "markdown", "html", "excerpt_html", "has_more", "toc", "word_count", "created_at", "updated_at",
      "sort_at", "version", "renderer_version", "meta", "warnings"), FIELD_COLUMNS);

  /** Every column {@link PostRows#toPost} reads. */
  static final String COLUMNS = String.join(", ", POST_COLUMNS);

  private static final String P_COLUMNS = POST_COLUMNS.stream().map(column -> "p." + column)
      .collect(Collectors.joining(", "));

  /** Anonymous readers see live posts that are published and whose time has come. */
  private static String visible(String alias, String includeUnpublished) {
    return "(" + alias + "deleted_at IS NULL AND (" + includeUnpublished + " OR (" + alias + "status <> 'draft' AND "
        + alias + "published_at <= now())))";
  }

  static final String PING = "SELECT 1";

  static final String INSERT_POST = "INSERT INTO posts (" + String.join(", ", concat(WRITTEN_COLUMNS, FIELD_COLUMNS))
      + ", meta) VALUES (" + concat(WRITTEN_COLUMNS, FIELD_COLUMNS).stream().map(column -> "#{" + column + "}")
          .collect(Collectors.joining(", ")) + ", #{meta}) RETURNING " + COLUMNS;

  static final String INSERT_REVISION = """
      INSERT INTO post_revisions (post_id, version, title, markdown) VALUES (#{post_id}, #{version}, #{title}, #{markdown})""";

  /** Serialises the choice of a derived slug among concurrent writers of the same title. */
  static final String LOCK_SLUG = "SELECT pg_advisory_xact_lock(hashtext('octavo-slug:' || #{slug}))";

  static final String SLUG_TAKEN = "SELECT 1 FROM posts WHERE slug = #{slug} AND deleted_at IS NULL";

  static final String SLUGS_LIKE = "SELECT slug FROM posts WHERE deleted_at IS NULL AND slug LIKE #{pattern}";

  /** A post with its series neighbours, in one indexed query; #{include_unpublished}: drafts and future posts too. */
  static final String SELECT_BY_SLUG = "SELECT " + P_COLUMNS + """
      ,
             prev.slug AS prev_slug, prev.title AS prev_title, next.slug AS next_slug, next.title AS next_title
        FROM posts p
        LEFT JOIN LATERAL (
             SELECT q.slug, q.title FROM posts q
              WHERE q.series = p.series AND q.series_part < p.series_part AND\s""" + visible("q.", "#{include_unpublished}") + """

              ORDER BY q.series_part DESC, q.id DESC LIMIT 1) prev ON p.series IS NOT NULL
        LEFT JOIN LATERAL (
             SELECT q.slug, q.title FROM posts q
              WHERE q.series = p.series AND q.series_part > p.series_part AND\s""" + visible("q.", "#{include_unpublished}") + """

              ORDER BY q.series_part ASC, q.id ASC LIMIT 1) next ON p.series IS NOT NULL
       WHERE p.slug = #{slug} AND\s""" + visible("p.", "#{include_unpublished}");

  /**
   * Where an old slug points now, if the caller may see the post there: a redirect must not
   * reveal the new slug of a post that became a draft (or is scheduled) to anonymous readers.
   */
  static final String SELECT_REDIRECT = """
      SELECT p.slug FROM slug_redirects r JOIN posts p ON p.id = r.post_id
       WHERE r.old_slug = #{old_slug} AND\s""" + visible("p.", "#{include_unpublished}");

  static final String INSERT_REDIRECT = """
      INSERT INTO slug_redirects (old_slug, post_id) VALUES (#{old_slug}, #{post_id})
      ON CONFLICT (old_slug) DO UPDATE SET post_id = excluded.post_id, created_at = now()""";

  /** A live post now owns this slug: it no longer redirects anywhere. */
  static final String DELETE_REDIRECT = "DELETE FROM slug_redirects WHERE old_slug = #{slug}";

  static final String SELECT_VERSION = "SELECT version FROM posts WHERE slug = #{slug} AND deleted_at IS NULL";

  /** Replaces a post at #{old_slug} if it is still at #{expected_version}; #{meta} null keeps the stored meta. */
  static final String UPDATE_POST = "UPDATE posts SET "
      + concat(WRITTEN_COLUMNS, FIELD_COLUMNS).stream().map(column -> column + " = #{" + column + "}")
          .collect(Collectors.joining(", "))
      + """
      , render_lease_until = NULL, meta = coalesce(#{meta}, meta), version = version + 1, updated_at = now()
       WHERE slug = #{old_slug} AND version = #{expected_version} AND deleted_at IS NULL
      RETURNING\s""" + COLUMNS;

  /** Deleting moves a post to the trash; nothing is destroyed by one call. */
  static final String TRASH_POST = """
      UPDATE posts SET deleted_at = now(), version = version + 1
       WHERE slug = #{slug} AND deleted_at IS NULL AND (#{expected_version}::bigint IS NULL OR version = #{expected_version})
      RETURNING id""";

  static final String LIST_TRASH = """
      SELECT id, slug, title, status, deleted_at FROM posts
       WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC LIMIT #{limit}""";

  static final String RESTORE_FROM_TRASH = """
      UPDATE posts SET deleted_at = NULL, version = version + 1, updated_at = now()
       WHERE id = #{id} AND deleted_at IS NOT NULL
      RETURNING\s""" + COLUMNS;

  /**
   * Keyset pagination: the cursor is the last row's (sort_at, id); never OFFSET. The first page and
   * the pages after a cursor are separate statements, so that the row comparison is an index
   * condition on (sort_at, id) and page 10,000 costs what page 1 costs.
   */
  static final String LIST_FIRST = list(false);
  static final String LIST_AFTER = list(true);

  private static String list(boolean afterCursor) {
    return "SELECT " + COLUMNS + """
         FROM posts
        WHERE\s""" + visible("", "#{include_unpublished}") + """

          AND (#{tag}::text IS NULL OR tags @> ARRAY[#{tag}::text])
          AND (#{series}::text IS NULL OR series = #{series})
        """ + (afterCursor ? "  AND (sort_at, id) < (#{after_sort_at}, #{after_id})\n" : "") + """
        ORDER BY sort_at DESC, id DESC
        LIMIT #{limit}""";
  }

  /** Every live post, full, in id order: the export walks it in pages. */
  static final String EXPORT = "SELECT " + COLUMNS
      + " FROM posts WHERE deleted_at IS NULL AND id > #{after_id} ORDER BY id LIMIT #{limit}";

  static final String START_IMPORT = "INSERT INTO import_jobs (id, status, total, site) VALUES (#{id}, 'running', #{total}, #{site})";

  static final String IMPORT_SITE = "SELECT site FROM import_jobs WHERE id = #{id}";

  /** The live post an earlier import made from the file at this path in the site. */
  static final String IMPORTED_SLUG = """
      SELECT p.slug FROM import_sources s JOIN posts p ON p.id = s.post_id AND p.deleted_at IS NULL
       WHERE s.path = #{path}""";

  /** Whether a live post came from an import (else a writer made it, or an import before paths were kept). */
  static final String HAS_IMPORT_SOURCE = """
      SELECT 1 FROM import_sources s JOIN posts p ON p.id = s.post_id
       WHERE p.slug = #{slug} AND p.deleted_at IS NULL LIMIT 1""";

  static final String RECORD_SOURCE = """
      INSERT INTO import_sources (path, post_id, dialect, original)
      SELECT #{path}, id, #{dialect}, #{original} FROM posts WHERE slug = #{slug} AND deleted_at IS NULL
      ON CONFLICT (path) DO UPDATE SET post_id = excluded.post_id, dialect = excluded.dialect,
             original = excluded.original, imported_at = now()""";

  /** Old public paths of a post; a path another post claimed first keeps pointing there. */
  static final String RECORD_OLD_PATHS = """
      INSERT INTO old_paths (path, post_id)
      SELECT unnest(#{paths}::text[]), id FROM posts WHERE slug = #{slug} AND deleted_at IS NULL
      ON CONFLICT (path) DO NOTHING""";

  static final String OLD_PATH = """
      SELECT p.slug FROM old_paths o JOIN posts p ON p.id = o.post_id AND p.deleted_at IS NULL
       WHERE o.path = #{path}""";

  static final String RECORD_IMPORT_RESULT = """
      INSERT INTO import_results (job_id, path, slug, result, reason, warnings) VALUES (#{job_id}, #{path}, #{slug}, #{result}, #{reason}, #{warnings})""";

  static final String ADVANCE_IMPORT = "UPDATE import_jobs SET processed = processed + #{processed}, heartbeat_at = now() WHERE id = #{id}";

  /** A batch begins: the gateway driving the import is alive. */
  static final String BEAT_IMPORT = "UPDATE import_jobs SET heartbeat_at = now() WHERE id = #{id} AND status = 'running'";

  /** A running job with no sign of life for #{silence_seconds} lost its gateway: it ends as failed. */
  static final String EXPIRE_IMPORT = """
      UPDATE import_jobs SET status = 'failed', error = #{error}, finished_at = now(), total = greatest(total, processed)
       WHERE id = #{id} AND status = 'running' AND heartbeat_at < now() - make_interval(secs => #{silence_seconds})""";


  static final String SELECT_IMPORT_RESULTS = """
      SELECT path, slug, result, reason, warnings FROM import_results WHERE job_id = #{id} ORDER BY seq""";

  static final String FINISH_IMPORT = """
      UPDATE import_jobs SET status = #{status}, error = #{error}, finished_at = now(), total = greatest(total, processed)
       WHERE id = #{id}""";

  static final String SELECT_IMPORT = "SELECT id, status, total, processed, error, created_at, finished_at FROM import_jobs WHERE id = #{id}";

  static final String TAGS = """
      SELECT tag, count(*) AS posts
        FROM posts, unnest(tags) AS tag
       WHERE\s""" + visible("", "#{include_unpublished}") + """

       GROUP BY tag
       ORDER BY posts DESC, tag""";

  static final String SERIES = "SELECT " + COLUMNS + """
       FROM posts
      WHERE series = #{series} AND\s""" + visible("", "#{include_unpublished}") + """

      ORDER BY series_part NULLS LAST, sort_at, id""";

  /**
   * Ranked full-text search: the inner query finds and ranks with the GIN index, the outer one
   * builds snippets only for the page of results. Snippets are built from HTML-escaped text, so
   * the only markup in them is the {@code <mark>} that ts_headline adds.
   */
  static final String SEARCH = """
      SELECT hit.rank, p.slug, p.title, p.tags, p.status, p.published_at, p.series, p.series_part,
             ts_headline('english', octavo_html_text(octavo_plain_body(coalesce(p.body, octavo_body(p.markdown)))), hit.query,
                         'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
               AS snippet_html
        FROM (SELECT id, query, ts_rank_cd(search, query) AS rank
                FROM posts, websearch_to_tsquery('english', #{query}) AS query
               WHERE search @@ query AND\s""" + visible("", "#{include_unpublished}") + """

                 AND (#{tag}::text IS NULL OR tags @> ARRAY[#{tag}::text])
               ORDER BY rank DESC, id DESC
               LIMIT #{limit}) AS hit
        JOIN posts p ON p.id = hit.id
       ORDER BY hit.rank DESC, p.id DESC""";

  static final String REVISIONS = """
      SELECT r.version, r.title, r.created_at FROM post_revisions r JOIN posts p ON p.id = r.post_id
       WHERE p.slug = #{slug} AND p.deleted_at IS NULL ORDER BY r.version DESC""";

  static final String REVISION = """
      SELECT r.version, r.title, r.markdown, r.created_at FROM post_revisions r JOIN posts p ON p.id = r.post_id
       WHERE p.slug = #{slug} AND p.deleted_at IS NULL AND r.version = #{version}""";

  /** Scheduled posts whose time has come become published; one replica wins each row. */
  static final String PUBLISH_DUE = """
      UPDATE posts SET status = 'published', version = version + 1
       WHERE status = 'scheduled' AND published_at <= now() AND deleted_at IS NULL
      RETURNING slug, version""";

  /**
   * Claims posts that wait for rendering or were rendered by an older renderer. The lease keeps
   * other replicas off them; SKIP LOCKED keeps two replicas' claims from blocking each other.
   */
  static final String CLAIM_RENDER = """
      UPDATE posts SET render_lease_until = now() + make_interval(secs => #{lease_seconds})
       WHERE id IN (SELECT id FROM posts
                     WHERE (renderer_version IS NULL OR renderer_version < #{renderer_version})
                       AND (render_lease_until IS NULL OR render_lease_until < now())
                     ORDER BY id
                     LIMIT #{batch}
                     FOR UPDATE SKIP LOCKED)
      RETURNING id, body, markdown, version""";

  /** Stores a background render unless the post changed meanwhile (then that write rendered it). */
  static final String STORE_RENDER = """
      UPDATE posts
         SET html = #{html}, excerpt_html = #{excerpt_html}, has_more = #{has_more}, toc = #{toc},
             word_count = #{word_count}, renderer_version = #{renderer_version}, render_lease_until = NULL,
             version = version + 1
       WHERE id = #{id} AND version = #{version}
      RETURNING slug, version""";

  static final String RELEASE_RENDER = "UPDATE posts SET render_lease_until = NULL WHERE id = #{id}";

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
