package io.octavo.common.posts;

import io.octavo.common.contracts.BusContract;
import io.octavo.common.contracts.Codec;
import io.octavo.common.contracts.Health;
import io.octavo.common.contracts.PublishContract;

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
  public static final BusContract<Imports.Start, Imports.Started> IMPORT_START = BusContract.of("posts.import.start",
      Codec.of(Imports.Start::fromJson, Imports.Start::toJson), Codec.of(Imports.Started::fromJson, Imports.Started::toJson));
  public static final BusContract<Imports.Batch, Imports.BatchResults> IMPORT_BATCH = BusContract.of(
      "posts.import.batch", Codec.of(Imports.Batch::fromJson, Imports.Batch::toJson),
      Codec.of(Imports.BatchResults::fromJson, Imports.BatchResults::toJson));
  private static final Codec<Imports.Job> JOB = Codec.of(Imports.Job::fromJson, Imports.Job::toJson);
  public static final BusContract<Imports.Finish, Imports.Job> IMPORT_FINISH = BusContract.of("posts.import.finish",
      Codec.of(Imports.Finish::fromJson, Imports.Finish::toJson), JOB);
  public static final BusContract<Imports.JobRef, Imports.Job> IMPORT_GET = BusContract.of("posts.import.get",
      Codec.of(Imports.JobRef::fromJson, Imports.JobRef::toJson), JOB);
  public static final BusContract<Imports.ExportRequest, Imports.ExportPage> EXPORT = BusContract.of("posts.export",
      Codec.of(Imports.ExportRequest::fromJson, Imports.ExportRequest::toJson),
      Codec.of(Imports.ExportPage::fromJson, Imports.ExportPage::toJson));
  /** The post an imported site's old public path belongs to. */
  public static final BusContract<PostRequests.OldPath, PostReplies.OldPathMatch> OLD_PATH = BusContract.of(
      "posts.oldpath", Codec.of(PostRequests.OldPath::fromJson, PostRequests.OldPath::toJson),
      Codec.of(PostReplies.OldPathMatch::fromJson, PostReplies.OldPathMatch::toJson));
  public static final BusContract<Void, Health> HEALTH =
      BusContract.of("posts.health", Codec.NONE, Codec.of(Health::fromJson, Health::toJson));

  /** Published (not sent) after every change, so every gateway replica can drop cached copies. */
  public static final PublishContract<PostRequests.Changed> CHANGED =
      PublishContract.of("posts.changed", Codec.of(PostRequests.Changed::fromJson, PostRequests.Changed::toJson));

  private PostsContracts() {
  }
}
