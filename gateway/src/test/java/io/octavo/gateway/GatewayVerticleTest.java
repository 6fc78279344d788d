package io.octavo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.posts.PostsContracts;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostLookup;
import io.octavo.common.testing.BusStub;
import io.octavo.common.testing.DocumentedHttp;
import io.octavo.common.testing.TestPost;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's HTTP edge on its own: the posts-service is a stand-in on the event bus, so every
 * status here is decided by the gateway (auth, parsing, preconditions, error mapping).
 */
class GatewayVerticleTest {
  private static final String TOKEN = "s3cret-token";
  private Vertx vertx;
  private DocumentedHttp http;
  private BusStub bus;

  @BeforeEach
  void deploy() throws Exception {
    vertx = Vertx.vertx();
    http = TestGateway.deploy(vertx, TestGateway.settings(TOKEN,
        Map.of("OCTAVO_MAX_BODY_BYTES", "4096", "OCTAVO_BUS_TIMEOUT_MS", "300")));
    bus = BusStub.on(vertx);
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private static Post stored(long version) {
    return TestPost.titled("Hello").markdown("# Hello").with("html", "<h1>Hello</h1>").with("excerpt_html", "")
        .version(version).build();
  }

  /** A posts-service stand-in answering every posts.* address with the given post. */
  private void postsServiceAnswers(Post post) {
    bus.reply(PostsContracts.CREATE, post).reply(PostsContracts.GET, new PostLookup.Found(post))
        .reply(PostsContracts.UPDATE, post);
  }

  private HttpResponse<Buffer> send(HttpMethod method, String path, MultiMap headers, String body) {
    return http.send(method, path, headers, body);
  }

  private static MultiMap admin() {
    return DocumentedHttp.admin(TOKEN);
  }

  private static void assertProblem(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.getHeader("content-type")).isEqualTo("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
    assertThat(problem.getString("request_id")).isEqualTo(response.getHeader("x-request-id"));
    assertThat(response.bodyAsString()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void anonymousWriteIsUnauthorized() {
    HttpResponse<Buffer> response = send(HttpMethod.POST, "/api/posts", MultiMap.caseInsensitiveMultiMap(),
        "{\"markdown\":\"x\"}");
    assertProblem(response, 401);
    assertThat(response.getHeader("www-authenticate")).startsWith("Bearer");
  }

  @Test
  void wrongTokenIsUnauthorizedEvenOnReads() {
    MultiMap wrong = MultiMap.caseInsensitiveMultiMap().add("authorization", "Bearer nope");
    assertProblem(send(HttpMethod.POST, "/api/posts", wrong, "{\"markdown\":\"x\"}"), 401);
    assertProblem(send(HttpMethod.GET, "/api/posts/hello", wrong, null), 401);
  }

  @Test
  void malformedJsonIsABadRequest() {
    assertProblem(send(HttpMethod.POST, "/api/posts", admin(), "{\"markdown\": "), 400);
    assertProblem(send(HttpMethod.POST, "/api/posts", admin(), "[1, 2]"), 400);
  }

  @Test
  void wrongFieldTypesAreUnprocessable() {
    assertProblem(send(HttpMethod.POST, "/api/posts", admin(), "{\"markdown\": 42}"), 422);
    assertProblem(send(HttpMethod.POST, "/api/posts", admin(), "{\"markdown\": \"x\", \"tags\": \"a,b\"}"), 422);
  }

  @Test
  void nonJsonContentTypeIsUnsupported() {
    MultiMap headers = admin().set("content-type", "text/plain");
    assertProblem(send(HttpMethod.POST, "/api/posts", headers, "hello"), 415);
  }

  @Test
  void oversizedBodyIsRefused() {
    assertProblem(send(HttpMethod.POST, "/api/posts", admin(), "{\"markdown\":\"" + "x".repeat(5000) + "\"}"), 413);
  }

  @Test
  void unknownRouteAndWrongMethodAreProblems() {
    assertProblem(send(HttpMethod.GET, "/nothing/here", MultiMap.caseInsensitiveMultiMap(), null), 404);
    assertProblem(send(HttpMethod.GET, "/api/nothing", MultiMap.caseInsensitiveMultiMap(), null), 404);
    assertProblem(send(HttpMethod.PATCH, "/api/posts", admin(), "{}"), 405);
  }

  @Test
  void missingPostsServiceIsServiceUnavailableWithRetryAfter() {
    HttpResponse<Buffer> response = send(HttpMethod.GET, "/api/posts/hello", MultiMap.caseInsensitiveMultiMap(), null);
    assertProblem(response, 503);
    assertThat(response.getHeader("retry-after")).isNotBlank();
  }

  @Test
  void silentPostsServiceIsAGatewayTimeout() {
    bus.silent(PostsContracts.GET);
    assertProblem(send(HttpMethod.GET, "/api/posts/hello", MultiMap.caseInsensitiveMultiMap(), null), 504);
  }

  @Test
  void serviceFailureCodesBecomeTheHttpStatus() {
    bus.fail(PostsContracts.GET, 404, "no post with slug 'x'");
    HttpResponse<Buffer> response = send(HttpMethod.GET, "/api/posts/x", MultiMap.caseInsensitiveMultiMap(), null);
    assertProblem(response, 404);
    assertThat(response.bodyAsJsonObject().getString("detail")).isEqualTo("no post with slug 'x'");
  }

  @Test
  void postCarriesAnETagAndAMatchingConditionalGetIsNotModified() {
    postsServiceAnswers(stored(3));
    HttpResponse<Buffer> first = send(HttpMethod.GET, "/api/posts/hello", MultiMap.caseInsensitiveMultiMap(), null);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.getHeader("etag")).isEqualTo("\"3\"");
    HttpResponse<Buffer> second = send(HttpMethod.GET, "/api/posts/hello",
        MultiMap.caseInsensitiveMultiMap().add("if-none-match", "\"3\""), null);
    assertThat(second.statusCode()).isEqualTo(304);
    assertThat(second.body()).isNull();
  }

  @Test
  void updateWithoutIfMatchIsPreconditionRequired() {
    postsServiceAnswers(stored(3));
    assertProblem(send(HttpMethod.PUT, "/api/posts/hello", admin(), "{\"markdown\":\"x\"}"), 428);
    assertProblem(send(HttpMethod.PUT, "/api/posts/hello", admin().add("if-match", "garbage"),
        "{\"markdown\":\"x\"}"), 412);
  }

  @Test
  void createAnswers201WithLocationAndETag() {
    postsServiceAnswers(stored(1));
    HttpResponse<Buffer> response = send(HttpMethod.POST, "/api/posts", admin(), "{\"markdown\":\"# Hello\"}");
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.getHeader("location")).isEqualTo("/api/posts/hello");
    assertThat(response.getHeader("etag")).isEqualTo("\"1\"");
    assertThat(response.bodyAsJsonObject().getString("html")).isEqualTo("<h1>Hello</h1>");
  }

  @Test
  void badListParametersAreBadRequests() {
    assertProblem(send(HttpMethod.GET, "/api/posts?limit=0", MultiMap.caseInsensitiveMultiMap(), null), 400);
    assertProblem(send(HttpMethod.GET, "/api/posts?limit=abc", MultiMap.caseInsensitiveMultiMap(), null), 400);
  }

  @Test
  void healthAnswersWithoutAnyService() {
    HttpResponse<Buffer> response = send(HttpMethod.GET, "/health", MultiMap.caseInsensitiveMultiMap(), null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("UP");
  }
}
