package io.octavo.common.testing;

import io.octavo.common.posts.Post;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * A stored post for a test, built from the JSON the API shows (through {@link Post#fromJson}), so a
 * field added to {@link Post} touches no test that does not care about it. Defaults: published on
 * 2026-01-01, version 1, a one-paragraph body named after the title.
 */
public final class TestPost {
  private final JsonObject json;

  private TestPost(JsonObject json) {
    this.json = json;
  }

  /** A published post titled {@code title}; its slug is the title in lowercase, dashes for spaces. */
  public static TestPost titled(String title) {
    String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    String html = "<p>Body of " + title + "</p>\n";
    return new TestPost(new JsonObject().put("slug", slug).put("title", title).put("markdown", "Body of " + title)
        .put("html", html).put("excerpt_html", html).put("has_more", false).put("tags", new JsonArray())
        .put("status", "published").put("published_at", "2026-01-01T00:00:00Z")
        .put("created_at", "2026-01-01T00:00:00Z").put("updated_at", "2026-01-01T00:00:00Z").put("version", 1)
        .put("word_count", 3).put("reading_time_minutes", 1).put("toc", new JsonArray()).put("meta", new JsonObject()));
  }

  /** Any field by the name the API gives it ({@code "description"}, {@code "render_pending"}...). */
  public TestPost with(String field, Object value) {
    json.put(field, value);
    return this;
  }

  public TestPost slug(String slug) {
    return with("slug", slug);
  }

  public TestPost markdown(String markdown) {
    return with("markdown", markdown);
  }

  /** The full HTML and the excerpt both. */
  public TestPost html(String html) {
    return with("html", html).with("excerpt_html", html);
  }

  public TestPost tags(String... tags) {
    return with("tags", new JsonArray(List.of(tags)));
  }

  public TestPost tags(List<String> tags) {
    return with("tags", new JsonArray(tags));
  }

  public TestPost draft() {
    return with("status", "draft").with("published_at", null);
  }

  /** Published at {@code instant}, and last changed then. */
  public TestPost publishedAt(String instant) {
    return with("published_at", instant).with("created_at", instant).with("updated_at", instant);
  }

  public TestPost version(long version) {
    return with("version", version);
  }

  public TestPost series(String name, int part) {
    return with("series", new JsonObject().put("name", name).put("part", part));
  }

  public Post build() {
    return Post.fromJson(json.copy());
  }
}
