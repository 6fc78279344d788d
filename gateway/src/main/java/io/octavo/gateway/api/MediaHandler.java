package io.octavo.gateway.api;

import io.octavo.common.ServiceFailure;
import io.octavo.common.media.MediaClient;
import io.octavo.common.media.MediaReplies;
import io.octavo.gateway.edge.MediaSettings;
import io.octavo.gateway.edge.PathParams;
import io.octavo.gateway.edge.QueryParams;
import io.octavo.gateway.edge.RequestBodies;
import io.octavo.gateway.edge.Responses;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code /api/media}: upload (multipart {@code file} part, or a raw body with {@code ?name=}), list,
 * read and delete media items. The route authenticates before this runs, and the body is streamed
 * by {@link MediaReceiver}, never buffered whole.
 */
public final class MediaHandler {
  /** Room for a multipart envelope around the file itself. */
  private static final long MULTIPART_OVERHEAD = 64 * 1024;

  private final MediaClient media;
  private final MediaReceiver receiver;
  private final long maxBytes;

  public MediaHandler(Vertx vertx, MediaClient media, MediaSettings settings) {
    this.media = media;
    this.receiver = new MediaReceiver(vertx, media, settings.maxBytes());
    this.maxBytes = settings.maxBytes();
  }

  public void upload(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (RequestBodies.declaredLength(request) > maxBytes + MULTIPART_OVERHEAD) {
      tooLarge(ctx);
      return;
    }
    if ("100-continue".equalsIgnoreCase(request.getHeader("expect"))) {
      ctx.response().writeContinue(); // the token passed: now the client may send the body (curl -F waits for this)
    }
    String type = request.getHeader("content-type");
    Future<MediaReplies.Stored> stored = type != null && type.toLowerCase().startsWith("multipart/form-data")
        ? multipart(request) : receiver.receive(request, request.getParam("name"), type, List.of());
    stored.onSuccess(done -> {
      ctx.response().putHeader("location", "/api/media/" + done.item().id());
      Responses.json(ctx, done.created() ? 201 : 200, done.item().shown().toJson());
    }).onFailure(error -> {
      if (error instanceof ServiceFailure failure && failure.code() == ServiceFailure.PAYLOAD_TOO_LARGE) {
        tooLarge(ctx);
      } else {
        ctx.fail(error);
      }
    });
  }

  /** The {@code file} part is stored; other parts are read past. */
  private Future<MediaReplies.Stored> multipart(HttpServerRequest request) {
    Promise<MediaReplies.Stored> stored = Promise.promise();
    boolean[] seen = {false};
    request.setExpectMultipart(true);
    request.uploadHandler(part -> {
      if (seen[0] || !"file".equals(part.name())) {
        part.handler(ignored -> { });
        return;
      }
      seen[0] = true;
      receiver.receive(part, part.filename(), part.contentType(), List.of()).onComplete(stored);
    });
    request.exceptionHandler(error -> stored.tryFail(new ServiceFailure(400, "the upload was interrupted")));
    request.endHandler(end -> {
      if (!seen[0]) {
        stored.tryFail(new ServiceFailure(400, "send the file as a multipart part named 'file' (curl -F file=@plot.png)"));
      }
    });
    return stored.future();
  }

  private void tooLarge(RoutingContext ctx) {
    ctx.response().putHeader("connection", "close");
    ctx.fail(new ServiceFailure(413, "the file is larger than " + maxBytes + " bytes (OCTAVO_MAX_MEDIA_BYTES)"));
  }

  public void list(RoutingContext ctx) {
    media.list(QueryParams.limit(ctx.request().getParam("limit")), ctx.request().getParam("cursor"))
        .onSuccess(page -> Responses.json(ctx, 200, page.toJson()))
        .onFailure(ctx::fail);
  }

  public void get(RoutingContext ctx) {
    media.get(QueryParams.pathNumber(PathParams.get(ctx, "id"), "media item"))
        .onSuccess(item -> Responses.json(ctx, 200, item.shown().toJson()))
        .onFailure(ctx::fail);
  }

  public void delete(RoutingContext ctx) {
    boolean force = "true".equals(ctx.request().getParam("force"));
    media.delete(QueryParams.pathNumber(PathParams.get(ctx, "id"), "media item"), force)
        .onSuccess(deleted -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }
}
