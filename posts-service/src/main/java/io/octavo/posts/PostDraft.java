package io.octavo.posts;

import java.time.OffsetDateTime;
import java.util.List;

/** A post's fields once resolved and validated, ready to store. */
record PostDraft(String markdown, String title, String slug, boolean slugDerived, List<String> tags,
                 String series, Integer seriesPart, String status, OffsetDateTime publishedAt) {

  PostDraft withSlug(String newSlug) {
    return new PostDraft(markdown, title, newSlug, slugDerived, tags, series, seriesPart, status, publishedAt);
  }
}
