package io.octavo.standalone;

import static io.octavo.standalone.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.testing.FreePort;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
  @TempDir
  Path siteDir;

  @Test
  void runsFromTheJarAndKeepsPostsAcrossRestarts() throws Exception {
    int port = FreePort.find();
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

      assertImportsAHugoSiteWithTomlConfig(port, first.token());

      String metrics = api.anonymous(HttpMethod.GET, "/metrics", null).bodyAsString();
      assertThat(metrics).contains("vertx_http_server_requests", "vertx_eventbus");
    } finally {
      first.stop();
    }

    OctavoJar second = OctavoJar.launch(dataDir, port, Map.of(), READY_WITHIN);
    assertThat(second.output()).as("no new token: the first one is kept").noneMatch(line -> line.contains("OCTAVO_ADMIN_TOKEN="));
    try (Api api = new Api(port, first.token())) {
      HttpResponse<Buffer> read = api.get("survives-restarts");
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.bodyAsJsonObject().getJsonArray("tags")).containsExactly("ops");
      assertThat(api.create(post("# After Restart\n\nstill writable")).statusCode()).isEqualTo(201);

      String rotated = rotateToken();
      try (Api newAdmin = new Api(port, rotated)) {
        awaitAccepted(newAdmin);
        assertThat(api.create(post("# Old Token")).statusCode()).as("the old token stops working").isEqualTo(401);
      }
    } finally {
      second.stop();
    }
    assertThat(dataDir.resolve("admin-token.sha256")).content().startsWith("sha256:").doesNotContain(first.token());
  }

  /**
   * The jar's own import command on a Hugo site whose configuration is TOML: the TOML reader needs
   * classes only the jar's packaging can lose (a test classpath has them anyway).
   */
  private void assertImportsAHugoSiteWithTomlConfig(int port, String token) throws Exception {
    Path site = siteDir;
    Files.createDirectories(site.resolve("content/posts"));
    Files.writeString(site.resolve("hugo.toml"), "baseURL = 'https://example.org/'\ntitle = 'A Hugo blog'\n");
    Files.writeString(site.resolve("content/posts/from-toml.md"),
        "+++\ntitle = 'From TOML'\nsummary = 'Said in TOML.'\n+++\nThe body.\n");
    List<String> output = OctavoJar.run(dataDir, Map.of("OCTAVO_URL", "http://localhost:" + port), "import",
        site.toString(), "--token", token);
    try (Api api = new Api(port, token)) {
      HttpResponse<Buffer> read = api.get("from-toml");
      assertThat(read.statusCode()).as(String.join("\n", output)).isEqualTo(200);
      JsonObject post = read.bodyAsJsonObject();
      assertThat(post.getString("description")).isEqualTo("Said in TOML.");
      assertThat(post.getString("html")).isEqualTo("<p>The body.</p>\n");
    }
  }

  /** {@code java -jar octavo.jar token --rotate} on the running blog's data directory. */
  private String rotateToken() throws Exception {
    List<String> output = OctavoJar.run(dataDir, Map.of(), "token", "--rotate");
    return output.stream().map(line -> line.strip()).filter(line -> line.startsWith("OCTAVO_ADMIN_TOKEN="))
        .map(line -> line.substring("OCTAVO_ADMIN_TOKEN=".length())).findFirst().orElseThrow();
  }

  /** The running blog re-reads the hash file every two seconds. */
  private static void awaitAccepted(Api admin) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (admin.create(post("# Rotated " + System.nanoTime())).statusCode() != 201) {
      assertThat(System.nanoTime()).as("the rotated token is accepted").isLessThan(deadline);
      Thread.sleep(200); // polls a file-based reload: there is no event to await from outside the process
    }
  }
}
