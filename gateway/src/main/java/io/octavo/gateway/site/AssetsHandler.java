package io.octavo.gateway.site;

import io.octavo.common.ServiceFailure;
import io.octavo.gateway.edge.PathParams;
import io.octavo.gateway.edge.StaticBody;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages' assets, served by Octavo itself (no CDN, no other origin): MathJax and highlight.js
 * from their WebJars, and Octavo's own CSS and JS. Read from the jar once, kept in memory (gzipped
 * once too), sent with year-long immutable caching (every path carries a version). Not vert.x
 * web's StaticHandler: docs/decisions.md says why.
 */
public final class AssetsHandler {
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final Map<String, String> ROOTS = Map.of(
      "mathjax", "/META-INF/resources/webjars/mathjax/3.2.2/es5/",
      "highlight", "/META-INF/resources/webjars/highlightjs/11.10.0/",
      "site-2", "/octavo/assets/");
  private static final Map<String, String> TYPES = Map.of(
      "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "woff", "font/woff",
      "woff2", "font/woff2", "json", "application/json", "svg", "image/svg+xml");

  private final Map<String, StaticBody> loaded = new ConcurrentHashMap<>();

  public void serve(RoutingContext ctx) {
    String root = ROOTS.get(PathParams.get(ctx, "root"));
    String file = ctx.pathParam("*");
    if (root == null || file == null || file.isEmpty() || file.contains("..") || file.startsWith("/")) {
      throw ServiceFailure.notFound("no such asset");
    }
    String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
    if (type == null) {
      throw ServiceFailure.notFound("no such asset");
    }
    String resource = root + file;
    StaticBody cached = loaded.get(resource);
    if (cached != null) {
      cached.send(ctx, IMMUTABLE);
      return;
    }
    ctx.vertx().executeBlocking(() -> StaticBody.read(resource, type), false).onSuccess(body -> {
      if (body == null) {
        ctx.fail(ServiceFailure.notFound("no such asset"));
      } else {
        loaded.put(resource, body);
        body.send(ctx, IMMUTABLE);
      }
    }).onFailure(ctx::fail);
  }
}
