package io.octavo.gateway.api;

import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsClient;
import io.octavo.gateway.edge.AdminAuth;
import io.octavo.gateway.edge.QueryParams;
import io.octavo.gateway.edge.Responses;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/search?q=&limit=&tag=}: ranked full-text search with highlighted snippets. */
public final class SearchHandler {
  private final PostsClient posts;

  public SearchHandler(PostsClient posts) {
    this.posts = posts;
  }

  public void search(RoutingContext ctx) {
    int limit = QueryParams.limit(ctx.queryParams().get("limit"));
    String query = ctx.queryParams().get("q");
    if (query == null || query.isBlank() || query.length() > PostRequests.Search.MAX_QUERY) {
      throw ServiceFailure.badRequest("q is required: up to " + PostRequests.Search.MAX_QUERY + " characters to search for");
    }
    posts.search(new PostRequests.Search(query, limit, ctx.queryParams().get("tag"),
            AdminAuth.isAdmin(ctx)))
        .onSuccess(hits -> Responses.json(ctx, 200, hits.toJson()))
        .onFailure(ctx::fail);
  }
}
