package io.octavo.gateway.edge;

import io.octavo.common.ServiceFailure;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/** Path parameters, decoded; a malformed percent-encoding is the client's mistake (400), not ours. */
public final class PathParams {
  private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  private PathParams() {
  }

  /**
   * First handler of every request: the router decodes the path to match routes, and a malformed
   * escape such as {@code %zz} would surface there as a server error.
   */
  public static void checkEncoding(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path != null && path.indexOf('%') >= 0 && BAD_ESCAPE.matcher(path).find()) {
      ctx.fail(new ServiceFailure(400, "the path has a malformed percent-encoding"));
    } else if (hasNul(ctx.request().uri())) {
      // no slug, tag, query or cursor can hold U+0000, and PostgreSQL text cannot store it
      ctx.fail(new ServiceFailure(400, "the path or query contains a NUL character (U+0000)"));
    } else {
      ctx.next();
    }
  }

  /** A raw NUL, or its escape {@code %00} (which {@code %2500}, an escaped "%00", does not contain). */
  private static boolean hasNul(String uri) {
    if (uri == null) {
      return false;
    }
    if (uri.indexOf('\0') >= 0) {
      return true;
    }
    for (int i = uri.indexOf('%'); i >= 0 && i + 2 < uri.length(); i = uri.indexOf('%', i + 1)) {
      if (uri.charAt(i + 1) == '0' && uri.charAt(i + 2) == '0') {
        return true;
      }
    }
    return false;
  }

  public static String get(RoutingContext ctx, String name) {
    try {
      return ctx.pathParam(name);
    } catch (IllegalArgumentException e) {
      throw ServiceFailure.badRequest("the path has a malformed percent-encoding");
    }
  }
}
