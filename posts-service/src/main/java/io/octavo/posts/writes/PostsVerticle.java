package io.octavo.posts.writes;

import io.octavo.common.ServiceFailure;
import io.octavo.common.bus.MeteredConsumers;
import io.octavo.common.contracts.Health;
import io.octavo.common.metrics.ServiceMeters;
import io.octavo.common.posts.ChangeKind;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostInput;
import io.octavo.common.posts.PostLookup;
import io.octavo.common.posts.PostPage;
import io.octavo.common.posts.PostReplies;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsContracts;
import io.octavo.common.render.RenderClient;
import io.octavo.posts.fields.PostFields;
import io.octavo.posts.store.Cursor;
import io.octavo.posts.store.Database;
import io.octavo.posts.store.MediaRepository;
import io.octavo.posts.store.PostsRepository;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The {@code posts.*} consumers. Writes go through {@link PostWriter}; no SQL here. */
public final class PostsVerticle extends VerticleBase {
  private static final int MAX_LIST_LIMIT = 100;
  private static final int MAX_QUERY = PostRequests.Search.MAX_QUERY;

  private final Database database;
  private final Duration renderTimeout;
  private final ServiceMeters meters;
  private PostsRepository repository;
  private PostWriter writer;
  private Importer importer;

  public PostsVerticle(Database database, Duration renderTimeout, ServiceMeters meters) {
    this.database = database;
    this.renderTimeout = renderTimeout;
    this.meters = meters;
  }

  @Override
  public Future<?> start() {
    repository = new PostsRepository(database.pool(vertx), meters);
    writer = new PostWriter(vertx, repository, new RenderClient(vertx, renderTimeout),
        new MediaRepository(database.pool(vertx), meters), meters);
    importer = new Importer(repository, writer);
    MeteredConsumers consumers = new MeteredConsumers(vertx, meters);
    return Future.all(List.of(
        consumers.register(PostsContracts.CREATE, this::create),
        consumers.register(PostsContracts.GET, this::get),
        consumers.register(PostsContracts.UPDATE, this::update),
        consumers.register(PostsContracts.DELETE, this::delete),
        consumers.register(PostsContracts.LIST, this::list),
        consumers.register(PostsContracts.TAGS, this::tags),
        consumers.register(PostsContracts.SERIES, this::series),
        consumers.register(PostsContracts.SEARCH, this::search),
        consumers.register(PostsContracts.REVISIONS, this::revisions),
        consumers.register(PostsContracts.REVISION, this::findRevision),
        consumers.register(PostsContracts.RESTORE_REVISION, this::restoreRevision),
        consumers.register(PostsContracts.TRASH, this::trash),
        consumers.register(PostsContracts.RESTORE_FROM_TRASH, this::restoreFromTrash),
        consumers.register(PostsContracts.IMPORT_START, start -> importer.start(start.total(), start.site())),
        consumers.register(PostsContracts.OLD_PATH, this::oldPath),
        consumers.register(PostsContracts.IMPORT_BATCH, batch -> importer.batch(jobId(batch.job()), batch.files())),
        consumers.register(PostsContracts.IMPORT_FINISH, finish -> importer.finish(jobId(finish.job()), finish.error())),
        consumers.register(PostsContracts.IMPORT_GET, ref -> importer.job(jobId(ref.id()))
            .compose(job -> job != null ? Future.succeededFuture(job)
                : Future.failedFuture(ServiceFailure.notFound("no import " + ref.id())))),
        consumers.register(PostsContracts.EXPORT,
            page -> importer.exportPage(page.afterId(), Math.max(1, Math.min(page.limit(), 500)))),
        consumers.register(PostsContracts.HEALTH, nothing -> repository.ping().map(Health.up()))));
  }

  private Future<Post> create(PostInput input) {
    return writer.create(input, null).compose(post -> reread(post.slug()));
  }

  /** A post as readers get it, series neighbours included. */
  private Future<Post> reread(String slug) {
    return repository.findBySlug(slug, true);
  }

  /** A renamed post answers at its old slug with where it moved (readers only learn of public moves). */
  private Future<PostLookup> get(PostRequests.Get request) {
    return repository.findBySlug(request.slug(), request.includeUnpublished())
        .compose(post -> post != null ? Future.succeededFuture(new PostLookup.Found(post))
            : repository.redirectFor(request.slug(), request.includeUnpublished()).compose(movedTo -> movedTo == null
                ? Future.failedFuture(notFound(request.slug())) : moved(request, movedTo)));
  }

  /** A gateway of the previous release reads a move only as failure 301 (see {@link PostRequests.Get}). */
  private static Future<PostLookup> moved(PostRequests.Get request, String movedTo) {
    return request.acceptsMoved() ? Future.succeededFuture(new PostLookup.Moved(movedTo))
        : Future.failedFuture(new ServiceFailure(ServiceFailure.MOVED_PERMANENTLY, movedTo));
  }

  private Future<Post> update(PostRequests.Update request) {
    return writer.update(request.slug(), request.expectedVersion(), request.input(), null)
        .compose(post -> reread(post.slug()));
  }

  /** Deleting moves the post to the trash, from where {@link #restoreFromTrash} brings it back. */
  private Future<Void> delete(PostRequests.Delete request) {
    return repository.trash(request.slug(), request.expectedVersion())
        .compose(deleted -> deleted ? Future.<Void>succeededFuture() : writer.whyNotWritten(request.slug()))
        .onSuccess(ignored -> PostsContracts.CHANGED.publish(vertx.eventBus(),
            new PostRequests.Changed(request.slug(), request.slug(), 0, ChangeKind.DELETED)));
  }

  private Future<PostPage> list(PostRequests.List request) {
    if (request.limit() < 1 || request.limit() > MAX_LIST_LIMIT) {
      return Future.failedFuture(ServiceFailure.badRequest("limit must be between 1 and " + MAX_LIST_LIMIT));
    }
    Cursor after = request.cursor() == null || request.cursor().isEmpty() ? null : Cursor.decode(request.cursor());
    return repository.list(request.limit(), after, normalisedTag(request.tag()), request.series(),
            request.includeUnpublished())
        .map(page -> page.withHtml(request.withHtml()));
  }

  private Future<PostReplies.Tags> tags(PostRequests.Tags request) {
    return repository.tags(request.includeUnpublished()).map(PostReplies.Tags::new);
  }

  private Future<PostReplies.SeriesParts> series(PostRequests.Series request) {
    if (request.name() == null || request.name().isBlank()) {
      return Future.failedFuture(ServiceFailure.badRequest("a series name is required"));
    }
    return repository.series(request.name().strip(), request.includeUnpublished()).compose(parts -> parts.isEmpty()
        ? Future.failedFuture(ServiceFailure.notFound("no series named '" + request.name() + "'"))
        : Future.succeededFuture(new PostReplies.SeriesParts(request.name().strip(), parts)));
  }

  private Future<PostReplies.SearchHits> search(PostRequests.Search request) {
    if (request.query() == null || request.query().isBlank()) {
      return Future.failedFuture(ServiceFailure.badRequest("q is required: the words to search for"));
    }
    if (request.query().length() > MAX_QUERY) {
      return Future.failedFuture(ServiceFailure.badRequest("q is longer than " + MAX_QUERY + " characters"));
    }
    if (request.limit() < 1 || request.limit() > MAX_LIST_LIMIT) {
      return Future.failedFuture(ServiceFailure.badRequest("limit must be between 1 and " + MAX_LIST_LIMIT));
    }
    return repository.search(request.query(), request.limit(), normalisedTag(request.tag()), request.includeUnpublished())
        .map(PostReplies.SearchHits::new);
  }

  private Future<PostReplies.Revisions> revisions(PostRequests.Revision request) {
    return repository.revisions(request.slug()).compose(revisions -> revisions == null
        ? Future.failedFuture(notFound(request.slug())) : Future.succeededFuture(new PostReplies.Revisions(revisions)));
  }

  /** The revision's source becomes the post's next version; the history keeps everything. */
  private Future<Post> restoreRevision(PostRequests.Revision request) {
    return findRevision(request).compose(revision -> repository.currentVersion(request.slug())
        .compose(current -> update(new PostRequests.Update(request.slug(), current,
            PostInput.builder(revision.markdown()).title(revision.title()).build()))));
  }

  private Future<PostReplies.RevisionSource> findRevision(PostRequests.Revision request) {
    if (request.version() == null) {
      return Future.failedFuture(ServiceFailure.badRequest("a revision number is required"));
    }
    return repository.revision(request.slug(), request.version()).compose(revision -> revision != null
        ? Future.succeededFuture(revision)
        : Future.failedFuture(ServiceFailure.notFound("post '" + request.slug() + "' has no revision " + request.version())));
  }

  private Future<PostReplies.Trash> trash(PostRequests.Trash request) {
    int limit = Math.max(1, Math.min(request.limit(), 1000));
    return repository.listTrash(limit).map(PostReplies.Trash::new);
  }

  private Future<Post> restoreFromTrash(PostRequests.Trash request) {
    Long id = request.id();
    if (id == null) {
      return Future.failedFuture(ServiceFailure.badRequest("the id of a trashed post is required"));
    }
    return repository.restoreFromTrash(id)
        .recover(error -> Future.failedFuture(PostsRepository.isDuplicateSlug(error)
            ? ServiceFailure.conflict("another post has this slug now; change or delete it first") : error))
        .compose(post -> post == null
            ? Future.failedFuture(ServiceFailure.notFound("no trashed post with id " + id))
            : Future.succeededFuture(post))
        .onSuccess(post -> writer.announce(post, null, ChangeKind.RESTORED))
        .compose(post -> reread(post.slug()));
  }

  private Future<PostReplies.OldPathMatch> oldPath(PostRequests.OldPath request) {
    String path = OldPaths.normalise(request.path());
    return (path == null ? Future.<String>succeededFuture(null) : repository.slugForOldPath(path))
        .map(PostReplies.OldPathMatch::new);
  }

  private static UUID jobId(String id) {
    try {
      return UUID.fromString(id == null ? "" : id);
    } catch (IllegalArgumentException e) {
      throw ServiceFailure.notFound("no import '" + id + "'");
    }
  }

  private static String normalisedTag(String tag) {
    return tag == null ? null : PostFields.normaliseTags(List.of(tag)).stream().findFirst().orElse(null);
  }

  private static ServiceFailure notFound(String slug) {
    return PostWriter.notFound(slug);
  }
}
