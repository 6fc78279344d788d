package io.octavo.gateway;

import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsClient;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/posts}: HTTP in, one posts-service request out, HTTP back. No business logic. */
final class PostsHandler {
  private static final int MAX_SLUG_IN_PATH = 200;
  private static final int MAX_CURSOR = 200;

  private final PostsClient posts;

  PostsHandler(PostsClient posts) {
    this.posts = posts;
  }

  void create(RoutingContext ctx) {
    posts.create(PostBodies.read(ctx))
        .onSuccess(post -> {
          ctx.response().putHeader("location", "/api/posts/" + post.slug());
          sendPost(ctx, 201, post);
        })
        .onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    posts.get(new PostRequests.Get(slug(ctx), AdminAuth.isAdmin(ctx)))
        .onSuccess(post -> {
          if (ETags.noneMatchHits(ctx.request().getHeader("if-none-match"), post.etag())) {
            cacheHeaders(ctx, post).setStatusCode(304).end();
          } else {
            sendPost(ctx, 200, post);
          }
        })
        .onFailure(error -> {
          if (error instanceof ReplyException reply && reply.failureCode() == ServiceFailure.MOVED_PERMANENTLY) {
            ctx.response().setStatusCode(301).putHeader("location", "/api/posts/" + reply.getMessage()).end();
          } else {
            ctx.fail(error);
          }
        });
  }

  void list(RoutingContext ctx) {
    int limit = QueryParams.limit(ctx.queryParams().get("limit"));
    String cursor = ctx.queryParams().get("cursor");
    if (cursor != null && cursor.length() > MAX_CURSOR) {
      throw ServiceFailure.badRequest("cursor is not one this API returned");
    }
    posts.list(new PostRequests.List(limit, cursor, ctx.queryParams().get("tag"),
            ctx.queryParams().get("series"), AdminAuth.isAdmin(ctx)))
        .onSuccess(page -> Responses.json(ctx, 200, page.toJson()))
        .onFailure(ctx::fail);
  }

  void update(RoutingContext ctx) {
    String ifMatch = ctx.request().getHeader("if-match");
    if (ifMatch == null) {
      throw new ServiceFailure(428, "send If-Match with the ETag you read, so no one's edit is overwritten");
    }
    long version = ETags.versionOf(ifMatch);
    if (version < 0) {
      throw ServiceFailure.preconditionFailed("If-Match does not name a current version of this post");
    }
    posts.update(new PostRequests.Update(slug(ctx), version, PostBodies.read(ctx)))
        .onSuccess(post -> sendPost(ctx, 200, post))
        .onFailure(ctx::fail);
  }

  void delete(RoutingContext ctx) {
    String ifMatch = ctx.request().getHeader("if-match");
    Long version = ifMatch == null ? null : ETags.versionOf(ifMatch);
    if (version != null && version < 0) {
      throw ServiceFailure.preconditionFailed("If-Match does not name a current version of this post");
    }
    posts.delete(new PostRequests.Delete(slug(ctx), version))
        .onSuccess(ignored -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void sendPost(RoutingContext ctx, int status, Post post) {
    cacheHeaders(ctx, post)
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(post.toJson().encode());
  }

  private static HttpServerResponse cacheHeaders(RoutingContext ctx, Post post) {
    return ctx.response()
        .putHeader("etag", post.etag())
        .putHeader("cache-control", Responses.cacheControl(ctx));
  }

  private static String slug(RoutingContext ctx) {
    String slug = ctx.pathParam("slug");
    if (slug == null || slug.isEmpty() || slug.length() > MAX_SLUG_IN_PATH) {
      throw ServiceFailure.notFound("no post with that slug");
    }
    return slug;
  }

}
