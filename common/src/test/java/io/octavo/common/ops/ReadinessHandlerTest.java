package io.octavo.common.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.metrics.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /ready} is 200 or 503, never 500, and shows no check's internals. */
class ReadinessHandlerTest {
  private final Vertx vertx = Vertx.vertx();
  // held in a field: Vert.x closes a client that is no longer referenced when the GC runs, and an
  // inline one was closed mid-request in the slow first test
  private final HttpClient client = vertx.createHttpClient();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private record Answer(int status, String body) {
  }

  private Answer ready(HealthChecks checks) {
    Router router = Router.router(vertx);
    OpsRoutes.mount(router, checks, Metrics.newRegistry());
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    return client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", "/ready")
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body.toString())))
        .await();
  }

  @Test
  void aCheckThatTimesOutIs503() {
    HealthChecks checks = HealthChecks.create(vertx).register("database", 100, promise -> { }); // never completes
    Answer answer = ready(checks);
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.body()).contains("\"database\"", "DOWN").doesNotContain("procedure", "Timeout", "Exception");
  }

  @Test
  void aCheckThatFailsIs503AndItsDataStaysInside() {
    HealthChecks checks = HealthChecks.create(vertx)
        .register("fine", promise -> promise.complete(Status.OK()))
        .register("bus", promise -> promise.fail("No handlers for address posts.health"));
    Answer answer = ready(checks);
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.body()).doesNotContain("posts.health", "No handlers");
  }

  @Test
  void everyCheckUpIs200() {
    assertThat(ready(HealthChecks.create(vertx).register("fine", promise -> promise.complete(Status.OK()))).status())
        .isEqualTo(200);
  }
}
