package io.octavo.gateway;

import io.octavo.common.metrics.Metrics;
import io.octavo.common.node.Node;
import io.octavo.common.testing.DocumentedHttp;
import io.octavo.common.testing.FreePort;
import io.octavo.gateway.edge.AdminToken;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;

/** A gateway for a test, alone on a Vert.x whose event bus the test fills with stand-ins ({@code BusStub}). */
public final class TestGateway {
  private TestGateway() {
  }

  /**
   * A free port, a 2 s bus timeout, and no drain delay: no load balancer watches a test's
   * gateway, and the default 2 s would be waited out at every close.
   */
  public static GatewaySettings settings(String token) {
    return settings(token, Map.of());
  }

  /**
   * As {@link #settings(String)}, with environment variables on top ({@code OCTAVO_SITE_TITLE}...):
   * a test sets what an operator would, by the same names.
   */
  public static GatewaySettings settings(String token, Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.put("HTTP_PORT", String.valueOf(FreePort.find()));
    all.putIfAbsent("OCTAVO_BUS_TIMEOUT_MS", "2000");
    all.putIfAbsent("OCTAVO_DRAIN_DELAY_MS", "0");
    return GatewaySettings.fromEnv(all, AdminToken.of(token));
  }

  /** Deploys the gateway and returns a client for it. */
  public static DocumentedHttp deploy(Vertx vertx, GatewaySettings settings) {
    return deploy(vertx, settings, Map.of());
  }

  /** As {@link #deploy(Vertx, GatewaySettings)}, with the node's environment (media limits read theirs there). */
  public static DocumentedHttp deploy(Vertx vertx, GatewaySettings settings, Map<String, String> env) {
    GatewayService.deploy(Node.of(vertx, Metrics.newRegistry(), env), settings).await();
    return DocumentedHttp.to(vertx, settings.httpPort());
  }
}
