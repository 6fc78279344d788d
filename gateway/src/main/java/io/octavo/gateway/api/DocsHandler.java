package io.octavo.gateway.api;

import io.octavo.gateway.edge.SecurityHeaders;
import io.octavo.gateway.edge.StaticBody;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * The API's reference: the OpenAPI 3.1 document at {@code /openapi.json} and Swagger UI at
 * {@code /docs}, all served from memory by Octavo itself (the UI from the swagger-ui WebJar).
 */
public final class DocsHandler {
  private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/5.34.1/";
  private static final String JS = "text/javascript; charset=utf-8";
  private static final String BRIEFLY = "public, max-age=300";
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private final StaticBody openapi;
  private final StaticBody page;
  private final StaticBody init;
  private final StaticBody bundle;
  private final StaticBody css;

  private DocsHandler(StaticBody openapi, StaticBody page, StaticBody init, StaticBody bundle, StaticBody css) {
    this.openapi = openapi;
    this.page = page;
    this.init = init;
    this.bundle = bundle;
    this.css = css;
  }

  /** Reads the documents once, off the event loop. */
  public static Future<DocsHandler> load(Vertx vertx) {
    return vertx.executeBlocking(() -> new DocsHandler(
        resource("/octavo/openapi.json", "application/json"), resource("/octavo/docs.html", "text/html; charset=utf-8"),
        resource("/octavo/docs-init.js", JS), resource(WEBJAR + "swagger-ui-bundle.js", JS),
        resource(WEBJAR + "swagger-ui.css", "text/css; charset=utf-8")));
  }

  public void openapi(RoutingContext ctx) {
    openapi.send(ctx, BRIEFLY);
  }

  public void page(RoutingContext ctx) {
    SecurityHeaders.Policy.DOCS.apply(ctx);
    page.send(ctx, BRIEFLY);
  }

  public void init(RoutingContext ctx) {
    init.send(ctx, BRIEFLY);
  }

  public void bundle(RoutingContext ctx) {
    bundle.send(ctx, IMMUTABLE);
  }

  public void css(RoutingContext ctx) {
    css.send(ctx, IMMUTABLE);
  }

  private static StaticBody resource(String path, String contentType) {
    StaticBody body = StaticBody.read(path, contentType);
    if (body == null) {
      throw new IllegalStateException("missing resource " + path);
    }
    return body;
  }
}
