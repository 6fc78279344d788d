package io.octavo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.octavo.common.metrics.Metrics;
import io.octavo.common.node.Node;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostLookup;
import io.octavo.common.posts.PostsContracts;
import io.octavo.common.render.RenderContracts;
import io.octavo.common.render.Rendered;
import io.octavo.common.testing.BusStub;
import io.octavo.common.testing.TestPost;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The attacks of issue 14 in small: anonymous clients trickling bodies that never end, slow and
 * oversized bodies from an admin, malformed framing, and URLs made unique to fill the cache. The
 * long version runs against the packaged jar: {@code bench/attack.sh}.
 */
class EdgeAttackTest {
  private static final String TOKEN = "attack-token";
  private static final Pattern BODY_BYTES = Pattern.compile("(?m)^octavo_request_body_buffer_bytes\\{[^}]*} (\\S+)");
  private static final Pattern CACHE_BYTES = Pattern.compile("(?m)^octavo_cache_bytes\\{[^}]*} (\\S+)");
  private Vertx vertx;
  private WebClient http;
  private NetClient raw;
  private int port;

  private void start(GatewaySettings settings) {
    PrometheusMeterRegistry registry = Metrics.newRegistry();
    vertx = Metrics.withRegistry(Vertx.builder().with(Metrics.enable(new VertxOptions())), registry).build();
    GatewayService.deploy(Node.of(vertx, registry, Map.of()), settings).await();
    http = WebClient.create(vertx, new WebClientOptions().setDefaultPort(port).setDefaultHost("127.0.0.1"),
        new PoolOptions().setHttp1MaxSize(4));
    raw = RawConnection.client(vertx);
  }

  private GatewaySettings settings() {
    return settings(Map.of());
  }

  /** With environment variables on top, as an operator would set them. */
  private GatewaySettings settings(Map<String, String> env) {
    GatewaySettings settings = TestGateway.settings(TOKEN, env);
    port = settings.httpPort();
    return settings;
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private RawConnection connect() {
    return RawConnection.open(raw, port).await();
  }

  private static String post(String path, String auth, String framing) {
    return "POST " + path + " HTTP/1.1\r\nHost: octavo\r\nContent-Type: application/json\r\n"
        + (auth == null ? "" : "Authorization: Bearer " + auth + "\r\n") + framing + "\r\n";
  }

  private HttpResponse<Buffer> create(String markdown) {
    return http.post("/api/posts").putHeader("authorization", "Bearer " + TOKEN)
        .putHeader("content-type", "application/json")
        .sendJsonObject(new JsonObject().put("markdown", markdown)).await();
  }

  private long timedHealthMillis() throws Exception {
    long start = System.nanoTime();
    assertThat(http.get("/health").send().await(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private double gauge(Pattern gauge) {
    Matcher value = gauge.matcher(http.get("/metrics").send().await().bodyAsString());
    assertThat(value.find()).as("the gauge is exported").isTrue();
    return Double.parseDouble(value.group(1));
  }

  /** The budget is given back when a request ends, which the server notices a moment after the client. */
  private void awaitBodyBudgetEmpty() {
    for (int attempt = 0; attempt < 100 && gauge(BODY_BYTES) != 0; attempt++) {
      vertx.timer(20).await();
    }
    assertThat(gauge(BODY_BYTES)).as("bytes reserved for bodies").isZero();
  }

  private static Post stored(String slug, String html) {
    return TestPost.titled("T").slug(slug).markdown("x").with("html", html).with("excerpt_html", "<p>x</p>").build();
  }

  private void postsServiceCreates() {
    BusStub.on(vertx).reply(PostsContracts.CREATE, stored("new", "<p>x</p>"));
  }

  @Test
  void anonymousBodiesThatNeverEndAreRefusedUnreadWhileTheSiteKeepsAnswering() throws Exception {
    start(settings());
    postsServiceCreates();
    List<RawConnection> attackers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      RawConnection attacker = connect();
      attacker.write(post(i % 2 == 0 ? "/api/posts" : "/api/render", null, "Content-Length: 1900000\r\n")
          + "{\"markdown\":\"");
      attackers.add(attacker);
    }
    String trickle = "a".repeat(1024);
    long trickling = vertx.setPeriodic(50, id -> attackers.forEach(attacker -> {
      if (!attacker.isClosed()) {
        attacker.write(trickle);
      }
    }));
    List<Long> health = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      health.add(timedHealthMillis());
    }
    Future.all(attackers.stream().map(RawConnection::closed).toList()).await(5, TimeUnit.SECONDS);
    vertx.cancelTimer(trickling);

    assertThat(attackers).allSatisfy(attacker -> {
      assertThat(attacker.received()).startsWith("HTTP/1.1 401 ").contains("connection: close");
      assertThat(attacker.isClosed()).as("closed by the server, body unread").isTrue();
    });
    assertThat(health).allSatisfy(millis -> assertThat(millis).isLessThan(1_000));
    assertThat(gauge(BODY_BYTES)).as("no anonymous byte was ever reserved").isZero();
    assertThat(create("# After the attack").statusCode()).isEqualTo(201);
  }

  @Test
  void aBodyThatTricklesPastItsDeadlineIs408AndItsConnectionClosed() throws Exception {
    start(settings(Map.of("OCTAVO_BODY_TIMEOUT_MS", "500")));
    RawConnection slow = connect();
    slow.write(post("/api/posts", TOKEN, "Content-Length: 1000\r\n") + "{\"markdown\":\"");
    long trickling = vertx.setPeriodic(100, id -> slow.write("a"));
    slow.closed().await(5, TimeUnit.SECONDS);
    vertx.cancelTimer(trickling);
    assertThat(slow.received()).startsWith("HTTP/1.1 408 ").contains("application/problem+json");
    awaitBodyBudgetEmpty();
  }

  @Test
  void anUploadStreamedToStorageHasItsOwnDeadline() throws Exception {
    start(settings(Map.of("OCTAVO_IMPORT_UPLOAD_TIMEOUT_MS", "500")));
    RawConnection slow = connect();
    slow.write("POST /api/import HTTP/1.1\r\nHost: octavo\r\nContent-Type: application/zip\r\n"
        + "Authorization: Bearer " + TOKEN + "\r\nContent-Length: 100000\r\n\r\nPK");
    long trickling = vertx.setPeriodic(100, id -> slow.write("a"));
    slow.closed().await(5, TimeUnit.SECONDS);
    vertx.cancelTimer(trickling);
    assertThat(slow.received()).startsWith("HTTP/1.1 408 ");
  }

  @Test
  void bodiesBeyondTheProcessBudgetAre503UntilTheOthersFinish() throws Exception {
    start(settings(Map.of("OCTAVO_MAX_BODY_BYTES", "1000", "OCTAVO_BODY_BUFFER_BYTES", "3000")));
    postsServiceCreates();
    List<RawConnection> holding = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RawConnection connection = connect();
      connection.write(post("/api/posts", TOKEN, "Content-Length: 1000\r\n") + "{\"markdown\":\"");
      holding.add(connection);
    }
    for (int attempt = 0; attempt < 100 && gauge(BODY_BYTES) < 3000; attempt++) {
      vertx.timer(20).await();
    }
    assertThat(gauge(BODY_BYTES)).isEqualTo(3000);

    HttpResponse<Buffer> refused = create("# One too many");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.getHeader("retry-after")).isNotBlank();

    Future.all(holding.stream().map(RawConnection::close).toList()).await();
    awaitBodyBudgetEmpty();
    assertThat(create("# Room again").statusCode()).as("the budget comes back by itself").isEqualTo(201);
  }

  @Test
  void abortedUploadsAndMalformedChunksAreNotServerErrors() throws Exception {
    start(settings());
    RawConnection aborted = connect();
    aborted.write(post("/api/posts", TOKEN, "Content-Length: 100000\r\n") + "{\"markdown\":\"half a post");
    for (int attempt = 0; attempt < 100 && gauge(BODY_BYTES) == 0; attempt++) {
      vertx.timer(20).await();
    }
    aborted.close().await();
    awaitBodyBudgetEmpty();

    RawConnection malformed = connect();
    malformed.write(post("/api/render", TOKEN, "Transfer-Encoding: chunked\r\n") + "zz\r\n{}\r\n0\r\n\r\n");
    malformed.closed().await(5, TimeUnit.SECONDS);
    assertThat(malformed.received()).as("Vert.x closes a connection whose framing broke").doesNotContain(" 500 ");

    String metrics = http.get("/metrics").send().await().bodyAsString();
    assertThat(metrics).contains("vertx_http_server_requests_total").doesNotContainPattern("code=\"5\\d\\d\"");
  }

  @Test
  void aRequestWithBothTransferEncodingAndContentLengthIsAnsweredThenClosed() throws Exception {
    start(settings());
    BusStub.on(vertx).reply(RenderContracts.MARKDOWN, new Rendered("<p>x</p>", "<p>x</p>", false, new JsonArray(), 1, 1));
    String chunkedBody = "10\r\n{\"markdown\":\"x\"}\r\n0\r\n\r\n";

    RawConnection plain = connect();
    plain.write(post("/api/render", TOKEN, "Transfer-Encoding: chunked\r\n") + chunkedBody);
    plain.answered().await(5, TimeUnit.SECONDS);
    assertThat(plain.received()).startsWith("HTTP/1.1 200 ");
    assertThat(plain.isClosed()).as("a chunked request alone keeps its connection").isFalse();
    plain.close().await();

    RawConnection ambiguous = connect();
    ambiguous.write(post("/api/render", TOKEN, "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n") + chunkedBody);
    ambiguous.closed().await(5, TimeUnit.SECONDS);
    assertThat(ambiguous.received()).startsWith("HTTP/1.1 200 ").contains("connection: close");
  }

  @Test
  void queryParametersAPageDoesNotReadShareItsCacheEntry() throws Exception {
    start(settings());
    BusStub posts = BusStub.on(vertx)
        .reply(PostsContracts.GET, new PostLookup.Found(stored("big", "<p>" + "x".repeat(100_000) + "</p>")));
    for (int i = 0; i < 50; i++) {
      assertThat(http.get("/posts/big?utm_source=" + i).send().await().statusCode()).isEqualTo(200);
    }
    assertThat(posts.count(PostsContracts.GET)).as("one render, one cache entry for every query string").isEqualTo(1);
  }

  @Test
  void uniqueUrlsCannotGrowTheCacheBeyondItsBytes() throws Exception {
    start(settings(Map.of("OCTAVO_CACHE_MAX_BYTES", String.valueOf(256 * 1024))));
    BusStub.on(vertx).answer(PostsContracts.GET,
        request -> new PostLookup.Found(stored(request.slug(), "<p>" + "x".repeat(20_000) + "</p>")));
    for (int i = 0; i < 100; i++) { // 2 MB of distinct posts asked for
      assertThat(http.get("/api/posts/post-" + i).send().await().statusCode()).isEqualTo(200);
      assertThat(http.get("/posts/post-" + i).send().await().statusCode()).isEqualTo(200);
    }
    assertThat(gauge(CACHE_BYTES)).isPositive().isLessThanOrEqualTo(256 * 1024);
  }
}
