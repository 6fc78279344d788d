package io.octavo.gateway.site;

import io.octavo.common.posts.PostsClient;
import io.octavo.common.posts.SlugFormat;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * The fallback for a page that does not exist: when an imported site had a post at this path
 * ({@code /2017/08/01/slug.html}, {@code /posts/slug/}, a Hugo alias), a 301 to its Octavo page,
 * so inbound links and search rankings survive the move; otherwise {@code notFound} runs.
 */
public final class OldPathRedirects {
  private final PostsClient posts;

  public OldPathRedirects(PostsClient posts) {
    this.posts = posts;
  }

  public void redirectOr(RoutingContext ctx, Handler<RoutingContext> notFound) {
    String path = ctx.request().path();
    HttpMethod method = ctx.request().method();
    if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || path == null || path.startsWith("/api/")) {
      notFound.handle(ctx);
      return;
    }
    posts.slugForOldPath(path).onComplete(found -> {
      if (found.succeeded() && found.result() != null && !ctx.response().ended()) {
        ctx.response().setStatusCode(301).putHeader("location", "/posts/" + SlugFormat.urlPath(found.result()))
            .putHeader("cache-control", "public, max-age=86400").end();
      } else {
        notFound.handle(ctx);
      }
    });
  }
}
