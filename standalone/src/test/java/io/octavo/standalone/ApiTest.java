package io.octavo.standalone;

import static io.octavo.standalone.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.testing.HtmlNormalizer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.testutil.example.Example;
import org.commonmark.testutil.example.ExampleReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API end to end, and a written post's page: gateway, posts-service and render-service in
 * one process, real PostgreSQL.
 */
class ApiTest {
  private static final String TOKEN = "api-test-token";
  private static final Pattern METRIC = Pattern.compile("\\b([a-z_][a-z0-9_]*_[a-z0-9_]+)\\b(?!\\s*\\()(\\{([^}]*)\\})?");
  private static StandaloneMain.Octavo octavo;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    TestOctavo started = TestOctavo.start(ApiTest.class, Map.of("OCTAVO_ADMIN_TOKEN", TOKEN));
    int port = started.port();
    octavo = started.octavo();
    api = new Api(port, TOKEN);
  }

  @AfterAll
  static void stop() {
    api.close();
    octavo.close();
  }

  private static void assertProblem(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.getHeader("content-type")).isEqualTo("application/problem+json");
    assertThat(response.bodyAsJsonObject().getInteger("status")).isEqualTo(status);
  }

  @Test
  void markdownWithFrontMatterBecomesAPostWithHtmlTitleTagsAndETag() {
    HttpResponse<Buffer> created = api.create(post("""
        ---
        title: Fourier Notes
        tags: [Math, Signal Processing]
        ---
        The transform of *f* is useful.

        <!-- more -->

        ## Definition

        ```python
        import numpy as np
        ```
        """));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.getHeader("location")).isEqualTo("/api/posts/fourier-notes");
    assertThat(created.getHeader("etag")).isEqualTo("\"1\"");

    HttpResponse<Buffer> read = api.get("fourier-notes");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.getHeader("etag")).isEqualTo("\"1\"");
    JsonObject body = read.bodyAsJsonObject();
    assertThat(body.getString("title")).isEqualTo("Fourier Notes");
    assertThat(body.getJsonArray("tags")).containsExactly("math", "signal processing");
    assertThat(body.getString("html")).contains("<em>f</em>", "<h2 id=\"definition\">Definition</h2>",
        "<pre><code class=\"language-python\">");
    assertThat(body.getString("excerpt_html")).isEqualTo("<p>The transform of <em>f</em> is useful.</p>\n");
    assertThat(body.getBoolean("has_more")).isTrue();
    assertThat(body.getJsonArray("toc")).hasSize(1);
    assertThat(body.getInteger("reading_time_minutes")).isEqualTo(1);
    for (String field : List.of("slug", "markdown", "status", "published_at", "updated_at", "version",
        "word_count", "series")) {
      assertThat(body.containsKey(field)).as(field).isTrue();
    }
  }

  /**
   * What the gateway's PagesTest takes as given from the services: a written source reaches its
   * page sanitised, its math typeset (so no MathJax), its code highlighted and its sections listed.
   */
  @Test
  void aWrittenPostReadsOnItsPageSanitisedTypesetAndHighlighted() {
    api.create(post("Body with <script>alert(1)</script> and $x_1$.\n\n## Section One\n\n"
        + "```java\nSystem.out.println(1);\n```\n").put("title", "On Its Page").put("slug", "on-its-page"));
    HttpResponse<Buffer> response = api.anonymous(HttpMethod.GET, "/posts/on-its-page", null);
    assertThat(response.statusCode()).isEqualTo(200);
    Document page = Jsoup.parse(response.bodyAsString());
    assertThat(page.select("script").stream()
        .filter(script -> !script.hasAttr("src") && !script.attr("type").equals("application/ld+json")).toList()).isEmpty();
    assertThat(page.selectFirst("span.math.inline > math annotation[encoding=application/x-tex]").text()).isEqualTo("x_1");
    assertThat(page.select("script[src*=mathjax]")).isEmpty();
    assertThat(page.select("script[src*=highlight]")).hasSize(1);
    assertThat(page.select("nav.toc a").eachAttr("href")).containsExactly("#section-one");
  }

  @Test
  void conditionalGetWithTheCurrentETagIsNotModified() {
    api.create(post("# Cached\n\ntext"));
    String etag = api.get("cached").getHeader("etag");
    assertThat(api.getIfNoneMatch("cached", etag).statusCode()).isEqualTo(304);
  }

  @Test
  void updateNeedsTheCurrentETag() {
    api.create(post("# Edited\n\nfirst"));
    assertProblem(api.update("edited", post("# Edited\n\nno precondition"), null), 428);

    HttpResponse<Buffer> updated = api.update("edited", post("# Edited\n\nsecond"), "\"1\"");
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.getHeader("etag")).isEqualTo("\"2\"");
    assertThat(updated.bodyAsJsonObject().getString("html")).contains("second");

    HttpResponse<Buffer> stale = api.update("edited", post("# Edited\n\nlost update"), "\"1\"");
    assertProblem(stale, 412);
    assertThat(stale.bodyAsJsonObject().getString("title")).isEqualTo("Precondition Failed");
    assertThat(api.get("edited").bodyAsJsonObject().getString("markdown")).contains("second");
  }

  @Test
  void deleteRemovesThePost() {
    api.create(post("# Short Lived\n\nbye"));
    assertThat(api.delete("short-lived").statusCode()).isEqualTo(204);
    assertProblem(api.get("short-lived"), 404);
    assertProblem(api.delete("short-lived"), 404);
  }

  @Test
  void duplicateSlugIsAConflict() {
    JsonObject first = post("one").put("title", "One").put("slug", "taken-slug");
    assertThat(api.create(first).statusCode()).isEqualTo(201);
    assertProblem(api.create(post("two").put("title", "Two").put("slug", "taken-slug")), 409);
  }

  @Test
  void clientMistakesAreProblemsNeverServerErrors() {
    assertProblem(api.anonymous(HttpMethod.POST, "/api/posts", "{\"markdown\":\"x\"}"), 401);
    assertProblem(api.raw(HttpMethod.POST, "/api/posts", "{not json"), 400);
    assertProblem(api.get("no-such-post"), 404);
    assertProblem(api.anonymous(HttpMethod.GET, "/api/nope", null), 404);
    assertProblem(api.create(post("x").put("title", "T").put("status", "live")), 422);
    assertProblem(api.create(post("x").put("title", "T").put("slug", "Not A Slug")), 422);
    assertProblem(api.list("?cursor=bogus"), 400);
  }

  @Test
  void listingPagesNewestFirstAndFiltersByTag() {
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      JsonObject body = post("paged " + i).put("title", "Listed " + i).put("tags", new JsonArray().add("listed"))
          .put("published_at", "2019-01-0" + (i + 1) + "T00:00:00Z");
      mine.add(api.create(body).bodyAsJsonObject().getString("slug"));
    }
    List<String> seen = new ArrayList<>();
    Set<String> unique = new HashSet<>();
    String cursor = null;
    do {
      JsonObject page = api.list("?tag=listed&limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).bodyAsJsonObject();
      for (Object item : page.getJsonArray("items")) {
        JsonObject summary = (JsonObject) item;
        assertThat(summary.containsKey("html")).isFalse();
        seen.add(summary.getString("slug"));
        unique.add(summary.getString("slug"));
      }
      cursor = page.getString("next_cursor");
    } while (cursor != null);
    assertThat(seen).hasSize(7).hasSameSizeAs(unique);
    Collections.reverse(mine);
    assertThat(seen).containsExactlyElementsOf(mine);
  }

  @Test
  void previewRendersMathCodeAndTablesWithoutStoring() {
    HttpResponse<Buffer> preview = api.raw(HttpMethod.POST, "/api/render", post(
        "Euler: $e^{i\\pi} + 1 = 0$ and $a_1 < b_1$.\n\n| x |\n|---|\n| 1 |\n").encode());
    assertThat(preview.statusCode()).isEqualTo(200);
    JsonObject body = preview.bodyAsJsonObject();
    assertThat(body.getString("html")).contains(
        "<span class=\"math inline\"><math><semantics>",
        "<annotation encoding=\"application/x-tex\">e^{i\\pi} + 1 = 0</annotation>",
        "<annotation encoding=\"application/x-tex\">a_1 &lt; b_1</annotation>", "<table>");
    assertThat(body.getJsonArray("warnings")).isEmpty();
    assertThat(body.getInteger("renderer_version")).isPositive();
    assertThat(api.list("?limit=100").bodyAsString()).doesNotContain("Euler"); // a preview stores nothing
  }

  @Test
  void aFormulaTheServerCannotTypesetIsAWarningAndStaysTex() {
    JsonObject body = api.raw(HttpMethod.POST, "/api/render", post("Fine $x$, unknown $\\frobnicate{y}$.").encode())
        .bodyAsJsonObject();
    assertThat(body.getString("html")).contains("<span class=\"math inline\">\\(\\frobnicate{y}\\)</span>");
    assertThat(body.getJsonArray("warnings").getString(0)).contains("math not typeset", "\\frobnicate");
  }

  @Test
  void aStoredPostKeepsTheWarningForAFormulaTheServerCannotTypeset() {
    HttpResponse<Buffer> created = api.create(post("Unknown $\\frobnicate{z}$ here.").put("title", "Frobnicated").put("slug", "frobnicated"));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    JsonObject stored = api.get("frobnicated").bodyAsJsonObject();
    assertThat(stored.getJsonArray("warnings")).as(stored.encode()).isNotNull();
    assertThat(stored.getJsonArray("warnings")).singleElement().asString().contains("math not typeset", "\\frobnicate{z}");
    assertThat(stored.getString("html")).contains("<span class=\"math inline\">\\(\\frobnicate{z}\\)</span>");
  }

  @Test
  void specExamplesOutsideRawHtmlRenderThroughTheHttpPreview() {
    List<Example> examples = ExampleReader.readExamples(Example.class.getResource("/spec.txt")).stream()
        .filter(example -> !example.getSection().equals("HTML blocks") && !example.getSection().equals("Raw HTML"))
        .toList();
    long matching = examples.stream().filter(example -> {
      HttpResponse<Buffer> preview = api.raw(HttpMethod.POST, "/api/render", post(example.getSource()).encode());
      assertThat(preview.statusCode()).isEqualTo(200);
      return HtmlNormalizer.normalize(preview.bodyAsJsonObject().getString("html"))
          .equals(HtmlNormalizer.normalize(example.getHtml().replace('\u2192', '\t')));
    }).count();
    assertThat(examples).hasSize(588);
    assertThat(matching).isGreaterThanOrEqualTo(560);
  }

  @Test
  void previewRefusesOversizedAndPathologicalSources() {
    assertProblem(api.anonymous(HttpMethod.POST, "/api/render", post("x").encode()), 401);
    assertProblem(api.raw(HttpMethod.POST, "/api/render", post("a".repeat(1024 * 1024 + 1)).encode()), 413);
    HttpResponse<Buffer> pathological = api.raw(HttpMethod.POST, "/api/render", post("*a ".repeat(20_000) + "_a*_ ".repeat(20_000)).encode());
    assertProblem(pathological, 422);
    assertThat(pathological.bodyAsJsonObject().getString("detail")).contains("split it with blank lines");
    assertThat(api.anonymous(HttpMethod.GET, "/ready", null).statusCode()).isEqualTo(200);
  }

  @Test
  void metricsExposeHttpAndEventBusSeries() {
    api.get("anything");
    String metrics = api.anonymous(HttpMethod.GET, "/metrics", null).bodyAsString();
    assertThat(metrics).contains("vertx_http_server_requests", "vertx_eventbus", "octavo_bus_handled_total",
        "service=\"posts-service\"", "verticle=\"PostsVerticle\"", "octavo_db_query_seconds");
  }

  @Test
  void gatewayMetersAreTaggedWithItsService() {
    String metrics = api.anonymous(HttpMethod.GET, "/metrics", null).bodyAsString();
    assertThat(metrics).contains("octavo_access_log_dropped_total{service=\"gateway\"", "octavo_cache_entries{service=\"gateway\"",
        "octavo_rate_limited_total{limit=\"reads\",service=\"gateway\"");
  }

  /** A panel that queries a name no service exports stays empty without a word: the dashboard and the code must agree. */
  @Test
  void everyMetricTheDashboardQueriesIsExported() throws Exception {
    api.create(post("# Dashboard Post\n\n$x$"));
    api.get("no-such-post"); // a failure, so the failure counters exist
    String metrics = api.anonymous(HttpMethod.GET, "/metrics", null).bodyAsString();
    JsonObject dashboard = new JsonObject(Files.readString(Path.of("../deploy/grafana/dashboards/octavo.json")));
    List<String> queried = new ArrayList<>();
    for (Object panel : dashboard.getJsonArray("panels")) {
      for (Object target : ((JsonObject) panel).getJsonArray("targets", new JsonArray())) {
        // metric names have an underscore; function names (histogram_quantile) are followed by "("
        Matcher m = METRIC.matcher(((JsonObject) target).getString("expr"));
        while (m.find()) {
          String name = m.group(1);
          List<String> labels = m.group(3) == null ? List.of() : List.of(m.group(3).split(","));
          queried.add(name);
          assertThat(metrics.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
              .anyMatch(line -> labels.stream().allMatch(line::contains)))
              .as("the dashboard queries %s%s", name, labels).isTrue();
        }
      }
    }
    assertThat(queried).contains("octavo_posts_creations_total", "octavo_render_time_seconds_bucket");
  }

  @Test
  void readyWhenPostgresAndEveryServiceAnswer() {
    HttpResponse<Buffer> ready = api.anonymous(HttpMethod.GET, "/ready", null);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.bodyAsJsonObject().getString("outcome")).isEqualTo("UP");
  }
}
