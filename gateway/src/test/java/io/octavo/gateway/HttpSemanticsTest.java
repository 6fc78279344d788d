package io.octavo.gateway;

import static io.octavo.common.testing.DocumentedHttp.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.posts.PostsContracts;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.testing.DocumentedHttp;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP as monitors, crawlers and careful clients expect it: HEAD, Allow, If-Match. The gateway's
 * own doing, so it runs against a posts-service stand-in on the local event bus.
 */
class HttpSemanticsTest {
  private static final String TOKEN = "semantics-token";
  private static Vertx vertx;
  private static DocumentedHttp http;
  private static StubPostsService posts;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    posts = StubPostsService.start(vertx, List.of("Head Post", "Star Post", "Star Delete", "Empty Match", "Restored"), List.of("java"));
    http = TestGateway.deploy(vertx, TestGateway.settings(TOKEN));
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static MultiMap admin() {
    return DocumentedHttp.admin(TOKEN);
  }

  private static HttpResponse<Buffer> send(HttpMethod method, String path, MultiMap headers, String body) {
    return http.send(method, path, headers, body);
  }

  @Test
  void headOnEveryGetRouteAnswersLikeGetWithoutABody() {
    List<String> paths = List.of("/api/posts", "/api/posts/head-post", "/api/tags", "/api/series/none",
        "/api/search?q=body", "/feed.xml", "/rss.xml", "/feed.json", "/tags/java/feed.xml", "/sitemap.xml",
        "/", "/posts/head-post", "/tags/java", "/archive", "/search?q=body", "/assets/site-1/octavo.css",
        "/openapi.json", "/docs", "/health", "/ready", "/metrics", "/api/posts/head-post/revisions");
    for (String path : paths) {
      MultiMap headers = path.endsWith("/revisions") ? admin() : MultiMap.caseInsensitiveMultiMap();
      HttpResponse<Buffer> get = send(HttpMethod.GET, path, headers, null);
      HttpResponse<Buffer> head = send(HttpMethod.HEAD, path, headers, null);
      assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(get.statusCode());
      assertThat(head.getHeader("content-type")).as("HEAD " + path).isEqualTo(get.getHeader("content-type"));
      assertThat(head.getHeader("etag")).as("HEAD " + path).isEqualTo(get.getHeader("etag"));
      assertThat(head.getHeader("cache-control")).as("HEAD " + path).isEqualTo(get.getHeader("cache-control"));
      assertThat(head.body() == null ? 0 : head.body().length()).as("HEAD " + path + " has no body").isZero();
    }
  }

  @Test
  void aWrongMethodIs405WithAllow() {
    HttpResponse<Buffer> tags = send(HttpMethod.DELETE, "/api/tags", admin(), null);
    assertThat(tags.statusCode()).isEqualTo(405);
    assertThat(tags.getHeader("allow")).isEqualTo("GET, HEAD");
    HttpResponse<Buffer> post = send(HttpMethod.PATCH, "/api/posts/head-post", admin(), "{}");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.getHeader("allow")).isEqualTo("GET, HEAD, PUT, DELETE");
    assertThat(post.getHeader("content-type")).isEqualTo("application/problem+json");
    assertThat(send(HttpMethod.PUT, "/api/posts", admin(), "{}").getHeader("allow")).isEqualTo("GET, HEAD, POST");
  }

  /** The gateway asks for "whatever version is current"; that the service then replaces it is PostsServiceTest's. */
  @Test
  void ifMatchStarReplacesOrDeletesWhateverVersionIsCurrent() {
    String edit = new JsonObject().put("markdown", "Edited").put("title", "Star Post").encode();
    HttpResponse<Buffer> updated = send(HttpMethod.PUT, "/api/posts/star-post", with(admin(), "if-match", "*"), edit);
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.getHeader("etag")).isEqualTo("\"2\"");
    assertThat(posts.bus().requests(PostsContracts.UPDATE).get(0).expectedVersion())
        .isEqualTo(PostRequests.Update.ANY_VERSION);
    assertThat(send(HttpMethod.DELETE, "/api/posts/star-delete", with(admin(), "if-match", "*"), null).statusCode())
        .isEqualTo(204);
    assertThat(posts.bus().requests(PostsContracts.DELETE).get(0).expectedVersion())
        .as("any version").isNull();
    assertThat(send(HttpMethod.PUT, "/api/posts/no-such-post", with(admin(), "if-match", "*"), edit).statusCode())
        .as("* needs a current version to match").isEqualTo(404);
  }

  /** A restore is a write: its reply carries the ETag the next If-Match must send. */
  @Test
  void aRestoredPostComesWithTheETagToEditItWith() {
    HttpResponse<Buffer> revision = send(HttpMethod.POST, "/api/posts/restored/revisions/1/restore", admin(), null);
    assertThat(revision.statusCode()).isEqualTo(200);
    assertThat(revision.getHeader("etag")).isEqualTo("\"2\"");
    assertThat(revision.getHeader("cache-control")).isEqualTo("private, no-store");
    HttpResponse<Buffer> untrashed = send(HttpMethod.POST, "/api/trash/7/restore", admin(), null);
    assertThat(untrashed.statusCode()).isEqualTo(200);
    assertThat(untrashed.getHeader("etag")).isEqualTo("\"4\"");
    assertThat(untrashed.getHeader("location")).isEqualTo("/api/posts/trashed-7");
    assertThat(untrashed.getHeader("cache-control")).isEqualTo("private, no-store");
  }

  @Test
  void anEmptyIfMatchIs428OnPutAndDelete() {
    String edit = new JsonObject().put("markdown", "Edited").encode();
    int updates = posts.bus().count(PostsContracts.UPDATE);
    assertThat(send(HttpMethod.PUT, "/api/posts/empty-match", with(admin(), "if-match", ""), edit).statusCode())
        .isEqualTo(428);
    assertThat(send(HttpMethod.DELETE, "/api/posts/empty-match", with(admin(), "if-match", " "), null).statusCode())
        .isEqualTo(428);
    assertThat(posts.bus().count(PostsContracts.UPDATE)).as("nothing was written").isEqualTo(updates);
    assertThat(posts.bus().requests(PostsContracts.DELETE)).as("nothing was deleted")
        .noneMatch(request -> "empty-match".equals(request.slug()));
    assertThat(send(HttpMethod.GET, "/api/posts/empty-match", MultiMap.caseInsensitiveMultiMap(), null).statusCode())
        .isEqualTo(200);
  }
}
