package io.octavo.gateway.site;

import io.octavo.common.ServiceFailure;
import io.octavo.gateway.edge.PathParams;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages' assets, served by Octavo itself (no CDN, no other origin): MathJax and highlight.js
 * from their WebJars, and Octavo's own CSS and JS. Read from the jar once, kept in memory, sent
 * with year-long immutable caching (every path carries a version).
 */
public final class AssetsHandler {
  private static final Map<String, String> ROOTS = Map.of(
      "mathjax", "/META-INF/resources/webjars/mathjax/3.2.2/es5/",
      "highlight", "/META-INF/resources/webjars/highlightjs/11.10.0/",
      "site-2", "/octavo/assets/");
  private static final Map<String, String> TYPES = Map.of(
      "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "woff", "font/woff",
      "woff2", "font/woff2", "json", "application/json", "svg", "image/svg+xml");

  private final Map<String, Buffer> loaded = new ConcurrentHashMap<>();

  public void serve(RoutingContext ctx) {
    String root = ROOTS.get(PathParams.get(ctx, "root"));
    String file = ctx.pathParam("*");
    if (root == null || file == null || file.isEmpty() || file.contains("..") || file.startsWith("/")) {
      throw ServiceFailure.notFound("no such asset");
    }
    String extension = file.substring(file.lastIndexOf('.') + 1);
    String type = TYPES.get(extension);
    if (type == null) {
      throw ServiceFailure.notFound("no such asset");
    }
    String resource = root + file;
    Buffer cached = loaded.get(resource);
    if (cached != null) {
      send(ctx, cached, type);
      return;
    }
    ctx.vertx().executeBlocking(() -> read(resource), false).onSuccess(body -> {
      if (body == null) {
        ctx.fail(ServiceFailure.notFound("no such asset"));
      } else {
        loaded.put(resource, body);
        send(ctx, body, type);
      }
    }).onFailure(ctx::fail);
  }

  private static void send(RoutingContext ctx, Buffer body, String type) {
    ctx.response().putHeader("content-type", type)
        .putHeader("cache-control", "public, max-age=31536000, immutable")
        .end(body);
  }

  private static Buffer read(String resource) throws IOException {
    try (InputStream in = AssetsHandler.class.getResourceAsStream(resource)) {
      return in == null ? null : Buffer.buffer(in.readAllBytes());
    }
  }
}
