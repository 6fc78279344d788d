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
    JsonArray array = new JsonArray();
    items.forEach(post -> array.add(post.toSummaryJson()));
    return new JsonObject().put("items", array).put("next_cursor", nextCursor);
  }
}
