package io.octavo.common.node;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.HealthChecks;
import java.util.Map;

/**
 * What every service deployment needs from its process: the Vert.x instance, the process-wide
 * metrics registry, the readiness checks each service adds to, and the environment.
 */
public record Node(Vertx vertx, PrometheusMeterRegistry registry, HealthChecks readiness,
                   Map<String, String> env) {

  public static Node of(Vertx vertx, PrometheusMeterRegistry registry, Map<String, String> env) {
    return new Node(vertx, registry, HealthChecks.create(vertx), env);
  }
}
