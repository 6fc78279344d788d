package io.octavo.gateway.edge;

import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Headers on every response: no MIME sniffing, no referrer to other origins; and on anything that
 * is not JSON API, a strict Content-Security-Policy and no framing. Every policy the gateway sends
 * is written here, from one base (docs/decisions.md says why not vert.x web's CSPHandler).
 */
public final class SecurityHeaders {
  /** Scripts, styles and images from this origin only, no inline script, no plugins, no framing. */
  private static final Map<String, String> BASE = directives(
      "default-src", "'self'", "script-src", "'self'", "style-src", "'self'", "img-src", "'self' data:",
      "font-src", "'self'", "connect-src", "'self'", "object-src", "'none'", "base-uri", "'none'",
      "frame-ancestors", "'none'", "form-action", "'self'");

  /** What a response may load. */
  public enum Policy {
    /** Everything outside the API unless said otherwise below. */
    STRICT(BASE),
    /**
     * The blog's pages: MathJax (on a page with a formula the server could not typeset) and the
     * server's MathML write inline styles, and images in posts may come from the web. Scripts stay
     * this origin's only (a page's JSON-LD block is data, not script).
     */
    PAGE(loosen("style-src", "'self' 'unsafe-inline'", "img-src", "'self' data: https:")),
    /** Swagger UI at {@code /docs} sets inline styles. */
    DOCS(loosen("style-src", "'self' 'unsafe-inline'")),
    /** An uploaded file opened directly: a sandbox with no script, no plugins, no origin. */
    MEDIA(directives("sandbox", "", "default-src", "'none'")),
    /** An uploaded SVG may carry script and styles: the same sandbox, its own styles and data: images only. */
    MEDIA_SVG(directives("sandbox", "", "default-src", "'none'", "style-src", "'unsafe-inline'", "img-src", "data:"));

    private final String header;

    Policy(Map<String, String> directives) {
      this.header = directives.entrySet().stream()
          .map(directive -> directive.getValue().isEmpty() ? directive.getKey() : directive.getKey() + " " + directive.getValue())
          .collect(Collectors.joining("; "));
    }

    /** The Content-Security-Policy header's value. */
    public String header() {
      return header;
    }

    /** Sets this policy on the response, in place of the strict one it started with. */
    public void apply(RoutingContext ctx) {
      ctx.response().putHeader("content-security-policy", header);
    }
  }

  private SecurityHeaders() {
  }

  /** First handlers of every request. */
  public static void handle(RoutingContext ctx) {
    ctx.response()
        .putHeader("x-content-type-options", "nosniff")
        .putHeader("referrer-policy", "strict-origin-when-cross-origin");
    if (!ctx.request().path().startsWith("/api/")) {
      Policy.STRICT.apply(ctx);
      ctx.response().putHeader("x-frame-options", "DENY");
    }
    ctx.next();
  }

  private static Map<String, String> directives(String... namesAndValues) {
    Map<String, String> directives = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      directives.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return directives;
  }

  /** The base policy with some directives replaced, in the base's order. */
  private static Map<String, String> loosen(String... namesAndValues) {
    Map<String, String> directives = new LinkedHashMap<>(BASE);
    directives.putAll(directives(namesAndValues));
    return directives;
  }
}
