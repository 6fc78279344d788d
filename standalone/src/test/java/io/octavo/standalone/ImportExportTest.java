package io.octavo.standalone;

import static io.octavo.common.testing.TestArchives.unzip;
import static io.octavo.common.testing.TestArchives.zip;
import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.testing.DocumentedHttp;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Moving in from Hexo, Jekyll and Hugo, and moving out, the whole way: an archive through the
 * gateway, each engine's files into posts rendered for real, re-import, export, import elsewhere.
 * What the gateway refuses in an archive is its ImportArchiveTest; drafts, twins and changed files
 * in a job are the posts-service's ImportJobsTest.
 */
class ImportExportTest {
  private static final String TOKEN = "import-token";
  private static final List<StandaloneMain.Octavo> running = new java.util.ArrayList<>();
  private static Vertx vertx;

  /** One Octavo on a database of its own, and a client for it. */
  private record Blog(StandaloneMain.Octavo octavo, DocumentedHttp http) {
    HttpResponse<Buffer> send(HttpMethod method, String path, Buffer body, String contentType) {
      MultiMap headers = DocumentedHttp.headers("authorization", "Bearer " + TOKEN);
      if (contentType != null) {
        headers.add("content-type", contentType);
      }
      return http.send(method, path, headers, body);
    }

    /** Uploads an archive and waits for the job to finish. */
    JsonObject importArchive(byte[] archive, String type) throws InterruptedException {
      HttpResponse<Buffer> accepted = send(HttpMethod.POST, "/api/import", Buffer.buffer(archive), type);
      assertThat(accepted.statusCode()).as(accepted.bodyAsString()).isEqualTo(202);
      String location = accepted.getHeader("location");
      for (int attempt = 0; attempt < 200; attempt++) {
        JsonObject job = send(HttpMethod.GET, location, null, null).bodyAsJsonObject();
        if (!"running".equals(job.getString("status"))) {
          return job;
        }
        Thread.sleep(100);
      }
      throw new AssertionError("import did not finish");
    }

    JsonObject post(String slug) {
      HttpResponse<Buffer> response = send(HttpMethod.GET, "/api/posts/" + slug, null, null);
      assertThat(response.statusCode()).as(slug).isEqualTo(200);
      return response.bodyAsJsonObject();
    }
  }

  private static Blog blog;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    blog = startBlog();
  }

  private static Blog startBlog() throws Exception {
    TestOctavo started = TestOctavo.start(ImportExportTest.class, Map.of("OCTAVO_ADMIN_TOKEN", TOKEN));
    int port = started.port();
    StandaloneMain.Octavo octavo = started.octavo();
    running.add(octavo);
    return new Blog(octavo, DocumentedHttp.to(vertx, port));
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    running.forEach(StandaloneMain.Octavo::close);
  }

  private static final String HEXO_POST = """
      ---
      title: Fourier Series Notes
      date: 2021-03-04 05:06:07
      updated: 2021-04-01 10:00:00
      tags:
        - math
        - Signal Processing
      categories:
        - notes
      comments: true
      ---
      A function $f$ is a sum of $\\sin(n x)$ and $\\cos(n x)$ terms.

      <!-- more -->

      ## Coefficients

      $$a_n = \\frac{1}{\\pi} \\int_{-\\pi}^{\\pi} f(x) \\cos(n x)\\, dx$$

      ```python
      import numpy as np
      ```
      """;

  private static final String HEXO_SERIES = """
      ---
      title: "[Vert.x Deep Dive] Part 2 - The Event Bus"
      date: 2021-05-01
      tags: vertx
      ---
      The bus.
      """;

  private static final String JEKYLL_POST = """
      ---
      layout: post
      title: Jekyll Was Here
      published: false
      ---
      Old blog post body.
      """;

  private static final String HUGO_BUNDLE = """
      +++
      title = "Hugo Bundle Post"
      date = 2022-07-08T09:10:11Z
      tags = ["hugo", "go"]
      summary = "A post from a page bundle."
      draft = false
      +++
      Intro from Hugo.

      <!--more-->

      The rest.
      """;

  private static final String BROKEN = """
      ---
      title: [this front matter does not parse
      ---
      body
      """;

  private static Map<String, String> results(JsonObject job) {
    Map<String, String> byPath = new TreeMap<>();
    job.getJsonArray("results").forEach(item -> {
      JsonObject result = (JsonObject) item;
      byPath.put(result.getString("path"), result.getString("result"));
    });
    return byPath;
  }

  private static Map<String, String> fixture() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("source/_posts/fourier-series-notes.md", HEXO_POST);
    files.put("source/_posts/broken.md", BROKEN);
    files.put("source/_posts/deep-dive-2.md", HEXO_SERIES);
    files.put("_posts/2020-05-06-jekyll-was-here.md", JEKYLL_POST);
    files.put("content/posts/hugo-bundle/index.md", HUGO_BUNDLE);
    files.put("content/posts/hugo-bundle/diagram.png", "not really a png");
    files.put("../escape.md", "# Escaped\n");
    return files;
  }

  @Test
  void aHexoJekyllAndHugoBlogImportsWithEveryFileAccountedFor() throws Exception {
    JsonObject job = blog.importArchive(zip(fixture()), "application/zip");
    assertThat(job.getString("status")).isEqualTo("done");
    Map<String, String> results = results(job);
    assertThat(results).containsEntry("source/_posts/fourier-series-notes.md", "created")
        .containsEntry("source/_posts/deep-dive-2.md", "created")
        .containsEntry("_posts/2020-05-06-jekyll-was-here.md", "created")
        .containsEntry("content/posts/hugo-bundle/index.md", "created")
        .containsEntry("source/_posts/broken.md", "created") // front matter YAML refuses, read line by line
        .containsEntry("content/posts/hugo-bundle/diagram.png", "skipped")
        .containsEntry("../escape.md", "skipped");
    assertThat(job.getInteger("processed")).isEqualTo(7);

    JsonObject hexo = blog.post("fourier-series-notes");
    assertThat(hexo.getString("title")).isEqualTo("Fourier Series Notes");
    assertThat(hexo.getJsonArray("tags")).containsExactly("math", "signal processing", "notes");
    assertThat(hexo.getString("published_at")).isEqualTo("2021-03-04T05:06:07Z");
    assertThat(hexo.getString("excerpt_html")).contains("<span class=\"math inline\"><math>",
        "<annotation encoding=\"application/x-tex\">f</annotation>");
    assertThat(hexo.getBoolean("has_more")).isTrue();
    assertThat(hexo.getString("html")).contains("<span class=\"math display\">", "language-python");
    assertThat(hexo.getJsonObject("meta").getBoolean("comments")).isTrue();
    assertThat(hexo.getJsonObject("meta").getString("updated")).startsWith("2021-04-01");

    JsonObject series = blog.post("deep-dive-2").getJsonObject("series");
    assertThat(series.getString("name")).isEqualTo("Vert.x Deep Dive");
    assertThat(series.getInteger("part")).isEqualTo(2);

    JsonObject jekyll = blog.post("jekyll-was-here");
    assertThat(jekyll.getString("status")).isEqualTo("draft");
    assertThat(jekyll.getJsonObject("meta").getString("layout")).isEqualTo("post");

    JsonObject hugo = blog.post("hugo-bundle");
    assertThat(hugo.getString("published_at")).isEqualTo("2022-07-08T09:10:11Z");
    assertThat(hugo.getString("excerpt_html")).isEqualTo("<p>Intro from Hugo.</p>\n");
    assertThat(hugo.getString("description")).isEqualTo("A post from a page bundle."); // Hugo's summary
    assertThat(hugo.getJsonObject("meta").containsKey("summary")).isFalse();

    JsonObject again = blog.importArchive(zip(fixture()), "application/zip");
    assertThat(results(again)).containsEntry("source/_posts/fourier-series-notes.md", "unchanged")
        .containsEntry("_posts/2020-05-06-jekyll-was-here.md", "unchanged")
        .containsEntry("content/posts/hugo-bundle/index.md", "unchanged");
    assertThat(blog.post("fourier-series-notes").getLong("version")).isEqualTo(hexo.getLong("version"));
    assertThat(blog.send(HttpMethod.GET, "/api/posts/fourier-series-notes/revisions", null, null).bodyAsJsonObject()
        .getJsonArray("items")).hasSize(1);
  }

  @Test
  void anExportImportsIntoAnEmptyOctavoAsTheSamePosts() throws Exception {
    blog.importArchive(zip(fixture()), "application/zip");
    HttpResponse<Buffer> export = blog.send(HttpMethod.GET, "/api/export", null, null);
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.getHeader("content-type")).isEqualTo("application/zip");
    Map<String, byte[]> files = unzip(export.body().getBytes());
    assertThat(files).containsKeys("posts/fourier-series-notes.md", "posts/hugo-bundle.md", "posts/jekyll-was-here.md");

    Blog fresh = startBlog();
    JsonObject job = fresh.importArchive(export.body().getBytes(), "application/zip");
    assertThat(results(job).values()).containsOnly("created");
    for (String slug : List.of("fourier-series-notes", "hugo-bundle", "jekyll-was-here", "deep-dive-2")) {
      JsonObject before = blog.post(slug);
      JsonObject after = fresh.post(slug);
      for (String field : List.of("title", "markdown", "html", "status", "published_at", "tags", "series", "meta")) {
        assertThat(after.getValue(field)).as(slug + " " + field).isEqualTo(before.getValue(field));
      }
    }
  }
}
