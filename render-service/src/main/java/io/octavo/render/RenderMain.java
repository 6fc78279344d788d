package io.octavo.render;

import io.octavo.common.config.Env;
import io.octavo.common.node.ClusteredLauncher;
import io.octavo.common.ops.OpsVerticle;

/** Starts one clustered render-service node: {@code java -jar render-service.jar}. */
public final class RenderMain {
  private RenderMain() {
  }

  public static void main(String[] args) {
    ClusteredLauncher.launch(RenderService.NAME, node -> RenderService.deploy(node)
        .compose(id -> node.vertx().deployVerticle(new OpsVerticle(
            Env.integer(node.env(), "HTTP_PORT", 8082), node.readiness(), node.registry()))));
  }
}
