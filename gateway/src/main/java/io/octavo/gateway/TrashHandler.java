package io.octavo.gateway;

import io.octavo.common.posts.PostsClient;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/trash}: deleted posts, and bringing one back. */
final class TrashHandler {
  private final PostsClient posts;

  TrashHandler(PostsClient posts) {
    this.posts = posts;
  }

  void list(RoutingContext ctx) {
    posts.trash(QueryParams.limit(ctx.queryParams().get("limit")))
        .onSuccess(items -> Responses.json(ctx, 200, items))
        .onFailure(ctx::fail);
  }

  void restore(RoutingContext ctx) {
    posts.restoreFromTrash(QueryParams.pathNumber(PathParams.get(ctx, "id"), "trashed post"))
        .onSuccess(post -> {
          ctx.response().putHeader("etag", post.etag()).putHeader("location", "/api/posts/" + io.octavo.common.posts.SlugFormat.urlPath(post.slug()));
          Responses.json(ctx, 200, post.toJson());
        })
        .onFailure(ctx::fail);
  }

}
