package io.octavo.render;

import io.micrometer.core.instrument.Tags;
import io.octavo.common.node.Node;
import io.octavo.render.math.MathTypesetter;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.ext.healthchecks.Status;

/** Deploys the render-service onto a node, clustered or standalone. */
public final class RenderService {
  public static final String NAME = "render-service";

  private RenderService() {
  }

  public static Future<String> deploy(Node node) {
    // building the JavaScript engine parses Temml's script: on a worker, as the launcher calls this on an event loop
    return node.vertx().executeBlocking(MathTypesetter::create, false).compose(typesetter -> {
      typesetter.bindTo(node.registry(), Tags.of("service", NAME));
      MarkdownRenderer renderer = MarkdownRenderer.create(RenderLimits.fromEnv(node.env()), typesetter);
      int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
      return node.vertx()
          .deployVerticle(() -> new RenderVerticle(renderer, node.registry()),
              new DeploymentOptions().setInstances(instances))
          .compose(id -> node.vertx().deployVerticle(new TypesetterVerticle(typesetter)).map(id));
    }).onSuccess(id -> node.readiness().register("render-consumers", promise -> promise.complete(Status.OK())));
  }
}
