package io.octavo.gateway.api;

import io.octavo.common.posts.FrontMatterBlock;
import io.octavo.common.render.RenderClient;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /api/render}: the preview of a post's derived fields; nothing is stored. */
public final class RenderHandler {
  private final RenderClient render;

  public RenderHandler(RenderClient render) {
    this.render = render;
  }

  public void preview(RoutingContext ctx) {
    render.render(FrontMatterBlock.bodyOf(PostBodies.read(ctx).markdown()))
        .onSuccess(rendered -> ctx.response()
            .putHeader("content-type", "application/json")
            .putHeader("cache-control", "no-store")
            .end(rendered.toJson().encode()))
        .onFailure(ctx::fail);
  }
}
