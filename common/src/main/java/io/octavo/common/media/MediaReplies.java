package io.octavo.common.media;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Replies of the {@code media.*} addresses other than get, which answers a {@link MediaItem}. */
public final class MediaReplies {
  private MediaReplies() {
  }

  /** {@code media.upload.begin}: the upload's name in the chunks and the finish that follow. */
  public record Began(String upload) {
    public static Began fromJson(JsonObject json) {
      return new Began(json.getString("upload"));
    }

    public JsonObject toJson() {
      return new JsonObject().put("upload", upload);
    }
  }

  /**
   * {@code media.upload.finish}: the stored item (with its blob), {@code created} false when these
   * bytes were stored already (the upload was then dropped).
   */
  public record Stored(MediaItem item, boolean created) {
    public static Stored fromJson(JsonObject json) {
      return new Stored(MediaItem.fromJson(json), json.getBoolean("created", true));
    }

    /** The item's keys with {@code created} beside them, as the reply always was. */
    public JsonObject toJson() {
      return item.toJson().put("created", created);
    }
  }

  /** {@code media.list}: items newest first, each with its paths and posts; {@code nextCursor} null on the last page. */
  public record Page(List<MediaItem> items, String nextCursor) {
    public static Page fromJson(JsonObject json) {
      return new Page(json.getJsonArray("items", new JsonArray()).stream()
          .map(item -> MediaItem.fromJson((JsonObject) item)).toList(), json.getString("next_cursor"));
    }

    public JsonObject toJson() {
      return new JsonObject().put("next_cursor", nextCursor)
          .put("items", new JsonArray(items.stream().map(MediaItem::toJson).toList()));
    }
  }

  /** {@code media.delete}'s reply and the {@code media.changed} event: the deleted item's content address. */
  public record Deleted(String sha256) {
    public static Deleted fromJson(JsonObject json) {
      return new Deleted(json.getString("sha256"));
    }

    public JsonObject toJson() {
      return new JsonObject().put("sha256", sha256);
    }
  }

  /** {@code media.read}: one chunk's bytes. */
  public record Bytes(Buffer data) {
    public static Bytes fromJson(JsonObject json) {
      return new Bytes(json.getBuffer("data"));
    }

    public JsonObject toJson() {
      return new JsonObject().put("data", data);
    }
  }
}
