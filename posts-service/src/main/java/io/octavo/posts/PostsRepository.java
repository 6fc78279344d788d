package io.octavo.posts;

import io.micrometer.core.instrument.Timer;
import io.octavo.common.metrics.ServiceMeters;
import io.octavo.common.posts.ImportOutcome;
import io.octavo.common.posts.Imports;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostReplies;
import io.octavo.common.posts.PostStatus;
import io.octavo.common.posts.PostPage;
import io.octavo.common.render.Rendered;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.octavo.common.ServiceFailure;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.OffsetDateTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Every query of the posts-service, as named methods; the SQL text lives in {@link SqlQueries}. */
final class PostsRepository {
  private final Pool pool;
  private final ServiceMeters meters;

  PostsRepository(Pool pool, ServiceMeters meters) {
    this.pool = pool;
    this.meters = meters;
  }

  /** A post waiting for a background render: its body, the Markdown after the front matter. */
  record PendingRender(long id, String body, long version) {
  }

  /** A post whose slug and version changed outside a request: a background render, a publication. */
  record Changed(String slug, long version) {
  }

  Future<Void> ping() {
    return timed("ping", () -> pool.query(SqlQueries.PING).execute()).mapEmpty();
  }

  /**
   * Inserts a post and its first revision in one transaction; {@code rendered} null = render later.
   * A slug derived from the title is chosen under an advisory lock on it, so concurrent posts with
   * one title get "t", "t-2", "t-3"... instead of a conflict.
   */
  Future<Post> insert(PostDraft draft, Rendered rendered) {
    return timed("insert", () -> pool.withTransaction(tx -> freeSlug(tx, draft)
        .compose(slug -> {
          Map<String, Object> params = params(draft, rendered);
          params.put("slug", slug);
          params.put("meta", draft.meta() == null ? new JsonObject() : draft.meta());
          return SqlTemplate.forQuery(tx, SqlQueries.INSERT_POST).execute(params)
              .compose(rows -> tx.preparedQuery(SqlQueries.DELETE_REDIRECT).execute(Tuple.of(slug)).map(rows));
        })
        .compose(rows -> insertRevision(tx, rows.iterator().next()))));
  }

  /** A write's named parameters: the source, its body, what the renderer derived ({@code rendered} null: later), every field. */
  private static Map<String, Object> params(PostDraft draft, Rendered rendered) {
    Map<String, Object> params = new HashMap<>();
    params.put("markdown", draft.markdown());
    params.put("body", draft.body());
    params.put("html", rendered == null ? null : rendered.html());
    params.put("excerpt_html", rendered == null ? null : rendered.excerptHtml());
    params.put("has_more", rendered != null && rendered.hasMore());
    params.put("toc", rendered == null ? new JsonArray() : rendered.toc());
    params.put("word_count", rendered == null ? 0 : rendered.wordCount());
    params.put("renderer_version", rendered == null ? null : rendered.rendererVersion());
    for (PostField field : PostField.values()) {
      params.put(field.key(), field.column(draft));
    }
    return params;
  }

  private Future<String> freeSlug(SqlClient tx, PostDraft draft) {
    if (!draft.slugDerived()) {
      return Future.succeededFuture(draft.slug());
    }
    String base = draft.slug();
    return tx.preparedQuery(SqlQueries.LOCK_SLUG).execute(Tuple.of(base)).compose(locked -> nextFreeSlug(tx, base));
  }

  /** {@code base} when no live post has it, else the first free "base-2", "base-3"... */
  private static Future<String> nextFreeSlug(SqlClient client, String base) {
    String like = base.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "-%";
    return client.preparedQuery(SqlQueries.SLUG_TAKEN).execute(Tuple.of(base))
        .compose(exact -> exact.size() == 0 ? Future.succeededFuture(base)
            : client.preparedQuery(SqlQueries.SLUGS_LIKE).execute(Tuple.of(like)).map(rows -> {
              Set<String> taken = new HashSet<>();
              rows.forEach(row -> taken.add(row.getString("slug")));
              int n = 2;
              while (taken.contains(Slugs.withSuffix(base, n))) {
                n++;
              }
              return Slugs.withSuffix(base, n);
            }));
  }

  /** A live post by slug, with its series neighbours; null when there is none the caller may see. */
  Future<Post> findBySlug(String slug, boolean includeUnpublished) {
    return timed("find_by_slug", () -> pool.preparedQuery(SqlQueries.SELECT_BY_SLUG)
        .execute(Tuple.of(slug, includeUnpublished)))
        .map(rows -> rows.size() == 0 ? null : PostRows.toPost(rows.iterator().next()));
  }

  /** The slug an old slug now redirects to, or null (also when the caller may not see that post). */
  Future<String> redirectFor(String oldSlug, boolean includeUnpublished) {
    return timed("redirect", () -> pool.preparedQuery(SqlQueries.SELECT_REDIRECT).execute(Tuple.of(oldSlug, includeUnpublished)))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("slug"));
  }

  /** The current version of a live post, or null when there is no post with that slug. */
  Future<Long> currentVersion(String slug) {
    return timed("current_version", () -> pool.preparedQuery(SqlQueries.SELECT_VERSION).execute(Tuple.of(slug)))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("version"));
  }

  /**
   * Replaces a post if its version is still {@code expectedVersion}, in one statement so that of
   * concurrent writers holding the same version exactly one wins. Null when no row matched. A
   * changed slug leaves a redirect behind.
   */
  Future<Post> update(String slug, long expectedVersion, PostDraft draft, Rendered rendered) {
    Map<String, Object> params = params(draft, rendered);
    params.put("old_slug", slug);
    params.put("expected_version", expectedVersion);
    params.put("meta", draft.meta());
    return timed("update", () -> pool.withTransaction(tx -> SqlTemplate.forQuery(tx, SqlQueries.UPDATE_POST)
        .execute(params)
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(null);
          }
          Row row = rows.iterator().next();
          Future<Void> redirects = slug.equals(draft.slug()) ? Future.succeededFuture()
              : tx.preparedQuery(SqlQueries.INSERT_REDIRECT).execute(Tuple.of(slug, row.getLong("id")))
                  .compose(done -> tx.preparedQuery(SqlQueries.DELETE_REDIRECT).execute(Tuple.of(draft.slug())))
                  .mapEmpty();
          return redirects.compose(done -> insertRevision(tx, row));
        })));
  }

  /** Moves a post to the trash; false when there is no such live post at that version. */
  Future<Boolean> trash(String slug, Long expectedVersion) {
    return timed("trash", () -> pool.preparedQuery(SqlQueries.TRASH_POST).execute(Tuple.of(slug, expectedVersion)))
        .map(rows -> rows.size() > 0);
  }

  Future<List<PostReplies.TrashedPost>> listTrash(int limit) {
    return timed("list_trash", () -> pool.preparedQuery(SqlQueries.LIST_TRASH).execute(Tuple.of(limit)))
        .map(rows -> PostRows.list(rows, row -> new PostReplies.TrashedPost(row.getLong("id"), row.getString("slug"),
            row.getString("title"), PostStatus.fromWire(row.getString("status")),
            PostRows.format(row.getOffsetDateTime("deleted_at")))));
  }

  /** Brings a post back from the trash; null when there is no such trashed post. */
  Future<Post> restoreFromTrash(long id) {
    return timed("restore_from_trash", () -> pool.preparedQuery(SqlQueries.RESTORE_FROM_TRASH).execute(Tuple.of(id)))
        .map(rows -> rows.size() == 0 ? null : PostRows.toPost(rows.iterator().next()));
  }

  Future<PostPage> list(int limit, Cursor after, String tag, String series, boolean includeUnpublished) {
    OffsetDateTime afterTime = after == null ? null : after.sortAt();
    Long afterId = after == null ? null : after.id();
    return timed("list", () -> (after == null
        ? pool.preparedQuery(SqlQueries.LIST_FIRST).execute(Tuple.of(includeUnpublished, tag, series, limit + 1))
        : pool.preparedQuery(SqlQueries.LIST_AFTER)
            .execute(Tuple.from(new Object[] {includeUnpublished, tag, series, limit + 1, afterTime, afterId}))))
        .map(rows -> {
          List<Post> items = new ArrayList<>();
          Cursor last = null;
          for (Row row : rows) {
            if (items.size() == limit) {
              return new PostPage(items, last.encode()); // one row more than asked: there is a next page
            }
            items.add(PostRows.toPost(row));
            last = PostRows.cursorOf(row);
          }
          return new PostPage(items, null);
        });
  }

  Future<List<PostReplies.TagCount>> tags(boolean includeUnpublished) {
    return timed("tags", () -> pool.preparedQuery(SqlQueries.TAGS).execute(Tuple.of(includeUnpublished)))
        .map(rows -> PostRows.list(rows, row -> new PostReplies.TagCount(row.getString("tag"), row.getLong("posts"))));
  }

  Future<List<Post>> series(String name, boolean includeUnpublished) {
    return timed("series", () -> pool.preparedQuery(SqlQueries.SERIES).execute(Tuple.of(name, includeUnpublished)))
        .map(rows -> {
          List<Post> parts = new ArrayList<>();
          rows.forEach(row -> parts.add(PostRows.toPost(row)));
          return parts;
        });
  }

  Future<List<PostReplies.SearchHit>> search(String query, int limit, String tag, boolean includeUnpublished) {
    return timed("search", () -> pool.preparedQuery(SqlQueries.SEARCH)
        .execute(Tuple.of(query, includeUnpublished, tag, limit)))
        .map(rows -> PostRows.list(rows, PostRows::toHit));
  }

  /** The revisions of a live post, newest first; null when there is no such post. */
  Future<List<PostReplies.RevisionEntry>> revisions(String slug) {
    return timed("revisions", () -> pool.preparedQuery(SqlQueries.REVISIONS).execute(Tuple.of(slug)))
        .map(rows -> rows.size() == 0 ? null : PostRows.list(rows, row -> new PostReplies.RevisionEntry(
            row.getLong("version"), row.getString("title"), PostRows.format(row.getOffsetDateTime("created_at")))));
  }

  /** One revision's source, or null. */
  Future<PostReplies.RevisionSource> revision(String slug, long version) {
    return timed("revision", () -> pool.preparedQuery(SqlQueries.REVISION).execute(Tuple.of(slug, version)))
        .map(rows -> {
          if (rows.size() == 0) {
            return null;
          }
          Row row = rows.iterator().next();
          return new PostReplies.RevisionSource(row.getLong("version"), row.getString("title"),
              row.getString("markdown"), PostRows.format(row.getOffsetDateTime("created_at")));
        });
  }

  /** A post with its row id, which the export pages by. */
  record Exported(long id, Post post) {
  }

  /** A page of every live post, full, after {@code afterId} in id order. */
  Future<List<Exported>> exportPage(long afterId, int limit) {
    return timed("export", () -> pool.preparedQuery(SqlQueries.EXPORT).execute(Tuple.of(afterId, limit)))
        .map(rows -> {
          List<Exported> posts = new ArrayList<>();
          rows.forEach(row -> posts.add(new Exported(row.getLong("id"), PostRows.toPost(row))));
          return posts;
        });
  }

  Future<Void> startImport(UUID id, int total, JsonObject site) {
    return timed("start_import", () -> pool.preparedQuery(SqlQueries.START_IMPORT).execute(Tuple.of(id, total, site)))
        .mapEmpty();
  }

  /** The site an import job reads (its engine and settings), or null when there is no such job. */
  Future<JsonObject> importSite(UUID id) {
    return timed("import_site", () -> pool.preparedQuery(SqlQueries.IMPORT_SITE).execute(Tuple.of(id)))
        .map(rows -> rows.size() == 0 ? null : (JsonObject) rows.iterator().next().getValue("site"));
  }

  /** The slug of the live post imported before from the file at {@code path} in its site, or null. */
  Future<String> importedSlug(String path) {
    return timed("imported_slug", () -> pool.preparedQuery(SqlQueries.IMPORTED_SLUG).execute(Tuple.of(path)))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("slug"));
  }

  Future<Boolean> hasImportSource(String slug) {
    return timed("has_import_source", () -> pool.preparedQuery(SqlQueries.HAS_IMPORT_SOURCE).execute(Tuple.of(slug)))
        .map(rows -> rows.size() > 0);
  }

  /** {@code base} when no live post has it, else the first free "base-2", "base-3"... */
  Future<String> availableSlug(String base) {
    return timed("available_slug", () -> nextFreeSlug(pool, base));
  }

  /** Ties the file at {@code path} to the post at {@code slug}, with its original bytes and old public paths. */
  Future<Void> recordSource(String path, String slug, String dialect, byte[] original, List<String> oldPaths) {
    return timed("record_source", () -> pool.withTransaction(tx -> tx.preparedQuery(SqlQueries.RECORD_SOURCE)
        .execute(Tuple.of(path, slug, dialect, io.vertx.core.buffer.Buffer.buffer(original)))
        .compose(done -> oldPaths.isEmpty() ? Future.succeededFuture()
            : tx.preparedQuery(SqlQueries.RECORD_OLD_PATHS).execute(Tuple.of(oldPaths.toArray(String[]::new), slug)))))
        .mapEmpty();
  }

  /** The slug of the live post that had this public path on its old site, or null. */
  Future<String> slugForOldPath(String path) {
    return timed("old_path", () -> pool.preparedQuery(SqlQueries.OLD_PATH).execute(Tuple.of(path)))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("slug"));
  }

  /** Stores a batch's results and counts them processed, in one transaction. */
  Future<Void> recordImport(UUID id, List<Imports.FileResult> results) {
    if (results.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = results.stream().map(result -> Tuple.of(id, result.path(), result.slug(), result.result().wire(),
        result.reason(), result.warnings().isEmpty() ? null : new JsonArray(result.warnings()))).toList();
    return timed("record_import", () -> pool.withTransaction(tx -> tx.preparedQuery(SqlQueries.RECORD_IMPORT_RESULT)
        .executeBatch(rows)
        .compose(done -> tx.preparedQuery(SqlQueries.ADVANCE_IMPORT).execute(Tuple.of(id, rows.size()))))).mapEmpty();
  }

  /** Records that the import is alive; false when it is no longer running (finished, or expired). */
  Future<Boolean> beatImport(UUID id) {
    return timed("beat_import", () -> pool.preparedQuery(SqlQueries.BEAT_IMPORT).execute(Tuple.of(id)))
        .map(rows -> rows.rowCount() > 0);
  }

  /** Ends the job as failed with {@code error} if it is running but has shown no sign of life for {@code silence}. */
  Future<Void> expireImport(UUID id, Duration silence, String error) {
    return timed("expire_import", () -> pool.preparedQuery(SqlQueries.EXPIRE_IMPORT)
        .execute(Tuple.of(id, error, (double) silence.toSeconds()))).mapEmpty();
  }

  Future<Void> finishImport(UUID id, String status, String error) {
    return timed("finish_import", () -> pool.preparedQuery(SqlQueries.FINISH_IMPORT).execute(Tuple.of(id, status, error))).mapEmpty();
  }

  /** An import job as the API shows it, with every file's result, or null. */
  Future<Imports.Job> importJob(UUID id) {
    return timed("import_job", () -> pool.preparedQuery(SqlQueries.SELECT_IMPORT).execute(Tuple.of(id)))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(null);
          }
          Row row = rows.iterator().next();
          return timed("import_results", () -> pool.preparedQuery(SqlQueries.SELECT_IMPORT_RESULTS).execute(Tuple.of(id)))
              .map(results -> new Imports.Job(row.getUUID("id").toString(), Imports.JobStatus.fromWire(row.getString("status")),
                  row.getInteger("total"), row.getInteger("processed"), row.getString("error"),
                  PostRows.format(row.getOffsetDateTime("created_at")), PostRows.format(row.getOffsetDateTime("finished_at")),
                  PostRows.list(results, result -> new Imports.FileResult(result.getString("path"),
                      ImportOutcome.fromWire(result.getString("result")), result.getString("slug"), result.getString("reason"),
                      result.getValue("warnings") instanceof JsonArray warnings
                          ? warnings.stream().map(String::valueOf).toList() : List.of()))));
        });
  }

  /** Publishes scheduled posts whose time has come; each row goes to exactly one caller. */
  Future<List<Changed>> publishDue() {
    return timed("publish_due", () -> pool.query(SqlQueries.PUBLISH_DUE).execute())
        .map(rows -> {
          List<Changed> published = new ArrayList<>();
          rows.forEach(row -> published.add(new Changed(row.getString("slug"), row.getLong("version"))));
          return published;
        });
  }

  Future<List<PendingRender>> claimForRender(int currentRendererVersion, int batch, int leaseSeconds) {
    return timed("claim_render", () -> pool.preparedQuery(SqlQueries.CLAIM_RENDER)
        .execute(Tuple.of(currentRendererVersion, batch, leaseSeconds)))
        .map(rows -> {
          List<PendingRender> pending = new ArrayList<>();
          rows.forEach(row -> pending.add(new PendingRender(row.getLong("id"), row.getString("body"),
              row.getLong("version"))));
          return pending;
        });
  }

  /** Stores a background render; null when the post changed meanwhile and the render is stale. */
  Future<Changed> storeRender(PendingRender post, Rendered rendered) {
    return timed("store_render", () -> pool.preparedQuery(SqlQueries.STORE_RENDER)
        .execute(Tuple.from(new Object[] {post.id(), rendered.html(), rendered.excerptHtml(), rendered.hasMore(),
            rendered.toc(), rendered.wordCount(), rendered.rendererVersion(), post.version()})))
        .map(rows -> rows.size() == 0 ? null
            : new Changed(rows.iterator().next().getString("slug"), rows.iterator().next().getLong("version")));
  }

  Future<Void> releaseRender(long id) {
    return timed("release_render", () -> pool.preparedQuery(SqlQueries.RELEASE_RENDER).execute(Tuple.of(id)))
        .mapEmpty();
  }

  static boolean isDuplicateSlug(Throwable error) {
    return error instanceof PgException pg && "23505".equals(pg.getSqlState())
        && pg.getConstraint() != null && pg.getConstraint().contains("slug");
  }

  private Future<Post> insertRevision(SqlClient tx, Row row) {
    Post post = PostRows.toPost(row);
    return tx.preparedQuery(SqlQueries.INSERT_REVISION)
        .execute(Tuple.of(row.getLong("id"), post.version(), post.title(), post.markdown()))
        .map(post);
  }

  private <T> Future<T> timed(String query, Supplier<Future<T>> call) {
    Timer timer = meters.timer("octavo.db.query", "query", query);
    long start = System.nanoTime();
    return call.get().andThen(done -> timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS))
        .recover(error -> Future.failedFuture(isUnstorableText(error)
            ? ServiceFailure.badRequest("the request holds text PostgreSQL cannot store (a NUL character or a bad encoding)")
            : error));
  }

  /**
   * The safety net behind the gateway's checks: text PostgreSQL refuses (a NUL, an invalid byte
   * sequence: 22021, 22P05) is the client's input, whichever path it came by, never a 500.
   */
  static boolean isUnstorableText(Throwable error) {
    return error instanceof PgException pg && ("22021".equals(pg.getSqlState()) || "22P05".equals(pg.getSqlState()));
  }
}
