package io.octavo.common.media;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** Bodies of the {@code media.*} requests other than finish, which takes a {@link MediaUpload}. */
public final class MediaRequests {
  private MediaRequests() {
  }

  /** {@code media.upload.chunk}: chunk {@code seq} (from 0) of an upload, at most {@link MediaFile#CHUNK_BYTES}. */
  public record Chunk(String upload, int seq, Buffer data) {
    public static Chunk fromJson(JsonObject json) {
      return new Chunk(json.getString("upload"), json.getInteger("seq", -1), json.getBuffer("data"));
    }

    public JsonObject toJson() {
      return new JsonObject().put("upload", upload).put("seq", seq).put("data", data);
    }
  }

  /**
   * {@code media.get}: an item by {@code id} (with the posts that show it), or by {@code sha256}
   * as serving needs it, or its copy {@code width} pixels wide.
   */
  public record Get(Long id, String sha256, Integer width) {
    public static Get byId(long id) {
      return new Get(id, null, null);
    }

    public static Get bySha(String sha256) {
      return new Get(null, sha256, null);
    }

    public static Get variant(String sha256, int width) {
      return new Get(null, sha256, width);
    }

    public static Get fromJson(JsonObject json) {
      return new Get(json.getLong("id"), json.getString("sha256"), json.getInteger("width"));
    }

    /** Only the keys asked by: the consumer tells the three kinds apart by which are there. */
    public JsonObject toJson() {
      JsonObject json = new JsonObject();
      if (id != null) {
        json.put("id", id);
      }
      if (sha256 != null) {
        json.put("sha256", sha256);
      }
      if (width != null) {
        json.put("width", width);
      }
      return json;
    }
  }

  /** {@code media.list}: a page of items, newest first; {@code cursor} is the previous page's next_cursor. */
  public record List(int limit, String cursor) {
    public static List fromJson(JsonObject json) {
      return new List(json.getInteger("limit", 20), json.getString("cursor"));
    }

    public JsonObject toJson() {
      return new JsonObject().put("limit", limit).put("cursor", cursor);
    }
  }

  /** {@code media.delete}: refused while a published post shows the item, unless {@code force}. */
  public record Delete(long id, boolean force) {
    public static Delete fromJson(JsonObject json) {
      return new Delete(json.getLong("id", 0L), json.getBoolean("force", false));
    }

    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("force", force);
    }
  }

  /** {@code media.read}: chunk {@code seq} of the blob a {@link MediaFile} names. */
  public record Read(String blob, int seq) {
    public static Read fromJson(JsonObject json) {
      return new Read(json.getString("blob"), json.getInteger("seq", -1));
    }

    public JsonObject toJson() {
      return new JsonObject().put("blob", blob).put("seq", seq);
    }
  }
}
