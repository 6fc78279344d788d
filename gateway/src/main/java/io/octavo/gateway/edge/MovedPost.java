package io.octavo.gateway.edge;

import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostLookup;
import io.vertx.core.Future;

/**
 * A renamed post's new slug, carried as a failure past the {@link ResponseCache} (an answer, not a
 * body to store) to the handler, which makes it its redirect: the API's 301, the site's page move.
 */
public final class MovedPost extends RuntimeException {
  private final String slug;

  private MovedPost(String slug) {
    super(slug, null, false, false); // a reply, not an error: no stack trace to fill
    this.slug = slug;
  }

  /** The post the lookup found, or a {@code MovedPost} failure naming where it went. */
  public static Future<Post> found(PostLookup lookup) {
    return lookup instanceof PostLookup.Moved moved ? Future.failedFuture(new MovedPost(moved.slug()))
        : Future.succeededFuture(((PostLookup.Found) lookup).post());
  }

  public String slug() {
    return slug;
  }
}
