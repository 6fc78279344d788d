package io.octavo.gateway.edge;

import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every response: no MIME sniffing, no referrer to other origins; and on anything that
 * is not JSON API, a strict Content-Security-Policy (scripts, styles and images from this origin
 * only, no inline script, no framing).
 */
public final class SecurityHeaders {
  public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
      + "form-action 'self'";

  private SecurityHeaders() {
  }

  public static void handle(RoutingContext ctx) {
    ctx.response()
        .putHeader("x-content-type-options", "nosniff")
        .putHeader("referrer-policy", "strict-origin-when-cross-origin");
    if (!ctx.request().path().startsWith("/api/")) {
      ctx.response().putHeader("content-security-policy", CSP).putHeader("x-frame-options", "DENY");
    }
    ctx.next();
  }
}
