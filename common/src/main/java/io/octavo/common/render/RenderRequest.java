package io.octavo.common.render;

import io.octavo.common.posts.FrontMatterBlock;
import io.vertx.core.json.JsonObject;

/**
 * Body of {@code render.markdown}: a post's body, the Markdown after its front matter (split off by
 * {@link FrontMatterBlock}); the render-service never sees front matter.
 */
public record RenderRequest(String body) {
  public static RenderRequest fromJson(JsonObject json) {
    String body = json.getString("body");
    // a sender from before the split (rolling upgrade) sends the whole source as "markdown"
    return new RenderRequest(body != null ? body : FrontMatterBlock.bodyOf(json.getString("markdown", "")));
  }

  public JsonObject toJson() {
    return new JsonObject().put("body", body);
  }
}
