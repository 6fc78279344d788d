package io.octavo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsContracts;
import io.octavo.common.testing.BusStub;
import io.octavo.common.testing.DocumentedHttp;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * This release's gateway in front of a posts-service of the previous release (gateways replaced
 * last, or a rollback of the posts-service): that service tells of a renamed post by failing
 * {@code posts.get} with code 301 and the new slug, and readers must still be redirected.
 */
class PreviousPostsServiceTest {
  private static Vertx vertx;
  private static BusStub previousRelease;
  private static DocumentedHttp http;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    previousRelease = BusStub.on(vertx).fail(PostsContracts.GET, 301, "new-name");
    http = TestGateway.deploy(vertx, TestGateway.settings("previous-release-token"));
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void aMoveReportedAsFailure301RedirectsTheApiAndThePage() {
    HttpResponse<Buffer> api = http.get("/api/posts/old-name");
    assertThat(api.statusCode()).isEqualTo(301);
    assertThat(api.getHeader("location")).isEqualTo("/api/posts/new-name");

    HttpResponse<Buffer> page = http.get("/posts/old-name");
    assertThat(page.statusCode()).isEqualTo(301);
    assertThat(page.getHeader("location")).isEqualTo("/posts/new-name");

    assertThat(previousRelease.requests(PostsContracts.GET)).as("each request says it reads a Moved reply")
        .isNotEmpty().allMatch(PostRequests.Get::acceptsMoved);
  }
}
