package io.octavo.common.posts;

import io.octavo.common.contracts.BusContract;
import io.octavo.common.contracts.Codec;
import io.octavo.common.contracts.Health;
import io.octavo.common.contracts.PublishContract;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Every {@code posts.*} address, with what it takes and answers: the posts-service's side of the bus. */
public final class PostsContracts {
  private static final Codec<Post> POST = Codec.of(Post::fromJson, Post::toJson);

  public static final BusContract<PostInput, Post> CREATE =
      BusContract.of("posts.create", Codec.of(PostInput::fromJson, PostInput::toJson), POST);
  public static final BusContract<PostRequests.Get, PostLookup> GET = BusContract.of("posts.get",
      Codec.of(PostRequests.Get::fromJson, PostRequests.Get::toJson), Codec.of(PostLookup::fromJson, PostLookup::toJson));
  public static final BusContract<PostRequests.Update, Post> UPDATE =
      BusContract.of("posts.update", Codec.of(PostRequests.Update::fromJson, PostRequests.Update::toJson), POST);
  public static final BusContract<PostRequests.Delete, Void> DELETE =
      BusContract.of("posts.delete", Codec.of(PostRequests.Delete::fromJson, PostRequests.Delete::toJson), Codec.NONE);
  public static final BusContract<PostRequests.List, PostPage> LIST = BusContract.of("posts.list",
      Codec.of(PostRequests.List::fromJson, PostRequests.List::toJson), Codec.of(PostPage::fromJson, PostPage::toJson));
  public static final BusContract<PostRequests.Tags, PostReplies.Tags> TAGS = BusContract.of("posts.tags",
      Codec.of(PostRequests.Tags::fromJson, PostRequests.Tags::toJson),
      Codec.of(PostReplies.Tags::fromJson, PostReplies.Tags::toJson));
  public static final BusContract<PostRequests.Series, PostReplies.SeriesParts> SERIES = BusContract.of("posts.series",
      Codec.of(PostRequests.Series::fromJson, PostRequests.Series::toJson),
      Codec.of(PostReplies.SeriesParts::fromJson, PostReplies.SeriesParts::toJson));
  public static final BusContract<PostRequests.Search, PostReplies.SearchHits> SEARCH = BusContract.of("posts.search",
      Codec.of(PostRequests.Search::fromJson, PostRequests.Search::toJson),
      Codec.of(PostReplies.SearchHits::fromJson, PostReplies.SearchHits::toJson));
  private static final Codec<PostRequests.Revision> REVISION_REQUEST =
      Codec.of(PostRequests.Revision::fromJson, PostRequests.Revision::toJson);
  public static final BusContract<PostRequests.Revision, PostReplies.Revisions> REVISIONS = BusContract.of(
      "posts.revisions", REVISION_REQUEST, Codec.of(PostReplies.Revisions::fromJson, PostReplies.Revisions::toJson));
  public static final BusContract<PostRequests.Revision, PostReplies.RevisionSource> REVISION = BusContract.of(
      "posts.revision", REVISION_REQUEST,
      Codec.of(PostReplies.RevisionSource::fromJson, PostReplies.RevisionSource::toJson));
  public static final BusContract<PostRequests.Revision, Post> RESTORE_REVISION =
      BusContract.of("posts.revision.restore", REVISION_REQUEST, POST);
  private static final Codec<PostRequests.Trash> TRASH_REQUEST =
      Codec.of(PostRequests.Trash::fromJson, PostRequests.Trash::toJson);
  public static final BusContract<PostRequests.Trash, PostReplies.Trash> TRASH = BusContract.of("posts.trash",
      TRASH_REQUEST, Codec.of(PostReplies.Trash::fromJson, PostReplies.Trash::toJson));
  public static final BusContract<PostRequests.Trash, Post> RESTORE_FROM_TRASH =
      BusContract.of("posts.trash.restore", TRASH_REQUEST, POST);
  public static final BusContract<JsonObject, JsonObject> IMPORT_START =
      BusContract.of("posts.import.start", Codec.JSON, Codec.JSON);
  public static final BusContract<JsonObject, JsonObject> IMPORT_BATCH =
      BusContract.of("posts.import.batch", Codec.JSON, Codec.JSON);
  public static final BusContract<JsonObject, JsonObject> IMPORT_FINISH =
      BusContract.of("posts.import.finish", Codec.JSON, Codec.JSON);
  public static final BusContract<JsonObject, JsonObject> IMPORT_GET =
      BusContract.of("posts.import.get", Codec.JSON, Codec.JSON);
  public static final BusContract<JsonObject, JsonObject> EXPORT =
      BusContract.of("posts.export", Codec.JSON, Codec.JSON);
  /** The post an imported site's old public path belongs to. */
  public static final BusContract<PostRequests.OldPath, PostReplies.OldPathMatch> OLD_PATH = BusContract.of(
      "posts.oldpath", Codec.of(PostRequests.OldPath::fromJson, PostRequests.OldPath::toJson),
      Codec.of(PostReplies.OldPathMatch::fromJson, PostReplies.OldPathMatch::toJson));
  public static final BusContract<Void, Health> HEALTH =
      BusContract.of("posts.health", Codec.NONE, Codec.of(Health::fromJson, Health::toJson));

  /** Published (not sent) after every change, so every gateway replica can drop cached copies. */
  public static final PublishContract<PostRequests.Changed> CHANGED =
      PublishContract.of("posts.changed", Codec.of(PostRequests.Changed::fromJson, PostRequests.Changed::toJson));

  /** Every request/reply address the posts-service's {@code PostsVerticle} answers. */
  public static final List<BusContract<?, ?>> ALL = List.of(CREATE, GET, UPDATE, DELETE, LIST, TAGS, SERIES, SEARCH,
      REVISIONS, REVISION, RESTORE_REVISION, TRASH, RESTORE_FROM_TRASH, IMPORT_START, IMPORT_BATCH, IMPORT_FINISH,
      IMPORT_GET, EXPORT, OLD_PATH, HEALTH);

  private PostsContracts() {
  }
}
