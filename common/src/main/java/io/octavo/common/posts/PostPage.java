package io.octavo.common.posts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Reply of {@code posts.list}: summaries newest first, and the cursor of the next page or null.
 * {@code withHtml}: each item carries its full HTML too (feeds ask for it; lists do not).
 */
public record PostPage(List<Post> items, String nextCursor, boolean withHtml) {

  public PostPage(List<Post> items, String nextCursor) {
    this(items, nextCursor, false);
  }

  public PostPage withHtml(boolean html) {
    return new PostPage(items, nextCursor, html);
  }

  public static PostPage fromJson(JsonObject json) {
    return new PostPage(
        json.getJsonArray("items", new JsonArray()).stream()
            .map(item -> Post.fromJson((JsonObject) item)).toList(),
        json.getString("next_cursor"));
  }

  public JsonObject toJson() {
    JsonArray array = new JsonArray();
    items.forEach(post -> array.add(withHtml ? post.toSummaryJson().put("html", post.html()) : post.toSummaryJson()));
    return new JsonObject().put("items", array).put("next_cursor", nextCursor);
  }
}
