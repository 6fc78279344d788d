package io.octavo.standalone;

import static io.octavo.standalone.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Writes do not rebuild feeds and the sitemap: at most one rebuild per refresh interval does. */
class FeedRebuildTest {
  private static final String TOKEN = "rebuild-token";
  private static TestOctavo octavo;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    octavo = TestOctavo.start(FeedRebuildTest.class, Map.of("OCTAVO_ADMIN_TOKEN", TOKEN,
        "OCTAVO_FEED_REFRESH_MS", "60000"));
    api = new Api(octavo.port(), TOKEN);
    api.create(post("First.").put("title", "First"));
  }

  @AfterAll
  static void stop() {
    api.close();
    octavo.close();
  }

  /** posts.list requests the posts-service has answered: what building a feed or a sitemap costs. */
  private static double listRequests() {
    return api.anonymous(HttpMethod.GET, "/metrics", null).bodyAsString().lines()
        .filter(line -> line.startsWith("octavo_bus_handled_total{") && line.contains("address=\"posts.list\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void aBurstOfWritesBetweenReadsCostsNoRebuildWithinTheInterval() {
    assertThat(api.anonymous(HttpMethod.GET, "/feed.json", null).statusCode()).isEqualTo(200);
    assertThat(api.anonymous(HttpMethod.GET, "/sitemap.xml", null).statusCode()).isEqualTo(200);
    double before = listRequests();
    for (int i = 0; i < 5; i++) {
      assertThat(api.create(post("Burst " + i).put("title", "Burst " + i)).statusCode()).isEqualTo(201);
      assertThat(api.anonymous(HttpMethod.GET, "/feed.json", null).statusCode()).isEqualTo(200);
      assertThat(api.anonymous(HttpMethod.GET, "/sitemap-1.xml", null).statusCode()).isEqualTo(200);
    }
    assertThat(listRequests()).as("posts.list requests for feeds and sitemap during the burst").isEqualTo(before);
    JsonObject feed = api.anonymous(HttpMethod.GET, "/feed.json", null).bodyAsJsonObject();
    assertThat(feed.getJsonArray("items").getJsonObject(0).getString("title"))
        .as("served as built, until the interval has passed").isEqualTo("First");
  }
}
