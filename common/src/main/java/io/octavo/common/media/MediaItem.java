package io.octavo.common.media;

import io.octavo.common.posts.PostStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A media item as {@code media.*} replies carry it. {@code blob} is where its bytes are (replies
 * meant for serving or storing: get by sha256, finish), null elsewhere; {@code paths} and
 * {@code posts} are listed by get by id and list, null elsewhere. An absent part is absent on the
 * wire too, so each reply keeps the keys it always had.
 *
 * @param createdAt ISO-8601, UTC
 * @param paths the names and site paths Markdown may use for it, longest first
 * @param posts the posts (not in the trash) that show it
 */
public record MediaItem(long id, String sha256, String name, String contentType, long bytes, Integer width,
                        Integer height, String createdAt, Blob blob, List<String> paths, List<ShownIn> posts) {

  /** Where the chunks are; every chunk but the last holds exactly {@code chunkBytes}. */
  public record Blob(String id, int chunkBytes) {
  }

  /** A post that shows the item. */
  public record ShownIn(String slug, String title, PostStatus status) {
    static ShownIn fromJson(JsonObject json) {
      return new ShownIn(json.getString("slug"), json.getString("title"), PostStatus.fromWire(json.getString("status")));
    }

    JsonObject toJson() {
      return new JsonObject().put("slug", slug).put("title", title).put("status", status == null ? null : status.wire());
    }
  }

  /** Where the file is served: its content address, then the name it was first uploaded as. */
  public String url() {
    return url(sha256, name);
  }

  /** Names are stored URL-safe (the gateway makes them so), so the path needs no escaping. */
  public static String url(String sha256, String name) {
    return "/media/" + sha256 + "/" + name;
  }

  public MediaItem withLinks(List<String> paths, List<ShownIn> posts) {
    return new MediaItem(id, sha256, name, contentType, bytes, width, height, createdAt, blob, paths, posts);
  }

  /** The item as the API shows it: where its bytes are stays inside Octavo. */
  public MediaItem shown() {
    return new MediaItem(id, sha256, name, contentType, bytes, width, height, createdAt, null, paths, posts);
  }

  /** What serving the file needs; only for an item read with its blob. */
  public MediaFile file() {
    if (blob == null) {
      throw new IllegalStateException("media item " + id + " was read without its blob");
    }
    return new MediaFile(id, sha256, name, contentType, bytes, blob.chunkBytes(), blob.id());
  }

  public static MediaItem fromJson(JsonObject json) {
    String blob = json.getString("blob");
    JsonArray paths = json.getJsonArray("paths");
    JsonArray posts = json.getJsonArray("posts");
    return new MediaItem(json.getLong("id", 0L), json.getString("sha256"), json.getString("name"),
        json.getString("content_type"), json.getLong("bytes", 0L), json.getInteger("width"), json.getInteger("height"),
        json.getString("created_at"),
        blob == null ? null : new Blob(blob, json.getInteger("chunk_bytes", MediaFile.CHUNK_BYTES)),
        paths == null ? null : paths.stream().map(String::valueOf).toList(),
        posts == null ? null : posts.stream().map(post -> ShownIn.fromJson((JsonObject) post)).toList());
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("id", id)
        .put("url", url())
        .put("sha256", sha256)
        .put("name", name)
        .put("content_type", contentType)
        .put("bytes", bytes)
        .put("width", width)
        .put("height", height)
        .put("created_at", createdAt);
    if (blob != null) {
      json.put("blob", blob.id()).put("chunk_bytes", blob.chunkBytes());
    }
    if (paths != null) {
      json.put("paths", new JsonArray(paths));
    }
    if (posts != null) {
      json.put("posts", new JsonArray(posts.stream().map(ShownIn::toJson).toList()));
    }
    return json;
  }
}
