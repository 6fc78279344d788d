package io.octavo.posts.store;

import io.micrometer.core.instrument.Timer;
import io.octavo.common.media.MediaFile;
import io.octavo.common.media.MediaItem;
import io.octavo.common.media.MediaReplies;
import io.octavo.common.media.MediaUpload;
import io.octavo.common.metrics.ServiceMeters;
import io.octavo.common.posts.PostStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** What media items are, in PostgreSQL (their bytes are the {@link BlobStore}'s); SQL in {@link MediaQueries}. */
public final class MediaRepository {
  private final Pool pool;
  private final PoolTemplates statements;
  private final ServiceMeters meters;

  public MediaRepository(Pool pool, ServiceMeters meters) {
    this.pool = pool;
    this.statements = new PoolTemplates(pool);
    this.meters = meters;
  }

  /** A deleted item: its bytes (the original's and its variants') are still to be deleted from the blob store. */
  public record Deleted(String sha256, List<UUID> blobs) {
  }

  /** An item Markdown may refer to, as a page shows it. */
  public record Linked(long id, String sha256, String name, String contentType, Integer width, Integer height) {
    public String url() {
      return MediaItem.url(sha256, name);
    }
  }

  /**
   * Creates the item, or (same bytes stored already, even by an upload racing this one: the unique
   * sha256 decides) finds the existing one; either way the upload's paths now name it.
   */
  public Future<MediaReplies.Stored> store(MediaUpload upload, UUID blob) {
    return timed("media_store", () -> pool.withTransaction(tx -> SqlParams.with("sha256", upload.sha256())
        .and("name", upload.name()).and("content_type", upload.contentType()).and("bytes", upload.bytes())
        .and("width", upload.width()).and("height", upload.height()).and("blob", blob)
        .and("chunk_bytes", MediaFile.CHUNK_BYTES)
        .run(tx, MediaQueries.INSERT_ITEM, MediaRepository::fullItem)
        .compose(inserted -> inserted.size() > 0
            ? Future.succeededFuture(new MediaReplies.Stored(SqlParams.first(inserted), true))
            : SqlParams.with("sha256", upload.sha256()).run(tx, MediaQueries.ITEM_BY_SHA, MediaRepository::fullItem)
                .map(rows -> new MediaReplies.Stored(SqlParams.first(rows), false)))
        .compose(stored -> claim(tx, upload.paths(), stored.item().id()).map(stored))));
  }

  private static Future<Void> claim(SqlClient tx, List<String> paths, long id) {
    List<Map<String, Object>> batch = paths.stream().distinct()
        .map(path -> SqlParams.with("path", path).and("media_id", id).map()).toList();
    return batch.isEmpty() ? Future.succeededFuture()
        : SqlTemplate.forQuery(tx, MediaQueries.CLAIM_PATH).executeBatch(batch).mapEmpty();
  }

  /** The item with the posts that show it, or null. */
  public Future<MediaItem> byId(long id) {
    return timed("media_by_id", () -> SqlParams.with("id", id).run(statements, MediaQueries.ITEM_BY_ID, MediaRepository::item))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(null) : withPosts(SqlParams.list(rows))
            .map(items -> items.get(0)));
  }

  /** Everything serving needs (the blob included), or null. */
  public Future<MediaItem> bySha(String sha256) {
    return timed("media_by_sha", () -> SqlParams.with("sha256", sha256)
        .run(statements, MediaQueries.ITEM_BY_SHA, MediaRepository::fullItem))
        .map(SqlParams::first);
  }

  /** Newest first; {@code afterId} null for the first page. */
  public Future<List<MediaItem>> list(int limit, Long afterId) {
    return timed("media_list", () -> SqlParams.with("limit", limit).and("after_id", afterId)
        .run(statements, afterId == null ? MediaQueries.LIST_FIRST : MediaQueries.LIST_AFTER, MediaRepository::item))
        .compose(rows -> withPosts(SqlParams.list(rows)));
  }

  public Future<Long> publishedReferences(long id) {
    return timed("media_references", () -> SqlParams.with("id", id)
        .run(statements, MediaQueries.PUBLISHED_REFERENCES, row -> row.getLong("posts")))
        .map(SqlParams::first);
  }

  /** Null when there was no such item. */
  public Future<Deleted> delete(long id) {
    SqlParams params = SqlParams.with("id", id);
    return timed("media_delete", () -> pool.withTransaction(tx -> params
        .run(tx, MediaQueries.DELETE_VARIANTS, row -> row.getUUID("blob"))
        .compose(variants -> params.run(tx, MediaQueries.DELETE_ITEM).map(rows -> {
          if (rows.size() == 0) {
            return null;
          }
          List<UUID> blobs = new ArrayList<>();
          blobs.add(rows.iterator().next().getUUID("blob"));
          variants.forEach(blobs::add);
          return new Deleted(rows.iterator().next().getString("sha256"), blobs);
        }))));
  }

  /** Records a smaller copy of item {@code mediaId}, whose {@code bytes} are already in blob {@code blob}. */
  public Future<Void> addVariant(long mediaId, int width, int height, String contentType, long bytes, UUID blob) {
    return timed("media_add_variant", () -> SqlParams.with("media_id", mediaId).and("width", width)
        .and("height", height).and("content_type", contentType)
        .and("bytes", bytes).and("blob", blob).and("chunk_bytes", MediaFile.CHUNK_BYTES)
        .run(statements, MediaQueries.INSERT_VARIANT)).mapEmpty();
  }

  /** A smaller copy of an image, as serving needs it, or null when there is none (yet). */
  public Future<MediaItem> variant(String sha256, int width) {
    return timed("media_variant", () -> SqlParams.with("sha256", sha256).and("width", width)
        .run(statements, MediaQueries.VARIANT, MediaRepository::fullItem))
        .map(SqlParams::first);
  }

  /** The items these paths name, by path. */
  public Future<Map<String, Linked>> resolve(List<String> paths) {
    if (paths.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return timed("media_resolve", () -> statements.of(MediaQueries.RESOLVE_PATHS)
        .collecting(Collectors.toMap(row -> row.getString("path"), row -> new Linked(row.getLong("id"),
            row.getString("sha256"), row.getString("name"), row.getString("content_type"), row.getInteger("width"),
            row.getInteger("height")), (first, same) -> same))
        .execute(SqlParams.with("paths", paths.toArray(String[]::new)).map()))
        .map(SqlResult::value);
  }

  /**
   * Records which items a (live) post shows, which of its images nothing answers (as warnings, and
   * as the paths that would answer them).
   */
  public Future<Void> recordPostMedia(String slug, List<Long> mediaIds, JsonArray warnings, List<String> missing) {
    SqlParams params = SqlParams.with("slug", slug).and("media_ids", mediaIds.toArray(Long[]::new))
        .and("paths", missing.toArray(String[]::new)).and("warnings", warnings);
    return timed("media_post_refs", () -> pool.withTransaction(tx -> params.run(tx, MediaQueries.FORGET_POST_MEDIA)
        .compose(forgotten -> mediaIds.isEmpty() ? Future.succeededFuture()
            : params.run(tx, MediaQueries.REMEMBER_POST_MEDIA))
        .compose(remembered -> params.run(tx, MediaQueries.FORGET_MISSING))
        .compose(forgotten -> missing.isEmpty() ? Future.succeededFuture()
            : params.run(tx, MediaQueries.REMEMBER_MISSING))
        .compose(remembered -> params.run(tx, MediaQueries.SET_WARNINGS))))
        .mapEmpty();
  }

  /** The site path of the file a live post was imported from, or null. */
  public Future<String> sourceOf(String slug) {
    return timed("media_source", () -> SqlParams.with("slug", slug)
        .run(statements, MediaQueries.SOURCE_BY_SLUG, row -> row.getString("path")))
        .map(SqlParams::first);
  }

  public Future<String> sourceOf(long postId) {
    return timed("media_source", () -> SqlParams.with("post_id", postId)
        .run(statements, MediaQueries.SOURCE_BY_POST, row -> row.getString("path")))
        .map(SqlParams::first);
  }

  /** Marks posts waiting for an image these paths name for re-rendering; how many. */
  public Future<Integer> relinkPosts(List<String> paths) {
    return paths.isEmpty() ? Future.succeededFuture(0)
        : timed("media_relink", () -> SqlParams.with("paths", paths.toArray(String[]::new))
            .run(statements, MediaQueries.RELINK_POSTS)).map(RowSet::rowCount);
  }

  private Future<List<MediaItem>> withPosts(List<MediaItem> items) {
    if (items.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Long[] ids = items.stream().map(MediaItem::id).toArray(Long[]::new);
    SqlParams params = SqlParams.with("ids", ids);
    Future<RowSet<Row>> posts = timed("media_posts", () -> params.run(statements, MediaQueries.POSTS_OF));
    Future<RowSet<Row>> paths = timed("media_paths", () -> params.run(statements, MediaQueries.PATHS_OF));
    return Future.all(posts, paths).map(both -> {
      Map<Long, List<MediaItem.ShownIn>> showing = new HashMap<>();
      for (Row row : posts.result()) {
        showing.computeIfAbsent(row.getLong("media_id"), id -> new ArrayList<>()).add(new MediaItem.ShownIn(
            row.getString("slug"), row.getString("title"), PostStatus.fromWire(row.getString("status"))));
      }
      Map<Long, List<String>> naming = new HashMap<>();
      for (Row row : paths.result()) {
        naming.computeIfAbsent(row.getLong("media_id"), id -> new ArrayList<>()).add(row.getString("path"));
      }
      return items.stream().map(item -> item.withLinks(naming.getOrDefault(item.id(), List.of()),
          showing.getOrDefault(item.id(), List.of()))).toList();
    });
  }

  /** The item as the API shows it. */
  private static MediaItem item(Row row) {
    return item(row, null);
  }

  /** The item as the API shows it, and with {@code blob} as serving needs it. */
  private static MediaItem item(Row row, MediaItem.Blob blob) {
    return new MediaItem(row.getLong("id"), row.getString("sha256"), row.getString("name"),
        row.getString("content_type"), row.getLong("bytes"), row.getInteger("width"), row.getInteger("height"),
        PostRows.format(row.getOffsetDateTime("created_at")), blob, null, null);
  }

  private static MediaItem fullItem(Row row) {
    return item(row, new MediaItem.Blob(row.getUUID("blob").toString(), row.getInteger("chunk_bytes")));
  }

  private <T> Future<T> timed(String query, Supplier<Future<T>> call) {
    Timer timer = meters.timer("octavo.db.query", "query", query);
    long start = System.nanoTime();
    return call.get().andThen(done -> timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
  }
}
