package io.octavo.common.posts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A stored post as the API shows it. {@code html} is null while the post waits for the
 * render-service ({@code render_pending} true); the source is never lost meanwhile.
 * {@code seriesPrev} and {@code seriesNext} are {@code {slug, title}} of the neighbouring parts
 * the reader may see, or null. {@code meta} holds front matter keys Octavo has no field for.
 * {@code warnings} lists what the writer should fix, such as local images no media item answers.
 * {@code description} is the writer's summary (meta description, feeds), or null.
 */
public record Post(String slug, String title, String markdown, String html, String excerptHtml,
                   boolean hasMore, List<String> tags, String series, Integer seriesPart, JsonObject seriesPrev,
                   JsonObject seriesNext, PostStatus status, String publishedAt, String createdAt, String updatedAt,
                   long version, int wordCount, int readingTimeMinutes, JsonArray toc, boolean renderPending,
                   JsonObject meta, JsonArray warnings, String description) {

  /** A post without warnings nor description. */
  public Post(String slug, String title, String markdown, String html, String excerptHtml, boolean hasMore,
              List<String> tags, String series, Integer seriesPart, JsonObject seriesPrev, JsonObject seriesNext,
              PostStatus status, String publishedAt, String createdAt, String updatedAt, long version, int wordCount,
              int readingTimeMinutes, JsonArray toc, boolean renderPending, JsonObject meta) {
    this(slug, title, markdown, html, excerptHtml, hasMore, tags, series, seriesPart, seriesPrev, seriesNext, status,
        publishedAt, createdAt, updatedAt, version, wordCount, readingTimeMinutes, toc, renderPending, meta,
        new JsonArray(), null);
  }

  /** The strong validator of this representation, as the HTTP ETag header carries it. */
  public String etag() {
    return "\"" + version + "\"";
  }

  public static Post fromJson(JsonObject json) {
    JsonObject series = json.getJsonObject("series");
    return new Post(
        json.getString("slug"),
        json.getString("title"),
        json.getString("markdown"),
        json.getString("html"),
        json.getString("excerpt_html"),
        json.getBoolean("has_more", false),
        json.getJsonArray("tags", new JsonArray()).stream().map(String::valueOf).toList(),
        series == null ? null : series.getString("name"),
        series == null ? null : series.getInteger("part"),
        series == null ? null : series.getJsonObject("prev"),
        series == null ? null : series.getJsonObject("next"),
        PostStatus.fromWire(json.getString("status")),
        json.getString("published_at"),
        json.getString("created_at"),
        json.getString("updated_at"),
        json.getLong("version", 0L),
        json.getInteger("word_count", 0),
        json.getInteger("reading_time_minutes", 0),
        json.getJsonArray("toc", new JsonArray()),
        json.getBoolean("render_pending", false),
        json.getJsonObject("meta", new JsonObject()),
        json.getJsonArray("warnings", new JsonArray()),
        json.getString("description"));
  }

  /** The full post, as {@code GET /api/posts/{slug}} returns it: series with prev and next. */
  public JsonObject toJson() {
    JsonObject json = toSummaryJson();
    if (series != null) {
      json.getJsonObject("series").put("prev", seriesPrev).put("next", seriesNext);
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
}
