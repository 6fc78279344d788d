package io.octavo.standalone;

import static io.octavo.common.testing.TestMedia.png;
import static io.octavo.common.testing.TestMedia.sha256;
import static io.octavo.standalone.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.testing.DocumentedHttp;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Media the whole way: deleted only with force while a post shows it (and then no longer served),
 * measured, and linked from posts (sized, waited for, given smaller copies). Uploads and serving at
 * the gateway (types by content, limits, caching, ranges, sandboxing) are the gateway's
 * MediaFilesTest; the store's own rules (one item per content, lists, chunks) posts-service's
 * MediaStoreTest.
 */
class MediaTest {
  private static final String TOKEN = "media-token";
  private static StandaloneMain.Octavo octavo;
  private static Api api;
  private static Vertx vertx;
  private static DocumentedHttp checked;

  @BeforeAll
  static void start() throws Exception {
    TestOctavo started = TestOctavo.start(MediaTest.class, Map.of("OCTAVO_ADMIN_TOKEN", TOKEN));
    octavo = started.octavo();
    api = new Api(started.port(), TOKEN);
    vertx = Vertx.vertx();
    checked = DocumentedHttp.to(vertx, started.port());
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    api.close();
    octavo.close();
  }

  @Test
  void uploadsServingAndTheCacheAreMeasured() throws Exception {
    String url = raw("measured.png", "image/png", png(12, 12, Color.WHITE)).bodyAsJsonObject().getString("url");
    get(url, Map.of());
    get(url, Map.of());
    String metrics = get("/metrics", Map.of()).bodyAsString();
    assertThat(metrics).contains("octavo_media_uploads_total{outcome=\"created\"", "octavo_media_stored_bytes_total",
        "octavo_media_serve_seconds_count{cache=\"hit\"", "cache_gets_total{cache=\"octavo_media\",result=\"hit\"");
  }

  @Test
  void aPostsRelativeImageLoadsOnItsPage() throws Exception {
    byte[] png = png(800, 600, Color.MAGENTA);
    JsonObject item = raw("plot.png", "image/png", png).bodyAsJsonObject();
    JsonObject created = api.create(post("Look:\n\n![the plot](./images/plot.png)\n\n![gone](missing.png)")
        .put("title", "With a figure").put("slug", "with-figure")).bodyAsJsonObject();
    assertThat(created.getJsonArray("warnings").encode()).contains("missing.png").doesNotContain("plot.png");

    String html = api.get("with-figure").bodyAsJsonObject().getString("html");
    Element img = Jsoup.parse(html).selectFirst("img[alt=the plot]");
    assertThat(img.attr("src")).isEqualTo(item.getString("url"));
    assertThat(img.attr("width")).isEqualTo("800");
    assertThat(img.attr("height")).isEqualTo("600");
    assertThat(img.attr("loading")).isEqualTo("lazy");
    assertThat(img.attr("decoding")).isEqualTo("async");

    Element onPage = Jsoup.parse(get("/posts/with-figure", Map.of("accept", "text/html")).bodyAsString())
        .selectFirst("img[alt=the plot]");
    HttpResponse<Buffer> image = get(onPage.attr("src"), Map.of());
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.getHeader("content-type")).isEqualTo("image/png");

    JsonObject listed = api.adminGet("/api/media/" + item.getLong("id")).bodyAsJsonObject();
    assertThat(listed.getJsonArray("posts").getJsonObject(0).getString("slug")).isEqualTo("with-figure");
  }

  @Test
  void aPostWaitingForAnImageShowsItOnceItIsUploaded() throws Exception {
    JsonObject created = api.create(post("Soon: ![later](figures/later.png)").put("title", "Later").put("slug", "later"))
        .bodyAsJsonObject();
    assertThat(created.getJsonArray("warnings").encode()).contains("figures/later.png");

    JsonObject item = raw("later.png", "image/png", png(50, 40, Color.YELLOW)).bodyAsJsonObject();
    // the render job links it in the background: no save by the writer
    JsonObject post = null;
    for (int attempt = 0; attempt < 100; attempt++) {
      post = api.get("later").bodyAsJsonObject();
      if (post.getString("html").contains(item.getString("url"))) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(Jsoup.parse(post.getString("html")).selectFirst("img").attr("src")).isEqualTo(item.getString("url"));
    assertThat(post.getJsonArray("warnings")).isEmpty();
  }

  @Test
  void largeImagesGetSmallerCopiesInSrcset() throws Exception {
    byte[] png = png(1500, 1000, Color.PINK);
    JsonObject item = raw("wide.png", "image/png", png).bodyAsJsonObject();
    String url = item.getString("url");
    api.create(post("![wide](wide.png)").put("title", "Wide").put("slug", "wide"));
    Element img = Jsoup.parse(api.get("wide").bodyAsJsonObject().getString("html")).selectFirst("img");
    assertThat(img.attr("srcset")).isEqualTo(url + "?w=640 640w, " + url + "?w=1280 1280w, " + url + " 1500w");
    assertThat(img.attr("sizes")).isNotBlank();

    // made in the background: until then the original answers, briefly cacheable
    HttpResponse<Buffer> small = null;
    for (int attempt = 0; attempt < 100; attempt++) {
      small = get(url + "?w=640", Map.of());
      if (small.getHeader("cache-control").contains("immutable")) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(small.getHeader("cache-control")).contains("immutable");
    assertThat(small.getHeader("etag")).isEqualTo("\"" + item.getString("sha256") + "-640\"");
    BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(small.body().getBytes()));
    assertThat(decoded.getWidth()).isEqualTo(640);
    assertThat(decoded.getHeight()).isEqualTo(427);
  }

  @Test
  void deletingAnItemAPublishedPostShowsNeedsForce() throws Exception {
    byte[] png = png(30, 30, Color.CYAN);
    JsonObject item = raw("shown.png", "image/png", png).bodyAsJsonObject();
    api.create(post("![x](shown.png)").put("title", "Shows it").put("slug", "shows-it"));
    String path = "/api/media/" + item.getLong("id");

    HttpResponse<Buffer> refused = api.raw(HttpMethod.DELETE, path, null);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.getHeader("content-type")).isEqualTo("application/problem+json");

    assertThat(api.raw(HttpMethod.DELETE, path + "?force=true", null).statusCode()).isEqualTo(204);
    assertThat(api.adminGet(path).statusCode()).isEqualTo(404);
    assertThat(get(item.getString("url"), Map.of()).statusCode()).isEqualTo(404);
  }

  private static HttpResponse<Buffer> raw(String name, String type, byte[] bytes) {
    MultiMap headers = DocumentedHttp.headers("authorization", "Bearer " + TOKEN);
    if (type != null) {
      headers.add("content-type", type);
    }
    return checked.send(HttpMethod.POST, "/api/media?name=" + name, headers, bytes);
  }

  private static HttpResponse<Buffer> get(String path, Map<String, String> headers) {
    return checked.get(path, MultiMap.caseInsensitiveMultiMap().addAll(headers));
  }
}
