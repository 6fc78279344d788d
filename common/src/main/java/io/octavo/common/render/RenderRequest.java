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

  /**
   * The body goes under {@code markdown} too, for one release: a render-service from before the
   * split reads only {@code markdown} and would otherwise render an empty post during a rolling
   * upgrade (docs/deployment.md). Drop the second key in the release after.
   */
  public JsonObject toJson() {
    return new JsonObject().put("body", body).put("markdown", body);
  }
}
