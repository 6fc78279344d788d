package io.octavo.common.posts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Replies of the {@code posts.*} reads other than a post or a page of posts. */
public final class PostReplies {
  private PostReplies() {
  }

  /** A tag and how many posts the caller may see carry it. */
  public record TagCount(String tag, long posts) {
    static TagCount fromJson(JsonObject json) {
      return new TagCount(json.getString("tag"), json.getLong("posts", 0L));
    }

    JsonObject toJson() {
      return new JsonObject().put("tag", tag).put("posts", posts);
    }
  }

  /** {@code posts.tags}: every tag, most used first. */
  public record Tags(List<TagCount> items) {
    public static Tags fromJson(JsonObject json) {
      return new Tags(list(json.getJsonArray("items"), TagCount::fromJson));
    }

    public JsonObject toJson() {
      return new JsonObject().put("items", array(items, TagCount::toJson));
    }
  }

  /** {@code posts.series}: the series' name and its parts in order, as summaries. */
  public record SeriesParts(String name, List<Post> parts) {
    public static SeriesParts fromJson(JsonObject json) {
      return new SeriesParts(json.getString("name"), list(json.getJsonArray("parts"), Post::fromJson));
    }

    public JsonObject toJson() {
      return new JsonObject().put("name", name).put("parts", array(parts, Post::toSummaryJson));
    }
  }

  /** One search result: what a result list shows, its rank and a snippet with the matches marked. */
  public record SearchHit(String slug, String title, List<String> tags, PostStatus status, String publishedAt,
                          String series, Integer seriesPart, float rank, String snippetHtml) {
    static SearchHit fromJson(JsonObject json) {
      JsonObject series = json.getJsonObject("series");
      return new SearchHit(json.getString("slug"), json.getString("title"), strings(json.getJsonArray("tags")),
          PostStatus.fromWire(json.getString("status")), json.getString("published_at"),
          series == null ? null : series.getString("name"), series == null ? null : series.getInteger("part"),
          json.getFloat("rank", 0f), json.getString("snippet_html"));
    }

    JsonObject toJson() {
      return new JsonObject()
          .put("slug", slug)
          .put("title", title)
          .put("tags", new JsonArray(tags))
          .put("status", status == null ? null : status.wire())
          .put("published_at", publishedAt)
          .put("series", series == null ? null : new JsonObject().put("name", series).put("part", seriesPart))
          .put("rank", rank)
          .put("snippet_html", snippetHtml);
    }
  }

  /** {@code posts.search}: hits, best first. */
  public record SearchHits(List<SearchHit> items) {
    public static SearchHits fromJson(JsonObject json) {
      return new SearchHits(list(json.getJsonArray("items"), SearchHit::fromJson));
    }

    public JsonObject toJson() {
      return new JsonObject().put("items", array(items, SearchHit::toJson));
    }
  }

  /** One earlier version of a post, without its source. */
  public record RevisionEntry(long version, String title, String createdAt) {
    static RevisionEntry fromJson(JsonObject json) {
      return new RevisionEntry(json.getLong("version", 0L), json.getString("title"), json.getString("created_at"));
    }

    JsonObject toJson() {
      return new JsonObject().put("version", version).put("title", title).put("created_at", createdAt);
    }
  }

  /** {@code posts.revisions}: a post's versions, newest first. */
  public record Revisions(List<RevisionEntry> items) {
    public static Revisions fromJson(JsonObject json) {
      return new Revisions(list(json.getJsonArray("items"), RevisionEntry::fromJson));
    }

    public JsonObject toJson() {
      return new JsonObject().put("items", array(items, RevisionEntry::toJson));
    }
  }

  /** {@code posts.revision}: one version's title and source. */
  public record RevisionSource(long version, String title, String markdown, String createdAt) {
    public static RevisionSource fromJson(JsonObject json) {
      return new RevisionSource(json.getLong("version", 0L), json.getString("title"), json.getString("markdown"),
          json.getString("created_at"));
    }

    public JsonObject toJson() {
      return new JsonObject().put("version", version).put("title", title).put("markdown", markdown)
          .put("created_at", createdAt);
    }
  }

  /** A deleted post, by the id that brings it back. */
  public record TrashedPost(long id, String slug, String title, PostStatus status, String deletedAt) {
    static TrashedPost fromJson(JsonObject json) {
      return new TrashedPost(json.getLong("id", 0L), json.getString("slug"), json.getString("title"),
          PostStatus.fromWire(json.getString("status")), json.getString("deleted_at"));
    }

    JsonObject toJson() {
      return new JsonObject().put("id", id).put("slug", slug).put("title", title)
          .put("status", status == null ? null : status.wire()).put("deleted_at", deletedAt);
    }
  }

  /** {@code posts.trash}: deleted posts, most recently deleted first. */
  public record Trash(List<TrashedPost> items) {
    public static Trash fromJson(JsonObject json) {
      return new Trash(list(json.getJsonArray("items"), TrashedPost::fromJson));
    }

    public JsonObject toJson() {
      return new JsonObject().put("items", array(items, TrashedPost::toJson));
    }
  }

  /** {@code posts.oldpath}: the slug of the post an imported site had at a path, or null. */
  public record OldPathMatch(String slug) {
    public static OldPathMatch fromJson(JsonObject json) {
      return new OldPathMatch(json.getString("slug"));
    }

    public JsonObject toJson() {
      return new JsonObject().put("slug", slug);
    }
  }

  static <T> List<T> list(JsonArray array, Function<JsonObject, T> decode) {
    List<T> items = new ArrayList<>();
    if (array != null) {
      array.forEach(item -> items.add(decode.apply((JsonObject) item)));
    }
    return items;
  }

  static <T> JsonArray array(List<T> items, Function<T, JsonObject> encode) {
    JsonArray array = new JsonArray();
    items.forEach(item -> array.add(encode.apply(item)));
    return array;
  }

  static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }
}
