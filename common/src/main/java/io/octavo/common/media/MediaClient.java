package io.octavo.common.media;

import io.octavo.common.bus.BusClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;

/**
 * The media store as its callers see it. Bytes travel in chunks of at most
 * {@link MediaFile#CHUNK_BYTES}, one message each, so neither side ever holds a whole file.
 */
public final class MediaClient {
  private final BusClient bus;

  public MediaClient(Vertx vertx, Duration timeout) {
    this.bus = new BusClient(vertx, timeout);
  }

  /** Starts an upload; the name it returns goes with the calls that follow. */
  public Future<String> begin() {
    return bus.request(MediaContracts.UPLOAD_BEGIN, null).map(MediaReplies.Began::upload);
  }

  public Future<Void> chunk(String upload, int seq, Buffer data) {
    return bus.request(MediaContracts.UPLOAD_CHUNK, new MediaRequests.Chunk(upload, seq, data));
  }

  /** Stores the upload as an item, or returns the item that already has these bytes. */
  public Future<MediaReplies.Stored> finish(MediaUpload upload) {
    return bus.request(MediaContracts.UPLOAD_FINISH, upload);
  }

  /** An item with its paths and the posts that show it. */
  public Future<MediaItem> get(long id) {
    return bus.request(MediaContracts.GET, MediaRequests.Get.byId(id));
  }

  /** What serving a file needs, by its content address. */
  public Future<MediaFile> file(String sha256) {
    return bus.request(MediaContracts.GET, MediaRequests.Get.bySha(sha256)).map(MediaItem::file);
  }

  /** The copy of an image {@code width} pixels wide, as serving needs it; fails with 404 while there is none. */
  public Future<MediaFile> variant(String sha256, int width) {
    return bus.request(MediaContracts.GET, MediaRequests.Get.variant(sha256, width)).map(MediaItem::file);
  }

  public Future<MediaReplies.Page> list(int limit, String cursor) {
    return bus.request(MediaContracts.LIST, new MediaRequests.List(limit, cursor));
  }

  /** The deleted item's content address. */
  public Future<MediaReplies.Deleted> delete(long id, boolean force) {
    return bus.request(MediaContracts.DELETE, new MediaRequests.Delete(id, force));
  }

  /** Chunk {@code seq} of a stored file. */
  public Future<Buffer> read(MediaFile file, int seq) {
    return bus.request(MediaContracts.READ, new MediaRequests.Read(file.blob(), seq)).map(MediaReplies.Bytes::data);
  }
}
