package io.octavo.gateway;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/** A request id per request: the caller's {@code X-Request-Id} when sane, else a new one. */
final class RequestIds {
  private static final String KEY = "request-id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private RequestIds() {
  }

  static void assign(RoutingContext ctx) {
    String given = ctx.request().getHeader("x-request-id");
    String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    ctx.put(KEY, id);
    ctx.response().putHeader("x-request-id", id);
    ctx.next();
  }

  static String of(RoutingContext ctx) {
    String id = ctx.get(KEY);
    return id == null ? "-" : id;
  }
}
