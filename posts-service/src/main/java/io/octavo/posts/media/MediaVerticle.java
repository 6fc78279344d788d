package io.octavo.posts.media;

import io.micrometer.core.instrument.Counter;
import io.octavo.common.ServiceFailure;
import io.octavo.common.bus.MeteredConsumers;
import io.octavo.common.media.MediaContracts;
import io.octavo.common.media.MediaFile;
import io.octavo.common.media.MediaItem;
import io.octavo.common.media.MediaReplies;
import io.octavo.common.media.MediaRequests;
import io.octavo.common.media.MediaUpload;
import io.octavo.common.metrics.ServiceMeters;
import io.octavo.posts.store.BlobStore;
import io.octavo.posts.store.Database;
import io.octavo.posts.store.MediaRepository;
import io.octavo.posts.store.PgBlobStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.UUID;

/**
 * The {@code media.*} consumers: uploads arrive as a sequence of chunks and are stored once per
 * distinct content (sha256); reads go a chunk at a time. No SQL here.
 */
public final class MediaVerticle extends VerticleBase {
  static final int MAX_LIST_LIMIT = 100;

  private final Database database;
  private final ServiceMeters meters;
  private MediaRepository repository;
  private BlobStore blobs;
  private VariantJob variants;
  private Counter created;
  private Counter deduplicated;
  private Counter storedBytes;

  public MediaVerticle(Database database, ServiceMeters meters) {
    this.database = database;
    this.meters = meters;
  }

  @Override
  public Future<?> start() {
    repository = new MediaRepository(database.pool(vertx), meters);
    blobs = new PgBlobStore(database.pool(vertx));
    variants = new VariantJob(vertx, blobs, repository, meters);
    created = meters.counter("octavo.media.uploads", "outcome", "created");
    deduplicated = meters.counter("octavo.media.uploads", "outcome", "deduplicated");
    storedBytes = meters.counter("octavo.media.stored.bytes");
    MeteredConsumers consumers = new MeteredConsumers(vertx, meters);
    return Future.all(List.of(
        consumers.register(MediaContracts.UPLOAD_BEGIN, body -> begin()),
        consumers.register(MediaContracts.UPLOAD_CHUNK, this::chunk),
        consumers.register(MediaContracts.UPLOAD_FINISH, this::finish),
        consumers.register(MediaContracts.GET, this::get),
        consumers.register(MediaContracts.LIST, this::list),
        consumers.register(MediaContracts.DELETE, this::delete),
        consumers.register(MediaContracts.READ, this::read)));
  }

  private Future<MediaReplies.Began> begin() {
    UUID upload = UUID.randomUUID();
    return blobs.begin(upload).map(begun -> new MediaReplies.Began(upload.toString()));
  }

  private Future<Void> chunk(MediaRequests.Chunk chunk) {
    if (chunk.data() == null || chunk.data().length() > MediaFile.CHUNK_BYTES || chunk.seq() < 0) {
      return Future.failedFuture(ServiceFailure.badRequest("a chunk is 1 to " + MediaFile.CHUNK_BYTES + " bytes"));
    }
    return blobs.append(uuid(chunk.upload()), chunk.seq(), chunk.data());
  }

  /** Checks that every chunk arrived, then stores the item or finds the one with these bytes. */
  private Future<MediaReplies.Stored> finish(MediaUpload upload) {
    UUID blob = uuid(upload.upload());
    return blobs.size(blob).compose(size -> {
      if (size.chunks() != upload.chunks() || size.bytes() != upload.bytes()) {
        return blobs.delete(blob).compose(deleted -> Future.failedFuture(ServiceFailure.badRequest(
            "the upload is incomplete: " + size.bytes() + " of " + upload.bytes() + " bytes arrived")));
      }
      return repository.store(upload, blob);
    }).compose(stored -> repository.relinkPosts(upload.paths()).map(stored)).compose(stored -> {
      if (stored.created()) {
        created.increment();
        storedBytes.increment(upload.bytes());
        if (ImageVariants.wanted(upload.contentType(), upload.width(), upload.height())) {
          variants.make(stored.item().id(), blob, upload);
        }
        return blobs.complete(blob).map(stored);
      }
      deduplicated.increment();
      return blobs.delete(blob).map(stored);
    });
  }

  private Future<MediaItem> get(MediaRequests.Get request) {
    String sha256 = request.sha256();
    Future<MediaItem> found = sha256 == null ? repository.byId(request.id() == null ? 0L : request.id())
        : request.width() == null ? repository.bySha(sha256) : repository.variant(sha256, request.width());
    return found.compose(item -> item != null ? Future.succeededFuture(item)
        : Future.failedFuture(ServiceFailure.notFound("no media item " + (sha256 != null ? sha256 : request.id()))));
  }

  private Future<MediaReplies.Page> list(MediaRequests.List request) {
    int limit = request.limit();
    if (limit < 1 || limit > MAX_LIST_LIMIT) {
      return Future.failedFuture(ServiceFailure.badRequest("limit must be between 1 and " + MAX_LIST_LIMIT));
    }
    String cursor = request.cursor();
    Long after;
    try {
      after = cursor == null || cursor.isEmpty() ? null : Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      return Future.failedFuture(ServiceFailure.badRequest("the cursor is not one this API issued"));
    }
    // one more than asked: whether it exists says if there is a next page
    return repository.list(limit + 1, after).map(items -> items.size() > limit
        ? new MediaReplies.Page(items.subList(0, limit), String.valueOf(items.get(limit - 1).id()))
        : new MediaReplies.Page(items, null));
  }

  /** Refused while a published post shows the item, unless forced (the post's image then breaks). */
  private Future<MediaReplies.Deleted> delete(MediaRequests.Delete request) {
    long id = request.id();
    Future<Long> references = request.force() ? Future.succeededFuture(0L) : repository.publishedReferences(id);
    return references.compose(count -> count > 0
        ? Future.failedFuture(ServiceFailure.conflict("published posts (" + count + ") show this item; "
            + "edit them first, or delete with ?force=true"))
        : repository.delete(id))
        .compose(deleted -> {
          if (deleted == null) {
            return Future.failedFuture(ServiceFailure.notFound("no media item " + id));
          }
          MediaReplies.Deleted gone = new MediaReplies.Deleted(deleted.sha256());
          MediaContracts.CHANGED.publish(vertx.eventBus(), gone);
          return Future.all(deleted.blobs().stream().map(blobs::delete).toList()).map(gone);
        });
  }

  private Future<MediaReplies.Bytes> read(MediaRequests.Read request) {
    return blobs.read(uuid(request.blob()), request.seq())
        .compose(data -> data != null ? Future.succeededFuture(new MediaReplies.Bytes(data))
            : Future.failedFuture(ServiceFailure.notFound("no such media chunk")));
  }

  private static UUID uuid(String value) {
    try {
      return UUID.fromString(value == null ? "" : value);
    } catch (IllegalArgumentException e) {
      throw ServiceFailure.notFound("no upload '" + value + "'");
    }
  }
}
