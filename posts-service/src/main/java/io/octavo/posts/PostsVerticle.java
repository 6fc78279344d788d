package io.octavo.posts;

import io.micrometer.core.instrument.MeterRegistry;
import io.octavo.common.Addresses;
import io.octavo.common.ServiceFailure;
import io.octavo.common.bus.MeteredConsumers;
import io.octavo.common.metrics.ServiceMeters;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostInput;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.render.RenderClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/** The {@code posts.*} consumers. Writes go through {@link PostWriter}; no SQL here. */
public final class PostsVerticle extends VerticleBase {
  private static final int MAX_LIST_LIMIT = 100;
  private static final int MAX_QUERY = PostRequests.Search.MAX_QUERY;

  private final PostsSettings settings;
  private final ServiceMeters meters;
  private PostsRepository repository;
  private PostWriter writer;
  private Importer importer;

  public PostsVerticle(PostsSettings settings, MeterRegistry registry) {
    this.settings = settings;
    this.meters = new ServiceMeters(registry, PostsService.NAME, "PostsVerticle");
  }

  @Override
  public Future<?> start() {
    repository = new PostsRepository(Database.pool(vertx, settings), meters);
    writer = new PostWriter(vertx, repository, new RenderClient(vertx, settings.renderTimeout()),
        new MediaRepository(Database.pool(vertx, settings), meters), meters);
    importer = new Importer(repository, writer);
    MeteredConsumers consumers = new MeteredConsumers(vertx, meters);
    return Future.all(List.of(
        consumers.register(Addresses.POSTS_CREATE, this::create),
        consumers.register(Addresses.POSTS_GET, this::get),
        consumers.register(Addresses.POSTS_UPDATE, this::update),
        consumers.register(Addresses.POSTS_DELETE, this::delete),
        consumers.register(Addresses.POSTS_LIST, this::list),
        consumers.register(Addresses.POSTS_TAGS, this::tags),
        consumers.register(Addresses.POSTS_SERIES, this::series),
        consumers.register(Addresses.POSTS_SEARCH, this::search),
        consumers.register(Addresses.POSTS_REVISIONS, this::revisions),
        consumers.register(Addresses.POSTS_REVISION, this::revision),
        consumers.register(Addresses.POSTS_RESTORE_REVISION, this::restoreRevision),
        consumers.register(Addresses.POSTS_TRASH, this::trash),
        consumers.register(Addresses.POSTS_RESTORE_FROM_TRASH, this::restoreFromTrash),
        consumers.register(Addresses.POSTS_IMPORT_START,
            body -> importer.start(body.getInteger("total", 0), body.getJsonObject("site"))),
        consumers.register(Addresses.POSTS_OLD_PATH, body -> {
          String path = OldPaths.normalise(body.getString("path"));
          return (path == null ? Future.<String>succeededFuture(null) : repository.slugForOldPath(path))
              .map(slug -> new JsonObject().put("slug", slug));
        }),
        consumers.register(Addresses.POSTS_IMPORT_BATCH,
            body -> importer.batch(jobId(body), body.getJsonArray("files", new JsonArray()))),
        consumers.register(Addresses.POSTS_IMPORT_FINISH, body -> importer.finish(jobId(body), body.getString("error"))),
        consumers.register(Addresses.POSTS_IMPORT_GET, body -> importer.job(jobId(body))
            .compose(job -> job != null ? Future.succeededFuture(job)
                : Future.failedFuture(ServiceFailure.notFound("no import " + body.getString("id"))))),
        consumers.register(Addresses.POSTS_EXPORT, body -> importer.exportPage(body.getLong("after_id", 0L),
            Math.max(1, Math.min(body.getInteger("limit", 100), 500)))),
        consumers.register(Addresses.POSTS_HEALTH,
            body -> repository.ping().map(new JsonObject().put("status", "UP")))));
  }

  private Future<JsonObject> create(JsonObject body) {
    return writer.create(PostInput.fromJson(body), null).compose(post -> reread(post.slug()));
  }

  /** A post as readers get it, series neighbours included. */
  private Future<JsonObject> reread(String slug) {
    return repository.findBySlug(slug, true).map(Post::toJson);
  }

  private Future<JsonObject> get(JsonObject body) {
    PostRequests.Get request = PostRequests.Get.fromJson(body);
    return repository.findBySlug(request.slug(), request.includeUnpublished())
        .compose(post -> post != null ? Future.succeededFuture(post.toJson())
            : repository.redirectFor(request.slug(), request.includeUnpublished()).compose(movedTo -> Future.failedFuture(movedTo == null
                ? notFound(request.slug()) : new ServiceFailure(ServiceFailure.MOVED_PERMANENTLY, movedTo))));
  }

  private Future<JsonObject> update(JsonObject body) {
    PostRequests.Update request = PostRequests.Update.fromJson(body);
    return writer.update(request.slug(), request.expectedVersion(), request.input(), null)
        .compose(post -> reread(post.slug()));
  }

  /** Deleting moves the post to the trash, from where {@link #restoreFromTrash} brings it back. */
  private Future<JsonObject> delete(JsonObject body) {
    PostRequests.Delete request = PostRequests.Delete.fromJson(body);
    return repository.trash(request.slug(), request.expectedVersion())
        .compose(deleted -> deleted ? Future.succeededFuture() : writer.whyNotWritten(request.slug()))
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
    return repository.list(request.limit(), after, normalisedTag(request.tag()), request.series(),
            request.includeUnpublished())
        .map(page -> page.toJson(request.withHtml()));
  }

  private Future<JsonObject> tags(JsonObject body) {
    return repository.tags(PostRequests.Tags.fromJson(body).includeUnpublished())
        .map(tags -> new JsonObject().put("items", tags));
  }

  private Future<JsonObject> series(JsonObject body) {
    PostRequests.Series request = PostRequests.Series.fromJson(body);
    if (request.name() == null || request.name().isBlank()) {
      return Future.failedFuture(ServiceFailure.badRequest("a series name is required"));
    }
    return repository.series(request.name().strip(), request.includeUnpublished()).compose(parts -> {
      if (parts.isEmpty()) {
        return Future.failedFuture(ServiceFailure.notFound("no series named '" + request.name() + "'"));
      }
      JsonArray items = new JsonArray();
      parts.forEach(part -> items.add(part.toSummaryJson()));
      return Future.succeededFuture(new JsonObject().put("name", request.name().strip()).put("parts", items));
    });
  }

  private Future<JsonObject> search(JsonObject body) {
    PostRequests.Search request = PostRequests.Search.fromJson(body);
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
        .map(hits -> new JsonObject().put("items", hits));
  }

  private Future<JsonObject> revisions(JsonObject body) {
    String slug = PostRequests.Revision.fromJson(body).slug();
    return repository.revisions(slug).compose(revisions -> revisions == null
        ? Future.failedFuture(notFound(slug)) : Future.succeededFuture(new JsonObject().put("items", revisions)));
  }

  private Future<JsonObject> revision(JsonObject body) {
    PostRequests.Revision request = PostRequests.Revision.fromJson(body);
    return findRevision(request);
  }

  /** The revision's source becomes the post's next version; the history keeps everything. */
  private Future<JsonObject> restoreRevision(JsonObject body) {
    PostRequests.Revision request = PostRequests.Revision.fromJson(body);
    return findRevision(request).compose(revision -> repository.currentVersion(request.slug())
        .compose(current -> update(new PostRequests.Update(request.slug(), current,
            new PostInput(revision.getString("markdown"), revision.getString("title"), null, null, null, null, null, null))
            .toJson())));
  }

  private Future<JsonObject> findRevision(PostRequests.Revision request) {
    if (request.version() == null) {
      return Future.failedFuture(ServiceFailure.badRequest("a revision number is required"));
    }
    return repository.revision(request.slug(), request.version()).compose(revision -> revision != null
        ? Future.succeededFuture(revision)
        : Future.failedFuture(ServiceFailure.notFound("post '" + request.slug() + "' has no revision " + request.version())));
  }

  private Future<JsonObject> trash(JsonObject body) {
    int limit = Math.max(1, Math.min(PostRequests.Trash.fromJson(body).limit(), 1000));
    return repository.listTrash(limit).map(items -> new JsonObject().put("items", items));
  }

  private Future<JsonObject> restoreFromTrash(JsonObject body) {
    Long id = PostRequests.Trash.fromJson(body).id();
    if (id == null) {
      return Future.failedFuture(ServiceFailure.badRequest("the id of a trashed post is required"));
    }
    return repository.restoreFromTrash(id)
        .recover(error -> Future.failedFuture(PostsRepository.isDuplicateSlug(error)
            ? ServiceFailure.conflict("another post has this slug now; change or delete it first") : error))
        .compose(post -> post == null
            ? Future.failedFuture(ServiceFailure.notFound("no trashed post with id " + id))
            : Future.succeededFuture(post))
        .onSuccess(post -> writer.announce(post, null, "restored"))
        .compose(post -> reread(post.slug()));
  }

  private static UUID jobId(JsonObject body) {
    try {
      return UUID.fromString(body.getString("id", ""));
    } catch (IllegalArgumentException e) {
      throw ServiceFailure.notFound("no import '" + body.getString("id") + "'");
    }
  }

  private static String normalisedTag(String tag) {
    return tag == null ? null : PostFields.normaliseTags(List.of(tag)).stream().findFirst().orElse(null);
  }

  private static ServiceFailure notFound(String slug) {
    return PostWriter.notFound(slug);
  }
}
