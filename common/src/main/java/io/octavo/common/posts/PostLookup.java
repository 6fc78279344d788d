package io.octavo.common.posts;

import io.vertx.core.json.JsonObject;

/**
 * Reply of {@code posts.get}: the post, or the slug it moved to (a post renamed keeps answering at
 * its old slug, and the gateway turns that into a 301). A missing post is a 404 failure, not a reply.
 */
public sealed interface PostLookup {
  record Found(Post post) implements PostLookup {
  }

  record Moved(String slug) implements PostLookup {
  }

  static PostLookup fromJson(JsonObject json) {
    String movedTo = json.getString("moved_to");
    return movedTo != null ? new Moved(movedTo) : new Found(Post.fromJson(json));
  }

  /** Found: the post exactly as {@code GET /api/posts/{slug}} shows it; moved: {@code {moved_to}}. */
  default JsonObject toJson() {
    if (this instanceof Found found) {
      return found.post().toJson();
    }
    return new JsonObject().put("moved_to", ((Moved) this).slug());
  }
}
