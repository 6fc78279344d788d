package io.octavo.common.media;

import io.octavo.common.bus.BusClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
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

  /** Starts an upload; the reply's {@code upload} names it in the calls that follow. */
  public Future<String> begin() {
    return bus.request(MediaContracts.UPLOAD_BEGIN, new JsonObject()).map(reply -> reply.getString("upload"));
  }

  public Future<Void> chunk(String upload, int seq, Buffer data) {
    return bus.request(MediaContracts.UPLOAD_CHUNK,
        new JsonObject().put("upload", upload).put("seq", seq).put("data", data)).mapEmpty();
  }

  /** Stores the upload as an item, or returns the item that already has these bytes. */
  public Future<JsonObject> finish(MediaUpload upload) {
    return bus.request(MediaContracts.UPLOAD_FINISH, upload.toJson());
  }

  /** An item with the posts that reference it. */
  public Future<JsonObject> get(long id) {
    return bus.request(MediaContracts.GET, new JsonObject().put("id", id));
  }

  /** What serving a file needs, by its content address. */
  public Future<MediaFile> file(String sha256) {
    return bus.request(MediaContracts.GET, new JsonObject().put("sha256", sha256)).map(MediaFile::fromJson);
  }

  /** The copy of an image {@code width} pixels wide, as serving needs it; fails with 404 while there is none. */
  public Future<MediaFile> variant(String sha256, int width) {
    return bus.request(MediaContracts.GET, new JsonObject().put("sha256", sha256).put("width", width))
        .map(MediaFile::fromJson);
  }

  public Future<JsonObject> list(int limit, String cursor) {
    return bus.request(MediaContracts.LIST, new JsonObject().put("limit", limit).put("cursor", cursor));
  }

  public Future<JsonObject> delete(long id, boolean force) {
    return bus.request(MediaContracts.DELETE, new JsonObject().put("id", id).put("force", force));
  }

  /** Chunk {@code seq} of a stored file. */
  public Future<Buffer> read(MediaFile file, int seq) {
    return bus.request(MediaContracts.READ, new JsonObject().put("blob", file.blob()).put("seq", seq))
        .map(reply -> reply.getBuffer("data"));
  }
}
