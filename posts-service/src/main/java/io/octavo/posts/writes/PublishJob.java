package io.octavo.posts.writes;

import io.octavo.common.metrics.ServiceMeters;
import io.octavo.common.posts.ChangeKind;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsContracts;
import io.octavo.posts.store.Database;
import io.octavo.posts.store.PostsRepository;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces scheduled posts going live. Visibility never waits for this job: every query shows a
 * post once its {@code published_at} has passed. The job marks such posts published (one replica
 * wins each) and publishes {@code posts.changed}, so caches and feeds learn of them.
 */
public final class PublishJob extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(PublishJob.class);
  private static final long INTERVAL_MS = 1_000;

  private final Database database;
  private final ServiceMeters meters;
  private PostsRepository repository;
  private long timer;

  public PublishJob(Database database, ServiceMeters meters) {
    this.database = database;
    this.meters = meters;
  }

  @Override
  public Future<?> start() {
    repository = new PostsRepository(database.pool(vertx), meters);
    timer = vertx.setPeriodic(INTERVAL_MS, id -> repository.publishDue()
        .onSuccess(published -> published.forEach(post -> PostsContracts.CHANGED.publish(vertx.eventBus(),
            new PostRequests.Changed(post.slug(), null, post.version(), ChangeKind.PUBLISHED))))
        .onFailure(error -> LOG.debug("publishing due posts skipped: {}", error.getMessage())));
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }
}
