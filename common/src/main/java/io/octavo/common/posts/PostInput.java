package io.octavo.common.posts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * What a writer sends to create or replace a post. Every field but {@code markdown} may be null:
 * YAML front matter in the Markdown fills what is not given, then defaults apply.
 */
public record PostInput(String markdown, String title, String slug, List<String> tags, String series,
                        Integer seriesPart, String status, String publishedAt, String description) {

  /** The fields whose JSON value is a string (the gateway refuses other types with a 422). */
  public static final Set<String> STRING_FIELDS = Set.of("markdown", "title", "slug", "series", "status", "published_at",
      "description");

  /** The same input with another slug. */
  public PostInput withSlug(String newSlug) {
    return new PostInput(markdown, title, newSlug, tags, series, seriesPart, status, publishedAt, description);
  }

  public static PostInput fromJson(JsonObject json) {
    JsonArray tags = json.getJsonArray("tags");
    return new PostInput(
        json.getString("markdown"),
        json.getString("title"),
        json.getString("slug"),
        tags == null ? null : tags.stream().map(String::valueOf).toList(),
        json.getString("series"),
        json.getInteger("series_part"),
        json.getString("status"),
        json.getString("published_at"),
        json.getString("description"));
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("markdown", markdown);
    putIfPresent(json, "title", title);
    putIfPresent(json, "slug", slug);
    putIfPresent(json, "tags", tags == null ? null : new JsonArray(tags));
    putIfPresent(json, "series", series);
    putIfPresent(json, "series_part", seriesPart);
    putIfPresent(json, "status", status);
    putIfPresent(json, "published_at", publishedAt);
    putIfPresent(json, "description", description);
    return json;
  }

  private static void putIfPresent(JsonObject json, String key, Object value) {
    if (value != null) {
      json.put(key, value);
    }
  }

  /** An input with {@code markdown} and nothing else given yet: name the fields you give. */
  public static Builder builder(String markdown) {
    return new Builder(markdown);
  }

  /**
   * Builds an input by naming its fields, so that a caller (an import, a restored revision, a test)
   * gives what it has and adding a field touches neither.
   */
  public static final class Builder {
    private final String markdown;
    private String title;
    private String slug;
    private List<String> tags;
    private String series;
    private Integer seriesPart;
    private String status;
    private String publishedAt;
    private String description;

    private Builder(String markdown) {
      this.markdown = markdown;
    }

    public Builder title(String value) {
      title = value;
      return this;
    }

    public Builder slug(String value) {
      slug = value;
      return this;
    }

    public Builder tags(List<String> value) {
      tags = value;
      return this;
    }

    public Builder series(String value) {
      series = value;
      return this;
    }

    public Builder seriesPart(Integer value) {
      seriesPart = value;
      return this;
    }

    public Builder status(String value) {
      status = value;
      return this;
    }

    public Builder publishedAt(String value) {
      publishedAt = value;
      return this;
    }

    public Builder description(String value) {
      description = value;
      return this;
    }

    public PostInput build() {
      return new PostInput(markdown, title, slug, tags, series, seriesPart, status, publishedAt, description);
    }
  }
}
