package io.octavo.gateway;

import static io.octavo.common.testing.TestMedia.png;
import static io.octavo.common.testing.TestMedia.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.testing.DocumentedHttp;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Media files through the gateway: uploads decided by content, refused when too large, stalled or
 * anonymous; files served with caching, ranges across chunks, and sandboxed when they could run
 * script. The store is a stand-in ({@link StubMediaService}); storing once per content, lists,
 * deletes and a post's images on its page are standalone's MediaTest.
 */
class MediaFilesTest {
  private static final String TOKEN = "media-token";
  private static final int MAX_BYTES = 1024 * 1024;
  private static Vertx vertx;
  private static DocumentedHttp checked;
  private static WebClient http;
  private static int port;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    StubMediaService.start(vertx);
    // a small limit keeps the 413 test quick; files over 100 kB stream from the store instead of the cache
    Map<String, String> env = Map.of("OCTAVO_MAX_MEDIA_BYTES", String.valueOf(MAX_BYTES),
        "OCTAVO_MEDIA_CACHE_FILE_BYTES", "100000", "OCTAVO_MEDIA_UPLOAD_TIMEOUT_MS", "3000");
    GatewaySettings settings = TestGateway.settings(TOKEN, env);
    port = settings.httpPort();
    checked = TestGateway.deploy(vertx, settings, env);
    http = checked.unchecked();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void multipartUploadIsStoredAndServed() throws Exception {
    byte[] png = png(300, 200, Color.BLUE);
    HttpResponse<Buffer> created = multipart("figure.png", "image/png", png);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    JsonObject item = created.bodyAsJsonObject();
    assertThat(item.getString("sha256")).isEqualTo(sha256(png));
    assertThat(item.getString("name")).isEqualTo("figure.png");
    assertThat(item.getString("content_type")).isEqualTo("image/png");
    assertThat(item.getLong("bytes")).isEqualTo(png.length);
    assertThat(item.getInteger("width")).isEqualTo(300);
    assertThat(item.getInteger("height")).isEqualTo(200);
    assertThat(item.getString("url")).isEqualTo("/media/" + sha256(png) + "/figure.png");
    assertThat(item.getString("created_at")).isNotBlank();
    assertThat(created.getHeader("location")).isEqualTo("/api/media/" + item.getLong("id"));

    HttpResponse<Buffer> served = get(item.getString("url"), Map.of());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body().getBytes()).isEqualTo(png);
    assertThat(served.getHeader("content-type")).isEqualTo("image/png");
    assertThat(served.getHeader("etag")).isEqualTo("\"" + sha256(png) + "\"");
    assertThat(served.getHeader("cache-control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(served.getHeader("x-content-type-options")).isEqualTo("nosniff");

    assertThat(get("/api/media/" + item.getLong("id"), Map.of("authorization", "Bearer " + TOKEN)).bodyAsJsonObject()
        .getString("sha256")).isEqualTo(sha256(png));
  }

  @Test
  void conditionalAndHeadRequestsSendNoBody() throws Exception {
    byte[] png = png(20, 10, Color.RED);
    JsonObject item = raw("red.png", "image/png", png).bodyAsJsonObject();

    HttpResponse<Buffer> notModified = get(item.getString("url"), Map.of("if-none-match", "\"" + sha256(png) + "\""));
    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(notModified.body() == null || notModified.body().length() == 0).isTrue();

    HttpResponse<Buffer> head = http.request(HttpMethod.HEAD, item.getString("url")).send().await();
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.getHeader("content-length")).isEqualTo(String.valueOf(png.length));
    assertThat(head.body() == null || head.body().length() == 0).isTrue();
  }

  @Test
  void rangesGiveParts() throws Exception {
    byte[] pdf = pdf(300_000); // two chunks, and larger than the cached size: streamed from the store
    JsonObject item = raw("paper.pdf", "application/pdf", pdf).bodyAsJsonObject();
    String url = item.getString("url");

    HttpResponse<Buffer> across = get(url, Map.of("range", "bytes=262000-262199"));
    assertThat(across.statusCode()).isEqualTo(206);
    assertThat(across.getHeader("content-range")).isEqualTo("bytes 262000-262199/" + pdf.length);
    assertThat(across.body().getBytes()).isEqualTo(java.util.Arrays.copyOfRange(pdf, 262000, 262200));

    HttpResponse<Buffer> tail = get(url, Map.of("range", "bytes=-10"));
    assertThat(tail.body().getBytes()).isEqualTo(java.util.Arrays.copyOfRange(pdf, pdf.length - 10, pdf.length));

    assertThat(get(url, Map.of()).body().getBytes()).isEqualTo(pdf);
    HttpResponse<Buffer> beyond = get(url, Map.of("range", "bytes=999999-"));
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(beyond.getHeader("content-range")).isEqualTo("bytes */" + pdf.length);
  }

  @Test
  void rangeOfACachedFile() throws Exception {
    byte[] png = png(40, 40, Color.GREEN);
    String url = raw("green.png", "image/png", png).bodyAsJsonObject().getString("url");
    get(url, Map.of()); // now in the cache
    HttpResponse<Buffer> part = get(url, Map.of("range", "bytes=0-7"));
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body().getBytes()).isEqualTo(java.util.Arrays.copyOf(png, 8));
  }

  @Test
  void tooLargeIsRefusedWithAProblem() {
    byte[] big = pdf(MAX_BYTES + 1);
    // no Content-Length (chunked): refused while streaming
    HttpClientResponse chunked = vertx.createHttpClient()
        .request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
            .setURI("/api/media?name=big.pdf").putHeader("authorization", "Bearer " + TOKEN)
            .putHeader("content-type", "application/pdf"))
        .compose(request -> request.setChunked(true).end(Buffer.buffer(big)).compose(sent -> request.response()))
        .await();
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.getHeader("content-type")).isEqualTo("application/problem+json");

    HttpResponse<Buffer> declared = raw("big.pdf", "application/pdf", big);
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.bodyAsJsonObject().getInteger("status")).isEqualTo(413);
  }

  @Test
  void anUploadThatStallsIsCutOff() {
    HttpClientResponse stalled = vertx.createHttpClient()
        .request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
            .setURI("/api/media?name=slow.pdf").putHeader("authorization", "Bearer " + TOKEN)
            .putHeader("content-type", "application/pdf").putHeader("content-length", "500000"))
        .compose(request -> request.write(Buffer.buffer(pdf(10_000))).compose(sent -> request.response()))
        .await(); // 10 kB of 500 kB, then nothing
    assertThat(stalled.statusCode()).isEqualTo(408);
  }

  @Test
  void typesAreDecidedByContent() throws Exception {
    HttpResponse<Buffer> html = raw("page.html", "text/html", "<html><script>alert(1)</script></html>".getBytes());
    assertThat(html.statusCode()).isEqualTo(415);
    assertThat(html.getHeader("content-type")).isEqualTo("application/problem+json");

    HttpResponse<Buffer> wrongName = raw("photo.jpg", null, png(10, 10, Color.BLACK));
    assertThat(wrongName.statusCode()).isEqualTo(415);
    assertThat(wrongName.bodyAsJsonObject().getString("detail")).contains("image/png");

    HttpResponse<Buffer> wrongType = raw("x.png", "image/gif", png(11, 10, Color.BLACK));
    assertThat(wrongType.statusCode()).isEqualTo(415);
  }

  @Test
  void polyglotIsNeverServedAsHtml() {
    byte[] polyglot = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
        "<html><body><script>alert(document.domain)</script></body></html>".getBytes(StandardCharsets.UTF_8));
    HttpResponse<Buffer> created = raw("innocent.png", "text/html", polyglot);
    assertThat(created.statusCode()).as("declared as HTML, bytes say PNG").isEqualTo(415);

    JsonObject item = raw("innocent.png", null, polyglot).bodyAsJsonObject();
    HttpResponse<Buffer> served = get(item.getString("url"), Map.of());
    assertThat(served.getHeader("content-type")).isEqualTo("image/png");
    assertThat(served.getHeader("x-content-type-options")).isEqualTo("nosniff");
    assertThat(served.getHeader("content-security-policy")).startsWith("sandbox");
  }

  @Test
  void svgIsServedSandboxed() {
    String svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"80\">"
        + "<script>alert(1)</script><rect width=\"120\" height=\"80\"/></svg>";
    HttpResponse<Buffer> created = raw("drawing.svg", "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.bodyAsJsonObject().getInteger("width")).isEqualTo(120);
    HttpResponse<Buffer> served = get(created.bodyAsJsonObject().getString("url"), Map.of());
    assertThat(served.getHeader("content-type")).isEqualTo("image/svg+xml");
    assertThat(served.getHeader("content-security-policy")).startsWith("sandbox").contains("default-src 'none'");
  }

  @Test
  void uploadNeedsTheAdminTokenBeforeTheBodyIsRead() {
    HttpResponse<Buffer> response = http.request(HttpMethod.POST, "/api/media?name=a.png")
        .putHeader("content-type", "image/png").sendBuffer(Buffer.buffer(pdf(500_000))).await();
    assertThat(response.statusCode()).isEqualTo(401);
  }

  private static HttpRequest<Buffer> request(String path) {
    return http.request(HttpMethod.POST, path).putHeader("authorization", "Bearer " + TOKEN);
  }

  private static HttpResponse<Buffer> multipart(String name, String type, byte[] bytes) {
    return checked.documented(HttpMethod.POST, "/api/media", request("/api/media").sendMultipartForm(MultipartForm.create()
        .binaryFileUpload("file", name, Buffer.buffer(bytes), type)).await());
  }

  private static HttpResponse<Buffer> raw(String name, String type, byte[] bytes) {
    MultiMap headers = DocumentedHttp.headers("authorization", "Bearer " + TOKEN);
    if (type != null) {
      headers.add("content-type", type);
    }
    return checked.send(HttpMethod.POST, "/api/media?name=" + name, headers, bytes);
  }

  private static HttpResponse<Buffer> get(String path, Map<String, String> headers) {
    return checked.get(path, MultiMap.caseInsensitiveMultiMap().addAll(headers));
  }

  /** A file that starts like a PDF, with varied bytes after. */
  private static byte[] pdf(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
    return bytes;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
