package io.octavo.gateway.api;

import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsClient;
import io.octavo.gateway.edge.AdminAuth;
import io.octavo.gateway.edge.PathParams;
import io.octavo.gateway.edge.Responses;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/series/{name}}: the parts of a series, in order. */
public final class SeriesHandler {
  private static final int MAX_NAME = 200;
  private final PostsClient posts;

  public SeriesHandler(PostsClient posts) {
    this.posts = posts;
  }

  public void get(RoutingContext ctx) {
    String name = PathParams.get(ctx, "name");
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw ServiceFailure.notFound("no such series");
    }
    posts.series(new PostRequests.Series(name, AdminAuth.isAdmin(ctx)))
        .onSuccess(series -> Responses.json(ctx, 200, series.toJson()))
        .onFailure(ctx::fail);
  }
}
