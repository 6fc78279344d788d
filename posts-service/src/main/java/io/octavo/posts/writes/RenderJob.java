package io.octavo.posts.writes;

import io.micrometer.core.instrument.Counter;
import io.octavo.common.metrics.ServiceMeters;
import io.octavo.common.posts.ChangeKind;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsContracts;
import io.octavo.common.render.RenderClient;
import io.octavo.posts.media.MediaLinks;
import io.octavo.posts.store.Database;
import io.octavo.posts.store.MediaRepository;
import io.octavo.posts.store.PostsRepository;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background rendering: posts stored while the render-service was away, and posts rendered by an
 * older renderer version. Replicas share the work through leases taken in the database, so each
 * post is rendered once, not once per replica.
 */
public final class RenderJob extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RenderJob.class);
  private static final int BATCH = 20;
  private static final int LEASE_SECONDS = 60;

  private final Database database;
  private final Duration renderTimeout;
  private final Duration retry;
  private final ServiceMeters meters;
  private PostsRepository repository;
  private RenderClient renderer;
  private MediaLinks media;
  private Counter rendered;
  private boolean running;
  private long timer;

  public RenderJob(Database database, Duration renderTimeout, Duration retry, ServiceMeters meters) {
    this.database = database;
    this.renderTimeout = renderTimeout;
    this.retry = retry;
    this.meters = meters;
  }

  @Override
  public Future<?> start() {
    repository = new PostsRepository(database.pool(vertx), meters);
    renderer = new RenderClient(vertx, renderTimeout);
    media = new MediaLinks(new MediaRepository(database.pool(vertx), meters));
    rendered = meters.counter("octavo.posts.rendered.background");
    timer = vertx.setPeriodic(0, retry.toMillis(), id -> tick());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void tick() {
    if (running) {
      return;
    }
    running = true;
    renderer.health()
        .map(health -> health.rendererVersion() == null ? 0 : health.rendererVersion())
        .compose(version -> repository.claimForRender(version, BATCH, LEASE_SECONDS))
        .compose(pending -> renderAll(pending).map(pending.size()))
        .onFailure(error -> LOG.debug("background render skipped: {}", error.getMessage()))
        .onComplete(done -> {
          running = false;
          if (done.succeeded() && done.result() == BATCH) {
            // a full batch: there is a backlog (after a render outage), so go on now, not at the next tick
            vertx.runOnContext(next -> tick());
          }
        });
  }

  /** One at a time: the job must not crowd out the writes the render-service is serving. */
  private Future<Void> renderAll(List<PostsRepository.PendingRender> pending) {
    Future<Void> chain = Future.succeededFuture();
    for (PostsRepository.PendingRender post : pending) {
      chain = chain.compose(ignored -> renderOne(post));
    }
    return chain;
  }

  private Future<Void> renderOne(PostsRepository.PendingRender post) {
    return renderer.render(post.body())
        .compose(result -> media.linkPost(result, post.id()))
        .compose(linked -> repository.storeRender(post, linked.rendered())
            .compose(stored -> stored == null ? Future.succeededFuture(null) : media.record(stored.slug(), linked).map(stored)))
        .compose(stored -> {
          if (stored != null) {
            rendered.increment();
            PostsContracts.CHANGED.publish(vertx.eventBus(),
                new PostRequests.Changed(stored.slug(), null, stored.version(), ChangeKind.RENDERED));
          }
          return Future.<Void>succeededFuture();
        })
        .recover(error -> repository.releaseRender(post.id())
            .transform(released -> Future.failedFuture(error))); // stop this batch; next tick retries
  }
}
