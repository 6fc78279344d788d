package io.octavo.common.posts;

import io.vertx.core.json.JsonObject;

/** Bodies of the {@code posts.*} requests other than create, which takes a {@link PostInput}. */
public final class PostRequests {
  private PostRequests() {
  }

  /** {@code posts.get}: one post; drafts and future posts only for an authenticated caller. */
  public record Get(String slug, boolean includeUnpublished) {
    public static Get fromJson(JsonObject json) {
      return new Get(json.getString("slug"), json.getBoolean("include_unpublished", false));
    }

    public JsonObject toJson() {
      return new JsonObject().put("slug", slug).put("include_unpublished", includeUnpublished);
    }
  }

  /** {@code posts.update}: replace a post whose current version is {@code expectedVersion}. */
  public record Update(String slug, long expectedVersion, PostInput input) {
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

  /** {@code posts.list}: a page, newest first; {@code cursor} is the previous page's next_cursor. */
  public record List(int limit, String cursor, String tag, String series, boolean includeUnpublished) {
    public static List fromJson(JsonObject json) {
      return new List(json.getInteger("limit", 10), json.getString("cursor"), json.getString("tag"),
          json.getString("series"), json.getBoolean("include_unpublished", false));
    }

    public JsonObject toJson() {
      return new JsonObject().put("limit", limit).put("cursor", cursor).put("tag", tag)
          .put("series", series).put("include_unpublished", includeUnpublished);
    }
  }

  /** Published on {@code posts.changed}: a post's slug (old and new) and its new version. */
  public record Changed(String slug, String previousSlug, long version, String change) {
    public static Changed fromJson(JsonObject json) {
      return new Changed(json.getString("slug"), json.getString("previous_slug"),
          json.getLong("version", 0L), json.getString("change"));
    }

    public JsonObject toJson() {
      return new JsonObject().put("slug", slug).put("previous_slug", previousSlug)
          .put("version", version).put("change", change);
    }
  }
}
