package io.octavo.common.posts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A stored post as the API shows it. {@code html} is null while the post waits for the
 * render-service ({@code render_pending} true); the source is never lost meanwhile.
 * {@code seriesPrev} and {@code seriesNext} are the neighbouring parts the reader may see
 * ({@code {slug, title}} on the wire), or null. {@code meta} holds front matter keys Octavo has no field for.
 * {@code warnings} lists what the writer should fix, such as local images no media item answers.
 * {@code description} is the writer's summary (meta description, feeds), or null.
 */
public record Post(String slug, String title, String markdown, String html, String excerptHtml,
                   boolean hasMore, List<String> tags, String series, Integer seriesPart, SeriesRef seriesPrev,
                   SeriesRef seriesNext, PostStatus status, String publishedAt, String createdAt, String updatedAt,
                   long version, int wordCount, int readingTimeMinutes, JsonArray toc, boolean renderPending,
                   JsonObject meta, JsonArray warnings, String description) {

  /** A neighbouring part of a series: {@code {slug, title}}. */
  public record SeriesRef(String slug, String title) {
    public static SeriesRef fromJson(JsonObject json) {
      return json == null ? null : new SeriesRef(json.getString("slug"), json.getString("title"));
    }

    public JsonObject toJson() {
      return new JsonObject().put("slug", slug).put("title", title);
    }
  }

  /** The strong validator of this representation, as the HTTP ETag header carries it. */
  public String etag() {
    return "\"" + version + "\"";
  }

  public static Post fromJson(JsonObject json) {
    JsonObject series = json.getJsonObject("series");
    return builder()
        .slug(json.getString("slug"))
        .title(json.getString("title"))
        .markdown(json.getString("markdown"))
        .html(json.getString("html"))
        .excerptHtml(json.getString("excerpt_html"))
        .hasMore(json.getBoolean("has_more", false))
        .tags(json.getJsonArray("tags", new JsonArray()).stream().map(String::valueOf).toList())
        .series(series == null ? null : series.getString("name"), series == null ? null : series.getInteger("part"))
        .seriesNeighbours(series == null ? null : SeriesRef.fromJson(series.getJsonObject("prev")),
            series == null ? null : SeriesRef.fromJson(series.getJsonObject("next")))
        .status(PostStatus.fromWire(json.getString("status")))
        .publishedAt(json.getString("published_at"))
        .createdAt(json.getString("created_at"))
        .updatedAt(json.getString("updated_at"))
        .version(json.getLong("version", 0L))
        .wordCount(json.getInteger("word_count", 0))
        .readingTimeMinutes(json.getInteger("reading_time_minutes", 0))
        .toc(json.getJsonArray("toc", new JsonArray()))
        .renderPending(json.getBoolean("render_pending", false))
        .meta(json.getJsonObject("meta", new JsonObject()))
        .warnings(json.getJsonArray("warnings", new JsonArray()))
        .description(json.getString("description"))
        .build();
  }

  /** The full post, as {@code GET /api/posts/{slug}} returns it: series with prev and next. */
  public JsonObject toJson() {
    JsonObject json = toSummaryJson();
    if (series != null) {
      json.getJsonObject("series").put("prev", seriesPrev == null ? null : seriesPrev.toJson())
          .put("next", seriesNext == null ? null : seriesNext.toJson());
    }
    return json
        .put("markdown", markdown)
        .put("html", html)
        .put("toc", toc)
        .put("created_at", createdAt)
        .put("meta", meta == null ? new JsonObject() : meta)
        .put("warnings", warnings == null ? new JsonArray() : warnings);
  }

  /** The list item: no source, no full HTML. */
  public JsonObject toSummaryJson() {
    return new JsonObject()
        .put("slug", slug)
        .put("title", title)
        .put("description", description)
        .put("excerpt_html", excerptHtml)
        .put("has_more", hasMore)
        .put("tags", new JsonArray(tags))
        .put("series", series == null ? null
            : new JsonObject().put("name", series).put("part", seriesPart))
        .put("status", status == null ? null : status.wire())
        .put("published_at", publishedAt)
        .put("updated_at", updatedAt)
        .put("version", version)
        .put("word_count", wordCount)
        .put("reading_time_minutes", readingTimeMinutes)
        .put("render_pending", renderPending);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a post by naming its fields, so that a caller (the posts-service's row mapper, a test)
   * sets what it knows and adding a field touches neither. Unset lists and objects are empty.
   */
  public static final class Builder {
    private String slug;
    private String title;
    private String markdown;
    private String html;
    private String excerptHtml;
    private boolean hasMore;
    private List<String> tags = List.of();
    private String series;
    private Integer seriesPart;
    private SeriesRef seriesPrev;
    private SeriesRef seriesNext;
    private PostStatus status;
    private String publishedAt;
    private String createdAt;
    private String updatedAt;
    private long version;
    private int wordCount;
    private int readingTimeMinutes;
    private JsonArray toc = new JsonArray();
    private boolean renderPending;
    private JsonObject meta = new JsonObject();
    private JsonArray warnings = new JsonArray();
    private String description;

    private Builder() {
    }

    public Builder slug(String value) {
      slug = value;
      return this;
    }

    public Builder title(String value) {
      title = value;
      return this;
    }

    public Builder markdown(String value) {
      markdown = value;
      return this;
    }

    public Builder html(String value) {
      html = value;
      return this;
    }

    public Builder excerptHtml(String value) {
      excerptHtml = value;
      return this;
    }

    public Builder hasMore(boolean value) {
      hasMore = value;
      return this;
    }

    public Builder tags(List<String> value) {
      tags = value;
      return this;
    }

    public Builder series(String name, Integer part) {
      series = name;
      seriesPart = part;
      return this;
    }

    /** The parts before and after, or null. */
    public Builder seriesNeighbours(SeriesRef prev, SeriesRef next) {
      seriesPrev = prev;
      seriesNext = next;
      return this;
    }

    public Builder status(PostStatus value) {
      status = value;
      return this;
    }

    public Builder publishedAt(String value) {
      publishedAt = value;
      return this;
    }

    public Builder createdAt(String value) {
      createdAt = value;
      return this;
    }

    public Builder updatedAt(String value) {
      updatedAt = value;
      return this;
    }

    public Builder version(long value) {
      version = value;
      return this;
    }

    public Builder wordCount(int value) {
      wordCount = value;
      return this;
    }

    public Builder readingTimeMinutes(int value) {
      readingTimeMinutes = value;
      return this;
    }

    public Builder toc(JsonArray value) {
      toc = value;
      return this;
    }

    public Builder renderPending(boolean value) {
      renderPending = value;
      return this;
    }

    public Builder meta(JsonObject value) {
      meta = value;
      return this;
    }

    public Builder warnings(JsonArray value) {
      warnings = value;
      return this;
    }

    public Builder description(String value) {
      description = value;
      return this;
    }

    public Post build() {
      return new Post(slug, title, markdown, html, excerptHtml, hasMore, tags, series, seriesPart, seriesPrev, seriesNext,
          status, publishedAt, createdAt, updatedAt, version, wordCount, readingTimeMinutes, toc, renderPending, meta,
          warnings, description);
    }
  }
}
