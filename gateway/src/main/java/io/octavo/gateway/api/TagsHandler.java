package io.octavo.gateway.api;

import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsClient;
import io.octavo.gateway.edge.AdminAuth;
import io.octavo.gateway.edge.Responses;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/tags}: every tag with the number of posts the caller may see. */
public final class TagsHandler {
  private final PostsClient posts;

  public TagsHandler(PostsClient posts) {
    this.posts = posts;
  }

  public void list(RoutingContext ctx) {
    posts.tags(new PostRequests.Tags(AdminAuth.isAdmin(ctx)))
        .onSuccess(tags -> Responses.json(ctx, 200, tags.toJson()))
        .onFailure(ctx::fail);
  }
}
