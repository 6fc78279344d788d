package io.octavo.common.posts;

import io.vertx.core.json.JsonObject;

/** Bodies of the {@code posts.*} requests other than create, which takes a {@link PostInput}. */
public final class PostRequests {
  private PostRequests() {
  }

  /**
   * {@code posts.get}: one post; drafts and future posts only for an authenticated caller.
   * {@code acceptsMoved}: the caller reads a {@link PostLookup.Moved} reply. A gateway of the previous
   * release sends no flag and would read {@code {moved_to}} as an empty post, so it gets the failure
   * {@link io.octavo.common.ServiceFailure#MOVED_PERMANENTLY} it knows. Dropped in the next release.
   */
  public record Get(String slug, boolean includeUnpublished, boolean acceptsMoved) {
    /** This release's request: it reads a moved post as {@link PostLookup.Moved}. */
    public Get(String slug, boolean includeUnpublished) {
      this(slug, includeUnpublished, true);
    }

    public static Get fromJson(JsonObject json) {
      return new Get(json.getString("slug"), json.getBoolean("include_unpublished", false),
          json.getBoolean("accepts_moved", false));
    }

    public JsonObject toJson() {
      return new JsonObject().put("slug", slug).put("include_unpublished", includeUnpublished)
          .put("accepts_moved", acceptsMoved);
    }
  }

  /**
   * {@code posts.update}: replace a post whose current version is {@code expectedVersion}, or
   * whatever version is current for {@link #ANY_VERSION}.
   */
  public record Update(String slug, long expectedVersion, PostInput input) {
    /** What {@code If-Match: *} asks for; no post has version 0. */
    public static final long ANY_VERSION = 0;

    public static Update fromJson(JsonObject json) {
      return new Update(json.getString("slug"), json.getLong("expected_version", -1L),
          PostInput.fromJson(json.getJsonObject("input", new JsonObject())));
    }

    public JsonObject toJson() {
      return new JsonObject().put("slug", slug).put("expected_version", expectedVersion)
          .put("input", input.toJson());
    }
  }

  /** {@code posts.delete}: {@code expectedVersion} null means "whatever the version". */
  public record Delete(String slug, Long expectedVersion) {
    public static Delete fromJson(JsonObject json) {
      return new Delete(json.getString("slug"), json.getLong("expected_version"));
    }

    public JsonObject toJson() {
      return new JsonObject().put("slug", slug).put("expected_version", expectedVersion);
    }
  }

  /**
   * {@code posts.list}: a page, newest first; {@code cursor} is the previous page's next_cursor.
   * {@code withHtml} asks for each post's full HTML too (feeds need it; lists do not).
   */
  public record List(int limit, String cursor, String tag, String series, boolean includeUnpublished,
                     boolean withHtml) {
    public List(int limit, String cursor, String tag, String series, boolean includeUnpublished) {
      this(limit, cursor, tag, series, includeUnpublished, false);
    }

    public static List fromJson(JsonObject json) {
      return new List(json.getInteger("limit", 10), json.getString("cursor"), json.getString("tag"),
          json.getString("series"), json.getBoolean("include_unpublished", false), json.getBoolean("with_html", false));
    }

    public JsonObject toJson() {
      return new JsonObject().put("limit", limit).put("cursor", cursor).put("tag", tag)
          .put("series", series).put("include_unpublished", includeUnpublished).put("with_html", withHtml);
    }
  }

  /** Published on {@code posts.changed}: a post's slug (old and new) and its new version. */
  public record Changed(String slug, String previousSlug, long version, ChangeKind change) {
    public static Changed fromJson(JsonObject json) {
      return new Changed(json.getString("slug"), json.getString("previous_slug"),
          json.getLong("version", 0L), ChangeKind.fromWire(json.getString("change")));
    }

    public JsonObject toJson() {
      return new JsonObject().put("slug", slug).put("previous_slug", previousSlug)
          .put("version", version).put("change", change == null ? null : change.wire());
    }
  }

  /** {@code posts.tags}: every tag with the number of posts the caller may see. */
  public record Tags(boolean includeUnpublished) {
    public static Tags fromJson(JsonObject json) {
      return new Tags(json.getBoolean("include_unpublished", false));
    }

    public JsonObject toJson() {
      return new JsonObject().put("include_unpublished", includeUnpublished);
    }
  }

  /** {@code posts.series}: the parts of a series in order. */
  public record Series(String name, boolean includeUnpublished) {
    public static Series fromJson(JsonObject json) {
      return new Series(json.getString("name"), json.getBoolean("include_unpublished", false));
    }

    public JsonObject toJson() {
      return new JsonObject().put("name", name).put("include_unpublished", includeUnpublished);
    }
  }

  /** {@code posts.search}: ranked full-text search in websearch syntax. */
  public record Search(String query, int limit, String tag, boolean includeUnpublished) {
    public static final int MAX_QUERY = 200;

    public static Search fromJson(JsonObject json) {
      return new Search(json.getString("q"), json.getInteger("limit", 10), json.getString("tag"),
          json.getBoolean("include_unpublished", false));
    }

    public JsonObject toJson() {
      return new JsonObject().put("q", query).put("limit", limit).put("tag", tag)
          .put("include_unpublished", includeUnpublished);
    }
  }

  /**
   * {@code posts.revisions} (version null: the list), {@code posts.revision} (one source) and
   * {@code posts.revision.restore} (that source becomes a new version).
   */
  public record Revision(String slug, Long version) {
    public static Revision fromJson(JsonObject json) {
      return new Revision(json.getString("slug"), json.getLong("version"));
    }

    public JsonObject toJson() {
      return new JsonObject().put("slug", slug).put("version", version);
    }
  }

  /** {@code posts.trash} (id null: the list) and {@code posts.trash.restore} (one post back). */
  public record Trash(Long id, int limit) {
    public static Trash fromJson(JsonObject json) {
      return new Trash(json.getLong("id"), json.getInteger("limit", 100));
    }

    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("limit", limit);
    }
  }

  /** {@code posts.oldpath}: a public path of an imported site's old URL. */
  public record OldPath(String path) {
    public static OldPath fromJson(JsonObject json) {
      return new OldPath(json.getString("path"));
    }

    public JsonObject toJson() {
      return new JsonObject().put("path", path);
    }
  }
}
