package io.octavo.posts;

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
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** What media items are, in PostgreSQL (their bytes are the {@link BlobStore}'s); SQL in {@link MediaQueries}. */
final class MediaRepository {
  private final Pool pool;
  private final ServiceMeters meters;

  MediaRepository(Pool pool, ServiceMeters meters) {
    this.pool = pool;
    this.meters = meters;
  }

  /** A deleted item: its bytes (the original's and its variants') are still to be deleted from the blob store. */
  record Deleted(String sha256, List<UUID> blobs) {
  }

  /** An item Markdown may refer to, as a page shows it. */
  record Linked(long id, String sha256, String name, String contentType, Integer width, Integer height) {
    String url() {
      return MediaItem.url(sha256, name);
    }
  }

  /**
   * Creates the item, or (same bytes stored already, even by an upload racing this one: the unique
   * sha256 decides) finds the existing one; either way the upload's paths now name it.
   */
  Future<MediaReplies.Stored> store(MediaUpload upload, UUID blob) {
    return timed("media_store", () -> pool.withTransaction(tx -> tx.preparedQuery(MediaQueries.INSERT_ITEM)
        .execute(Tuple.from(new Object[] {upload.sha256(), upload.name(), upload.contentType(), upload.bytes(),
            upload.width(), upload.height(), blob, MediaFile.CHUNK_BYTES}))
        .compose(inserted -> inserted.size() > 0
            ? Future.succeededFuture(new MediaReplies.Stored(fullItem(inserted.iterator().next()), true))
            : tx.preparedQuery(MediaQueries.ITEM_BY_SHA).execute(Tuple.of(upload.sha256()))
                .map(rows -> new MediaReplies.Stored(fullItem(rows.iterator().next()), false)))
        .compose(stored -> claim(tx, upload.paths(), stored.item().id()).map(stored))));
  }

  private static Future<Void> claim(SqlClient tx, List<String> paths, long id) {
    List<Tuple> batch = paths.stream().distinct().map(path -> Tuple.of(path, id)).toList();
    return batch.isEmpty() ? Future.succeededFuture()
        : tx.preparedQuery(MediaQueries.CLAIM_PATH).executeBatch(batch).mapEmpty();
  }

  /** The item with the posts that show it, or null. */
  Future<MediaItem> byId(long id) {
    return timed("media_by_id", () -> pool.preparedQuery(MediaQueries.ITEM_BY_ID).execute(Tuple.of(id)))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(null) : withPosts(items(rows))
            .map(items -> items.get(0)));
  }

  /** Everything serving needs (the blob included), or null. */
  Future<MediaItem> bySha(String sha256) {
    return timed("media_by_sha", () -> pool.preparedQuery(MediaQueries.ITEM_BY_SHA).execute(Tuple.of(sha256)))
        .map(rows -> rows.size() == 0 ? null : fullItem(rows.iterator().next()));
  }

  /** Newest first; {@code afterId} null for the first page. */
  Future<List<MediaItem>> list(int limit, Long afterId) {
    return timed("media_list", () -> afterId == null
        ? pool.preparedQuery(MediaQueries.LIST_FIRST).execute(Tuple.of(limit))
        : pool.preparedQuery(MediaQueries.LIST_AFTER).execute(Tuple.of(afterId, limit)))
        .compose(rows -> withPosts(items(rows)));
  }

  Future<Long> publishedReferences(long id) {
    return timed("media_references", () -> pool.preparedQuery(MediaQueries.PUBLISHED_REFERENCES).execute(Tuple.of(id)))
        .map(rows -> rows.iterator().next().getLong("posts"));
  }

  /** Null when there was no such item. */
  Future<Deleted> delete(long id) {
    return timed("media_delete", () -> pool.withTransaction(tx -> tx.preparedQuery(MediaQueries.DELETE_VARIANTS)
        .execute(Tuple.of(id))
        .compose(variants -> tx.preparedQuery(MediaQueries.DELETE_ITEM).execute(Tuple.of(id)).map(rows -> {
          if (rows.size() == 0) {
            return null;
          }
          List<UUID> blobs = new ArrayList<>();
          blobs.add(rows.iterator().next().getUUID("blob"));
          variants.forEach(variant -> blobs.add(variant.getUUID("blob")));
          return new Deleted(rows.iterator().next().getString("sha256"), blobs);
        }))));
  }

  Future<Void> addVariant(long mediaId, ImageVariants.Variant variant, UUID blob) {
    return timed("media_add_variant", () -> pool.preparedQuery(MediaQueries.INSERT_VARIANT).execute(Tuple.from(
        new Object[] {mediaId, variant.width(), variant.height(), variant.contentType(), (long) variant.bytes().length,
            blob, MediaFile.CHUNK_BYTES}))).mapEmpty();
  }

  /** A smaller copy of an image, as serving needs it, or null when there is none (yet). */
  Future<MediaItem> variant(String sha256, int width) {
    return timed("media_variant", () -> pool.preparedQuery(MediaQueries.VARIANT).execute(Tuple.of(sha256, width)))
        .map(rows -> rows.size() == 0 ? null : fullItem(rows.iterator().next()));
  }

  /** The items these paths name, by path. */
  Future<Map<String, Linked>> resolve(List<String> paths) {
    if (paths.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return timed("media_resolve", () -> pool.preparedQuery(MediaQueries.RESOLVE_PATHS)
        .execute(Tuple.of(paths.toArray(String[]::new))))
        .map(rows -> {
          Map<String, Linked> found = new HashMap<>();
          for (Row row : rows) {
            found.put(row.getString("path"), new Linked(row.getLong("id"), row.getString("sha256"),
                row.getString("name"), row.getString("content_type"), row.getInteger("width"), row.getInteger("height")));
          }
          return found;
        });
  }

  /**
   * Records which items a (live) post shows, which of its images nothing answers (as warnings, and
   * as the paths that would answer them).
   */
  Future<Void> recordPostMedia(String slug, List<Long> mediaIds, JsonArray warnings, List<String> missing) {
    return timed("media_post_refs", () -> pool.withTransaction(tx -> tx.preparedQuery(MediaQueries.FORGET_POST_MEDIA)
        .execute(Tuple.of(slug))
        .compose(forgotten -> mediaIds.isEmpty() ? Future.succeededFuture()
            : tx.preparedQuery(MediaQueries.REMEMBER_POST_MEDIA).execute(Tuple.tuple().addString(slug).addArrayOfLong(mediaIds.toArray(Long[]::new))))
        .compose(remembered -> tx.preparedQuery(MediaQueries.FORGET_MISSING).execute(Tuple.of(slug)))
        .compose(forgotten -> missing.isEmpty() ? Future.succeededFuture()
            : tx.preparedQuery(MediaQueries.REMEMBER_MISSING).execute(Tuple.tuple().addString(slug)
                .addArrayOfString(missing.toArray(String[]::new))))
        .compose(remembered -> tx.preparedQuery(MediaQueries.SET_WARNINGS).execute(Tuple.of(slug, warnings)))))
        .mapEmpty();
  }

  /** The site path of the file a live post was imported from, or null. */
  Future<String> sourceOf(String slug) {
    return timed("media_source", () -> pool.preparedQuery(MediaQueries.SOURCE_BY_SLUG).execute(Tuple.of(slug)))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("path"));
  }

  Future<String> sourceOf(long postId) {
    return timed("media_source", () -> pool.preparedQuery(MediaQueries.SOURCE_BY_POST).execute(Tuple.of(postId)))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("path"));
  }

  /** Marks posts waiting for an image these paths name for re-rendering; how many. */
  Future<Integer> relinkPosts(List<String> paths) {
    return paths.isEmpty() ? Future.succeededFuture(0)
        : timed("media_relink", () -> pool.preparedQuery(MediaQueries.RELINK_POSTS)
            .execute(Tuple.of(paths.toArray(String[]::new)))).map(RowSet::rowCount);
  }

  private Future<List<MediaItem>> withPosts(List<MediaItem> items) {
    if (items.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Long[] ids = items.stream().map(MediaItem::id).toArray(Long[]::new);
    Future<RowSet<Row>> posts = timed("media_posts", () -> pool.preparedQuery(MediaQueries.POSTS_OF).execute(Tuple.of(ids)));
    Future<RowSet<Row>> paths = timed("media_paths", () -> pool.preparedQuery(MediaQueries.PATHS_OF).execute(Tuple.of(ids)));
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

  private static List<MediaItem> items(RowSet<Row> rows) {
    List<MediaItem> items = new ArrayList<>();
    rows.forEach(row -> items.add(item(row, null)));
    return items;
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
