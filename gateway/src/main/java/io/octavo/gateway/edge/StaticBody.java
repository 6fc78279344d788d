package io.octavo.gateway.edge;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A body that is the same for every request, read from the jar once (the pages' assets, the API's
 * documents), with a copy gzipped once when it is text worth compressing. Left to the server's
 * compressor, MathJax (1.2 MB) and Swagger UI (1.5 MB) were gzipped again on every request.
 */
public record StaticBody(Buffer body, String contentType, Buffer gzipped) {

  public static StaticBody of(Buffer body, String contentType) {
    return new StaticBody(body, contentType, Gzip.copyIfWorthIt(contentType, body));
  }

  /** A resource of the jar (blocking: call it off the event loop), or null when there is none. */
  public static StaticBody read(String resource, String contentType) {
    try (InputStream in = StaticBody.class.getResourceAsStream(resource)) {
      return in == null ? null : of(Buffer.buffer(in.readAllBytes()), contentType);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void send(RoutingContext ctx, String cacheControl) {
    ctx.response().putHeader("content-type", contentType).putHeader("cache-control", cacheControl);
    if (gzipped != null) {
      ctx.response().putHeader("vary", "Accept-Encoding");
    }
    Responses.end(ctx, body, gzipped);
  }
}
