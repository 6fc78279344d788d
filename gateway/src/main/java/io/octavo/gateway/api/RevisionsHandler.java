package io.octavo.gateway.api;

import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsClient;
import io.octavo.gateway.edge.PathParams;
import io.octavo.gateway.edge.QueryParams;
import io.octavo.gateway.edge.Responses;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/posts/{slug}/revisions}: every earlier source of a post, and restoring one. */
public final class RevisionsHandler {
  private final PostsClient posts;

  public RevisionsHandler(PostsClient posts) {
    this.posts = posts;
  }

  public void list(RoutingContext ctx) {
    posts.revisions(PostsHandler.slug(ctx))
        .onSuccess(revisions -> Responses.json(ctx, 200, revisions.toJson()))
        .onFailure(ctx::fail);
  }

  public void get(RoutingContext ctx) {
    posts.revision(request(ctx))
        .onSuccess(revision -> Responses.json(ctx, 200, revision.toJson()))
        .onFailure(ctx::fail);
  }

  /** The revision's source becomes a new version: 200 with the post and its new ETag. */
  public void restore(RoutingContext ctx) {
    posts.restoreRevision(request(ctx))
        .onSuccess(post -> Responses.json(ctx, 200, post.toJson(), post.etag()))
        .onFailure(ctx::fail);
  }

  private static PostRequests.Revision request(RoutingContext ctx) {
    return new PostRequests.Revision(PostsHandler.slug(ctx), QueryParams.pathNumber(PathParams.get(ctx, "n"), "revision"));
  }
}
