package io.octavo.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.config.PgSettings;
import io.octavo.common.testing.FreePort;
import io.octavo.common.testing.TestPostgres;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The failure drill: PostgreSQL, one posts-service, two render-services and two gateways as
 * separate JVMs on loopback, HAProxy in front when installed. While writing and reading through
 * it, one render replica is killed with SIGKILL and one gateway stopped with SIGTERM; then the last
 * render replica is stopped for 30 s, during which readers must see no failure and every write
 * must still be acknowledged, and be rendered once a render replica is back.
 */
class ClusterDrillIT {
  private static final String TOKEN = "drill-token";
  private static final Duration START = Duration.ofSeconds(150);
  private static final Path LOGS = Path.of("target", "drill-logs");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final List<ServiceProcess> processes = new ArrayList<>();
  private LoadBalancer balancer;

  @AfterEach
  void stopEverything() throws InterruptedException {
    if (balancer != null) {
      balancer.stop();
    }
    for (ServiceProcess process : processes) {
      if (process.alive()) {
        process.kill();
      }
    }
  }

  /**
   * Every node of the drill shares 127.0.0.1, so each takes the next free Hazelcast port from 5701.
   * A bare "127.0.0.1" member makes Hazelcast probe only 5701-5703: a replacement replica that
   * binds 5701 after the first three nodes died found nobody there and formed a cluster of its
   * own. Naming the ports the drill's nodes can take lets a late joiner find the survivors.
   */
  private static final String LOCAL_MEMBERS = java.util.stream.IntStream.rangeClosed(5701, 5712)
      .mapToObj(port -> "127.0.0.1:" + port).collect(java.util.stream.Collectors.joining(","));

  @Test
  void writesSurviveALostRenderReplicaAndADrainingGateway() throws Exception {
    PgSettings db = TestPostgres.freshDatabase(ClusterDrillIT.class);
    Map<String, String> env = new HashMap<>(Map.of(
        "CLUSTER_HOST", "127.0.0.1", "CLUSTER_MEMBERS", LOCAL_MEMBERS,
        "CLUSTER_NAME", "drill-" + UUID.randomUUID().toString().substring(0, 8),
        "OCTAVO_ADMIN_TOKEN", TOKEN, "OCTAVO_RATE_LIMIT_READS", "0", "OCTAVO_RENDER_RETRY_MS", "1000",
        "OCTAVO_SHUTDOWN_GRACE_MS", "10000"));
    Map<String, String> postsEnv = new HashMap<>(env);
    postsEnv.putAll(Map.of("PGHOST", db.host(), "PGPORT", String.valueOf(db.port()), "PGDATABASE", db.database(),
        "PGUSER", db.user(), "PGPASSWORD", db.password()));

    ServiceProcess render1 = start("render-1", "render-service", env);
    ServiceProcess render2 = start("render-2", "render-service", env);
    ServiceProcess posts = start("posts-1", "posts-service", postsEnv);
    ServiceProcess gateway1 = start("gateway-1", "gateway", env);
    ServiceProcess gateway2 = start("gateway-2", "gateway", env);
    for (ServiceProcess process : processes) {
      process.awaitReady(START);
    }
    String front = "http://127.0.0.1:" + gateway1.httpPort;
    if (LoadBalancer.available()) {
      balancer = LoadBalancer.start(FreePort.find(), List.of(gateway1.httpPort, gateway2.httpPort), LOGS);
      front = "http://127.0.0.1:" + balancer.port;
      System.out.println("[drill] HAProxy in front on " + front);
    } else {
      System.out.println("[drill] HAProxy is not installed: writing to gateway-1 directly");
    }

    // 1. an update through one gateway is read fresh through the other within half a second
    String base1 = "http://127.0.0.1:" + gateway1.httpPort;
    String base2 = "http://127.0.0.1:" + gateway2.httpPort;
    assertThat(send("POST", base1 + "/api/posts", post("Fresh Reads", "v1"), null).statusCode()).isEqualTo(201);
    long worstMillis = 0;
    for (int version = 1; version <= 10; version++) {
      send("GET", base2 + "/api/posts/fresh-reads", null, null); // warm gateway-2's cache with the old version
      HttpResponse<String> updated = send("PUT", base1 + "/api/posts/fresh-reads", post("Fresh Reads", "v" + (version + 1)),
          "\"" + version + "\"");
      assertThat(updated.statusCode()).isEqualTo(200);
      String expected = updated.headers().firstValue("etag").orElseThrow();
      long start = System.nanoTime();
      while (!expected.equals(send("GET", base2 + "/api/posts/fresh-reads", null, null).headers().firstValue("etag").orElse(""))) {
        assertThat(System.nanoTime() - start).as("fresh on gateway-2").isLessThan(TimeUnit.SECONDS.toNanos(5));
        Thread.sleep(5);
      }
      worstMillis = Math.max(worstMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
    System.out.println("[drill] slowest fresh read on the other gateway: " + worstMillis + " ms");
    assertThat(worstMillis).isLessThan(500);

    // 2. writes and reads through the front: SIGKILL a render replica at 5 s, SIGTERM a gateway at 10 s,
    //    stop the last render replica at 12 s and start a new one 30 s later; writers stop once it is ready
    String target = front;
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> failedReads = new ConcurrentLinkedQueue<>();
    AtomicInteger reads = new AtomicInteger();
    AtomicInteger outageWrites = new AtomicInteger();
    AtomicInteger outageReads = new AtomicInteger();
    AtomicBoolean renderDown = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService writers = Executors.newFixedThreadPool(4);
    for (int w = 0; w < 4; w++) {
      int writer = w;
      writers.submit(() -> {
        for (int i = 0; !stop.get(); i++) {
          String title = "Drill " + writer + " " + i;
          try {
            boolean outage = renderDown.get();
            HttpResponse<String> created = send("POST", target + "/api/posts", post(title, "Writer " + writer + ", post " + i + ", $x_" + i + "$."), null);
            if (created.statusCode() == 201) {
              String slug = new JsonObject(created.body()).getString("slug");
              acknowledged.add(slug);
              if (outage) {
                outageWrites.incrementAndGet();
              }
              // a reader's view: the list, and the post's page (rendered or not yet, it must answer)
              for (String read : List.of("/api/posts?limit=5", "/posts/" + slug)) {
                int status = send("GET", target + read, null, null).statusCode();
                if (status == 200) {
                  reads.incrementAndGet();
                  if (outage) {
                    outageReads.incrementAndGet();
                  }
                } else {
                  failedReads.add(read + ": " + status);
                }
              }
            } else {
              failures.add(title + ": " + created.statusCode() + " " + created.body());
            }
            if (outage) {
              Thread.sleep(200); // writes without rendering are cheap: keep the backlog to a few hundred
            }
          } catch (Exception e) {
            failures.add(title + ": " + e);
          }
        }
        return null;
      });
    }
    Thread.sleep(5_000);
    render1.kill();
    System.out.println("[drill] render-1 killed (SIGKILL) after 5 s");
    Thread.sleep(5_000);
    boolean drained = gateway2.terminate(Duration.ofSeconds(30));
    System.out.println("[drill] gateway-2 stopped (SIGTERM) after 10 s; exited cleanly: " + drained);
    Thread.sleep(2_000);
    boolean renderStopped = render2.terminate(Duration.ofSeconds(30));
    renderDown.set(true);
    long outageStart = System.nanoTime();
    System.out.println("[drill] render-2 stopped (SIGTERM): no render replica left; exited cleanly: " + renderStopped);
    Thread.sleep(30_000);
    ServiceProcess render3 = start("render-3", "render-service", env);
    render3.awaitReady(START);
    renderDown.set(false);
    System.out.printf("[drill] render-3 ready: no render replica for %d s; %d writes acknowledged and %d reads answered meanwhile%n",
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - outageStart), outageWrites.get(), outageReads.get());
    stop.set(true);
    writers.shutdown();
    assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    System.out.printf("[drill] %d writes acknowledged, %d failed, %d reads, %d failed reads%n", acknowledged.size(),
        failures.size(), reads.get(), failedReads.size());
    assertThat(failures).as("failed writes").isEmpty();
    assertThat(failedReads).as("failed reads").isEmpty();
    assertThat(acknowledged).hasSizeGreaterThan(20);
    assertThat(outageWrites.get()).as("writes acknowledged with no render replica").isGreaterThan(0);
    assertThat(outageReads.get()).as("reads answered with no render replica").isGreaterThan(0);
    assertThat(drained).as("gateway-2 drained and exited on SIGTERM").isTrue();

    // 3. nothing acknowledged is lost, and every post is rendered within 90 s
    List<String> pending = new ArrayList<>(acknowledged);
    long renderStart = System.nanoTime();
    long deadline = renderStart + TimeUnit.SECONDS.toNanos(90);
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      List<String> still = new ArrayList<>();
      for (String slug : pending) {
        HttpResponse<String> read = send("GET", base1 + "/api/posts/" + slug, null, null);
        assertThat(read.statusCode()).as("acknowledged post " + slug).isEqualTo(200);
        JsonObject post = new JsonObject(read.body());
        if (post.getBoolean("render_pending") || post.getString("html") == null) {
          still.add(slug);
        }
      }
      pending = still;
      if (!pending.isEmpty()) {
        Thread.sleep(1000);
      }
    }
    System.out.printf("[drill] all %d posts rendered %d s after the writes stopped%n", acknowledged.size(),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - renderStart));
    assertThat(pending).as("posts still unrendered after 90 s").isEmpty();
    assertThat(render3.alive() && posts.alive() && gateway1.alive()).isTrue();
  }

  private ServiceProcess start(String name, String module, Map<String, String> env) throws IOException {
    ServiceProcess process = ServiceProcess.start(name, ServiceProcess.jar(module).toPath(), FreePort.find(), env, LOGS);
    processes.add(process);
    return process;
  }

  private static String post(String title, String markdown) {
    return new JsonObject().put("title", title).put("markdown", markdown).encode();
  }

  private static HttpResponse<String> send(String method, String url, String body, String ifMatch) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
        .header("authorization", "Bearer " + TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("content-type", "application/json");
    }
    if (ifMatch != null) {
      request.header("if-match", ifMatch);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }


}
