package io.octavo.posts;

import io.octavo.common.metrics.ServiceMeters;
import io.octavo.common.node.Node;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.ext.healthchecks.Status;
import io.vertx.core.json.JsonObject;

/** Deploys the posts-service onto a node: migrate, then consumers, then the background job. */
public final class PostsService {
  public static final String NAME = "posts-service";

  private PostsService() {
  }

  public static Future<String> deploy(Node node, PostsSettings settings) {
    int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
    return Database.migrate(node.vertx(), settings.pg())
        .compose(migrated -> node.vertx().deployVerticle(
            () -> new PostsVerticle(settings, node.registry()), new DeploymentOptions().setInstances(instances)))
        .compose(id -> node.vertx().deployVerticle(
            () -> new MediaVerticle(settings, node.registry()), new DeploymentOptions().setInstances(instances)))
        .compose(id -> node.vertx().deployVerticle(new RenderJob(settings, node.registry())))
        .compose(id -> node.vertx().deployVerticle(new PublishJob(settings, node.registry())))
        .onSuccess(id -> {
          PostsRepository repository = new PostsRepository(Database.pool(node.vertx(), settings),
              new ServiceMeters(node.registry(), NAME, "Readiness"));
          node.readiness().register("postgres", 2_000, promise -> repository.ping().onComplete(result ->
              promise.complete(result.succeeded() ? Status.OK()
                  : Status.KO(new JsonObject().put("error", result.cause().getMessage())))));
        });
  }
}
