package io.octavo.posts;

import io.micrometer.core.instrument.Timer;
import io.octavo.common.metrics.ServiceMeters;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostPage;
import io.octavo.common.render.Rendered;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  /** A post waiting for a background render. */
  record PendingRender(long id, String markdown, long version) {
  }

  /** What a background render changed: the post's slug and its new version. */
  record RenderStored(String slug, long version) {
  }

  Future<Void> ping() {
    return timed("ping", () -> pool.query(SqlQueries.PING).execute()).mapEmpty();
  }

  /** Inserts a post and its first revision in one transaction; {@code rendered} null = render later. */
  Future<Post> insert(PostDraft draft, Rendered rendered) {
    return timed("insert", () -> pool.withTransaction(tx -> tx.preparedQuery(SqlQueries.INSERT_POST)
        .execute(Tuple.from(new Object[] {draft.slug(), draft.title(), draft.markdown(),
            rendered == null ? null : rendered.html(),
            rendered == null ? null : rendered.excerptHtml(),
            rendered != null && rendered.hasMore(),
            rendered == null ? new JsonArray() : rendered.toc(),
            rendered == null ? 0 : rendered.wordCount(),
            draft.tags().toArray(String[]::new), draft.series(), draft.seriesPart(), draft.status(),
            draft.publishedAt(), rendered == null ? null : rendered.rendererVersion()}))
        .compose(rows -> insertRevision(tx, rows.iterator().next()))));
  }

  Future<Post> findBySlug(String slug, boolean includeUnpublished) {
    return timed("find_by_slug", () -> pool.preparedQuery(SqlQueries.SELECT_BY_SLUG)
        .execute(Tuple.of(slug, includeUnpublished)))
        .map(rows -> rows.size() == 0 ? null : PostRows.toPost(rows.iterator().next()));
  }

  /** The current version of a post, or null when there is no post with that slug. */
  Future<Long> currentVersion(String slug) {
    return timed("current_version", () -> pool.preparedQuery(SqlQueries.SELECT_VERSION).execute(Tuple.of(slug)))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("version"));
  }

  /** Slugs taken among {@code base}, {@code base-2}, {@code base-3}... */
  Future<Set<String>> slugsTaken(String base) {
    String like = base.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "-%";
    return timed("slugs_taken", () -> pool.preparedQuery(SqlQueries.SLUGS_LIKE).execute(Tuple.of(base, like)))
        .map(rows -> {
          Set<String> taken = new HashSet<>();
          rows.forEach(row -> taken.add(row.getString("slug")));
          return taken;
        });
  }

  /**
   * Replaces a post if its version is still {@code expectedVersion}, in one statement so that of
   * concurrent writers holding the same version exactly one wins. Null when no row matched.
   */
  Future<Post> update(String slug, long expectedVersion, PostDraft draft, Rendered rendered) {
    return timed("update", () -> pool.withTransaction(tx -> tx.preparedQuery(SqlQueries.UPDATE_POST)
        .execute(Tuple.from(new Object[] {slug, draft.slug(), draft.title(), draft.markdown(),
            rendered == null ? null : rendered.html(),
            rendered == null ? null : rendered.excerptHtml(),
            rendered != null && rendered.hasMore(),
            rendered == null ? new JsonArray() : rendered.toc(),
            rendered == null ? 0 : rendered.wordCount(),
            draft.tags().toArray(String[]::new), draft.series(), draft.seriesPart(), draft.status(),
            draft.publishedAt(), rendered == null ? null : rendered.rendererVersion(), expectedVersion}))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(null)
            : insertRevision(tx, rows.iterator().next()))));
  }

  /** True when a post was deleted; {@code expectedVersion} null deletes whatever the version. */
  Future<Boolean> delete(String slug, Long expectedVersion) {
    return timed("delete", () -> pool.preparedQuery(SqlQueries.DELETE_POST).execute(Tuple.of(slug, expectedVersion)))
        .map(rows -> rows.size() > 0);
  }

  Future<PostPage> list(int limit, Cursor after, String tag, String series, boolean includeUnpublished) {
    OffsetDateTime afterTime = after == null ? null : after.sortAt();
    Long afterId = after == null ? null : after.id();
    return timed("list", () -> pool.preparedQuery(SqlQueries.LIST)
        .execute(Tuple.from(new Object[] {includeUnpublished, tag, series, afterTime, afterId, limit + 1})))
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

  Future<List<PendingRender>> claimForRender(int currentRendererVersion, int batch, int leaseSeconds) {
    return timed("claim_render", () -> pool.preparedQuery(SqlQueries.CLAIM_RENDER)
        .execute(Tuple.of(currentRendererVersion, batch, leaseSeconds)))
        .map(rows -> {
          List<PendingRender> pending = new ArrayList<>();
          rows.forEach(row -> pending.add(new PendingRender(row.getLong("id"), row.getString("markdown"),
              row.getLong("version"))));
          return pending;
        });
  }

  /** Stores a background render; null when the post changed meanwhile and the render is stale. */
  Future<RenderStored> storeRender(PendingRender post, Rendered rendered) {
    return timed("store_render", () -> pool.preparedQuery(SqlQueries.STORE_RENDER)
        .execute(Tuple.from(new Object[] {post.id(), rendered.html(), rendered.excerptHtml(), rendered.hasMore(),
            rendered.toc(), rendered.wordCount(), rendered.rendererVersion(), post.version()})))
        .map(rows -> rows.size() == 0 ? null
            : new RenderStored(rows.iterator().next().getString("slug"), rows.iterator().next().getLong("version")));
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
    return call.get().andThen(done -> timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
  }
}
