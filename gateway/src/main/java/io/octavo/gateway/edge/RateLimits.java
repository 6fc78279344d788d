package io.octavo.gateway.edge;

import io.micrometer.core.instrument.Counter;
import io.octavo.common.ServiceFailure;
import io.octavo.common.metrics.ServiceMeters;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's limits: anonymous reads per client address (generous by default), and failed
 * authentications per client address, which end in 429 after a burst so tokens cannot be guessed.
 * Authenticated admin calls are not throttled.
 */
public final class RateLimits {
  private final RateLimiter reads;
  private final RateLimiter authFailures;
  private final Counter readsRefused;
  private final Counter authRefused;

  /** Either limit 0 turns it off. */
  public RateLimits(int anonymousReadsPerMinute, int authFailuresPerMinute, ServiceMeters meters) {
    this.reads = new RateLimiter(anonymousReadsPerMinute);
    this.authFailures = new RateLimiter(authFailuresPerMinute);
    this.readsRefused = meters.counter("octavo.rate.limited", "limit", "reads");
    this.authRefused = meters.counter("octavo.rate.limited", "limit", "auth_failures");
  }

  /** Route handler for public reads: spends a token unless the caller is an admin. */
  public void limitReads(RoutingContext ctx) {
    if (!reads.enabled() || AdminAuth.isAdmin(ctx)) {
      ctx.next();
      return;
    }
    RateLimiter.Decision decision = reads.take(clientAddress(ctx));
    headers(ctx, decision);
    if (decision.allowed()) {
      ctx.next();
    } else {
      readsRefused.increment();
      ctx.response().putHeader("retry-after", String.valueOf(decision.resetSeconds()));
      ctx.fail(new ServiceFailure(429, "too many requests from your address; retry after "
          + decision.resetSeconds() + " s"));
    }
  }

  /** True while this address may still try a token; false once its failures used the budget up. */
  boolean mayAuthenticate(RoutingContext ctx) {
    if (!authFailures.enabled()) {
      return true;
    }
    RateLimiter.Decision decision = authFailures.peek(clientAddress(ctx));
    if (!decision.allowed()) {
      authRefused.increment();
      headers(ctx, decision);
      ctx.response().putHeader("retry-after", String.valueOf(decision.resetSeconds()));
    }
    return decision.allowed();
  }

  void authenticationFailed(RoutingContext ctx) {
    if (authFailures.enabled()) {
      authFailures.take(clientAddress(ctx));
    }
  }

  private static void headers(RoutingContext ctx, RateLimiter.Decision decision) {
    ctx.response()
        .putHeader("ratelimit-limit", String.valueOf(decision.limit()))
        .putHeader("ratelimit-remaining", String.valueOf(decision.remaining()))
        .putHeader("ratelimit-reset", String.valueOf(decision.resetSeconds()))
        .putHeader("ratelimit-policy", decision.limit() + ";w=60");
  }

  /** The client's address as {@link TrustedProxies} found it: never one the client chose. */
  static String clientAddress(RoutingContext ctx) {
    return TrustedProxies.of(ctx);
  }
}
