package io.octavo.gateway.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.octavo.common.testing.DocumentedHttp;
import io.octavo.common.testing.TestPost;
import io.octavo.gateway.StubPostsService;
import io.octavo.gateway.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Atom, RSS, JSON Feed and the sitemap, parsed back the way readers and crawlers parse them. The
 * posts come from a posts-service stand-in as the real one stores them (HTML already rendered), so
 * what is checked here is the gateway's part: which posts, in which order, with their full HTML
 * intact and absolute links.
 */
class FeedsTest {
  private static final String TOKEN = "feeds-token";
  private static final String PUBLIC = "https://blog.example.org";
  private static final int SITEMAP_FILE_URLS = 3; // small, so four URLs already need two files
  /** What the render-service makes of "First *post* with $x^2$.". */
  private static final String FIRST_HTML = "<p>First <em>post</em> with <span class=\"math inline\"><math><semantics>"
      + "<msup><mi>x</mi><mn>2</mn></msup><annotation encoding=\"application/x-tex\">x^2</annotation></semantics>"
      + "</math></span>.</p>\n";
  private static Vertx vertx;
  private static DocumentedHttp http;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    StubPostsService.serving(vertx, List.of(
        TestPost.titled("First Post").html(FIRST_HTML).tags("java").publishedAt("2026-01-01T10:00:00Z").build(),
        TestPost.titled("[Guide] Part 1 - Start").html("<p>Second.</p>\n").series("Guide", 1)
            .publishedAt("2026-01-02T10:00:00Z").build(),
        TestPost.titled("Third Post").html("<p>Third.</p>\n").tags("java").publishedAt("2026-01-03T10:00:00Z").build(),
        TestPost.titled("Unpublished Draft").html("<p>Not yet.</p>\n").draft().build()));
    http = TestGateway.deploy(vertx, TestGateway.settings(TOKEN, Map.of("OCTAVO_PUBLIC_URL", PUBLIC,
        "OCTAVO_SITE_TITLE", "Feeds Blog", "OCTAVO_FEED_REFRESH_MS", "100",
        "OCTAVO_SITEMAP_PAGE_URLS", String.valueOf(SITEMAP_FILE_URLS))));
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static HttpResponse<Buffer> get(String path) {
    return http.send(HttpMethod.GET, path, DocumentedHttp.headers(), null);
  }

  private static String fetch(String path, String expectedType) {
    HttpResponse<Buffer> response = get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.getHeader("content-type")).startsWith(expectedType);
    assertThat(response.getHeader("etag")).isNotBlank();
    return response.bodyAsString();
  }

  private static List<String> titles(SyndFeed feed) {
    List<String> titles = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
      titles.add(entry.getTitle());
    }
    return titles;
  }

  
@Test
  void atomFeedCarriesEveryPublishedPostWithFullHtmlAndAbsoluteLinks() throws Exception {
    SyndFeed feed = new SyndFeedInput().build(new StringReader(fetch("/feed.xml", "application/atom+xml")));
    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    assertThat(feed.getTitle()).isEqualTo("Feeds Blog");
    assertThat(titles(feed)).containsExactly("Third Post", "[Guide] Part 1 - Start", "First Post");
    SyndEntry first = feed.getEntries().get(2);
    assertThat(first.getLink()).isEqualTo(PUBLIC + "/posts/first-post");
    assertThat(first.getContents().get(0).getValue()).contains("<em>post</em>",
        "<span class=\"math inline\"><math>", "<msup><mi>x</mi>", "<annotation encoding=\"application/x-tex\">x^2</annotation>");
    assertThat(first.getCategories().get(0).getName()).isEqualTo("java");
  }

  @Test
  void rssFeedParses() throws Exception {
    SyndFeed feed = new SyndFeedInput().build(new StringReader(fetch("/rss.xml", "application/rss+xml")));
    assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
    assertThat(titles(feed)).containsExactly("Third Post", "[Guide] Part 1 - Start", "First Post");
    assertThat(feed.getEntries().get(0).getDescription().getValue()).contains("<p>Third.</p>");
  }

  @Test
  void jsonFeedIsVersion11WithEveryPublishedPost() {
    JsonObject feed = new JsonObject(fetch("/feed.json", "application/feed+json"));
    assertThat(feed.getString("version")).isEqualTo("https://jsonfeed.org/version/1.1");
    assertThat(feed.getString("feed_url")).isEqualTo(PUBLIC + "/feed.json");
    JsonArray items = feed.getJsonArray("items");
    assertThat(items.stream().map(item -> ((JsonObject) item).getString("title")))
        .containsExactly("Third Post", "[Guide] Part 1 - Start", "First Post");
    assertThat(items.getJsonObject(0).getString("url")).isEqualTo(PUBLIC + "/posts/third-post");
    assertThat(items.getJsonObject(0).getString("content_html")).isEqualTo("<p>Third.</p>\n");
  }

  @Test
  void tagAndSeriesFeedsHoldOnlyTheirPosts() throws Exception {
    SyndFeed java = new SyndFeedInput().build(new StringReader(fetch("/tags/java/feed.xml", "application/atom+xml")));
    assertThat(titles(java)).containsExactly("Third Post", "First Post");
    JsonObject guide = new JsonObject(fetch("/series/Guide/feed.json", "application/feed+json"));
    assertThat(guide.getJsonArray("items")).hasSize(1);
    assertThat(get("/tags/nothing-here/feed.xml").statusCode()).isEqualTo(404);
  }

  @Test
  void theSitemapIsAnIndexOfFilesThatTogetherListTheHomePageAndEveryPublishedPost() throws Exception {
    List<String> files = locations(fetch("/sitemap.xml", "application/xml"), "sitemap");
    assertThat(files).hasSizeGreaterThanOrEqualTo(2).startsWith(PUBLIC + "/sitemap-1.xml", PUBLIC + "/sitemap-2.xml");
    List<String> urls = new ArrayList<>();
    for (String file : files) {
      List<String> inFile = locations(fetch(file.substring(PUBLIC.length()), "application/xml"), "url");
      assertThat(inFile).hasSizeBetween(1, SITEMAP_FILE_URLS);
      urls.addAll(inFile);
    }
    assertThat(urls).contains(PUBLIC + "/", PUBLIC + "/posts/first-post", PUBLIC + "/posts/guide-part-1-start",
        PUBLIC + "/posts/third-post").doesNotHaveDuplicates().doesNotContain(PUBLIC + "/posts/unpublished-draft");
    assertThat(get("/sitemap-" + (files.size() + 1) + ".xml").statusCode()).isEqualTo(404);
    assertThat(get("/sitemap-x.xml").statusCode()).isEqualTo(404);
  }

  /** The {@code <loc>} of each {@code <element>} in a sitemap document. */
  private static List<String> locations(String xml, String element) throws Exception {
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(document.getDocumentElement().getTagName()).isEqualTo(element.equals("url") ? "urlset" : "sitemapindex");
    NodeList elements = document.getElementsByTagName(element);
    List<String> locations = new ArrayList<>();
    for (int i = 0; i < elements.getLength(); i++) {
      locations.add(((org.w3c.dom.Element) elements.item(i)).getElementsByTagName("loc").item(0).getTextContent());
    }
    return locations;
  }

  @Test
  void aNewPostAppearsInTheFeedWithinTheRefreshInterval() throws Exception {
    fetch("/feed.json", "application/feed+json"); // now built
    String fresh = new JsonObject().put("markdown", "Fresh.").put("title", "Fresh Post")
        .put("published_at", "2026-01-04T10:00:00Z").encode();
    assertThat(http.send(HttpMethod.POST, "/api/posts", DocumentedHttp.admin(TOKEN), fresh).statusCode()).isEqualTo(201);
    JsonObject feed = new JsonObject(fetch("/feed.json", "application/feed+json"));
    // rebuilt on a read once the interval (100 ms here) has passed; that read may still get the previous one
    for (long deadline = System.nanoTime() + 5_000_000_000L; System.nanoTime() < deadline
        && !feed.getJsonArray("items").getJsonObject(0).getString("title").equals("Fresh Post"); ) {
      Thread.sleep(20);
      feed = new JsonObject(fetch("/feed.json", "application/feed+json"));
    }
    assertThat(feed.getJsonArray("items").getJsonObject(0).getString("title")).isEqualTo("Fresh Post");
  }
}
