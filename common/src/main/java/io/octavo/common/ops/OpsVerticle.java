package io.octavo.common.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.web.Router;

/** The HTTP server of a service that has no API of its own: only the ops routes. */
public final class OpsVerticle extends VerticleBase {
  private final int port;
  private final HealthChecks readiness;
  private final PrometheusMeterRegistry registry;

  public OpsVerticle(int port, HealthChecks readiness, PrometheusMeterRegistry registry) {
    this.port = port;
    this.readiness = readiness;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    OpsRoutes.mount(router, readiness, registry);
    return vertx.createHttpServer().requestHandler(router).listen(port);
  }
}
