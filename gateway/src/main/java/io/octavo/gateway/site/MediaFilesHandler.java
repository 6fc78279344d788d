package io.octavo.gateway.site;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.octavo.common.ServiceFailure;
import io.octavo.common.media.MediaClient;
import io.octavo.common.media.MediaFile;
import io.octavo.gateway.edge.HeadRequests;
import io.octavo.gateway.edge.SecurityHeaders;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET|HEAD /media/{sha256}/{name}}: a stored file, from any replica. The address is the
 * content, so responses are cached for a year and validated by the sha256 as a strong ETag;
 * {@code Range} gives parts (PDFs, video). Small files come from the gateway's {@link MediaCache},
 * large ones stream from the store a chunk at a time.
 */
public final class MediaFilesHandler {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

  private final MediaClient media;
  private final MediaCache cache;
  private final Timer hits;
  private final Timer misses;

  public MediaFilesHandler(MediaClient media, MediaCache cache, MeterRegistry registry) {
    this.media = media;
    this.cache = cache;
    this.hits = Timer.builder("octavo.media.serve").tag("cache", "hit").publishPercentileHistogram().register(registry);
    this.misses = Timer.builder("octavo.media.serve").tag("cache", "miss").publishPercentileHistogram().register(registry);
  }

  public void serve(RoutingContext ctx) {
    long start = System.nanoTime();
    String sha256 = ctx.pathParam("sha256");
    String name = ctx.pathParam("name");
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw ServiceFailure.notFound("no such file");
    }
    Integer width = variantWidth(ctx.request().getParam("w"));
    String key = width == null ? sha256 : sha256 + "@" + width;
    boolean hit = cache.has(key);
    Future<MediaFile> original = width == null ? cache.file(key, () -> media.file(sha256)) : null;
    Future<Served> found = original != null ? original.map(file -> new Served(file, key, "\"" + sha256 + "\"", true))
        : cache.file(key, () -> media.variant(sha256, width))
            .map(file -> new Served(file, key, "\"" + sha256 + "-" + width + "\"", true))
            // not made yet (or the image is too small to need it): the original, briefly cacheable
            .recover(error -> ServiceFailure.codeOf(error) != ServiceFailure.NOT_FOUND ? Future.failedFuture(error)
                : cache.file(sha256, () -> media.file(sha256))
                    .map(file -> new Served(file, sha256, "\"" + sha256 + "\"", false)));
    found
        .compose(served -> {
          if (!served.file().name().equals(name)) {
            return Future.failedFuture(ServiceFailure.notFound("no such file"));
          }
          return respond(ctx, served);
        })
        .onSuccess(sent -> (hit ? hits : misses).record(System.nanoTime() - start, TimeUnit.NANOSECONDS))
        .onFailure(ctx::fail);
  }

  /** What a request gets: a file, its cache key, its ETag, and whether its URL will never change meaning. */
  private record Served(MediaFile file, String key, String etag, boolean immutable) {
  }

  private static Integer variantWidth(String w) {
    return w == null ? null : switch (w) {
      case "640" -> 640;
      case "1280" -> 1280;
      default -> null; // a width we do not make: the original
    };
  }

  private Future<Void> respond(RoutingContext ctx, Served served) {
    HttpServerResponse response = ctx.response();
    MediaFile file = served.file();
    String etag = served.etag();
    ctx.etag(etag);
    response.putHeader("cache-control", served.immutable() ? "public, max-age=31536000, immutable" : "public, max-age=60")
        .putHeader("accept-ranges", "bytes")
        .putHeader("content-type", file.contentType())
        .putHeader("content-disposition", "inline; filename=\"" + file.name() + "\"");
    if (!file.contentType().equals("application/pdf")) {
      (file.contentType().equals("image/svg+xml") ? SecurityHeaders.Policy.MEDIA_SVG : SecurityHeaders.Policy.MEDIA).apply(ctx);
    }
    if (ctx.isFresh()) {
      response.setStatusCode(304);
      return response.end();
    }
    long first = 0;
    long last = file.bytes() - 1;
    String range = ctx.request().getHeader("range");
    String ifRange = ctx.request().getHeader("if-range");
    if (range != null && (ifRange == null || ifRange.trim().equals(etag))) {
      Matcher m = RANGE.matcher(range.trim());
      if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
        if (m.group(1).isEmpty()) {
          first = Math.max(0, file.bytes() - Long.parseLong(m.group(2)));  // the last n bytes
        } else {
          first = Long.parseLong(m.group(1));
          last = m.group(2).isEmpty() ? last : Math.min(last, Long.parseLong(m.group(2)));
        }
        if (first >= file.bytes() || first > last) {
          response.setStatusCode(416).putHeader("content-range", "bytes */" + file.bytes());
          return response.end();
        }
        response.setStatusCode(206).putHeader("content-range", "bytes " + first + "-" + last + "/" + file.bytes());
      } // several ranges or a unit we do not know: the whole file, as RFC 9110 allows
    }
    long length = last - first + 1;
    response.putHeader("content-length", String.valueOf(length));
    if (HeadRequests.isHead(ctx)) {
      return response.end();
    }
    long from = first;
    if (cache.holds(file)) {
      return cache.bytes(served.key(), ctx.vertx().getOrCreateContext(), () -> whole(file))
          .compose(body -> response.end(from == 0 && length == body.length() ? body
              : body.slice((int) from, (int) (from + length))));
    }
    return stream(response, file, first, last);
  }

  /** Reads a small file's chunks one after another into one buffer. */
  private Future<Buffer> whole(MediaFile file) {
    Buffer body = Buffer.buffer((int) file.bytes());
    Future<Void> read = Future.succeededFuture();
    for (int seq = 0; seq < file.chunks(); seq++) {
      int next = seq;
      read = read.compose(done -> media.read(file, next).map(chunk -> {
        body.appendBuffer(chunk);
        return null;
      }));
    }
    return read.map(body);
  }

  /** Sends bytes {@code first..last} chunk by chunk, waiting whenever the client reads slower than the store. */
  private Future<Void> stream(HttpServerResponse response, MediaFile file, long first, long last) {
    int firstSeq = (int) (first / file.chunkBytes());
    int lastSeq = (int) (last / file.chunkBytes());
    Promise<Void> done = Promise.promise();
    sendChunk(response, file, firstSeq, lastSeq, first, last, done);
    return done.future();
  }

  private void sendChunk(HttpServerResponse response, MediaFile file, int seq, int lastSeq, long first, long last,
                         Promise<Void> done) {
    media.read(file, seq).onFailure(error -> {
      response.reset(); // the head is written: the client must not take a short body for the file
      done.tryComplete();
    }).onSuccess(chunk -> {
      long chunkStart = (long) seq * file.chunkBytes();
      int from = (int) Math.max(0, first - chunkStart);
      int to = (int) Math.min(chunk.length(), last - chunkStart + 1);
      Buffer part = from == 0 && to == chunk.length() ? chunk : chunk.slice(from, to);
      if (seq == lastSeq) {
        response.end(part).onComplete(ended -> done.tryComplete());
        return;
      }
      response.write(part);
      if (response.writeQueueFull()) {
        response.drainHandler(drained -> sendChunk(response, file, seq + 1, lastSeq, first, last, done));
      } else {
        sendChunk(response, file, seq + 1, lastSeq, first, last, done);
      }
    });
  }
}
