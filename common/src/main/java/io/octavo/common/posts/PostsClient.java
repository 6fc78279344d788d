package io.octavo.common.posts;

import io.octavo.common.ServiceFailure;
import io.octavo.common.bus.BusClient;
import io.octavo.common.contracts.Health;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.time.Duration;
import java.util.List;

/** The posts-service as its callers see it. */
public final class PostsClient {
  private final BusClient bus;

  public PostsClient(Vertx vertx, Duration timeout) {
    this.bus = new BusClient(vertx, timeout);
  }

  public Future<Post> create(PostInput input) {
    return bus.request(PostsContracts.CREATE, input);
  }

  /** The post, or the slug it moved to (from either release of the posts-service). */
  public Future<PostLookup> get(PostRequests.Get request) {
    return bus.request(PostsContracts.GET, request).recover(PostsClient::movedInPreviousRelease);
  }

  /** A posts-service of the previous release fails a moved post with 301 and the new slug; drop next release. */
  private static Future<PostLookup> movedInPreviousRelease(Throwable error) {
    return error instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE
        && reply.failureCode() == ServiceFailure.MOVED_PERMANENTLY && reply.getMessage() != null
        ? Future.succeededFuture(new PostLookup.Moved(reply.getMessage())) : Future.failedFuture(error);
  }

  public Future<Post> update(PostRequests.Update request) {
    return bus.request(PostsContracts.UPDATE, request);
  }

  public Future<Void> delete(PostRequests.Delete request) {
    return bus.request(PostsContracts.DELETE, request);
  }

  public Future<PostPage> list(PostRequests.List request) {
    return bus.request(PostsContracts.LIST, request);
  }

  public Future<PostReplies.Tags> tags(PostRequests.Tags request) {
    return bus.request(PostsContracts.TAGS, request);
  }

  public Future<PostReplies.SeriesParts> series(PostRequests.Series request) {
    return bus.request(PostsContracts.SERIES, request);
  }

  public Future<PostReplies.SearchHits> search(PostRequests.Search request) {
    return bus.request(PostsContracts.SEARCH, request);
  }

  public Future<PostReplies.Revisions> revisions(String slug) {
    return bus.request(PostsContracts.REVISIONS, new PostRequests.Revision(slug, null));
  }

  public Future<PostReplies.RevisionSource> revision(PostRequests.Revision request) {
    return bus.request(PostsContracts.REVISION, request);
  }

  public Future<Post> restoreRevision(PostRequests.Revision request) {
    return bus.request(PostsContracts.RESTORE_REVISION, request);
  }

  public Future<PostReplies.Trash> trash(int limit) {
    return bus.request(PostsContracts.TRASH, new PostRequests.Trash(null, limit));
  }

  public Future<Post> restoreFromTrash(long id) {
    return bus.request(PostsContracts.RESTORE_FROM_TRASH, new PostRequests.Trash(id, 1));
  }

  /** Starts an import job of {@code total} files; the reply holds its {@code id}. */
  public Future<Imports.Started> startImport(int total) {
    return startImport(total, null);
  }

  /**
   * Starts an import job of {@code total} files of a site described by {@code site}, from which the
   * posts-service detects the engine; the reply holds the job's id and the detected site.
   */
  public Future<Imports.Started> startImport(int total, Imports.SiteFiles site) {
    return bus.request(PostsContracts.IMPORT_START, new Imports.Start(total, site));
  }

  /** The slug of the post whose old site had this public path, or null. */
  public Future<String> slugForOldPath(String path) {
    return bus.request(PostsContracts.OLD_PATH, new PostRequests.OldPath(path)).map(PostReplies.OldPathMatch::slug);
  }

  /**
   * Imports files into a job; replies with their results. A batch renders each of its posts, so it
   * has a timeout of its own, not the one for reads.
   */
  public Future<Imports.BatchResults> importBatch(String job, List<Imports.File> files) {
    return importBatch(job, files, Duration.ofMinutes(2));
  }

  public Future<Imports.BatchResults> importBatch(String job, List<Imports.File> files, Duration timeout) {
    return bus.request(PostsContracts.IMPORT_BATCH, new Imports.Batch(job, files), timeout);
  }

  public Future<Imports.Job> finishImport(String job, String error) {
    return bus.request(PostsContracts.IMPORT_FINISH, new Imports.Finish(job, error));
  }

  public Future<Imports.Job> importJob(String job) {
    return bus.request(PostsContracts.IMPORT_GET, new Imports.JobRef(job));
  }

  /** A page of the export, and the id to ask after for the next. */
  public Future<Imports.ExportPage> export(long afterId, int limit) {
    return bus.request(PostsContracts.EXPORT, new Imports.ExportRequest(afterId, limit));
  }

  public Future<Health> health() {
    return bus.request(PostsContracts.HEALTH, null);
  }
}
