package io.octavo.gateway;

import io.octavo.common.render.RenderClient;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /api/render}: the preview of a post's derived fields; nothing is stored. */
final class RenderHandler {
  private final RenderClient render;

  RenderHandler(RenderClient render) {
    this.render = render;
  }

  void preview(RoutingContext ctx) {
    render.render(PostBodies.read(ctx).markdown())
        .onSuccess(rendered -> ctx.response()
            .putHeader("content-type", "application/json")
            .putHeader("cache-control", "no-store")
            .end(rendered.toJson().encode()))
        .onFailure(ctx::fail);
  }
}
