package io.octavo.standalone;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.octavo.common.testing.OpenApiResponses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * A small client for Octavo's HTTP API, so tests read as the API's spec. Every response it gets is
 * checked against the served {@code /openapi.json} ({@link OpenApiResponses}): drift fails the test.
 */
final class Api implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final WebClient http;
  private final String token;

  Api(int port, String token) {
    this.http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port).setFollowRedirects(false));
    this.token = token;
  }

  HttpResponse<Buffer> create(JsonObject post) {
    return send(HttpMethod.POST, "/api/posts", admin(), post.encode());
  }

  /** Starts a create without waiting, so tests can run many at once. */
  Future<HttpResponse<Buffer>> createAsync(JsonObject post) {
    return http.request(HttpMethod.POST, "/api/posts").putHeaders(admin()).sendBuffer(Buffer.buffer(post.encode()))
        .map(response -> documented(HttpMethod.POST, "/api/posts", response));
  }

  /** Starts an update without waiting. */
  Future<HttpResponse<Buffer>> updateAsync(String slug, JsonObject post, String ifMatch) {
    return http.request(HttpMethod.PUT, "/api/posts/" + slug).putHeaders(admin().add("if-match", ifMatch))
        .sendBuffer(Buffer.buffer(post.encode()))
        .map(response -> documented(HttpMethod.PUT, "/api/posts/" + slug, response));
  }

  HttpResponse<Buffer> adminGet(String path) {
    return send(HttpMethod.GET, path, admin(), null);
  }

  HttpResponse<Buffer> get(String slug) {
    return send(HttpMethod.GET, "/api/posts/" + slug, MultiMap.caseInsensitiveMultiMap(), null);
  }

  HttpResponse<Buffer> getIfNoneMatch(String slug, String etag) {
    return send(HttpMethod.GET, "/api/posts/" + slug, MultiMap.caseInsensitiveMultiMap().add("if-none-match", etag), null);
  }

  HttpResponse<Buffer> list(String query) {
    return send(HttpMethod.GET, "/api/posts" + query, MultiMap.caseInsensitiveMultiMap(), null);
  }

  HttpResponse<Buffer> update(String slug, JsonObject post, String ifMatch) {
    MultiMap headers = admin();
    if (ifMatch != null) {
      headers.add("if-match", ifMatch);
    }
    return send(HttpMethod.PUT, "/api/posts/" + slug, headers, post.encode());
  }

  HttpResponse<Buffer> delete(String slug) {
    return send(HttpMethod.DELETE, "/api/posts/" + slug, admin(), null);
  }

  HttpResponse<Buffer> anonymous(HttpMethod method, String path, String body) {
    return send(method, path, MultiMap.caseInsensitiveMultiMap().add("content-type", "application/json"), body);
  }

  HttpResponse<Buffer> raw(HttpMethod method, String path, String body) {
    return send(method, path, admin(), body);
  }

  private MultiMap admin() {
    return MultiMap.caseInsensitiveMultiMap().add("authorization", "Bearer " + token)
        .add("content-type", "application/json");
  }

  private HttpResponse<Buffer> send(HttpMethod method, String path, MultiMap headers, String body) {
    var request = http.request(method, path).putHeaders(headers);
    return documented(method, path, (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await());
  }

  private HttpResponse<Buffer> documented(HttpMethod method, String path, HttpResponse<Buffer> response) {
    return documented(http, method, path, response);
  }

  /** The response, once checked against the served OpenAPI document (loaded with {@code http} once per JVM). */
  static HttpResponse<Buffer> documented(WebClient http, HttpMethod method, String path, HttpResponse<Buffer> response) {
    OpenApiResponses.served(() -> http.get("/openapi.json").send().await().bodyAsJsonObject())
        .check(method.name(), path, response.statusCode(), response.headers(), response.body());
    return response;
  }

  static JsonObject post(String markdown) {
    return new JsonObject().put("markdown", markdown);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
