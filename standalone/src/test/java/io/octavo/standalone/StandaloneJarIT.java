package io.octavo.standalone;

import static io.octavo.standalone.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code octavo.jar} the way a newcomer does: no PostgreSQL configured (so the
 * embedded one starts), no admin token (so one is printed), then restarts it on the same data.
 */
class StandaloneJarIT {
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);

  @TempDir
  Path dataDir;

  @Test
  void runsFromTheJarAndKeepsPostsAcrossRestarts() throws Exception {
    int port = TestOctavo.freePort();
    OctavoJar first = OctavoJar.launch(dataDir, port, Map.of(), READY_WITHIN);
    assertThat(first.token()).as("the generated admin token is printed").isNotNull();
    try (Api api = new Api(port, first.token())) {
      HttpResponse<Buffer> anonymous = api.anonymous(HttpMethod.POST, "/api/posts", "{\"markdown\":\"x\"}");
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.getHeader("content-type")).isEqualTo("application/problem+json");

      HttpResponse<Buffer> created = api.create(post("---\ntitle: Survives Restarts\ntags: [Ops]\n---\nKept *safe*.\n"));
      assertThat(created.statusCode()).isEqualTo(201);
      HttpResponse<Buffer> read = api.get("survives-restarts");
      assertThat(read.getHeader("etag")).isEqualTo("\"1\"");
      JsonObject body = read.bodyAsJsonObject();
      assertThat(body.getString("title")).isEqualTo("Survives Restarts");
      assertThat(body.getString("html")).isEqualTo("<p>Kept <em>safe</em>.</p>\n");

      String metrics = api.anonymous(HttpMethod.GET, "/metrics", null).bodyAsString();
      assertThat(metrics).contains("vertx_http_server_requests", "vertx_eventbus");
    } finally {
      first.stop();
    }

    OctavoJar second = OctavoJar.launch(dataDir, port, Map.of("OCTAVO_ADMIN_TOKEN", first.token()), READY_WITHIN);
    try (Api api = new Api(port, first.token())) {
      HttpResponse<Buffer> read = api.get("survives-restarts");
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.bodyAsJsonObject().getJsonArray("tags")).containsExactly("ops");
      assertThat(api.create(post("# After Restart\n\nstill writable")).statusCode()).isEqualTo(201);
    } finally {
      second.stop();
    }
  }
}
