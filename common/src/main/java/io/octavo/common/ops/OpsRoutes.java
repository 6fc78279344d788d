package io.octavo.common.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;

/**
 * The operator's endpoints every service serves: {@code /health} (the process is alive),
 * {@code /ready} (its dependencies answer; 503 otherwise) and {@code /metrics} (Prometheus text).
 */
public final class OpsRoutes {
  private static final String ALIVE = new JsonObject().put("status", "UP").encode();

  private OpsRoutes() {
  }

  public static void mount(Router router, HealthChecks readiness, PrometheusMeterRegistry registry) {
    router.get("/health").handler(ctx -> ctx.response()
        .putHeader("content-type", "application/json")
        .putHeader("cache-control", "no-store")
        .end(ALIVE));
    router.get("/ready").handler(new ReadinessHandler(readiness));
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
  }
}
