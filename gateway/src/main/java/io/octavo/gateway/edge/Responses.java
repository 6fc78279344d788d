package io.octavo.gateway.edge;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Successful responses: content type, validators, and caching that depends on who is reading. */
public final class Responses {
  private Responses() {
  }

  public static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .putHeader("cache-control", cacheControl(ctx))
        .putHeader("vary", "Authorization")
        .end(body.encode());
  }

  /** A resource as a write left it, with the ETag the next {@code If-Match} sends back. */
  public static void json(RoutingContext ctx, int status, JsonObject body, String etag) {
    ctx.etag(etag);
    json(ctx, status, body);
  }

  /** A cacheable read once it is made: the entry, or the failure's problem. */
  public static void send(RoutingContext ctx, Future<ResponseCache.Entry> entry) {
    entry.onSuccess(made -> send(ctx, made)).onFailure(ctx::fail);
  }

  /** A cacheable body with its ETag: 304 when the caller already has it. */
  public static void send(RoutingContext ctx, ResponseCache.Entry entry) {
    ctx.etag(entry.etag()).response()
        .putHeader("cache-control", cacheControl(ctx))
        .putHeader("vary", entry.gzipped() == null ? "Authorization" : "Authorization, Accept-Encoding");
    if (ctx.isFresh()) {
      ctx.response().setStatusCode(304).end();
    } else {
      ctx.response().setStatusCode(200).putHeader("content-type", entry.contentType());
      end(ctx, entry.body(), entry.gzipped());
    }
  }

  /** The gzipped copy when there is one and the client takes gzip, else the body as it is. */
  static void end(RoutingContext ctx, Buffer body, Buffer gzipped) {
    if (gzipped != null && Gzip.accepted(ctx.request().getHeader("accept-encoding"))) {
      // compressed once, ahead; a set Content-Encoding keeps the server from compressing again
      ctx.response().putHeader("content-encoding", "gzip").end(gzipped);
    } else {
      ctx.response().end(body);
    }
  }

  /**
   * Public reads may be stored by any cache but must be revalidated (ETags make that cheap), so a
   * change is seen at once; what an admin sees may include drafts and is never stored.
   */
  static String cacheControl(RoutingContext ctx) {
    return AdminAuth.isAdmin(ctx) ? "private, no-store" : "public, no-cache";
  }
}
