package io.octavo.gateway.api;

import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsClient;
import io.octavo.common.posts.SlugFormat;
import io.octavo.gateway.edge.AdminAuth;
import io.octavo.gateway.edge.ETags;
import io.octavo.gateway.edge.MovedPost;
import io.octavo.gateway.edge.PathParams;
import io.octavo.gateway.edge.QueryParams;
import io.octavo.gateway.edge.ResponseCache;
import io.octavo.gateway.edge.Responses;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/posts}: HTTP in, one posts-service request out, HTTP back. No business logic. */
public final class PostsHandler {
  private final PostsClient posts;
  private final ResponseCache cache;

  public PostsHandler(PostsClient posts, ResponseCache cache) {
    this.posts = posts;
    this.cache = cache;
  }

  public void create(RoutingContext ctx) {
    posts.create(PostBodies.read(ctx))
        .onSuccess(post -> {
          ctx.response().putHeader("location", "/api/posts/" + SlugFormat.urlPath(post.slug()));
          sendPost(ctx, 201, post);
        })
        .onFailure(ctx::fail);
  }

  /** Anonymous reads are served from the replica's cache when it has the post. */
  public void get(RoutingContext ctx) {
    String slug = slug(ctx);
    boolean admin = AdminAuth.isAdmin(ctx);
    cache.read(admin ? null : "post:" + slug, () -> posts.get(new PostRequests.Get(slug, admin))
            .compose(MovedPost::found)
            .map(post -> new ResponseCache.Entry(Buffer.buffer(post.toJson().encode()), "application/json", post.etag())))
        .onSuccess(entry -> Responses.send(ctx, entry))
        .onFailure(error -> {
          if (error instanceof MovedPost moved) {
            ctx.response().setStatusCode(301).putHeader("location", "/api/posts/" + SlugFormat.urlPath(moved.slug())).end();
          } else {
            ctx.fail(error);
          }
        });
  }

  public void list(RoutingContext ctx) {
    int limit = QueryParams.limit(ctx.queryParams().get("limit"));
    String cursor = QueryParams.cursor(ctx.queryParams().get("cursor"), "cursor is not one this API returned");
    boolean admin = AdminAuth.isAdmin(ctx);
    String tag = ctx.queryParams().get("tag");
    String series = ctx.queryParams().get("series");
    String key = admin ? null : "list:" + limit + ":" + cursor + ":" + tag + ":" + series;
    Responses.send(ctx, cache.read(key, () -> posts.list(new PostRequests.List(limit, cursor, tag, series, admin))
        .map(page -> ResponseCache.Entry.of(page.toJson().encode(), "application/json"))));
  }

  public void update(RoutingContext ctx) {
    String ifMatch = ctx.request().getHeader("if-match");
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ServiceFailure(428, "send If-Match with the ETag you read, so no one's edit is overwritten");
    }
    long version = ETags.isAny(ifMatch) ? PostRequests.Update.ANY_VERSION : ETags.versionOf(ifMatch);
    if (version < 0) {
      throw ServiceFailure.preconditionFailed("If-Match does not name a current version of this post");
    }
    posts.update(new PostRequests.Update(slug(ctx), version, PostBodies.read(ctx)))
        .onSuccess(post -> sendPost(ctx, 200, post))
        .onFailure(ctx::fail);
  }

  public void delete(RoutingContext ctx) {
    String ifMatch = ctx.request().getHeader("if-match");
    if (ifMatch != null && ifMatch.isBlank()) {
      throw new ServiceFailure(428, "If-Match is empty: send the ETag you read, or * for whatever version is current");
    }
    Long version = ifMatch == null || ETags.isAny(ifMatch) ? null : ETags.versionOf(ifMatch);
    if (version != null && version < 0) {
      throw ServiceFailure.preconditionFailed("If-Match does not name a current version of this post");
    }
    posts.delete(new PostRequests.Delete(slug(ctx), version))
        .onSuccess(ignored -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** The post as the write left it; unlike {@link Responses#json} no {@code Vary}, as it always was. */
  private static void sendPost(RoutingContext ctx, int status, Post post) {
    ctx.etag(post.etag()).response()
        .putHeader("cache-control", "private, no-store")
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(post.toJson().encode());
  }

  /** No post can have a slug outside the slug format, so such paths end here, never on the bus. */
  static String slug(RoutingContext ctx) {
    String slug = PathParams.get(ctx, "slug");
    if (!SlugFormat.isValid(slug)) {
      throw ServiceFailure.notFound("no post with that slug");
    }
    return slug;
  }
}
