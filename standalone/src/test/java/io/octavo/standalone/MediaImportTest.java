package io.octavo.standalone;

import static io.octavo.common.testing.TestArchives.unzip;
import static io.octavo.common.testing.TestArchives.zip;
import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.testing.DocumentedHttp;
import io.octavo.common.testing.TestMedia;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A site's images come with its posts: imported as media, linked from the posts, exported and imported back. */
class MediaImportTest {
  private static final String TOKEN = "media-import-token";
  private static Vertx vertx;
  private static Blog first;
  private static Blog second;

  private record Blog(TestOctavo octavo, DocumentedHttp http) {
    HttpResponse<Buffer> send(HttpMethod method, String path, Buffer body) {
      return http.send(method, path, DocumentedHttp.headers("authorization", "Bearer " + TOKEN,
          "content-type", "application/zip"), body);
    }

    JsonObject importArchive(byte[] zip) throws InterruptedException {
      HttpResponse<Buffer> accepted = send(HttpMethod.POST, "/api/import", Buffer.buffer(zip));
      assertThat(accepted.statusCode()).as(accepted.bodyAsString()).isEqualTo(202);
      for (int attempt = 0; attempt < 200; attempt++) {
        JsonObject job = send(HttpMethod.GET, accepted.getHeader("location"), null).bodyAsJsonObject();
        if (!"running".equals(job.getString("status"))) {
          return job;
        }
        Thread.sleep(100);
      }
      throw new AssertionError("import did not finish");
    }

    /** The post's images, by alt text: src, and what the src serves. */
    Map<String, String> images(String slug) {
      String html = send(HttpMethod.GET, "/api/posts/" + slug, null).bodyAsJsonObject().getString("html");
      Map<String, String> images = new TreeMap<>();
      for (Element img : Jsoup.parse(html).select("img")) {
        HttpResponse<Buffer> image = send(HttpMethod.GET, img.attr("src"), null);
        images.put(img.attr("alt"), img.attr("src") + " " + image.statusCode() + " " + image.getHeader("content-type"));
      }
      return images;
    }
  }

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    first = blog("first");
    second = blog("second");
  }

  private static Blog blog(String which) throws Exception {
    TestOctavo started = TestOctavo.start(MediaImportTest.class, Map.of("OCTAVO_ADMIN_TOKEN", TOKEN));
    return new Blog(started, DocumentedHttp.to(vertx, started.port()));
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    first.octavo().close();
    second.octavo().close();
  }

  @Test
  void importedImagesLoadAndExportImportsBackIdentically() throws Exception {
    Map<String, byte[]> site = new LinkedHashMap<>();
    // Jekyll: a post before the assets/ folder it refers to, from the site root
    site.put("blog/_posts/2020-01-02-plots.md", text("---\ntitle: Plots\n---\n![loss](/assets/img/loss.png)\n\n"
        + "![accuracy](../assets/img/accuracy.png)\n"));
    site.put("blog/assets/img/loss.png", TestMedia.png(320, 200, Color.RED));
    site.put("blog/assets/img/accuracy.png", TestMedia.png(330, 200, Color.BLUE));
    // Hugo: a page bundle with its image beside index.md, and one under static/
    site.put("blog/content/posts/bundle/index.md", text("---\ntitle: Bundle\n---\n![cover](cover.png)\n\n"
        + "![diagram](/images/diagram.png)\n"));
    site.put("blog/content/posts/bundle/cover.png", TestMedia.png(100, 50, Color.GREEN));
    site.put("blog/static/images/diagram.png", TestMedia.png(60, 60, Color.BLACK));
    // a second bundle with a cover.png of its own: each post shows its own
    site.put("blog/content/posts/other/index.md", text("---\ntitle: Other\n---\n![cover](./cover.png)\n"));
    site.put("blog/content/posts/other/cover.png", TestMedia.png(101, 50, Color.ORANGE));
    site.put("blog/static/images/not-an-image.png", text("<html>not a png</html>"));

    JsonObject job = first.importArchive(zip(site));
    assertThat(job.getString("status")).as(job.encode()).isEqualTo("done");
    assertThat(job.getJsonArray("results").encode()).contains("\"path\":\"blog/static/images/not-an-image.png\"");

    Map<String, String> plots = first.images("plots");
    assertThat(plots.get("loss")).matches("/media/[0-9a-f]{64}/loss\\.png 200 image/png");
    assertThat(plots.get("accuracy")).matches("/media/[0-9a-f]{64}/accuracy\\.png 200 image/png");
    Map<String, String> bundle = first.images("bundle");
    assertThat(bundle.get("cover")).matches("/media/[0-9a-f]{64}/cover\\.png 200 image/png");
    assertThat(bundle.get("diagram")).matches("/media/[0-9a-f]{64}/diagram\\.png 200 image/png");
    assertThat(bundle.get("cover")).startsWith("/media/" + TestMedia.sha256(site.get("blog/content/posts/bundle/cover.png")));
    assertThat(first.images("other").get("cover"))
        .startsWith("/media/" + TestMedia.sha256(site.get("blog/content/posts/other/cover.png")));

    HttpResponse<Buffer> export = first.send(HttpMethod.GET, "/api/export", null);
    Map<String, byte[]> exported = unzip(export.body().getBytes());
    assertThat(exported.keySet()).contains("media/blog/assets/img/loss.png", "media/blog/content/posts/bundle/cover.png");
    assertThat(exported.get("media/blog/assets/img/loss.png")).isEqualTo(site.get("blog/assets/img/loss.png"));

    JsonObject again = second.importArchive(export.body().getBytes());
    assertThat(again.getString("status")).isEqualTo("done");
    assertThat(second.images("plots")).isEqualTo(plots);
    assertThat(second.images("bundle")).isEqualTo(bundle);
  }

  private static byte[] text(String content) {
    return content.getBytes(StandardCharsets.UTF_8);
  }
}
