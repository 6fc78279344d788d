package io.octavo.common.posts;

import io.octavo.common.Addresses;
import io.octavo.common.bus.BusClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
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

  public Future<JsonObject> health() {
    return bus.request(Addresses.POSTS_HEALTH, new JsonObject());
  }
}
