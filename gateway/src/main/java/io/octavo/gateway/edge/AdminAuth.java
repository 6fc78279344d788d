package io.octavo.gateway.edge;

import io.octavo.common.ServiceFailure;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer-token auth. Writes require the admin token; reads are open, and an admin reading sees
 * drafts too. A token that is sent but wrong is refused even on a read, so a typo never passes
 * silently as "anonymous".
 */
public final class AdminAuth {
  private static final String ADMIN = "admin";
  private final AdminToken token;
  private final RateLimits limits;

  public AdminAuth(AdminToken token, RateLimits limits) {
    this.token = token;
    this.limits = limits;
  }

  /** Route handler for writes: 401 unless the admin token is presented; 429 after many failures. */
  public void require(RoutingContext ctx) {
    String presented = bearer(ctx);
    if (presented == null) {
      ctx.fail(new ServiceFailure(401, "this call needs 'Authorization: Bearer <token>'"));
    } else if (!limits.mayAuthenticate(ctx)) {
      ctx.fail(new ServiceFailure(429, "too many failed authentications from your address; retry later"));
    } else if (!token.matches(presented)) {
      limits.authenticationFailed(ctx);
      ctx.fail(new ServiceFailure(401, "the bearer token is not valid"));
    } else {
      ctx.put(ADMIN, true);
      ctx.next();
    }
  }

  /** Route handler for reads: marks admins, refuses wrong tokens, lets anonymous callers through. */
  public void identify(RoutingContext ctx) {
    String presented = bearer(ctx);
    if (presented == null) {
      ctx.next();
    } else {
      require(ctx);
    }
  }

  public static boolean isAdmin(RoutingContext ctx) {
    return Boolean.TRUE.equals(ctx.get(ADMIN));
  }

  private static String bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("authorization");
    if (header == null) {
      return null;
    }
    return header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
  }
}
