package io.octavo.gateway;

import static io.octavo.common.testing.DocumentedHttp.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.render.RenderContracts;
import io.octavo.common.render.Rendered;
import io.octavo.common.testing.BusStub;
import io.octavo.common.testing.DocumentedHttp;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a client can get a request wrong that the gateway decides on: each gets the right 4xx
 * with a problem document, and not one gets a 5xx. The services behind it are stand-ins on the
 * local event bus; the reasons the posts-service and render-service refuse a request (a taken
 * slug, a stale version, an invalid field, a source over 1 MiB) are their own modules' tests.
 */
class BadRequestMatrixTest {
  private static final String TOKEN = "matrix-token";
  private static Vertx vertx;
  private static DocumentedHttp http;
  private static StubPostsService posts;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    posts = StubPostsService.start(vertx, List.of("Existing Post"), List.of("java"));
    BusStub.on(vertx).answer(RenderContracts.MARKDOWN, request -> new Rendered("<p>" + request.body() + "</p>\n", "",
        false, new JsonArray(), 1, 1));
    http = TestGateway.deploy(vertx, TestGateway.settings(TOKEN, Map.of("OCTAVO_RATE_LIMIT_AUTH_FAILURES", "1000")));
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static MultiMap admin() {
    return DocumentedHttp.admin(TOKEN);
  }

  private static MultiMap none() {
    return MultiMap.caseInsensitiveMultiMap();
  }

  private static HttpResponse<Buffer> send(HttpMethod method, String path, MultiMap headers, Object body) {
    return http.send(method, path, headers, body);
  }

  private static String post(Object... fieldsAndValues) {
    JsonObject json = new JsonObject();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      json.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return json.encode();
  }

  static Stream<Arguments> badRequests() {
    Buffer invalidUtf8 = Buffer.buffer("{\"markdown\":\"").appendBytes(new byte[] {(byte) 0xFF, (byte) 0xFE}).appendString("\"}");
    return Stream.of(
        Arguments.of("malformed JSON", HttpMethod.POST, "/api/posts", admin(), "{\"markdown\": ", 400),
        Arguments.of("JSON array body", HttpMethod.POST, "/api/posts", admin(), "[]", 400),
        Arguments.of("empty body", HttpMethod.POST, "/api/posts", admin(), "", 400),
        Arguments.of("invalid UTF-8", HttpMethod.POST, "/api/posts", admin(), invalidUtf8, 400),
        Arguments.of("body over 2 MiB", HttpMethod.POST, "/api/posts", admin(), post("markdown", "x".repeat(3 * 1024 * 1024)), 413),
        Arguments.of("wrong content type", HttpMethod.POST, "/api/posts", with(admin(), "content-type", "text/markdown"), "# Hi", 415),
        Arguments.of("markdown not a string", HttpMethod.POST, "/api/posts", admin(), post("markdown", 42), 422),
        Arguments.of("markdown missing", HttpMethod.POST, "/api/posts", admin(), post("title", "T"), 422),
        Arguments.of("tags not an array", HttpMethod.POST, "/api/posts", admin(), post("markdown", "x", "title", "T", "tags", "a,b"), 422),
        Arguments.of("series_part not a number", HttpMethod.POST, "/api/posts", admin(), post("markdown", "x", "title", "T", "series_part", "two"), 422),
        // what the posts-service refuses (each reason is PostsServiceTest's) reaches the client as the same problem
        Arguments.of("refused by the posts-service: 400", HttpMethod.POST, "/api/posts", admin(), post("markdown", "x", "title", "refuse 400"), 400),
        Arguments.of("refused by the posts-service: 409", HttpMethod.POST, "/api/posts", admin(), post("markdown", "x", "title", "refuse 409"), 409),
        Arguments.of("refused by the posts-service: 413", HttpMethod.POST, "/api/posts", admin(), post("markdown", "x", "title", "refuse 413"), 413),
        Arguments.of("refused by the posts-service: 422", HttpMethod.POST, "/api/posts", admin(), post("markdown", "x", "title", "refuse 422"), 422),
        Arguments.of("no token", HttpMethod.POST, "/api/posts", MultiMap.caseInsensitiveMultiMap().add("content-type", "application/json"), post("markdown", "x"), 401),
        Arguments.of("bad token", HttpMethod.POST, "/api/posts", with(admin(), "authorization", "Bearer wrong"), post("markdown", "x"), 401),
        Arguments.of("not a bearer token", HttpMethod.DELETE, "/api/posts/existing-post", with(admin(), "authorization", "Basic dXNlcjpwYXNz"), null, 401),
        Arguments.of("garbage If-Match", HttpMethod.PUT, "/api/posts/existing-post", with(admin(), "if-match", "W/\"1\""), post("markdown", "x"), 412),
        Arguments.of("missing If-Match", HttpMethod.PUT, "/api/posts/existing-post", admin(), post("markdown", "x"), 428),
        Arguments.of("unknown post", HttpMethod.GET, "/api/posts/no-such-post", none(), null, 404),
        Arguments.of("SQL in the slug", HttpMethod.GET, "/api/posts/x'%20OR%20'1'='1", none(), null, 404),
        Arguments.of("huge slug", HttpMethod.GET, "/api/posts/" + "a".repeat(20_000), none(), null, 404),
        Arguments.of("malformed escape", HttpMethod.GET, "/api/posts/%zz", none(), null, 400),
        Arguments.of("NUL in the path", HttpMethod.GET, "/api/posts/a%00b", none(), null, 400),
        Arguments.of("NUL in q", HttpMethod.GET, "/api/search?q=a%00b", none(), null, 400),
        Arguments.of("raw NUL in q", HttpMethod.GET, "/api/search?q=a\0b", none(), null, 400),
        Arguments.of("NUL in tag", HttpMethod.GET, "/api/posts?tag=java%00", none(), null, 400),
        Arguments.of("NUL in series", HttpMethod.GET, "/api/posts?series=%00", none(), null, 400),
        Arguments.of("NUL in cursor", HttpMethod.GET, "/api/posts?cursor=MTox%00", none(), null, 400),
        Arguments.of("NUL in a series name", HttpMethod.GET, "/api/series/Guide%00", none(), null, 400),
        Arguments.of("NUL in a tag page", HttpMethod.GET, "/tags/java%00", none(), null, 400),
        Arguments.of("NUL in a series feed", HttpMethod.GET, "/series/Guide%00/feed.xml", none(), null, 400),
        Arguments.of("NUL in a page search", HttpMethod.GET, "/search?q=%00", none(), null, 400),
        Arguments.of("NUL in a post page", HttpMethod.GET, "/posts/existing-post%00", none(), null, 400),
        Arguments.of("NUL in a written slug path", HttpMethod.PUT, "/api/posts/existing-post%00", with(admin(), "if-match", "\"1\""), post("markdown", "x"), 400),
        Arguments.of("NUL in title", HttpMethod.POST, "/api/posts", admin(), post("markdown", "x", "title", "Nul\0Title"), 422),
        Arguments.of("NUL in slug", HttpMethod.POST, "/api/posts", admin(), post("markdown", "x", "slug", "a\0b"), 422),
        Arguments.of("NUL in a tag", HttpMethod.POST, "/api/posts", admin(), post("markdown", "x", "title", "T", "tags", new JsonArray(List.of("ok", "n\0l"))), 422),
        Arguments.of("NUL in series", HttpMethod.POST, "/api/posts", admin(), post("markdown", "x", "title", "T", "series", "S\0"), 422),
        Arguments.of("NUL in status", HttpMethod.POST, "/api/posts", admin(), post("markdown", "x", "title", "T", "status", "draft\0"), 422),
        Arguments.of("NUL in published_at", HttpMethod.POST, "/api/posts", admin(), post("markdown", "x", "title", "T", "published_at", "2020-01-01\0"), 422),
        Arguments.of("NUL in an update's title", HttpMethod.PUT, "/api/posts/existing-post", with(admin(), "if-match", "\"1\""), post("markdown", "x", "title", "\0"), 422),
        Arguments.of("limit not a number", HttpMethod.GET, "/api/posts?limit=ten", none(), null, 400),
        Arguments.of("limit too large", HttpMethod.GET, "/api/posts?limit=1000", none(), null, 400),
        Arguments.of("huge cursor", HttpMethod.GET, "/api/posts?cursor=" + "A".repeat(30_000), none(), null, 400),
        Arguments.of("cursor longer than any made", HttpMethod.GET, "/api/posts?cursor=" + "A".repeat(201), none(), null, 400),
        Arguments.of("page cursor longer than any made", HttpMethod.GET, "/tags/java?cursor=" + "A".repeat(201), none(), null, 400),
        Arguments.of("search without q", HttpMethod.GET, "/api/search", none(), null, 400),
        Arguments.of("huge search", HttpMethod.GET, "/api/search?q=" + "x".repeat(30_000), none(), null, 400),
        Arguments.of("huge series name", HttpMethod.GET, "/api/series/" + "s".repeat(20_000), none(), null, 404),
        Arguments.of("revision not a number", HttpMethod.GET, "/api/posts/existing-post/revisions/abc", admin(), null, 404),
        Arguments.of("trash id not a number", HttpMethod.POST, "/api/trash/abc/restore", admin(), null, 404),
        Arguments.of("unknown route", HttpMethod.GET, "/nope", none(), null, 404),
        Arguments.of("unknown API route", HttpMethod.GET, "/api/nope", none(), null, 404),
        Arguments.of("wrong method", HttpMethod.PATCH, "/api/posts", admin(), "{}", 405),
        Arguments.of("wrong method on tags", HttpMethod.DELETE, "/api/tags", admin(), null, 405));
  }

  /** The posts-service and render-service stand-ins echo the source they were sent. */
  @Test
  void aNulInTheMarkdownBecomesTheReplacementCharacter() {
    HttpResponse<Buffer> created = send(HttpMethod.POST, "/api/posts", admin(), post("markdown", "before\0after", "title", "Nul Body"));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.bodyAsJsonObject().getString("markdown")).isEqualTo("before\uFFFDafter");
    assertThat(created.bodyAsJsonObject().getString("html")).contains("before\uFFFDafter");
    HttpResponse<Buffer> preview = send(HttpMethod.POST, "/api/render", admin(), post("markdown", "x\0y"));
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.bodyAsJsonObject().getString("html")).contains("x\uFFFDy");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void getsTheRight4xxWithAProblemDocument(String name, HttpMethod method, String path, MultiMap headers, Object body,
                                           int expected) {
    HttpResponse<Buffer> response = send(method, path, headers, body);
    assertThat(response.statusCode()).as(name).isEqualTo(expected);
    assertThat(response.getHeader("content-type")).as(name).isEqualTo("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getInteger("status")).isEqualTo(expected);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
    assertThat(problem.getString("request_id")).isEqualTo(response.getHeader("x-request-id"));
    assertThat(response.bodyAsString()).doesNotContain("Exception", "\tat ", "io.octavo");
  }
}
