package io.octavo.common.media;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Finishes an upload whose chunks were sent: what the sender measured and decided about the bytes.
 *
 * @param paths names and site paths Markdown may use for the file ({@code plot.png},
 *     {@code assets/img/plot.png}); the name is always one of them
 * @param width pixels, null when not an image or not known
 */
public record MediaUpload(String upload, String sha256, long bytes, int chunks, String name, String contentType,
                          Integer width, Integer height, List<String> paths) {

  public static MediaUpload fromJson(JsonObject json) {
    return new MediaUpload(json.getString("upload"), json.getString("sha256"), json.getLong("bytes", 0L),
        json.getInteger("chunks", 0), json.getString("name"), json.getString("content_type"),
        json.getInteger("width"), json.getInteger("height"),
        json.getJsonArray("paths", new JsonArray()).stream().map(String::valueOf).toList());
  }

  public JsonObject toJson() {
    return new JsonObject().put("upload", upload).put("sha256", sha256).put("bytes", bytes).put("chunks", chunks)
        .put("name", name).put("content_type", contentType).put("width", width).put("height", height)
        .put("paths", new JsonArray(paths));
  }
}
