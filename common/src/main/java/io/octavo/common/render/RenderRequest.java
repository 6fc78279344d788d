package io.octavo.common.render;

import io.vertx.core.json.JsonObject;

/** Body of {@code render.markdown}: the Markdown source, front matter included or not. */
public record RenderRequest(String markdown) {
  public static RenderRequest fromJson(JsonObject json) {
    return new RenderRequest(json.getString("markdown", ""));
  }

  public JsonObject toJson() {
    return new JsonObject().put("markdown", markdown);
  }
}
