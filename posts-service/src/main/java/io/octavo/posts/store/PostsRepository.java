package io.octavo.posts.store;

import io.micrometer.core.instrument.Timer;
import io.octavo.common.metrics.ServiceMeters;
import io.octavo.common.posts.Imports;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostReplies;
import io.octavo.common.posts.PostPage;
import io.octavo.common.render.Rendered;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.octavo.common.ServiceFailure;
import io.octavo.posts.fields.PostDraft;
import io.octavo.posts.fields.PostField;
import io.octavo.posts.fields.Slugs;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Every query of the posts-service, as named methods; the SQL text lives in {@link SqlQueries}. */
public final class PostsRepository {
  private final Pool pool;
  private final PoolTemplates statements;
  private final ServiceMeters meters;

  public PostsRepository(Pool pool, ServiceMeters meters) {
    this.pool = pool;
    this.statements = new PoolTemplates(pool);
    this.meters = meters;
  }

  /** A post waiting for a background render: its body, the Markdown after the front matter. */
  public record PendingRender(long id, String body, long version) {
  }

  /** A post whose slug and version changed outside a request: a background render, a publication. */
  public record Changed(String slug, long version) {
    static Changed of(Row row) {
      return new Changed(row.getString("slug"), row.getLong("version"));
    }
  }

  public Future<Void> ping() {
    return timed("ping", () -> pool.query(SqlQueries.PING).execute()).mapEmpty();
  }

  /**
   * Inserts a post and its first revision in one transaction; {@code rendered} null = render later.
   * A slug derived from the title is chosen under an advisory lock on it, so concurrent posts with
   * one title get "t", "t-2", "t-3"... instead of a conflict.
   */
  public Future<Post> insert(PostDraft draft, Rendered rendered) {
    return timed("insert", () -> pool.withTransaction(tx -> freeSlug(tx, draft)
        .compose(slug -> {
          SqlParams params = params(draft, rendered).and("slug", slug)
              .and("meta", draft.meta() == null ? new JsonObject() : draft.meta());
          return params.run(tx, SqlQueries.INSERT_POST, Exported::of)
              .compose(rows -> SqlParams.with("slug", slug).run(tx, SqlQueries.DELETE_REDIRECT).map(rows));
        })
        .compose(rows -> insertRevision(tx, rows.iterator().next()))));
  }

  /** A write's named parameters: the source, its body, what the renderer derived ({@code rendered} null: later), every field. */
  private static SqlParams params(PostDraft draft, Rendered rendered) {
    SqlParams params = SqlParams.with("markdown", draft.markdown())
        .and("body", draft.body())
        .and("html", rendered == null ? null : rendered.html())
        .and("excerpt_html", rendered == null ? null : rendered.excerptHtml())
        .and("has_more", rendered != null && rendered.hasMore())
        .and("toc", rendered == null ? new JsonArray() : rendered.toc())
        .and("word_count", rendered == null ? 0 : rendered.wordCount())
        .and("renderer_version", rendered == null ? null : rendered.rendererVersion());
    for (PostField field : PostField.values()) {
      params.and(field.key(), field.column(draft));
    }
    return params;
  }

  private Future<String> freeSlug(SqlClient tx, PostDraft draft) {
    if (!draft.slugDerived()) {
      return Future.succeededFuture(draft.slug());
    }
    String base = draft.slug();
    return SqlParams.with("slug", base).run(tx, SqlQueries.LOCK_SLUG).compose(locked -> nextFreeSlug(tx, base));
  }

  /** {@code base} when no live post has it, else the first free "base-2", "base-3"... */
  private static Future<String> nextFreeSlug(SqlClient client, String base) {
    String like = base.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "-%";
    return SqlParams.with("slug", base).run(client, SqlQueries.SLUG_TAKEN)
        .compose(exact -> exact.size() == 0 ? Future.succeededFuture(base)
            : SqlParams.with("pattern", like).run(client, SqlQueries.SLUGS_LIKE, PostRows::slug).map(rows -> {
              Set<String> taken = new HashSet<>();
              rows.forEach(taken::add);
              int n = 2;
              while (taken.contains(Slugs.withSuffix(base, n))) {
                n++;
              }
              return Slugs.withSuffix(base, n);
            }));
  }

  /** A live post by slug, with its series neighbours; null when there is none the caller may see. */
  public Future<Post> findBySlug(String slug, boolean includeUnpublished) {
    return timed("find_by_slug", () -> SqlParams.with("slug", slug).and("include_unpublished", includeUnpublished)
        .run(statements, SqlQueries.SELECT_BY_SLUG, PostRows::toPost))
        .map(SqlParams::first);
  }

  /** The slug an old slug now redirects to, or null (also when the caller may not see that post). */
  public Future<String> redirectFor(String oldSlug, boolean includeUnpublished) {
    return timed("redirect", () -> SqlParams.with("old_slug", oldSlug).and("include_unpublished", includeUnpublished)
        .run(statements, SqlQueries.SELECT_REDIRECT, PostRows::slug))
        .map(SqlParams::first);
  }

  /** The current version of a live post, or null when there is no post with that slug. */
  public Future<Long> currentVersion(String slug) {
    return timed("current_version", () -> SqlParams.with("slug", slug)
        .run(statements, SqlQueries.SELECT_VERSION, row -> row.getLong("version")))
        .map(SqlParams::first);
  }

  /**
   * Replaces a post if its version is still {@code expectedVersion}, in one statement so that of
   * concurrent writers holding the same version exactly one wins. Null when no row matched. A
   * changed slug leaves a redirect behind.
   */
  public Future<Post> update(String slug, long expectedVersion, PostDraft draft, Rendered rendered) {
    SqlParams params = params(draft, rendered).and("old_slug", slug).and("expected_version", expectedVersion)
        .and("meta", draft.meta());
    return timed("update", () -> pool.withTransaction(tx -> params.run(tx, SqlQueries.UPDATE_POST, Exported::of)
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(null);
          }
          Exported stored = rows.iterator().next();
          Future<Void> redirects = slug.equals(draft.slug()) ? Future.succeededFuture()
              : SqlParams.with("old_slug", slug).and("post_id", stored.id()).run(tx, SqlQueries.INSERT_REDIRECT)
                  .compose(done -> SqlParams.with("slug", draft.slug()).run(tx, SqlQueries.DELETE_REDIRECT))
                  .mapEmpty();
          return redirects.compose(done -> insertRevision(tx, stored));
        })));
  }

  /** Moves a post to the trash; false when there is no such live post at that version. */
  public Future<Boolean> trash(String slug, Long expectedVersion) {
    return timed("trash", () -> SqlParams.with("slug", slug).and("expected_version", expectedVersion)
        .run(statements, SqlQueries.TRASH_POST))
        .map(rows -> rows.size() > 0);
  }

  public Future<List<PostReplies.TrashedPost>> listTrash(int limit) {
    return timed("list_trash", () -> SqlParams.with("limit", limit).run(statements, SqlQueries.LIST_TRASH, PostRows::toTrashed))
        .map(SqlParams::list);
  }

  /** Brings a post back from the trash; null when there is no such trashed post. */
  public Future<Post> restoreFromTrash(long id) {
    return timed("restore_from_trash", () -> SqlParams.with("id", id)
        .run(statements, SqlQueries.RESTORE_FROM_TRASH, PostRows::toPost))
        .map(SqlParams::first);
  }

  public Future<PostPage> list(int limit, Cursor after, String tag, String series, boolean includeUnpublished) {
    SqlParams params = SqlParams.with("include_unpublished", includeUnpublished).and("tag", tag).and("series", series)
        .and("limit", limit + 1);
    return timed("list", () -> after == null ? params.run(statements, SqlQueries.LIST_FIRST, PostRows::toListed)
        : params.and("after_sort_at", after.sortAt()).and("after_id", after.id())
            .run(statements, SqlQueries.LIST_AFTER, PostRows::toListed))
        .map(rows -> {
          List<Post> items = new ArrayList<>();
          Cursor last = null;
          for (PostRows.Listed row : rows) {
            if (items.size() == limit) {
              return new PostPage(items, last.encode()); // one row more than asked: there is a next page
            }
            items.add(row.post());
            last = row.cursor();
          }
          return new PostPage(items, null);
        });
  }

  public Future<List<PostReplies.TagCount>> tags(boolean includeUnpublished) {
    return timed("tags", () -> SqlParams.with("include_unpublished", includeUnpublished)
        .run(statements, SqlQueries.TAGS, row -> new PostReplies.TagCount(row.getString("tag"), row.getLong("posts"))))
        .map(SqlParams::list);
  }

  public Future<List<Post>> series(String name, boolean includeUnpublished) {
    return timed("series", () -> SqlParams.with("series", name).and("include_unpublished", includeUnpublished)
        .run(statements, SqlQueries.SERIES, PostRows::toPost))
        .map(SqlParams::list);
  }

  public Future<List<PostReplies.SearchHit>> search(String query, int limit, String tag, boolean includeUnpublished) {
    return timed("search", () -> SqlParams.with("query", query).and("include_unpublished", includeUnpublished)
        .and("tag", tag).and("limit", limit)
        .run(statements, SqlQueries.SEARCH, PostRows::toHit))
        .map(SqlParams::list);
  }

  /** The revisions of a live post, newest first; null when there is no such post. */
  public Future<List<PostReplies.RevisionEntry>> revisions(String slug) {
    return timed("revisions", () -> SqlParams.with("slug", slug).run(statements, SqlQueries.REVISIONS,
        row -> new PostReplies.RevisionEntry(row.getLong("version"), row.getString("title"),
            PostRows.format(row.getOffsetDateTime("created_at")))))
        .map(rows -> rows.size() == 0 ? null : SqlParams.list(rows));
  }

  /** One revision's source, or null. */
  public Future<PostReplies.RevisionSource> revision(String slug, long version) {
    return timed("revision", () -> SqlParams.with("slug", slug).and("version", version).run(statements, SqlQueries.REVISION,
        row -> new PostReplies.RevisionSource(row.getLong("version"), row.getString("title"), row.getString("markdown"),
            PostRows.format(row.getOffsetDateTime("created_at")))))
        .map(SqlParams::first);
  }

  /** A post with its row id, which the export pages by and a revision points to. */
  public record Exported(long id, Post post) {
    static Exported of(Row row) {
      return new Exported(row.getLong("id"), PostRows.toPost(row));
    }
  }

  /** A page of every live post, full, after {@code afterId} in id order. */
  public Future<List<Exported>> exportPage(long afterId, int limit) {
    return timed("export", () -> SqlParams.with("after_id", afterId).and("limit", limit)
        .run(statements, SqlQueries.EXPORT, Exported::of))
        .map(SqlParams::list);
  }

  /** The detected site is kept as jsonb in the record's wire shape, for the job's batches. */
  public Future<Void> startImport(UUID id, int total, Imports.DetectedSite site) {
    return timed("start_import", () -> SqlParams.with("id", id).and("total", total).and("site", site.toJson())
        .run(statements, SqlQueries.START_IMPORT))
        .mapEmpty();
  }

  /** The site an import job reads (its engine and settings), or null when there is no such job or it has none. */
  public Future<Imports.DetectedSite> importSite(UUID id) {
    return timed("import_site", () -> SqlParams.with("id", id)
        .run(statements, SqlQueries.IMPORT_SITE, row -> Imports.DetectedSite.fromJson(row.getJsonObject("site"))))
        .map(SqlParams::first);
  }

  /** The slug of the live post imported before from the file at {@code path} in its site, or null. */
  public Future<String> importedSlug(String path) {
    return timed("imported_slug", () -> SqlParams.with("path", path).run(statements, SqlQueries.IMPORTED_SLUG, PostRows::slug))
        .map(SqlParams::first);
  }

  public Future<Boolean> hasImportSource(String slug) {
    return timed("has_import_source", () -> SqlParams.with("slug", slug).run(statements, SqlQueries.HAS_IMPORT_SOURCE))
        .map(rows -> rows.size() > 0);
  }

  /** {@code base} when no live post has it, else the first free "base-2", "base-3"... */
  public Future<String> availableSlug(String base) {
    return timed("available_slug", () -> nextFreeSlug(pool, base));
  }

  /** Ties the file at {@code path} to the post at {@code slug}, with its original bytes and old public paths. */
  public Future<Void> recordSource(String path, String slug, String dialect, byte[] original, List<String> oldPaths) {
    SqlParams params = SqlParams.with("path", path).and("slug", slug).and("dialect", dialect)
        .and("original", io.vertx.core.buffer.Buffer.buffer(original)).and("paths", oldPaths.toArray(String[]::new));
    return timed("record_source", () -> pool.withTransaction(tx -> params.run(tx, SqlQueries.RECORD_SOURCE)
        .compose(done -> oldPaths.isEmpty() ? Future.succeededFuture() : params.run(tx, SqlQueries.RECORD_OLD_PATHS))))
        .mapEmpty();
  }

  /** The slug of the live post that had this public path on its old site, or null. */
  public Future<String> slugForOldPath(String path) {
    return timed("old_path", () -> SqlParams.with("path", path).run(statements, SqlQueries.OLD_PATH, PostRows::slug))
        .map(SqlParams::first);
  }

  /** Stores a batch's results and counts them processed, in one transaction. */
  public Future<Void> recordImport(UUID id, List<Imports.FileResult> results) {
    if (results.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Map<String, Object>> rows = results.stream().map(result -> SqlParams.with("job_id", id).and("path", result.path())
        .and("slug", result.slug()).and("result", result.result().wire()).and("reason", result.reason())
        .and("warnings", result.warnings().isEmpty() ? null : new JsonArray(result.warnings())).map()).toList();
    return timed("record_import", () -> pool.withTransaction(tx -> SqlTemplate.forQuery(tx, SqlQueries.RECORD_IMPORT_RESULT)
        .executeBatch(rows)
        .compose(done -> SqlParams.with("id", id).and("processed", rows.size()).run(tx, SqlQueries.ADVANCE_IMPORT))))
        .mapEmpty();
  }

  /** Records that the import is alive; false when it is no longer running (finished, or expired). */
  public Future<Boolean> beatImport(UUID id) {
    return timed("beat_import", () -> SqlParams.with("id", id).run(statements, SqlQueries.BEAT_IMPORT))
        .map(rows -> rows.rowCount() > 0);
  }

  /** Ends the job as failed with {@code error} if it is running but has shown no sign of life for {@code silence}. */
  public Future<Void> expireImport(UUID id, Duration silence, String error) {
    return timed("expire_import", () -> SqlParams.with("id", id).and("error", error)
        .and("silence_seconds", (double) silence.toSeconds()).run(statements, SqlQueries.EXPIRE_IMPORT)).mapEmpty();
  }

  public Future<Void> finishImport(UUID id, String status, String error) {
    return timed("finish_import", () -> SqlParams.with("id", id).and("status", status).and("error", error)
        .run(statements, SqlQueries.FINISH_IMPORT)).mapEmpty();
  }

  /** An import job as the API shows it, with every file's result, or null. */
  public Future<Imports.Job> importJob(UUID id) {
    SqlParams params = SqlParams.with("id", id);
    return timed("import_job", () -> params.run(statements, SqlQueries.SELECT_IMPORT))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(null)
            : timed("import_results", () -> params.run(statements, SqlQueries.SELECT_IMPORT_RESULTS, PostRows::toFileResult))
                .map(results -> PostRows.toJob(rows.iterator().next(), SqlParams.list(results))));
  }

  /** Publishes scheduled posts whose time has come; each row goes to exactly one caller. */
  public Future<List<Changed>> publishDue() {
    return timed("publish_due", () -> pool.query(SqlQueries.PUBLISH_DUE).mapping(Changed::of).execute())
        .map(SqlParams::list);
  }

  public Future<List<PendingRender>> claimForRender(int currentRendererVersion, int batch, int leaseSeconds) {
    return timed("claim_render", () -> SqlParams.with("renderer_version", currentRendererVersion).and("batch", batch)
        .and("lease_seconds", leaseSeconds)
        .run(statements, SqlQueries.CLAIM_RENDER, PostRows::pendingRender))
        .map(SqlParams::list);
  }

  /** Stores a background render; null when the post changed meanwhile and the render is stale. */
  public Future<Changed> storeRender(PendingRender post, Rendered rendered) {
    return timed("store_render", () -> SqlParams.with("id", post.id()).and("html", rendered.html())
        .and("excerpt_html", rendered.excerptHtml()).and("has_more", rendered.hasMore()).and("toc", rendered.toc())
        .and("word_count", rendered.wordCount()).and("renderer_version", rendered.rendererVersion())
        .and("version", post.version())
        .run(statements, SqlQueries.STORE_RENDER, Changed::of))
        .map(SqlParams::first);
  }

  public Future<Void> releaseRender(long id) {
    return timed("release_render", () -> SqlParams.with("id", id).run(statements, SqlQueries.RELEASE_RENDER))
        .mapEmpty();
  }

  public static boolean isDuplicateSlug(Throwable error) {
    return error instanceof PgException pg && "23505".equals(pg.getSqlState())
        && pg.getConstraint() != null && pg.getConstraint().contains("slug");
  }

  private Future<Post> insertRevision(SqlClient tx, Exported stored) {
    Post post = stored.post();
    return SqlParams.with("post_id", stored.id()).and("version", post.version()).and("title", post.title())
        .and("markdown", post.markdown())
        .run(tx, SqlQueries.INSERT_REVISION)
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
