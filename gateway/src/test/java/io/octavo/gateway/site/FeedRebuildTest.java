package io.octavo.gateway.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.posts.PostsContracts;
import io.octavo.common.testing.DocumentedHttp;
import io.octavo.gateway.StubPostsService;
import io.octavo.gateway.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Writes do not rebuild feeds and the sitemap: at most one rebuild per refresh interval does. */
class FeedRebuildTest {
  private static final String TOKEN = "rebuild-token";
  private static Vertx vertx;
  private static DocumentedHttp http;
  private static StubPostsService posts;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    posts = StubPostsService.start(vertx, List.of("First"), List.of());
    http = TestGateway.deploy(vertx, TestGateway.settings(TOKEN, Map.of("OCTAVO_FEED_REFRESH_MS", "60000")));
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  /** posts.list requests the posts-service was sent: what building a feed or a sitemap costs. */
  private static int listRequests() {
    return posts.bus().count(PostsContracts.LIST);
  }

  @Test
  void aBurstOfWritesBetweenReadsCostsNoRebuildWithinTheInterval() {
    assertThat(http.get("/feed.json").statusCode()).isEqualTo(200);
    assertThat(http.get("/sitemap.xml").statusCode()).isEqualTo(200);
    int before = listRequests();
    for (int i = 0; i < 5; i++) {
      String post = new JsonObject().put("markdown", "Burst " + i).put("title", "Burst " + i).encode();
      assertThat(http.send(HttpMethod.POST, "/api/posts", DocumentedHttp.admin(TOKEN), post).statusCode()).isEqualTo(201);
      assertThat(http.get("/feed.json").statusCode()).isEqualTo(200);
      assertThat(http.get("/sitemap-1.xml").statusCode()).isEqualTo(200);
    }
    assertThat(listRequests()).as("posts.list requests for feeds and sitemap during the burst").isEqualTo(before);
    JsonObject feed = http.get("/feed.json").bodyAsJsonObject();
    assertThat(feed.getJsonArray("items").getJsonObject(0).getString("title"))
        .as("served as built, until the interval has passed").isEqualTo("First");
  }
}
