package io.octavo.gateway.edge;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.octavo.common.ServiceFailure;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that writes error responses: RFC 9457 {@code application/problem+json} with
 * {@code type, title, status, detail, instance} and the request id. Never a stack trace. Gateway
 * code reports an HTTP error as a {@link ServiceFailure} (thrown, or passed to {@code ctx.fail}),
 * the same type a service's bus reply becomes.
 */
public final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  static final String CONTENT_TYPE = "application/problem+json";

  private Problems() {
  }

  /** Failure handler for every route: maps whatever failed the request to a problem. */
  public static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (ctx.response().closed() || ctx.response().ended()) {
      // the client went away mid-request (an aborted upload), or this request was already
      // answered (a body that timed out, then its connection closed): nobody to tell, nothing broken
      LOG.debug("request {} {} {} ended early: {}", RequestIds.of(ctx), ctx.request().method(), ctx.request().path(),
          failure == null ? ctx.statusCode() : failure.toString());
      return;
    }
    int status;
    String detail;
    if (failure == null) {
      status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      detail = defaultDetail(status);
    } else if (failure instanceof HttpException http) {
      // raised by vert.x web's own handlers (a body over BodyHandler's limit, a CORS refusal); ours
      // fail with ServiceFailure, the one error type shared with the services' bus replies
      status = http.getStatusCode();
      detail = http.getPayload() != null ? http.getPayload() : defaultDetail(status);
    } else if (failure instanceof DecodeException) {
      status = 400;
      detail = "the body is not valid JSON";
    } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      // Vert.x's own verdict on the request, such as a malformed chunk size (400), with its cause
      status = ctx.statusCode();
      detail = defaultDetail(status);
    } else {
      status = ServiceFailure.codeOf(failure);
      detail = ServiceFailure.messageOf(failure);
    }
    if (status == 503 || status == 504) {
      LOG.warn("request {} {} {}: {} ({})", RequestIds.of(ctx), ctx.request().method(), ctx.request().path(),
          status, failure == null ? "-" : failure.getMessage());
    } else if (status >= 500) {
      LOG.error("request {} {} {} failed with {}", RequestIds.of(ctx), ctx.request().method(),
          ctx.request().path(), status, failure);
    }
    send(ctx, status, detail);
  }

  static void send(RoutingContext ctx, int status, String detail) {
    if (ctx.response().ended()) {
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    JsonObject problem = new JsonObject()
        .put("type", "about:blank")
        .put("title", HttpResponseStatus.valueOf(status).reasonPhrase())
        .put("status", status)
        .put("detail", detail)
        .put("instance", ctx.request().path())
        .put("request_id", RequestIds.of(ctx));
    ctx.response().setStatusCode(status).putHeader("content-type", CONTENT_TYPE);
    if ((status == 503 || status == 504) && ctx.response().headers().get("retry-after") == null) {
      ctx.response().putHeader("retry-after", "5");
    }
    if (status == 401) {
      ctx.response().putHeader("www-authenticate", "Bearer realm=\"octavo\"");
    }
    ctx.response().end(problem.encode());
  }

  private static String defaultDetail(int status) {
    return switch (status) {
      case 404 -> "there is nothing at this path";
      case 400 -> "the request is malformed";
      case 405 -> "this path does not accept that method";
      case 413 -> "the request body is larger than this server accepts";
      case 414 -> "the request line is longer than this server accepts";
      case 415 -> "send the body as application/json";
      case 431 -> "the request headers are larger than this server accepts";
      default -> status >= 500 ? "an unexpected error occurred; it has been logged"
          : HttpResponseStatus.valueOf(status).reasonPhrase();
    };
  }
}
