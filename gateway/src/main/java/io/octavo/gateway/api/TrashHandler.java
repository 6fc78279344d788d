package io.octavo.gateway.api;

import io.octavo.common.posts.PostsClient;
import io.octavo.common.posts.SlugFormat;
import io.octavo.gateway.edge.PathParams;
import io.octavo.gateway.edge.QueryParams;
import io.octavo.gateway.edge.Responses;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/trash}: deleted posts, and bringing one back. */
public final class TrashHandler {
  private final PostsClient posts;

  public TrashHandler(PostsClient posts) {
    this.posts = posts;
  }

  public void list(RoutingContext ctx) {
    posts.trash(QueryParams.limit(ctx.queryParams().get("limit")))
        .onSuccess(items -> Responses.json(ctx, 200, items.toJson()))
        .onFailure(ctx::fail);
  }

  public void restore(RoutingContext ctx) {
    posts.restoreFromTrash(QueryParams.pathNumber(PathParams.get(ctx, "id"), "trashed post"))
        .onSuccess(post -> {
          ctx.response().putHeader("location", "/api/posts/" + SlugFormat.urlPath(post.slug()));
          Responses.json(ctx, 200, post.toJson(), post.etag());
        })
        .onFailure(ctx::fail);
  }
}
