package io.octavo.common.posts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Reply of {@code posts.list}: summaries newest first, and the cursor of the next page or null. */
public record PostPage(List<Post> items, String nextCursor) {

  public static PostPage fromJson(JsonObject json) {
    return new PostPage(
        json.getJsonArray("items", new JsonArray()).stream()
            .map(item -> Post.fromJson((JsonObject) item)).toList(),
        json.getString("next_cursor"));
  }

  public JsonObject toJson() {
    return toJson(false);
  }

  /** Summaries, or with {@code withHtml} the summaries plus each post's HTML (for feeds). */
  public JsonObject toJson(boolean withHtml) {
    JsonArray array = new JsonArray();
    items.forEach(post -> array.add(withHtml ? post.toSummaryJson().put("html", post.html()) : post.toSummaryJson()));
    return new JsonObject().put("items", array).put("next_cursor", nextCursor);
  }
}
