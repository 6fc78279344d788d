package io.octavo.common;

/** Every event-bus address in the system: dotted, lowercase, owned by one service. */
public final class Addresses {
  public static final String POSTS_CREATE = "posts.create";
  public static final String POSTS_GET = "posts.get";
  public static final String POSTS_UPDATE = "posts.update";
  public static final String POSTS_DELETE = "posts.delete";
  public static final String POSTS_LIST = "posts.list";
  public static final String POSTS_TAGS = "posts.tags";
  public static final String POSTS_SERIES = "posts.series";
  public static final String POSTS_SEARCH = "posts.search";
  public static final String POSTS_REVISIONS = "posts.revisions";
  public static final String POSTS_REVISION = "posts.revision";
  public static final String POSTS_RESTORE_REVISION = "posts.revision.restore";
  public static final String POSTS_TRASH = "posts.trash";
  public static final String POSTS_RESTORE_FROM_TRASH = "posts.trash.restore";
  public static final String POSTS_IMPORT_START = "posts.import.start";
  public static final String POSTS_IMPORT_BATCH = "posts.import.batch";
  public static final String POSTS_IMPORT_FINISH = "posts.import.finish";
  public static final String POSTS_IMPORT_GET = "posts.import.get";
  public static final String POSTS_EXPORT = "posts.export";
  /** The post a public path of an imported site's old URL belongs to: {@code {path}} -> {@code {slug}} (null: none). */
  public static final String POSTS_OLD_PATH = "posts.oldpath";
  /** Published (not sent) after every change, so every gateway replica can drop cached copies. */
  public static final String POSTS_CHANGED = "posts.changed";
  public static final String POSTS_HEALTH = "posts.health";

  /** Media: files posts show, stored by the posts-service's media verticle in chunks. */
  public static final String MEDIA_UPLOAD_BEGIN = "media.upload.begin";
  public static final String MEDIA_UPLOAD_CHUNK = "media.upload.chunk";
  public static final String MEDIA_UPLOAD_FINISH = "media.upload.finish";
  public static final String MEDIA_GET = "media.get";
  public static final String MEDIA_LIST = "media.list";
  public static final String MEDIA_DELETE = "media.delete";
  public static final String MEDIA_READ = "media.read";
  /** Published after a media item is deleted, so gateways drop its cached bytes. */
  public static final String MEDIA_CHANGED = "media.changed";

  public static final String RENDER_MARKDOWN = "render.markdown";
  public static final String RENDER_HEALTH = "render.health";

  private Addresses() {
  }
}
