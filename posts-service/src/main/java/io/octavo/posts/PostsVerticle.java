package io.octavo.posts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.octavo.common.Addresses;
import io.octavo.common.ServiceFailure;
import io.octavo.common.bus.MeteredConsumers;
import io.octavo.common.metrics.ServiceMeters;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostInput;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.render.RenderClient;
import io.octavo.common.render.Rendered;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code posts.*} consumers: resolve fields, render, store, announce. No SQL here. */
public final class PostsVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(PostsVerticle.class);
  private static final int MAX_LIST_LIMIT = 100;
  private static final int SLUG_ATTEMPTS = 5;

  private final PostsSettings settings;
  private final ServiceMeters meters;
  private final PostFields fields = new PostFields(Clock.systemUTC());
  private PostsRepository repository;
  private RenderClient renderer;
  private Counter created;
  private Counter renderDeferred;

  public PostsVerticle(PostsSettings settings, MeterRegistry registry) {
    this.settings = settings;
    this.meters = new ServiceMeters(registry, PostsService.NAME, "PostsVerticle");
  }

  @Override
  public Future<?> start() {
    repository = new PostsRepository(Database.pool(vertx, settings), meters);
    renderer = new RenderClient(vertx, settings.renderTimeout());
    created = meters.counter("octavo.posts.created");
    renderDeferred = meters.counter("octavo.posts.render.deferred");
    MeteredConsumers consumers = new MeteredConsumers(vertx, meters);
    return Future.all(
        consumers.register(Addresses.POSTS_CREATE, this::create),
        consumers.register(Addresses.POSTS_GET, this::get),
        consumers.register(Addresses.POSTS_UPDATE, this::update),
        consumers.register(Addresses.POSTS_DELETE, this::delete),
        consumers.register(Addresses.POSTS_LIST, this::list),
        consumers.register(Addresses.POSTS_HEALTH,
            body -> repository.ping().map(new JsonObject().put("status", "UP"))));
  }

  private Future<JsonObject> create(JsonObject body) {
    PostDraft draft = fields.resolve(PostInput.fromJson(body), null);
    return renderOrDefer(draft.markdown())
        .compose(rendered -> insertWithFreeSlug(draft, rendered, 1))
        .onSuccess(post -> {
          created.increment();
          announce(post, null, "created");
        })
        .map(Post::toJson);
  }

  private Future<Post> insertWithFreeSlug(PostDraft draft, Rendered rendered, int attempt) {
    return repository.insert(draft, rendered).recover(error -> {
      if (!PostsRepository.isDuplicateSlug(error)) {
        return Future.failedFuture(error);
      }
      if (!draft.slugDerived() || attempt >= SLUG_ATTEMPTS) {
        return Future.failedFuture(ServiceFailure.conflict("a post with slug '" + draft.slug() + "' already exists"));
      }
      String base = attempt == 1 ? draft.slug() : draft.slug().substring(0, draft.slug().lastIndexOf('-'));
      return repository.slugsTaken(base).compose(taken -> {
        int n = 2;
        while (taken.contains(Slugs.withSuffix(base, n))) {
          n++;
        }
        return insertWithFreeSlug(draft.withSlug(Slugs.withSuffix(base, n)), rendered, attempt + 1);
      });
    });
  }

  private Future<JsonObject> get(JsonObject body) {
    PostRequests.Get request = PostRequests.Get.fromJson(body);
    return repository.findBySlug(request.slug(), request.includeUnpublished())
        .compose(post -> post == null ? Future.failedFuture(notFound(request.slug()))
            : Future.succeededFuture(post.toJson()));
  }

  private Future<JsonObject> update(JsonObject body) {
    PostRequests.Update request = PostRequests.Update.fromJson(body);
    return repository.findBySlug(request.slug(), true)
        .compose(existing -> {
          if (existing == null) {
            return Future.failedFuture(notFound(request.slug()));
          }
          if (existing.version() != request.expectedVersion()) {
            return Future.failedFuture(stale(existing.version()));
          }
          PostDraft draft = fields.resolve(request.input(), existing);
          return renderOrDefer(draft.markdown())
              .compose(rendered -> repository.update(request.slug(), request.expectedVersion(), draft, rendered))
              .recover(error -> Future.failedFuture(PostsRepository.isDuplicateSlug(error)
                  ? ServiceFailure.conflict("a post with slug '" + draft.slug() + "' already exists") : error))
              .compose(post -> post != null ? Future.succeededFuture(post) : whyNotWritten(request.slug()));
        })
        .onSuccess(post -> announce(post, request.slug(), "updated"))
        .map(Post::toJson);
  }

  private Future<JsonObject> delete(JsonObject body) {
    PostRequests.Delete request = PostRequests.Delete.fromJson(body);
    return repository.delete(request.slug(), request.expectedVersion())
        .compose(deleted -> deleted ? Future.succeededFuture() : whyNotWritten(request.slug()))
        .onSuccess(ignored -> vertx.eventBus().publish(Addresses.POSTS_CHANGED,
            new PostRequests.Changed(request.slug(), request.slug(), 0, "deleted").toJson()))
        .map(new JsonObject());
  }

  private Future<JsonObject> list(JsonObject body) {
    PostRequests.List request = PostRequests.List.fromJson(body);
    if (request.limit() < 1 || request.limit() > MAX_LIST_LIMIT) {
      return Future.failedFuture(ServiceFailure.badRequest("limit must be between 1 and " + MAX_LIST_LIMIT));
    }
    Cursor after = request.cursor() == null || request.cursor().isEmpty() ? null : Cursor.decode(request.cursor());
    String tag = request.tag() == null ? null : PostFields.normaliseTags(java.util.List.of(request.tag()))
        .stream().findFirst().orElse(null);
    return repository.list(request.limit(), after, tag, request.series(), request.includeUnpublished())
        .map(page -> page.toJson());
  }

  /**
   * Renders now if the render-service answers; if it is down or slow the post is stored without
   * HTML and {@link RenderJob} renders it later. A refusal of the input itself (4xx) is passed on.
   */
  private Future<Rendered> renderOrDefer(String markdown) {
    return renderer.render(markdown).recover(error -> {
      if (ServiceFailure.codeOf(error) < 500) {
        return Future.failedFuture(error);
      }
      LOG.warn("render-service unavailable ({}); storing the post for background rendering", error.getMessage());
      renderDeferred.increment();
      return Future.succeededFuture(null);
    });
  }

  /** After a conditional write matched no row: the post is gone (404) or moved on (412). */
  private <T> Future<T> whyNotWritten(String slug) {
    return repository.currentVersion(slug).compose(version -> Future.failedFuture(
        version == null ? notFound(slug) : stale(version)));
  }

  private void announce(Post post, String previousSlug, String change) {
    vertx.eventBus().publish(Addresses.POSTS_CHANGED,
        new PostRequests.Changed(post.slug(), previousSlug, post.version(), change).toJson());
  }

  private static ServiceFailure notFound(String slug) {
    return ServiceFailure.notFound("no post with slug '" + slug + "'");
  }

  private static ServiceFailure stale(long currentVersion) {
    return ServiceFailure.preconditionFailed("the post has changed since you read it (it is now at"
        + " version " + currentVersion + "); read it again and reapply your change");
  }
}
