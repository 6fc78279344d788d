package io.octavo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.contracts.Health;
import io.octavo.common.posts.PostsContracts;
import io.octavo.common.testing.BusStub;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A gateway is ready when it can serve readers; when it cannot, it says 503 and nothing internal. */
class ReadinessTest {
  private Vertx vertx;
  private WebClient http;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    http = TestGateway.deploy(vertx, TestGateway.settings("ready-token")).unchecked();
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
    BusStub.on(vertx).reply(PostsContracts.HEALTH, Health.up());
    HttpResponse<Buffer> ready = ready();
    assertThat(ready.statusCode()).as(ready.bodyAsString()).isEqualTo(200);
  }

  @Test
  void notReadyWithoutThePostsServiceIs503NamingNoAddress() {
    HttpResponse<Buffer> ready = ready();
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.getHeader("content-type")).isEqualTo("application/json");
    assertThat(ready.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
    assertThat(ready.bodyAsString()).doesNotContain(PostsContracts.HEALTH.address(), "No handlers", "Exception");
  }
}
