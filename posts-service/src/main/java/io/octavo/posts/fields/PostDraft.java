package io.octavo.posts.fields;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A post's fields once resolved and validated, ready to store. {@code body} is the Markdown after
 * the front matter (what is rendered and searched); {@code text} holds the plain text fields of
 * {@link PostField#TEXT} (a field without a value is absent). {@code meta} is null when the stored
 * post's meta stays as it is.
 */
public record PostDraft(String markdown, String body, String title, String slug, boolean slugDerived, List<String> tags,
                 String series, Integer seriesPart, String status, OffsetDateTime publishedAt,
                 Map<PostField, String> text, JsonObject meta) {

  public PostDraft withMeta(JsonObject newMeta) {
    return new PostDraft(markdown, body, title, slug, slugDerived, tags, series, seriesPart, status, publishedAt, text,
        newMeta);
  }
}
