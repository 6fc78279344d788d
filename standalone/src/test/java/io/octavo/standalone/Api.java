package io.octavo.standalone;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.octavo.common.testing.DocumentedHttp;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/**
 * A small client for Octavo's HTTP API, so tests read as the API's spec. Every response it gets is
 * checked against the served {@code /openapi.json} ({@link DocumentedHttp}): drift fails the test.
 */
final class Api implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final DocumentedHttp http;
  private final String token;

  Api(int port, String token) {
    this.http = DocumentedHttp.to(vertx, port);
    this.token = token;
  }

  HttpResponse<Buffer> create(JsonObject post) {
    return send(HttpMethod.POST, "/api/posts", admin(), post.encode());
  }

  /** Starts a create without waiting, so tests can run many at once. */
  Future<HttpResponse<Buffer>> createAsync(JsonObject post) {
    return http.sendAsync(HttpMethod.POST, "/api/posts", admin(), post.encode());
  }

  /** Starts an update without waiting. */
  Future<HttpResponse<Buffer>> updateAsync(String slug, JsonObject post, String ifMatch) {
    return http.sendAsync(HttpMethod.PUT, "/api/posts/" + slug, admin().add("if-match", ifMatch), post.encode());
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
    return DocumentedHttp.admin(token);
  }

  private HttpResponse<Buffer> send(HttpMethod method, String path, MultiMap headers, String body) {
    return http.send(method, path, headers, body);
  }

  static JsonObject post(String markdown) {
    return new JsonObject().put("markdown", markdown);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
