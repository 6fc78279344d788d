package io.octavo.gateway.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.posts.Post;
import io.octavo.common.testing.DocumentedHttp;
import io.octavo.common.testing.TestPost;
import io.octavo.gateway.StubPostsService;
import io.octavo.gateway.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server-rendered site, parsed as a browser would: structure, escaping, links, visibility,
 * paging, caching. The posts come from a posts-service stand-in as the real one stores them (HTML,
 * excerpt and table of contents already rendered), so every page here is the gateway's doing; that
 * a written post's source reaches its page sanitised and typeset is ApiTest's, in standalone.
 */
class PagesTest {
  private static final String TOKEN = "pages-token";
  private static Vertx vertx;
  private static DocumentedHttp browser;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    StubPostsService.serving(vertx, posts());
    browser = TestGateway.deploy(vertx, TestGateway.settings(TOKEN, Map.of(
        "OCTAVO_SITE_TITLE", "Test <Blog>", "OCTAVO_PUBLIC_URL", "https://blog.example.org")));
  }

  /** Inline math as the render-service typesets it: MathML, the TeX kept as its annotation. */
  private static String math(String mathMl, String tex) {
    return "<span class=\"math inline\"><math><semantics>" + mathMl + "<annotation encoding=\"application/x-tex\">"
        + tex + "</annotation></semantics></math></span>";
  }

  private static List<Post> posts() {
    List<Post> posts = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      String excerpt = "<p>Paragraph of post " + i + " with " + math("<msub><mi>x</mi><mn>" + i + "</mn></msub>", "x_" + i)
          + ".</p>\n";
      posts.add(TestPost.titled("Post number " + i).html(excerpt).with("html", excerpt + "<p>More.</p>\n")
          .with("has_more", true).tags("paging").publishedAt(String.format("2026-01-%02dT10:00:00Z", i)).build());
    }
    posts.add(TestPost.titled("Tricky <script>alert('title')</script> & Co").slug("tricky")
        .html("<p>Body with alert(1) raw.</p>\n<h2 id=\"section-one\">Section One</h2>\n<h2 id=\"section-two\">Section Two</h2>\n")
        .with("toc", new JsonArray()
            .add(new JsonObject().put("level", 2).put("text", "Section One").put("id", "section-one"))
            .add(new JsonObject().put("level", 2).put("text", "Section Two").put("id", "section-two")))
        .publishedAt("2025-06-01T10:00:00Z").build());
    posts.add(TestPost.titled("Hidden Draft Page").html("<p>secret</p>\n").draft().build());
    posts.add(TestPost.titled("[Guide] Part 1 - Start").html("<p>One.</p>\n")
        .with("series", new JsonObject().put("name", "Guide").put("part", 1)
            .put("next", new JsonObject().put("slug", "guide-part-2-next").put("title", "[Guide] Part 2 - Next")))
        .publishedAt("2024-02-01T10:00:00Z").build());
    posts.add(TestPost.titled("[Guide] Part 2 - Next").html("<p>Two.</p>\n").series("Guide", 2)
        .publishedAt("2024-02-02T10:00:00Z").build());
    String opening = "<h1 id=\"shared-widely\">Shared Widely</h1>\n<p>A first paragraph with <em>emphasis</em>, "
        + math("<mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup>", "E = mc^2")
        + " and a <a href=\"/x\">link</a>.</p>\n";
    posts.add(TestPost.titled("Shared Widely").html(opening)
        .with("html", opening + "<p><img src=\"/media/abc/chart.png\" alt=\"A chart\"></p>\n<p>The rest.</p>\n")
        .with("has_more", true).tags("physics", "notes").publishedAt("2025-03-01T10:00:00Z").build());
    posts.add(TestPost.titled("With Code")
        .html("<p>Run it:</p>\n<pre><code class=\"language-java\">System.out.println(1);\n</code></pre>\n")
        .publishedAt("2024-03-01T00:00:00Z").build());
    return posts;
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static HttpResponse<Buffer> get(String path) {
    return browser.get(path, DocumentedHttp.headers("accept", "text/html"));
  }

  private static Document page(String path) {
    HttpResponse<Buffer> response = get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.getHeader("content-type")).startsWith("text/html");
    assertThat(response.getHeader("content-security-policy")).contains("script-src 'self';");
    return Jsoup.parse(response.bodyAsString(), "https://blog.example.org" + path);
  }

  
@Test
  void theIndexListsTheNewestPostsWithExcerptsAndReadMoreLinks() {
    Document index = page("/");
    List<String> titles = index.select("article.summary h2").eachText();
    assertThat(titles).hasSize(10).startsWith("Post number 12", "Post number 11").doesNotContain("Hidden Draft Page");
    Element first = index.selectFirst("article.summary");
    Element math = first.selectFirst(".excerpt span.math.inline > math");
    assertThat(math.selectFirst("msub")).isNotNull();
    assertThat(math.selectFirst("annotation[encoding=application/x-tex]").text()).isEqualTo("x_12");
    assertThat(first.selectFirst("a.more").text()).isEqualTo("Read More");
    assertThat(first.selectFirst("a.more").attr("href")).isEqualTo("/posts/post-number-12");
    assertThat(index.selectFirst("time").attr("datetime")).isEqualTo("2026-01-12T10:00:00Z");
  }

  @Test
  void pagingReachesEveryPublishedPost() {
    Document first = page("/");
    String older = first.selectFirst("nav.pager a[rel=next]").attr("href");
    Document second = page(older);
    assertThat(second.select("article.summary h2").eachText()).contains("Post number 2", "Post number 1",
        "Tricky <script>alert('title')</script> & Co");
  }

  @Test
  void everythingAuthorsWriteIsEscapedExceptSanitisedPostHtml() {
    Document post = page("/posts/tricky");
    assertThat(post.select("script").eachAttr("src")).allSatisfy(src -> assertThat(src).startsWith("/assets/"));
    assertThat(post.select("script").stream()
        .filter(script -> !script.hasAttr("src") && !script.attr("type").equals("application/ld+json")).toList()).isEmpty();
    assertThat(post.selectFirst("h1").text()).isEqualTo("Tricky <script>alert('title')</script> & Co");
    assertThat(post.title()).isEqualTo("Tricky <script>alert('title')</script> & Co · Test <Blog>");
    assertThat(post.select("nav.toc a").eachAttr("href")).containsExactly("#section-one", "#section-two");
  }

  @Test
  void aPostHasCanonicalOpenGraphFeedsLandmarksAndASkipLink() {
    Document post = page("/posts/post-number-3");
    assertThat(post.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://blog.example.org/posts/post-number-3");
    assertThat(post.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("article");
    assertThat(post.select("link[rel=alternate]").eachAttr("href")).contains("/feed.xml", "/rss.xml", "/feed.json");
    assertThat(post.selectFirst("a.skip").attr("href")).isEqualTo("#main");
    assertThat(post.select("header, main#main, footer, nav[aria-label]")).hasSizeGreaterThanOrEqualTo(4);
    assertThat(post.select("h1")).hasSize(1);
    assertThat(post.select("[src^=http], link[href^=http][rel=stylesheet]")).isEmpty();
  }

  @Test
  void seriesTagArchiveAndSearchPagesWork() {
    Document part = page("/posts/guide-part-1-start");
    assertThat(part.selectFirst("aside.series a[rel=next]").attr("href")).isEqualTo("/posts/guide-part-2-next");
    assertThat(page("/series/Guide").select("article.summary h2").eachText())
        .containsExactly("[Guide] Part 1 - Start", "[Guide] Part 2 - Next");
    assertThat(page("/tags/paging").select("article.summary")).hasSize(10);
    Document archive = page("/archive");
    assertThat(archive.select("section h2").eachText()).containsExactly("2026", "2025", "2024");
    assertThat(archive.text()).doesNotContain("Hidden Draft Page");
    Document search = page("/search?q=paragraph");
    assertThat(search.select("article.summary .snippet mark")).isNotEmpty();
  }

  @Test
  void draftsAndDeadLinksGetTheFriendly404() {
    HttpResponse<Buffer> draft = get("/posts/hidden-draft-page");
    assertThat(draft.statusCode()).isEqualTo(404);
    assertThat(Jsoup.parse(draft.bodyAsString()).selectFirst("h1").text()).isEqualTo("Nothing here");
    HttpResponse<Buffer> nowhere = get("/no/such/page");
    assertThat(nowhere.statusCode()).isEqualTo(404);
    assertThat(nowhere.getHeader("content-type")).startsWith("text/html");
  }

  @Test
  void pagesRevalidateWithETagsAndAssetsAreCachedForAYear() {
    HttpResponse<Buffer> first = get("/");
    HttpResponse<Buffer> again = browser.unchecked().get("/").putHeader("accept", "text/html")
        .putHeader("if-none-match", first.getHeader("etag")).send().await();
    assertThat(again.statusCode()).isEqualTo(304);
    HttpResponse<Buffer> mathjax = get("/assets/mathjax/tex-chtml.js");
    assertThat(mathjax.statusCode()).isEqualTo(200);
    assertThat(mathjax.getHeader("cache-control")).contains("immutable");
    assertThat(get("/assets/mathjax/../../../../etc/passwd").statusCode()).isEqualTo(404);
  }

  @Test
  void aLinkPreviewBotFindsOpenGraphAndABlogPosting() {
    // what a bot reads: the raw page, no script run
    Document post = page("/posts/shared-widely");
    assertThat(post.select("h1").eachText()).containsExactly("Shared Widely"); // "# Shared Widely" is not repeated
    assertThat(og(post, "og:title")).isEqualTo("Shared Widely · Test <Blog>");
    assertThat(og(post, "og:description")).isEqualTo("A first paragraph with emphasis, E = mc^2 and a link.");
    assertThat(post.selectFirst("meta[name=description]").attr("content")).isEqualTo(og(post, "og:description"));
    assertThat(og(post, "og:image")).isEqualTo("https://blog.example.org/media/abc/chart.png");
    assertThat(og(post, "og:url")).isEqualTo("https://blog.example.org/posts/shared-widely");

    Element script = post.selectFirst("script[type=application/ld+json]");
    JsonObject ld = new JsonObject(script.data());
    assertThat(ld.getString("@type")).isEqualTo("BlogPosting");
    assertThat(ld.getString("headline")).isEqualTo("Shared Widely");
    assertThat(ld.getString("datePublished")).isEqualTo("2025-03-01T10:00:00Z");
    assertThat(ld.getString("dateModified")).isNotBlank();
    assertThat(ld.getJsonObject("author").getString("name")).isEqualTo("Test <Blog>");
    assertThat(ld.getJsonArray("keywords")).containsExactly("physics", "notes");
    assertThat(ld.getString("image")).isEqualTo("https://blog.example.org/media/abc/chart.png");
    assertThat(script.data()).doesNotContain("<"); // "</script>" in a title cannot end the element
  }

  @Test
  void theIndexDoesNotRepeatATitleWrittenAsTheFirstHeading() {
    Document second = page(page("/").selectFirst("nav.pager a[rel=next]").attr("href"));
    Element card = second.select("article.summary").stream()
        .filter(summary -> summary.selectFirst("h2").text().equals("Shared Widely")).findFirst().orElseThrow();
    assertThat(card.select(".excerpt h1")).isEmpty();
    assertThat(card.selectFirst(".excerpt").text()).startsWith("A first paragraph");
  }

  @Test
  void readMoreOnlyWhenThePostGoesOn() {
    Document guide = page("/series/Guide");
    assertThat(guide.select("article.summary")).hasSize(2);
    assertThat(guide.select("a.more")).isEmpty(); // one paragraph each: nothing more to read
    assertThat(page("/tags/paging").select("a.more")).hasSize(10);
  }

  @Test
  void pagesWithEveryFormulaTypesetLoadNoMathJax() {
    assertThat(page("/posts/shared-widely").select("script[src*=mathjax]")).isEmpty();
    assertThat(page("/").select("script[src*=mathjax]")).isEmpty();
  }

  @Test
  void onlyPagesWithCodeLoadTheHighlighter() {
    assertThat(page("/posts/shared-widely").select("script[src*=highlight], link[href*=highlight]")).isEmpty();
    assertThat(page("/posts/with-code").select("script[src*=highlight]")).hasSize(1);
  }

  @Test
  void robotsTxtPointsAtTheSitemap() {
    HttpResponse<Buffer> robots = get("/robots.txt");
    assertThat(robots.statusCode()).isEqualTo(200);
    assertThat(robots.getHeader("content-type")).startsWith("text/plain");
    assertThat(robots.bodyAsString()).contains("User-agent: *", "Sitemap: https://blog.example.org/sitemap.xml");
  }

  @Test
  void pagesAreGzippedWhenTheClientAsks() {
    HttpResponse<Buffer> zipped = browser.unchecked().get("/posts/shared-widely").putHeader("accept", "text/html")
        .putHeader("accept-encoding", "gzip").send().await();
    assertThat(zipped.statusCode()).isEqualTo(200);
    assertThat(zipped.getHeader("content-encoding")).isEqualTo("gzip");
    assertThat(gunzip(zipped.body())).contains("<h1>Shared Widely</h1>");
    assertThat(zipped.getHeader("vary")).contains("Accept-Encoding");
    HttpResponse<Buffer> plain = get("/posts/shared-widely");
    assertThat(plain.getHeader("content-encoding")).isNull();
    assertThat(zipped.body().length()).isLessThan(plain.body().length() / 2);
    assertThat(browser.unchecked().get("/posts/shared-widely").putHeader("accept-encoding", "gzip;q=0").send().await()
        .getHeader("content-encoding")).isNull();
    HttpResponse<Buffer> again = browser.unchecked().get("/posts/shared-widely").putHeader("accept-encoding", "gzip")
        .putHeader("if-none-match", zipped.getHeader("etag")).send().await();
    assertThat(again.statusCode()).isEqualTo(304);
  }

  private static String gunzip(Buffer body) {
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body.getBytes()))) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String og(Document page, String property) {
    return page.selectFirst("meta[property=" + property + "]").attr("content");
  }
}
