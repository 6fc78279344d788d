package io.octavo.posts;

import io.octavo.common.posts.Post;
import io.octavo.common.render.Rendered;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** Maps rows of {@link SqlQueries#COLUMNS} to {@link Post}. */
final class PostRows {
  private PostRows() {
  }

  static Post toPost(Row row) {
    String[] tags = row.getArrayOfStrings("tags");
    Object toc = row.getJson("toc");
    int words = row.getInteger("word_count");
    boolean pending = row.getInteger("renderer_version") == null;
    return new Post(
        row.getString("slug"),
        row.getString("title"),
        row.getString("markdown"),
        row.getString("html"),
        row.getString("excerpt_html"),
        row.getBoolean("has_more"),
        tags == null ? List.of() : Arrays.asList(tags),
        row.getString("series"),
        row.getInteger("series_part"),
        row.getString("status"),
        format(row.getOffsetDateTime("published_at")),
        format(row.getOffsetDateTime("created_at")),
        format(row.getOffsetDateTime("updated_at")),
        row.getLong("version"),
        words,
        Rendered.readingTimeMinutes(words),
        toc instanceof JsonArray array ? array : new JsonArray(),
        pending);
  }

  static Cursor cursorOf(Row row) {
    return new Cursor(row.getOffsetDateTime("sort_at"), row.getLong("id"));
  }

  static String format(OffsetDateTime time) {
    return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
