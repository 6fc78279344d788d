package io.octavo.common.posts;

import io.octavo.common.Addresses;
import io.octavo.common.bus.BusClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** The posts-service as its callers see it. */
public final class PostsClient {
  private final BusClient bus;

  public PostsClient(Vertx vertx, Duration timeout) {
    this.bus = new BusClient(vertx, timeout);
  }

  public Future<Post> create(PostInput input) {
    return bus.request(Addresses.POSTS_CREATE, input.toJson()).map(Post::fromJson);
  }

  public Future<Post> get(PostRequests.Get request) {
    return bus.request(Addresses.POSTS_GET, request.toJson()).map(Post::fromJson);
  }

  public Future<Post> update(PostRequests.Update request) {
    return bus.request(Addresses.POSTS_UPDATE, request.toJson()).map(Post::fromJson);
  }

  public Future<Void> delete(PostRequests.Delete request) {
    return bus.request(Addresses.POSTS_DELETE, request.toJson()).mapEmpty();
  }

  public Future<PostPage> list(PostRequests.List request) {
    return bus.request(Addresses.POSTS_LIST, request.toJson()).map(PostPage::fromJson);
  }

  public Future<JsonObject> tags(PostRequests.Tags request) {
    return bus.request(Addresses.POSTS_TAGS, request.toJson());
  }

  public Future<JsonObject> series(PostRequests.Series request) {
    return bus.request(Addresses.POSTS_SERIES, request.toJson());
  }

  public Future<JsonObject> search(PostRequests.Search request) {
    return bus.request(Addresses.POSTS_SEARCH, request.toJson());
  }

  public Future<JsonObject> revisions(String slug) {
    return bus.request(Addresses.POSTS_REVISIONS, new PostRequests.Revision(slug, null).toJson());
  }

  public Future<JsonObject> revision(PostRequests.Revision request) {
    return bus.request(Addresses.POSTS_REVISION, request.toJson());
  }

  public Future<Post> restoreRevision(PostRequests.Revision request) {
    return bus.request(Addresses.POSTS_RESTORE_REVISION, request.toJson()).map(Post::fromJson);
  }

  public Future<JsonObject> trash(int limit) {
    return bus.request(Addresses.POSTS_TRASH, new PostRequests.Trash(null, limit).toJson());
  }

  public Future<Post> restoreFromTrash(long id) {
    return bus.request(Addresses.POSTS_RESTORE_FROM_TRASH, new PostRequests.Trash(id, 1).toJson()).map(Post::fromJson);
  }

  /** Starts an import job of {@code total} files; the reply holds its {@code id}. */
  public Future<JsonObject> startImport(int total) {
    return startImport(total, null);
  }

  /**
   * Starts an import job of {@code total} files of a site described by {@code site}
   * ({@code {paths: [...], configs: {path: text}, dialect}}, from which the posts-service detects the
   * engine); the reply holds the job's {@code id} and the detected {@code site}.
   */
  public Future<JsonObject> startImport(int total, JsonObject site) {
    return bus.request(Addresses.POSTS_IMPORT_START, new JsonObject().put("total", total).put("site", site));
  }

  /** The slug of the post whose old site had this public path, or null. */
  public Future<String> slugForOldPath(String path) {
    return bus.request(Addresses.POSTS_OLD_PATH, new JsonObject().put("path", path))
        .map(reply -> reply.getString("slug"));
  }

  /**
   * Imports {@code [{path, content}]} or {@code [{path, skip}]} into a job; replies with the results.
   * A batch renders each of its posts, so it has a timeout of its own, not the one for reads.
   */
  public Future<JsonObject> importBatch(String job, JsonArray files) {
    return importBatch(job, files, Duration.ofMinutes(2));
  }

  public Future<JsonObject> importBatch(String job, JsonArray files, Duration timeout) {
    return bus.request(Addresses.POSTS_IMPORT_BATCH, new JsonObject().put("id", job).put("files", files), timeout);
  }

  public Future<JsonObject> finishImport(String job, String error) {
    return bus.request(Addresses.POSTS_IMPORT_FINISH, new JsonObject().put("id", job).put("error", error));
  }

  public Future<JsonObject> importJob(String job) {
    return bus.request(Addresses.POSTS_IMPORT_GET, new JsonObject().put("id", job));
  }

  /** A page of the export: {@code {items: [{path, content}], next_after_id}}. */
  public Future<JsonObject> export(long afterId, int limit) {
    return bus.request(Addresses.POSTS_EXPORT, new JsonObject().put("after_id", afterId).put("limit", limit));
  }

  public Future<JsonObject> health() {
    return bus.request(Addresses.POSTS_HEALTH, new JsonObject());
  }
}
