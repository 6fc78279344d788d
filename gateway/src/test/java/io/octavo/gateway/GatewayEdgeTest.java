package io.octavo.gateway;

import static io.octavo.common.testing.DocumentedHttp.headers;
import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.metrics.Metrics;
import io.octavo.common.node.Node;
import io.octavo.common.posts.ChangeKind;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostLookup;
import io.octavo.common.posts.PostPage;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsContracts;
import io.octavo.common.testing.BusStub;
import io.octavo.common.testing.DocumentedHttp;
import io.octavo.common.testing.TestPost;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.OpenAPIVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway's edge: limits, CORS, security headers, caching, documents, graceful shutdown. */
class GatewayEdgeTest {
  private static final String TOKEN = "edge-token";
  private Vertx vertx;
  private DocumentedHttp documented;
  private WebClient http;
  private String deployment;

  private void start(GatewaySettings settings) {
    vertx = Vertx.vertx();
    deployment = GatewayService.deploy(Node.of(vertx, Metrics.newRegistry(), Map.of()), settings).await();
    documented = DocumentedHttp.to(vertx, settings.httpPort(), new PoolOptions().setHttp1MaxSize(16));
    http = documented.unchecked();
  }

  private static GatewaySettings settings() {
    return TestGateway.settings(TOKEN);
  }

  private static GatewaySettings settings(Map<String, String> env) {
    return TestGateway.settings(TOKEN, env);
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private HttpResponse<Buffer> get(String path, MultiMap headers) {
    return documented.get(path, headers);
  }

  private static Post post(String slug, long version) {
    return TestPost.titled("T").slug(slug).markdown("x").html("<p>x</p>").version(version).build();
  }

  @Test
  void aRunOfBadTokensEndsIn429WithRetryAfter() throws Exception {
    start(settings());
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      statuses.add(http.post("/api/posts").putHeaders(headers("authorization", "Bearer guess-" + i,
          "content-type", "application/json")).sendBuffer(Buffer.buffer("{\"markdown\":\"x\"}")).await().statusCode());
    }
    assertThat(statuses.subList(0, 10)).containsOnly(401);
    assertThat(statuses.subList(10, 12)).containsOnly(429);
    HttpResponse<Buffer> blocked = http.post("/api/posts").putHeaders(headers("authorization", "Bearer " + TOKEN))
        .send().await();
    assertThat(blocked.statusCode()).as("even the right token waits out the block").isEqualTo(429);
    assertThat(blocked.getHeader("retry-after")).isNotBlank();
    assertThat(blocked.getHeader("content-type")).isEqualTo("application/problem+json");
  }

  @Test
  void anonymousReadsAreLimitedPerAddressButAdminsAreNot() throws Exception {
    start(settings(Map.of("OCTAVO_RATE_LIMIT_READS", "3", "OCTAVO_RATE_LIMIT_AUTH_FAILURES", "10")));
    BusStub.on(vertx).reply(PostsContracts.GET, new PostLookup.Found(post("p", 1)));
    List<HttpResponse<Buffer>> reads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      reads.add(get("/api/posts/p", MultiMap.caseInsensitiveMultiMap()));
    }
    assertThat(reads.subList(0, 3)).allSatisfy(read -> assertThat(read.statusCode()).isEqualTo(200));
    assertThat(reads.get(0).getHeader("ratelimit-limit")).isEqualTo("3");
    assertThat(reads.get(0).getHeader("ratelimit-remaining")).isEqualTo("2");
    assertThat(reads.get(3).statusCode()).isEqualTo(429);
    assertThat(reads.get(3).getHeader("retry-after")).isNotBlank();
    assertThat(get("/api/posts/p", headers("authorization", "Bearer " + TOKEN)).statusCode()).isEqualTo(200);
  }

  @Test
  void crossOriginReadsCarryCorsHeadersAndPreflightIsAnswered() throws Exception {
    start(settings());
    BusStub.on(vertx).reply(PostsContracts.GET, new PostLookup.Found(post("p", 1)));
    HttpResponse<Buffer> read = get("/api/posts/p", headers("origin", "https://reader.example"));
    assertThat(read.getHeader("access-control-allow-origin")).isEqualTo("*");
    assertThat(read.getHeader("access-control-expose-headers")).contains("etag");
    HttpResponse<Buffer> preflight = http.request(HttpMethod.OPTIONS, "/api/posts").putHeaders(headers(
        "origin", "https://reader.example", "access-control-request-method", "POST",
        "access-control-request-headers", "authorization,content-type")).send().await();
    assertThat(preflight.statusCode()).isBetween(200, 204);
    assertThat(preflight.getHeader("access-control-allow-methods")).contains("POST");
    assertThat(preflight.getHeader("access-control-allow-headers")).contains("authorization");
  }

  @Test
  void securityHeadersAndAStrictPolicyOutsideTheApi() throws Exception {
    start(settings());
    HttpResponse<Buffer> api = get("/api/nothing", MultiMap.caseInsensitiveMultiMap());
    assertThat(api.getHeader("x-content-type-options")).isEqualTo("nosniff");
    assertThat(api.getHeader("referrer-policy")).isNotBlank();
    HttpResponse<Buffer> docs = get("/docs/", MultiMap.caseInsensitiveMultiMap());
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.getHeader("content-security-policy")).contains("script-src 'self'").doesNotContain("script-src 'self' 'unsafe");
    assertThat(docs.bodyAsString()).contains("/docs/swagger-ui-bundle.js").doesNotContain("<script>");
    assertThat(get("/docs/swagger-ui-bundle.js", MultiMap.caseInsensitiveMultiMap()).getHeader("cache-control"))
        .contains("immutable");
  }

  @Test
  void assetsAndDocsComeGzippedToWhoeverTakesItAndSayTheyVary() throws Exception {
    start(settings());
    for (String path : List.of("/assets/mathjax/tex-chtml.js", "/docs/swagger-ui-bundle.js", "/openapi.json")) {
      HttpResponse<Buffer> plain = get(path, MultiMap.caseInsensitiveMultiMap());
      HttpResponse<Buffer> zipped = http.get(path).putHeader("accept-encoding", "gzip").send().await(); // the checker reads no gzip
      assertThat(zipped.statusCode()).as(path).isEqualTo(200);
      assertThat(zipped.getHeader("content-encoding")).as(path).isEqualTo("gzip");
      assertThat(zipped.getHeader("vary")).as(path + ": a shared cache must not hand gzip to everyone")
          .isEqualTo("Accept-Encoding");
      assertThat(zipped.getHeader("content-type")).as(path).isEqualTo(plain.getHeader("content-type"));
      try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body().getBytes()))) {
        assertThat(in.readAllBytes()).as(path).isEqualTo(plain.body().getBytes());
      }
    }
    HttpResponse<Buffer> mathjax = get("/assets/mathjax/tex-chtml.js", MultiMap.caseInsensitiveMultiMap());
    assertThat(mathjax.getHeader("content-type")).isEqualTo("text/javascript; charset=utf-8");
    assertThat(mathjax.getHeader("cache-control")).isEqualTo("public, max-age=31536000, immutable");
    HttpResponse<Buffer> missing = get("/assets/mathjax/no-such.js", headers("accept", "text/html"));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.getHeader("content-type")).isEqualTo("application/problem+json");
  }

  @Test
  void theOpenApiDocumentIsAValid31ContractListingTheApi() throws Exception {
    start(settings());
    JsonObject document = get("/openapi.json", MultiMap.caseInsensitiveMultiMap()).bodyAsJsonObject();
    assertThat(document.getString("openapi")).startsWith("3.1");
    assertThat(document.getJsonObject("paths").fieldNames()).contains("/api/posts", "/api/posts/{slug}",
        "/api/search", "/api/tags", "/api/render", "/feed.xml", "/sitemap.xml");
    // validated against the official OpenAPI 3.1 schema, with the parser Vert.x's own OpenAPI support uses
    OpenAPIVersion version = OpenAPIVersion.fromContract(document);
    assertThat(version).isEqualTo(OpenAPIVersion.V3_1);
    OutputUnit result = version.getRepository(vertx, "https://octavo.invalid/")
        .compose(repository -> version.validateContract(vertx, repository, document))
        .await(30, TimeUnit.SECONDS);
    assertThat(result.getValid()).as(String.valueOf(result.getErrors())).isTrue();
  }

  @Test
  void invalidUtf8IsABadRequest() throws Exception {
    start(settings());
    Buffer body = Buffer.buffer("{\"markdown\":\"").appendBytes(new byte[] {(byte) 0xC3, (byte) 0x28}).appendString("\"}");
    HttpResponse<Buffer> response = http.post("/api/posts").putHeaders(headers("authorization", "Bearer " + TOKEN,
        "content-type", "application/json")).sendBuffer(body).await();
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("detail")).contains("UTF-8");
  }

  @Test
  void hugeAndInjectedPathsAreClientErrorsWithProblems() throws Exception {
    start(settings());
    for (String path : List.of("/api/posts/" + "a".repeat(10_000), "/api/posts/%00", "/api/posts/%zz",
        "/api/posts/..%2F..%2Fetc%2Fpasswd", "/api/posts?limit=" + "9".repeat(5_000), "/api/search?q=" + "x".repeat(5_000))) {
      HttpResponse<Buffer> response = get(path, MultiMap.caseInsensitiveMultiMap());
      assertThat(response.statusCode()).as(path.substring(0, Math.min(40, path.length()))).isBetween(400, 499);
      assertThat(response.getHeader("content-type")).isEqualTo("application/problem+json");
    }
  }

  @Test
  void hotReadsComeFromTheCacheUntilAPostChanges() throws Exception {
    start(settings());
    AtomicInteger calls = new AtomicInteger();
    BusStub.on(vertx).answer(PostsContracts.GET, request -> new PostLookup.Found(post("p", calls.incrementAndGet())));
    assertThat(get("/api/posts/p", MultiMap.caseInsensitiveMultiMap()).getHeader("etag")).isEqualTo("\"1\"");
    assertThat(get("/api/posts/p", MultiMap.caseInsensitiveMultiMap()).getHeader("etag")).isEqualTo("\"1\"");
    assertThat(calls.get()).isEqualTo(1);
    PostsContracts.CHANGED.publish(vertx.eventBus(), new PostRequests.Changed("p", null, 2, ChangeKind.UPDATED));
    HttpResponse<Buffer> fresh = null;
    for (int attempt = 0; attempt < 50 && (fresh == null || !"\"2\"".equals(fresh.getHeader("etag"))); attempt++) {
      fresh = get("/api/posts/p", MultiMap.caseInsensitiveMultiMap()); // the event is asynchronous
    }
    assertThat(fresh.getHeader("etag")).isEqualTo("\"2\"");
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void listsCarryStrongETagsAndAnswer304() throws Exception {
    start(settings());
    BusStub.on(vertx).reply(PostsContracts.LIST, new PostPage(List.of(post("a", 1), post("b", 1)), null));
    HttpResponse<Buffer> first = get("/api/posts", MultiMap.caseInsensitiveMultiMap());
    assertThat(first.getHeader("etag")).startsWith("\"").endsWith("\"");
    assertThat(first.getHeader("cache-control")).isEqualTo("public, no-cache");
    assertThat(get("/api/posts", headers("if-none-match", first.getHeader("etag"))).statusCode()).isEqualTo(304);
  }

  @Test
  void shutdownLetsRequestsInFlightFinishAndRefusesNewOnes() throws Exception {
    start(settings(Map.of("OCTAVO_SHUTDOWN_GRACE_MS", "10000", "OCTAVO_DRAIN_DELAY_MS", "300")));
    BusStub.on(vertx).answerLater(PostsContracts.GET,
        request -> vertx.timer(800).map(done -> new PostLookup.Found(post("slow", 1))));
    List<Future<HttpResponse<Buffer>>> inFlight = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      inFlight.add(http.get("/api/posts/slow").putHeader("authorization", "Bearer " + TOKEN).send());
    }
    vertx.setTimer(200, id -> vertx.undeploy(deployment)); // what SIGTERM does through Vert.x close
    vertx.timer(350).await();
    assertThat(http.get("/ready").send().await().statusCode()).as("draining: not ready, still serving").isEqualTo(503);
    Future.join(inFlight).await(20, TimeUnit.SECONDS);
    assertThat(inFlight).allSatisfy(request -> {
      assertThat(request.succeeded()).isTrue();
      assertThat(request.result().statusCode()).isEqualTo(200);
    });
    Future<HttpResponse<Buffer>> late = http.get("/health").send();
    late.transform(done -> Future.succeededFuture()).await(5, TimeUnit.SECONDS);
    assertThat(late.failed()).as("no new requests after the drain").isTrue();
  }
}
