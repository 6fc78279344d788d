package io.octavo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.Addresses;
import io.octavo.common.metrics.Metrics;
import io.octavo.common.node.Node;
import io.octavo.common.testing.FreePort;
import io.octavo.gateway.edge.AdminToken;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A gateway is ready when it can serve readers; when it cannot, it says 503 and nothing internal. */
class ReadinessTest {
  private Vertx vertx;
  private WebClient http;

  @BeforeEach
  void start() throws Exception {
    int port = FreePort.find();
    vertx = Vertx.vertx();
    GatewayService.deploy(Node.of(vertx, Metrics.newRegistry(), Map.of()),
        GatewaySettings.defaults(port, AdminToken.of("ready-token")).withBusTimeout(Duration.ofSeconds(2))).await();
    http = WebClient.create(vertx, new WebClientOptions().setDefaultPort(port).setDefaultHost("127.0.0.1"));
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private HttpResponse<Buffer> ready() {
    return http.get("/ready").send().await();
  }

  @Test
  void readyWithThePostsServiceAndNoRenderService() {
    vertx.eventBus().consumer(Addresses.POSTS_HEALTH, message -> message.reply(new JsonObject().put("status", "UP")))
        .completion().await();
    HttpResponse<Buffer> ready = ready();
    assertThat(ready.statusCode()).as(ready.bodyAsString()).isEqualTo(200);
  }

  @Test
  void notReadyWithoutThePostsServiceIs503NamingNoAddress() {
    HttpResponse<Buffer> ready = ready();
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.getHeader("content-type")).isEqualTo("application/json");
    assertThat(ready.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
    assertThat(ready.bodyAsString()).doesNotContain(Addresses.POSTS_HEALTH, "No handlers", "Exception");
  }
}
