package io.octavo.posts;

import io.octavo.common.config.Env;
import io.octavo.common.node.ClusteredLauncher;
import io.octavo.common.ops.OpsVerticle;

/** Starts one clustered posts-service node: {@code java -jar posts-service.jar}. */
public final class PostsMain {
  private PostsMain() {
  }

  public static void main(String[] args) {
    ClusteredLauncher.launch(PostsService.NAME, node -> PostsService.deploy(node, PostsSettings.fromEnv(node.env()))
        .compose(id -> node.vertx().deployVerticle(new OpsVerticle(
            Env.integer(node.env(), "HTTP_PORT", 8081), node.readiness(), node.registry()))));
  }
}
