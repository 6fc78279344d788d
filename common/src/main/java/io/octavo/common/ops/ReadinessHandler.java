package io.octavo.common.ops;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /ready}: 200 when every readiness check is up, 503 otherwise, whether a check said
 * no, failed or timed out (Vert.x's own handler answers 500 for the last two, which load balancers
 * and operators read as a bug). The body names each check and its state only: what a failing
 * check saw (event-bus addresses, database errors) is internal and stays out of a public answer.
 */
final class ReadinessHandler implements Handler<RoutingContext> {
  private final HealthChecks readiness;

  ReadinessHandler(HealthChecks readiness) {
    this.readiness = readiness;
  }

  @Override
  public void handle(RoutingContext ctx) {
    readiness.checkStatus().onComplete(result -> {
      boolean up = result.succeeded() && CheckResult.isUp(result.result());
      JsonArray checks = new JsonArray();
      if (result.succeeded() && result.result().getChecks() != null) {
        for (CheckResult check : result.result().getChecks()) {
          checks.add(new JsonObject().put("id", check.getId()).put("status", CheckResult.isUp(check) ? "UP" : "DOWN"));
        }
      }
      ctx.response()
          .setStatusCode(up ? 200 : 503)
          .putHeader("content-type", "application/json")
          .putHeader("cache-control", "no-store")
                    // the shape of Vert.x's own handler ("outcome" too), without what each check saw
          .end(new JsonObject().put("status", up ? "UP" : "DOWN").put("outcome", up ? "UP" : "DOWN")
              .put("checks", checks).encode());
    });
  }
}
