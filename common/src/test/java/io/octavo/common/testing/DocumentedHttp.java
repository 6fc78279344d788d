package io.octavo.common.testing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * The tests' HTTP client for a server on 127.0.0.1: follows no redirects (a 301 is an answer to
 * check), and holds every response to the served {@code /openapi.json} ({@link OpenApiResponses}),
 * so drift between the server and its document fails the test that saw it.
 */
public final class DocumentedHttp {
  private final WebClient http;

  private DocumentedHttp(WebClient http) {
    this.http = http;
  }

  public static DocumentedHttp to(Vertx vertx, int port) {
    return to(vertx, port, new PoolOptions());
  }

  /** With a larger connection pool, for tests that send many requests at once. */
  public static DocumentedHttp to(Vertx vertx, int port, PoolOptions pool) {
    return new DocumentedHttp(WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(port).setFollowRedirects(false), pool));
  }

  /** {@code body}: null, a String (sent as UTF-8), a Buffer or a byte array. */
  public HttpResponse<Buffer> send(HttpMethod method, String path, MultiMap headers, Object body) {
    return sendAsync(method, path, headers, body).await();
  }

  /** Starts a request without waiting, so a test can run many at once. */
  public Future<HttpResponse<Buffer>> sendAsync(HttpMethod method, String path, MultiMap headers, Object body) {
    OpenApiResponses document = document(); // fetched here, off the event loop, the first time
    HttpRequest<Buffer> request = http.request(method, path).putHeaders(headers);
    Future<HttpResponse<Buffer>> sent;
    if (body == null) {
      sent = request.send();
    } else if (body instanceof String text) {
      sent = request.sendBuffer(Buffer.buffer(text));
    } else if (body instanceof Buffer buffer) {
      sent = request.sendBuffer(buffer);
    } else if (body instanceof byte[] bytes) {
      sent = request.sendBuffer(Buffer.buffer(bytes));
    } else {
      throw new IllegalArgumentException("cannot send a " + body.getClass().getName());
    }
    return sent.map(response -> {
      document.check(method.name(), path, response.statusCode(), response.headers(), response.body());
      return response;
    });
  }

  public HttpResponse<Buffer> get(String path) {
    return send(HttpMethod.GET, path, MultiMap.caseInsensitiveMultiMap(), null);
  }

  public HttpResponse<Buffer> get(String path, MultiMap headers) {
    return send(HttpMethod.GET, path, headers, null);
  }

  /** The response, once checked against the served document. */
  public HttpResponse<Buffer> documented(HttpMethod method, String path, HttpResponse<Buffer> response) {
    document().check(method.name(), path, response.statusCode(), response.headers(), response.body());
    return response;
  }

  /** The served document, fetched once per JVM (waits: call it from a test thread). */
  private OpenApiResponses document() {
    return OpenApiResponses.served(() -> http.get("/openapi.json").send().await().bodyAsJsonObject());
  }

  /** The plain client, for a request whose answer the test does not hold to the document. */
  public WebClient unchecked() {
    return http;
  }

  /** Headers from names and values in turn. */
  public static MultiMap headers(String... namesAndValues) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  /** An administrator's JSON request: the bearer token and {@code Content-Type: application/json}. */
  public static MultiMap admin(String token) {
    return headers("authorization", "Bearer " + token, "content-type", "application/json");
  }

  /** A copy of {@code base} with one header set. */
  public static MultiMap with(MultiMap base, String name, String value) {
    return MultiMap.caseInsensitiveMultiMap().addAll(base).set(name, value);
  }
}
