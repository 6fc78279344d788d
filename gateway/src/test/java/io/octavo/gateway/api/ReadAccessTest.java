package io.octavo.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.posts.PostsContracts;
import io.octavo.common.testing.DocumentedHttp;
import io.octavo.common.testing.TestPost;
import io.octavo.gateway.StubPostsService;
import io.octavo.gateway.TestGateway;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who reads what through the API, the gateway's part: the admin token asks the posts-service for
 * drafts too, a moved post is a redirect, admin-only reads need the token. Which posts are drafts
 * and where a post moved is the posts-service's (PostsEngineTest); here a stand-in answers.
 */
class ReadAccessTest {
  private static final String TOKEN = "read-access-token";
  private static Vertx vertx;
  private static DocumentedHttp http;
  private static StubPostsService posts;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    posts = StubPostsService.serving(vertx, List.of(
        TestPost.titled("Public Post").tags("hiddentag").build(),
        TestPost.titled("Hidden Draft").tags("hiddentag").draft().build())).moved("old-name", "new-name");
    http = TestGateway.deploy(vertx, TestGateway.settings(TOKEN));
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static HttpResponse<Buffer> anonymous(String path) {
    return http.send(HttpMethod.GET, path, MultiMap.caseInsensitiveMultiMap(), null);
  }

  private static HttpResponse<Buffer> admin(String path) {
    return http.send(HttpMethod.GET, path, DocumentedHttp.admin(TOKEN), null);
  }

  private static List<String> slugs(HttpResponse<Buffer> list) {
    assertThat(list.statusCode()).isEqualTo(200);
    JsonArray items = list.bodyAsJsonObject().getJsonArray("items");
    return items.stream().map(item -> ((JsonObject) item).getString("slug")).toList();
  }

  @Test
  void draftsReachOnlyTheAdmin() {
    assertThat(anonymous("/api/posts/hidden-draft").statusCode()).isEqualTo(404);
    assertThat(admin("/api/posts/hidden-draft").statusCode()).isEqualTo(200);
    assertThat(slugs(anonymous("/api/posts?limit=100&tag=hiddentag"))).containsExactly("public-post");
    assertThat(slugs(admin("/api/posts?limit=100&tag=hiddentag"))).contains("hidden-draft", "public-post");
    assertThat(slugs(anonymous("/api/search?q=body"))).doesNotContain("hidden-draft");
    assertThat(slugs(admin("/api/search?q=body"))).contains("hidden-draft");
    assertThat(anonymous("/posts/hidden-draft").statusCode()).as("page").isEqualTo(404);
  }

  @Test
  void aMovedPostRedirectsToItsNewSlug() {
    HttpResponse<Buffer> api = anonymous("/api/posts/old-name");
    assertThat(api.statusCode()).isEqualTo(301);
    assertThat(api.getHeader("location")).isEqualTo("/api/posts/new-name");
    HttpResponse<Buffer> page = anonymous("/posts/old-name");
    assertThat(page.statusCode()).as("permanent, as the API and the document say").isEqualTo(301);
    assertThat(page.getHeader("location")).isEqualTo("/posts/new-name");
  }

  @Test
  void revisionsTheTrashAndMediaListsNeedTheToken() {
    assertThat(anonymous("/api/posts/public-post/revisions").statusCode()).isEqualTo(401);
    assertThat(anonymous("/api/trash").statusCode()).isEqualTo(401);
    assertThat(anonymous("/api/media").statusCode()).isEqualTo(401);
    assertThat(posts.bus().count(PostsContracts.TRASH)).as("asked nothing of the posts-service").isZero();
  }

  @Test
  void anEmptySearchIsABadRequest() {
    assertThat(anonymous("/api/search?q=").statusCode()).isEqualTo(400);
  }
}
