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
 * "METHOD /path" with parameters by name ({@code :slug} is {@code {slug}}), so a handler reads the
 * name the document gives; HEAD is left out, since every GET route answers it.
 */
class RoutesDocumentedTest {
  private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "options");
  /**
   * The one pair whose names differ: vert.x calls the rest of a path {@code *}, and nothing else can
   * take it (a {@code :name} is one segment; MathJax's files sit several folders deep), while the
   * document must name it ({@code {file}}, described as several segments).
   */
  private static final Map<String, String> REST_OF_PATH = Map.of("/assets/{root}/{file}", "/assets/{root}/{*}");
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void theRouterAndTheDocumentListTheSameOperations() throws IOException {
    assertThat(routed()).as("routes vs openapi.json").containsExactlyInAnyOrderElementsOf(documented());
  }

  @Test
  void parametersAreComparedByName() {
    assertThat(fromRoute("/sitemap-:n.xml")).isEqualTo(fromDocument("/sitemap-{n}.xml"));
    assertThat(fromRoute("/media/:sha/:name")).isNotEqualTo(fromDocument("/media/{sha256}/{name}"));
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
    return path.replaceAll(":([A-Za-z0-9_]+)", "{$1}").replaceAll("\\*$", "{*}");
  }

  private static String fromDocument(String path) {
    return REST_OF_PATH.getOrDefault(path, path);
  }
}
