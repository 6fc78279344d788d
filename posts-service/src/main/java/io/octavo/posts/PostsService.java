package io.octavo.posts;

import io.octavo.common.metrics.ServiceMeters;
import io.octavo.common.node.Node;
import io.octavo.posts.media.MediaVerticle;
import io.octavo.posts.store.Database;
import io.octavo.posts.store.PostsRepository;
import io.octavo.posts.writes.PostsVerticle;
import io.octavo.posts.writes.PublishJob;
import io.octavo.posts.writes.RenderJob;
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
    Database database = new Database(settings.pg(), settings.poolSize());
    return Database.migrate(node.vertx(), settings.pg())
        .compose(migrated -> node.vertx().deployVerticle(
            () -> new PostsVerticle(database, settings.renderTimeout(), meters(node, "PostsVerticle")),
            new DeploymentOptions().setInstances(instances)))
        .compose(id -> node.vertx().deployVerticle(
            () -> new MediaVerticle(database, meters(node, "MediaVerticle")), new DeploymentOptions().setInstances(instances)))
        .compose(id -> node.vertx().deployVerticle(new RenderJob(database, settings.renderTimeout(),
            settings.renderRetry(), meters(node, "RenderJob"))))
        .compose(id -> node.vertx().deployVerticle(new PublishJob(database, meters(node, "PublishJob"))))
        .onSuccess(id -> {
          PostsRepository repository = new PostsRepository(database.pool(node.vertx()), meters(node, "Readiness"));
          node.readiness().register("postgres", 2_000, promise -> repository.ping().onComplete(result ->
              promise.complete(result.succeeded() ? Status.OK()
                  : Status.KO(new JsonObject().put("error", result.cause().getMessage())))));
        });
  }

  /** Each verticle's meters carry the service's name and its own (one set per instance, as before). */
  private static ServiceMeters meters(Node node, String verticle) {
    return new ServiceMeters(node.registry(), NAME, verticle);
  }
}
