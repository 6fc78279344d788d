package io.octavo.posts.writes;

import io.micrometer.core.instrument.Counter;
import io.octavo.common.ServiceFailure;
import io.octavo.common.metrics.ServiceMeters;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostInput;
import io.octavo.common.posts.ChangeKind;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsContracts;
import io.octavo.common.render.RenderClient;
import io.octavo.common.render.Rendered;
import io.octavo.posts.fields.PostDraft;
import io.octavo.posts.fields.PostFields;
import io.octavo.posts.media.MediaLinks;
import io.octavo.posts.store.MediaRepository;
import io.octavo.posts.store.PostsRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes posts: resolve fields, render (or defer), store with a revision, announce the change.
 * Shared by the API's create and update and by imports, so all follow one path.
 */
final class PostWriter {
  private static final Logger LOG = LoggerFactory.getLogger(PostWriter.class);
  private static final int SLUG_ATTEMPTS = 3;
  private static final int ANY_VERSION_ATTEMPTS = 10;

  private final Vertx vertx;
  private final PostsRepository repository;
  private final RenderClient renderer;
  private final MediaLinks media;
  private final PostFields fields = new PostFields(Clock.systemUTC());
  private final Counter created;
  private final Counter renderDeferred;

  PostWriter(Vertx vertx, PostsRepository repository, RenderClient renderer, MediaRepository media,
             ServiceMeters meters) {
    this.vertx = vertx;
    this.repository = repository;
    this.renderer = renderer;
    this.media = new MediaLinks(media);
    this.created = meters.counter("octavo.posts.creations"); // not ".created": Prometheus drops a _created suffix
    this.renderDeferred = meters.counter("octavo.posts.render.deferred");
  }

  /** {@code meta} null: the unclaimed keys of the Markdown's front matter, if any. */
  Future<Post> create(PostInput input, JsonObject meta) {
    return create(input, meta, null);
  }

  /** {@code source}: the file's path in the site it is imported from (its relative images are beside it), or null. */
  Future<Post> create(PostInput input, JsonObject meta, String source) {
    PostDraft resolved = fields.resolve(input, null);
    PostDraft draft = resolved.withMeta(meta != null ? meta : resolved.meta() != null ? resolved.meta() : new JsonObject());
    return renderOrDefer(draft.body())
        .compose(rendered -> media.link(rendered, source))
        .compose(linked -> insert(draft, linked.rendered(), 1).compose(post -> media.record(post, linked)))
        .onSuccess(post -> {
          created.increment();
          announce(post, null, ChangeKind.CREATED);
        });
  }

  /**
   * Replaces the post at {@code slug} if it is still at {@code expectedVersion} (or at any version
   * for {@link PostRequests.Update#ANY_VERSION}); {@code meta} null: from the Markdown's front
   * matter when it has some, else the stored meta stays.
   */
  Future<Post> update(String slug, long expectedVersion, PostInput input, JsonObject meta) {
    return replace(slug, expectedVersion, input, meta, 1).onSuccess(post -> announce(post, slug, ChangeKind.UPDATED));
  }

  /**
   * One attempt. For {@link PostRequests.Update#ANY_VERSION} a writer that got in between the read
   * and the write is not a conflict ({@code If-Match: *} matches any version), so read again and
   * redo the fields from what is now stored.
   */
  private Future<Post> replace(String slug, long expectedVersion, PostInput input, JsonObject meta, int attempt) {
    Future<Post> replaced = repository.findBySlug(slug, true)
        .compose(existing -> {
          if (existing == null) {
            return Future.failedFuture(notFound(slug));
          }
          long version = expectedVersion == PostRequests.Update.ANY_VERSION ? existing.version() : expectedVersion;
          if (existing.version() != version) {
            return Future.failedFuture(stale(existing.version()));
          }
          return write(existing, input, meta);
        });
    return expectedVersion != PostRequests.Update.ANY_VERSION || attempt >= ANY_VERSION_ATTEMPTS ? replaced
        : replaced.recover(error -> ServiceFailure.codeOf(error) == ServiceFailure.PRECONDITION_FAILED
            ? replace(slug, expectedVersion, input, meta, attempt + 1) : Future.failedFuture(error));
  }

  /**
   * Replaces {@code existing}, a post the caller has just read, if it is still at that version (an
   * import's update: it read the post to compare it, so it is not read a second time here).
   */
  Future<Post> update(Post existing, PostInput input, JsonObject meta) {
    return write(existing, input, meta).onSuccess(post -> announce(post, existing.slug(), ChangeKind.UPDATED));
  }

  /** Writes the fields resolved against {@code existing} if the stored post is still at its version. */
  private Future<Post> write(Post existing, PostInput input, JsonObject meta) {
    String slug = existing.slug();
    PostDraft resolved = fields.resolve(input, existing);
    PostDraft draft = resolved.withMeta(meta != null ? meta : resolved.meta());
    return renderOrDefer(draft.body())
        .compose(rendered -> media.linkPost(rendered, slug))
        .compose(linked -> repository.update(slug, existing.version(), draft, linked.rendered())
            .recover(error -> Future.failedFuture(PostsRepository.isDuplicateSlug(error)
                ? ServiceFailure.conflict("a post with slug '" + draft.slug() + "' already exists") : error))
            .compose(post -> post != null ? media.record(post, linked) : whyNotWritten(slug)));
  }

  /** Derived slugs are chosen under a lock; only a race with an explicit slug needs a second try. */
  private Future<Post> insert(PostDraft draft, Rendered rendered, int attempt) {
    return repository.insert(draft, rendered).recover(error -> {
      if (!PostsRepository.isDuplicateSlug(error)) {
        return Future.failedFuture(error);
      }
      if (!draft.slugDerived() || attempt >= SLUG_ATTEMPTS) {
        return Future.failedFuture(ServiceFailure.conflict("a post with slug '" + draft.slug() + "' already exists"));
      }
      return insert(draft, rendered, attempt + 1);
    });
  }

  /**
   * Renders now if the render-service answers; if it is down or slow the post is stored without
   * HTML and {@link RenderJob} renders it later. A refusal of the input itself (4xx) is passed on.
   */
  private Future<Rendered> renderOrDefer(String body) {
    return renderer.render(body).recover(error -> {
      if (ServiceFailure.codeOf(error) < 500) {
        return Future.failedFuture(error);
      }
      LOG.warn("render-service unavailable ({}); storing the post for background rendering", error.getMessage());
      renderDeferred.increment();
      return Future.succeededFuture(null);
    });
  }

  /** After a conditional write matched no row: the post is gone (404) or moved on (412). */
  <T> Future<T> whyNotWritten(String slug) {
    return repository.currentVersion(slug).compose(version -> Future.failedFuture(
        version == null ? notFound(slug) : stale(version)));
  }

  void announce(Post post, String previousSlug, ChangeKind change) {
    PostsContracts.CHANGED.publish(vertx.eventBus(),
        new PostRequests.Changed(post.slug(), previousSlug, post.version(), change));
  }

  static ServiceFailure notFound(String slug) {
    return ServiceFailure.notFound("no post with slug '" + slug + "'");
  }

  static ServiceFailure stale(long currentVersion) {
    return ServiceFailure.preconditionFailed("the post has changed since you read it (it is now at"
        + " version " + currentVersion + "); read it again and reapply your change");
  }
}
