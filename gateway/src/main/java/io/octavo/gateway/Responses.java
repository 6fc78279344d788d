package io.octavo.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Successful JSON responses: one content type, and caching that depends on who is reading. */
final class Responses {
  private Responses() {
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .putHeader("cache-control", cacheControl(ctx))
        .end(body.encode());
  }

  /** Readers revalidate (ETags make that cheap); what an admin sees may include drafts: never stored. */
  static String cacheControl(RoutingContext ctx) {
    return AdminAuth.isAdmin(ctx) ? "private, no-store" : "no-cache";
  }
}
