package io.octavo.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.octavo.client.ApiClient;
import io.octavo.client.ApiException;
import io.octavo.client.ApiResponse;
import io.octavo.client.api.PostsApi;
import io.octavo.client.model.Post;
import io.octavo.client.model.PostInput;
import io.octavo.client.model.PostSummary;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java client openapi-generator makes from the OpenAPI document (at generate-test-sources)
 * works against a running Octavo: the document is one a client can be built from, not only read.
 */
class GeneratedClientTest {
  private static final String TOKEN = "generated-client-token";
  private static TestOctavo octavo;
  private static PostsApi admin;
  private static PostsApi anonymous;

  @BeforeAll
  static void start() throws Exception {
    octavo = TestOctavo.start(GeneratedClientTest.class, Map.of("OCTAVO_ADMIN_TOKEN", TOKEN));
    admin = new PostsApi(client().setRequestInterceptor(request -> request.header("Authorization", "Bearer " + TOKEN)));
    anonymous = new PostsApi(client());
  }

  @AfterAll
  static void stop() {
    octavo.close();
  }

  private static ApiClient client() {
    return new ApiClient().setScheme("http").setHost("127.0.0.1").setPort(octavo.port()).setBasePath("");
  }

  @Test
  void createsListsWithATokenUpdatesWithIfMatchAndDeletes() throws Exception {
    Post created = admin.createPost(new PostInput().markdown("# Drafted by a client\n\nGenerated from the document.")
        .status(PostInput.StatusEnum.DRAFT));
    assertThat(created.getTitle()).isEqualTo("Drafted by a client");
    assertThat(created.getStatus()).isEqualTo("draft");

    assertThat(admin.listPosts(100, null, null, null).getItems()).extracting(PostSummary::getSlug).contains(created.getSlug());
    assertThat(anonymous.listPosts(100, null, null, null).getItems()).extracting(PostSummary::getSlug)
        .doesNotContain(created.getSlug());

    ApiResponse<Post> read = admin.getPostWithHttpInfo(created.getSlug(), null);
    String etag = read.getHeaders().get("etag").get(0);
    Post updated = admin.updatePost(etag, created.getSlug(), new PostInput().markdown("# Drafted by a client\n\nEdited."));
    assertThat(updated.getVersion()).isEqualTo(created.getVersion() + 1);
    assertThatThrownBy(() -> admin.updatePost(etag, created.getSlug(), new PostInput().markdown("# Stale")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(412));

    admin.deletePost(created.getSlug(), null);
    assertThatThrownBy(() -> admin.getPost(created.getSlug(), null))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
  }
}
