package io.octavo.gateway.edge;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code HEAD} on every {@code GET} route (RFC 9110 9.3.2): the request is routed as a GET, so
 * status and headers are the GET's, and Vert.x sends no body on a response to a HEAD request.
 * Uptime monitors and link checkers use HEAD; a 405 makes them report the blog as down.
 */
public final class HeadRequests {
  private static final String HEAD = "octavo.head";

  private HeadRequests() {
  }

  /** Runs before every other handler, so each of them sees the request once, as a GET. */
  public static void asGet(RoutingContext ctx) {
    ctx.put(HEAD, Boolean.TRUE);
    ctx.reroute(HttpMethod.GET, ctx.request().uri());
  }

  /**
   * True when the client sent HEAD, which the rerouted request no longer says: a handler that
   * would fetch a body from elsewhere (a media file's chunks) can skip fetching what is never sent.
   */
  public static boolean isHead(RoutingContext ctx) {
    return Boolean.TRUE.equals(ctx.get(HEAD));
  }
}
