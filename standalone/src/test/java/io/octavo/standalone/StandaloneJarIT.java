package io.octavo.standalone;

import static io.octavo.standalone.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code octavo.jar} the way a newcomer does: no PostgreSQL configured (so the
 * embedded one starts), no admin token (so one is printed), then restarts it on the same data.
 */
class StandaloneJarIT {
  private static final Pattern TOKEN = Pattern.compile("OCTAVO_ADMIN_TOKEN=(\\S+)");
  private static final long READY_WITHIN_SECONDS = 60;

  @TempDir
  Path dataDir;

  @Test
  void runsFromTheJarAndKeepsPostsAcrossRestarts() throws Exception {
    int port = freePort();
    Running first = launch(port, null);
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

    Running second = launch(port, first.token());
    try (Api api = new Api(port, first.token())) {
      HttpResponse<Buffer> read = api.get("survives-restarts");
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.bodyAsJsonObject().getJsonArray("tags")).containsExactly("ops");
      assertThat(api.create(post("# After Restart\n\nstill writable")).statusCode()).isEqualTo(201);
    } finally {
      second.stop();
    }
  }

  private record Running(Process process, String token) {
    void stop() throws InterruptedException {
      process.destroy(); // SIGTERM: the shutdown hook closes Vert.x and stops PostgreSQL
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private Running launch(int port, String token) throws IOException, InterruptedException {
    Path jar = Path.of("target", "octavo.jar").toAbsolutePath();
    assertThat(jar).exists();
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-jar", jar.toString())).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("OCTAVO_"));
    env.put("HTTP_PORT", String.valueOf(port));
    env.put("OCTAVO_DATA_DIR", dataDir.toString());
    if (token != null) {
      env.put("OCTAVO_ADMIN_TOKEN", token);
    }
    Process process = builder.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread pump = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          System.out.println("[octavo.jar] " + line);
          lines.add(line);
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
    pump.setDaemon(true);
    pump.start();

    String printedToken = token;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_WITHIN_SECONDS);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line == null) {
        assertThat(process.isAlive()).as("octavo.jar exited early").isTrue();
        continue;
      }
      Matcher matcher = TOKEN.matcher(line);
      if (token == null && matcher.find()) {
        printedToken = matcher.group(1);
      }
      if (line.startsWith("Octavo is ready")) {
        assertThat(line).contains(":" + port + "/");
        assertThat(printedToken).as("the generated admin token is printed").isNotNull();
        return new Running(process, printedToken);
      }
    }
    process.destroyForcibly();
    throw new AssertionError("octavo.jar was not ready within " + READY_WITHIN_SECONDS + " s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

}
