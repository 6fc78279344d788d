package io.octavo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.metrics.Metrics;
import io.octavo.common.node.Node;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every route the gateway's router has is in the OpenAPI document, and every path the document
 * lists has a route: adding one without the other fails here, naming it. Compared as
 * "METHOD /path" with parameters unnamed ({@code :slug}, {@code {slug}} and {@code *} alike); HEAD
 * is left out, since every GET route answers it.
 */
class RoutesDocumentedTest {
  private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "options");
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void theRouterAndTheDocumentListTheSameOperations() throws IOException {
    assertThat(routed()).isEqualTo(documented());
  }

  @Test
  void parametersAreComparedUnnamed() {
    assertThat(fromRoute("/sitemap-:n.xml")).isEqualTo(fromDocument("/sitemap-{n}.xml"));
    assertThat(fromRoute("/assets/:root/*")).isEqualTo(fromDocument("/assets/{root}/{file}"));
    assertThat(fromRoute("/api/posts/:slug")).isNotEqualTo(fromDocument("/api/posts"));
  }

  private Set<String> routed() {
    GatewaySettings settings = TestGateway.settings("routes-token");
    Node node = Node.of(vertx, Metrics.newRegistry(), Map.of());
    GatewayShared shared = GatewayService.share(node, settings).await();
    GatewayVerticle gateway = new GatewayVerticle(settings, shared, node.readiness(), node.registry());
    vertx.deployVerticle(gateway).await();
    Set<String> operations = new TreeSet<>();
    for (Route route : gateway.router().getRoutes()) {
      // filters (CORS, security headers, the HEAD reroute) carry no method or no plain path
      if (route.methods() == null || route.methods().isEmpty() || route.getPath() == null) {
        continue;
      }
      for (HttpMethod method : route.methods()) {
        if (method != HttpMethod.HEAD) {
          operations.add(method.name() + " " + fromRoute(route.getPath() + (route.isExactPath() ? "" : "*")));
        }
      }
    }
    return operations;
  }

  private static Set<String> documented() throws IOException {
    JsonObject paths;
    try (InputStream in = RoutesDocumentedTest.class.getResourceAsStream("/octavo/openapi.json")) {
      paths = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getJsonObject("paths");
    }
    Set<String> operations = new TreeSet<>();
    for (String path : paths.fieldNames()) {
      for (String key : paths.getJsonObject(path).fieldNames()) {
        if (OPERATIONS.contains(key)) {
          operations.add(key.toUpperCase() + " " + fromDocument(path));
        }
      }
    }
    return operations;
  }

  private static String fromRoute(String path) {
    return path.replaceAll(":[A-Za-z0-9_]+", "{}").replaceAll("\\*$", "{}");
  }

  private static String fromDocument(String path) {
    return path.replaceAll("\\{[^}]+}", "{}");
  }
}
