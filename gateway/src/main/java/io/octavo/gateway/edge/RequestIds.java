package io.octavo.gateway.edge;

import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** A request id per request: the caller's {@code X-Request-Id} when sane, else a new one. */
public final class RequestIds {
  private static final String KEY = "request-id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  /** Unique per process start (random) and per request (a counter): cheap, unlike a random UUID. */
  private static final String PREFIX = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
  private static final AtomicLong COUNTER = new AtomicLong();

  private RequestIds() {
  }

  public static void assign(RoutingContext ctx) {
    String given = ctx.request().getHeader("x-request-id");
    String id = given != null && SANE.matcher(given).matches() ? given
        : PREFIX + "-" + Long.toString(COUNTER.incrementAndGet(), 36);
    ctx.put(KEY, id);
    ctx.response().putHeader("x-request-id", id);
    ctx.next();
  }

  static String of(RoutingContext ctx) {
    String id = ctx.get(KEY);
    return id == null ? "-" : id;
  }
}
