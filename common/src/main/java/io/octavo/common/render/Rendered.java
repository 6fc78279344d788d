package io.octavo.common.render;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Reply of {@code render.markdown}: everything a post derives from its source.
 *
 * @param toc headings h2-h4 as {@code [{"level", "text", "id"}]}
 * @param rendererVersion bumped when output for the same source changes, so stored posts re-render
 * @param warnings what the renderer could not do as written, for the writer (a formula it could not
 *     typeset, ...); the post is rendered all the same
 */
public record Rendered(String html, String excerptHtml, boolean hasMore, JsonArray toc, int wordCount,
                       int rendererVersion, List<String> warnings) {

  public Rendered {
    warnings = List.copyOf(warnings);
  }

  public Rendered(String html, String excerptHtml, boolean hasMore, JsonArray toc, int wordCount, int rendererVersion) {
    this(html, excerptHtml, hasMore, toc, wordCount, rendererVersion, List.of());
  }

  public int readingTimeMinutes() {
    return readingTimeMinutes(wordCount);
  }

  /** Minutes at 230 words a minute, never zero for a non-empty post. */
  public static int readingTimeMinutes(int wordCount) {
    return wordCount == 0 ? 0 : Math.max(1, (int) Math.ceil(wordCount / 230.0));
  }

  public static Rendered fromJson(JsonObject json) {
    return new Rendered(
        json.getString("html"),
        json.getString("excerpt_html"),
        json.getBoolean("has_more", false),
        json.getJsonArray("toc", new JsonArray()),
        json.getInteger("word_count", 0),
        json.getInteger("renderer_version", 0),
        json.getJsonArray("warnings", new JsonArray()).stream().map(String::valueOf).toList());
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("html", html)
        .put("excerpt_html", excerptHtml)
        .put("has_more", hasMore)
        .put("toc", toc)
        .put("word_count", wordCount)
        .put("reading_time_minutes", readingTimeMinutes())
        .put("renderer_version", rendererVersion)
        .put("warnings", new JsonArray(warnings));
  }
}
