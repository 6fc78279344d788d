package io.octavo.gateway.edge;

import io.octavo.common.ServiceFailure;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The gate every request body passes before its first byte is read. On a route that takes a body
 * the order is: {@code auth::require} (an anonymous or wrong caller is answered before any byte
 * of the body is read), then {@link #buffered} (which reads the body into memory with Vert.x's
 * {@code BodyHandler}) or {@link #streamed} followed by the route's own stream to disk.
 * Vert.x Web would refuse a {@code BodyHandler} placed after a user handler (its handler order
 * puts bodies before authentication, for handlers that go async); auth here is synchronous, so
 * the body is still unread when this runs, and reading it only after auth is the point.
 *
 * <ul>
 *   <li>A buffered body reserves its bytes in the process-wide {@link BodyBudget} first (its
 *       Content-Length, or the largest body allowed when it is chunked): over budget it is answered
 *       503 with Retry-After, so many slow bodies at once cannot fill the heap.</li>
 *   <li>A body not complete within its deadline is answered 408 and its connection closed, so a
 *       client trickling bytes cannot hold memory or a connection for long.</li>
 *   <li>{@link #closeUnreadBodies} (on every request): a response sent before its request's body
 *       was read (401, 404, 413, ...) closes the connection, so the rest of the body is never
 *       read, let alone buffered.</li>
 * </ul>
 *
 * A streamed upload route calls {@link #streamed} after auth (as {@code POST /api/import} and
 * {@code POST /api/media} do): it gets its own deadline and the reservation of what it keeps in
 * memory (0 when every chunk goes to disk with back-pressure, one chunk for media), and the budget
 * is given back when its response ends.
 */
public final class RequestBodies {
  private static final Duration LINGER = Duration.ofSeconds(2);
  private final BodyBudget budget;
  private final long maxBodyBytes;
  private final Duration deadline;
  private final BodyHandler reader;

  public RequestBodies(BodyBudget budget, long maxBodyBytes, Duration deadline) {
    this.budget = budget;
    this.maxBodyBytes = maxBodyBytes;
    this.deadline = deadline;
    this.reader = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
  }

  /** Route handler after auth: reserves the body's bytes, starts its deadline, reads it into memory. */
  public void buffered(RoutingContext ctx) {
    long declared = declaredLength(ctx.request());
    if (declared > maxBodyBytes) {
      ctx.fail(new ServiceFailure(413, "the request body is larger than " + maxBodyBytes + " bytes"));
    } else if (admit(ctx, declared >= 0 ? declared : maxBodyBytes, deadline)) {
      reader.handle(ctx);
      // BodyHandler would report a body cut off by a malformed chunk as a server error; it is the
      // client's (and Vert.x closes such a connection: mostly nobody is left to answer)
      ctx.request().exceptionHandler(error -> ctx.fail(new ServiceFailure(400, "the request body is malformed or cut off")));
    }
  }

  /** For a route that streams its body elsewhere: its own deadline, and what it holds in memory. */
  public void streamed(RoutingContext ctx, Duration uploadDeadline, long bytesHeldInMemory) {
    if (admit(ctx, bytesHeldInMemory, uploadDeadline)) {
      ctx.next();
    }
  }

  /** True when the body may be read; otherwise the request has been answered. */
  private boolean admit(RoutingContext ctx, long bytes, Duration within) {
    HttpServerRequest request = ctx.request();
    if (request.isEnded() || !hasBody(request)) {
      return true;
    }
    if (!budget.tryReserve(bytes)) {
      ctx.response().putHeader("retry-after", "2");
      ctx.fail(new ServiceFailure(503, "the server is receiving too many request bodies at once; retry shortly"));
      return false;
    }
    Vertx vertx = ctx.vertx();
    long timer = vertx.setTimer(within.toMillis(), fired -> {
      if (!request.isEnded() && !ctx.response().ended()) {
        ctx.fail(new ServiceFailure(408, "the request body did not arrive within " + within.toSeconds() + " s"));
      }
    });
    AtomicBoolean done = new AtomicBoolean();
    ctx.addEndHandler(ended -> {
      if (done.compareAndSet(false, true)) { // end, close and reset may all report the same request
        vertx.cancelTimer(timer);
        budget.release(bytes);
      }
    });
    return true;
  }

  /**
   * First handler of every request. Once the response goes out, any part of the body still on its
   * way would have to be read and thrown away to keep the connection; closing is cheaper and is
   * what a client that sent a body it was not asked for deserves.
   */
  public static void closeUnreadBodies(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (hasBody(request) && request.version() != HttpVersion.HTTP_2) { // HTTP/2 resets the stream itself
      ctx.addHeadersEndHandler(headers -> {
        if (!request.isEnded()) {
          ctx.response().putHeader("connection", "close");
        }
      });
      // Vert.x would keep the connection open until the body ends
      ctx.addEndHandler(ended -> {
        if (!request.isEnded()) {
          lingerThenClose(ctx.vertx(), request);
        }
      });
    }
    ctx.next();
  }

  /**
   * Closing a socket with unread bytes in it makes the kernel send a reset, and a reset can make
   * the client drop the response it has not read yet: a browser would see "connection reset"
   * instead of the 401. So whatever still arrives is read and dropped (never kept) for a moment
   * before the close (what Apache and nginx call a lingering close).
   */
  private static void lingerThenClose(Vertx vertx, HttpServerRequest request) {
    HttpConnection connection = request.connection();
    long timer = vertx.setTimer(LINGER.toMillis(), fired -> connection.close());
    request.handler(dropped -> { })
        .endHandler(end -> {
          vertx.cancelTimer(timer);
          connection.close();
        })
        .resume();
  }

  private static boolean hasBody(HttpServerRequest request) {
    return request.headers().contains("transfer-encoding") || declaredLength(request) > 0;
  }

  /** The Content-Length, or -1 when there is none (chunked; Netty has already refused a malformed one). */
  public static long declaredLength(HttpServerRequest request) {
    String length = request.getHeader("content-length");
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
