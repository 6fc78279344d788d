package io.octavo.gateway.api;

import io.octavo.gateway.edge.SecurityHeaders;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API's reference: the OpenAPI 3.1 document at {@code /openapi.json} and Swagger UI at
 * {@code /docs}, all served from memory by Octavo itself (the UI from the swagger-ui WebJar).
 */
public final class DocsHandler {
  private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/5.34.1/";
  /** Swagger UI sets inline styles; the docs page alone allows them. */
  private static final String DOCS_CSP = SecurityHeaders.CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

  private final Buffer openapi;
  private final Buffer page;
  private final Buffer init;
  private final Buffer bundle;
  private final Buffer css;

  private DocsHandler(Buffer openapi, Buffer page, Buffer init, Buffer bundle, Buffer css) {
    this.openapi = openapi;
    this.page = page;
    this.init = init;
    this.bundle = bundle;
    this.css = css;
  }

  /** Reads the documents once, off the event loop. */
  public static Future<DocsHandler> load(Vertx vertx) {
    return vertx.executeBlocking(() -> new DocsHandler(
        resource("/octavo/openapi.json"), resource("/octavo/docs.html"), resource("/octavo/docs-init.js"),
        resource(WEBJAR + "swagger-ui-bundle.js"), resource(WEBJAR + "swagger-ui.css")));
  }

  public void openapi(RoutingContext ctx) {
    ctx.response().putHeader("content-type", "application/json").putHeader("cache-control", "public, max-age=300")
        .end(openapi);
  }

  public void page(RoutingContext ctx) {
    ctx.response().putHeader("content-type", "text/html; charset=utf-8").putHeader("content-security-policy", DOCS_CSP)
        .putHeader("cache-control", "public, max-age=300").end(page);
  }

  public void init(RoutingContext ctx) {
    asset(ctx, init, "text/javascript; charset=utf-8", "public, max-age=300");
  }

  public void bundle(RoutingContext ctx) {
    asset(ctx, bundle, "text/javascript; charset=utf-8", "public, max-age=31536000, immutable");
  }

  public void css(RoutingContext ctx) {
    asset(ctx, css, "text/css; charset=utf-8", "public, max-age=31536000, immutable");
  }

  private static void asset(RoutingContext ctx, Buffer body, String type, String cacheControl) {
    ctx.response().putHeader("content-type", type).putHeader("cache-control", cacheControl).end(body);
  }

  private static Buffer resource(String path) {
    try (InputStream in = DocsHandler.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
