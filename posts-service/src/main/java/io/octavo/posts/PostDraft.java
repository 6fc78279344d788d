package io.octavo.posts;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A post's fields once resolved and validated, ready to store. {@code body} is the Markdown after
 * the front matter (what is rendered and searched). {@code meta} is null when the stored post's meta
 * stays as it is.
 */
record PostDraft(String markdown, String body, String title, String slug, boolean slugDerived, List<String> tags,
                 String series, Integer seriesPart, String status, OffsetDateTime publishedAt, JsonObject meta) {

  PostDraft withMeta(JsonObject newMeta) {
    return new PostDraft(markdown, body, title, slug, slugDerived, tags, series, seriesPart, status, publishedAt, newMeta);
  }
}
