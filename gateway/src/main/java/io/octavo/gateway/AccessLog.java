package io.octavo.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One structured line per request: id, method, path, status, duration, client. Logger "access". */
final class AccessLog {
  private static final Logger LOG = LoggerFactory.getLogger("access");

  private AccessLog() {
  }

  static void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addEndHandler(done -> {
      if (!LOG.isInfoEnabled()) {
        return;
      }
      String path = ctx.request().path();
      LOG.info(new JsonObject()
          .put("id", RequestIds.of(ctx))
          .put("method", ctx.request().method().name())
          .put("path", path != null && path.length() > 512 ? path.substring(0, 512) + "..." : path)
          .put("status", ctx.response().getStatusCode())
          .put("ms", Math.round((System.nanoTime() - start) / 1e5) / 10.0)
          .put("client", RateLimits.clientAddress(ctx))
          .encode());
    });
    ctx.next();
  }
}
