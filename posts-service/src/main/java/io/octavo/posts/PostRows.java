package io.octavo.posts;

import io.octavo.common.posts.Post;
import io.octavo.common.render.Rendered;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Maps rows of {@link SqlQueries#COLUMNS} to {@link Post}. */
final class PostRows {
  private PostRows() {
  }

  /** The one row mapper for posts: a row of {@link SqlQueries#COLUMNS} as the API's JSON, read into {@link Post}. */
  static Post toPost(Row row) {
    String[] tags = row.getArrayOfStrings("tags");
    int words = row.getInteger("word_count");
    JsonObject post = new JsonObject()
        .put("slug", row.getString("slug"))
        .put("title", row.getString("title"))
        .put("markdown", row.getString("markdown"))
        .put("html", row.getString("html"))
        .put("excerpt_html", row.getString("excerpt_html"))
        .put("has_more", row.getBoolean("has_more"))
        .put("tags", tags == null ? new JsonArray() : new JsonArray(Arrays.asList(tags)))
        .put("series", row.getString("series") == null ? null : new JsonObject()
            .put("name", row.getString("series"))
            .put("part", row.getInteger("series_part"))
            .put("prev", neighbour(row, "prev"))
            .put("next", neighbour(row, "next")))
        .put("status", row.getString("status"))
        .put("published_at", format(row.getOffsetDateTime("published_at")))
        .put("created_at", format(row.getOffsetDateTime("created_at")))
        .put("updated_at", format(row.getOffsetDateTime("updated_at")))
        .put("version", row.getLong("version"))
        .put("word_count", words)
        .put("reading_time_minutes", Rendered.readingTimeMinutes(words))
        .put("toc", row.getJson("toc") instanceof JsonArray toc ? toc : new JsonArray())
        .put("render_pending", row.getInteger("renderer_version") == null)
        .put("meta", meta(row))
        .put("warnings", warnings(row));
    PostField.TEXT.forEach(field -> post.put(field.key(), row.getString(field.key())));
    return Post.fromJson(post);
  }

  private static JsonArray warnings(Row row) {
    int column = row.getColumnIndex("warnings");
    return column >= 0 && row.getValue(column) instanceof JsonArray warnings ? warnings : new JsonArray();
  }

  private static JsonObject meta(Row row) {
    int column = row.getColumnIndex("meta");
    return column >= 0 && row.getValue(column) instanceof JsonObject meta ? meta : new JsonObject();
  }

  /** {@code {slug, title}} of a series neighbour, when the query fetched one. */
  private static JsonObject neighbour(Row row, String which) {
    int column = row.getColumnIndex(which + "_slug");
    if (column < 0 || row.getValue(column) == null) {
      return null;
    }
    return new JsonObject().put("slug", row.getString(column)).put("title", row.getString(which + "_title"));
  }

  /** A search hit: the summary fields a result list needs, its rank and its snippet. */
  static JsonObject toHit(Row row) {
    String[] tags = row.getArrayOfStrings("tags");
    return new JsonObject()
        .put("slug", row.getString("slug"))
        .put("title", row.getString("title"))
        .put("tags", tags == null ? new JsonArray() : new JsonArray(Arrays.asList(tags)))
        .put("status", row.getString("status"))
        .put("published_at", format(row.getOffsetDateTime("published_at")))
        .put("series", row.getString("series") == null ? null
            : new JsonObject().put("name", row.getString("series")).put("part", row.getInteger("series_part")))
        .put("rank", row.getFloat("rank"))
        .put("snippet_html", row.getString("snippet_html"));
  }

  /** Every row mapped, as a JSON array. */
  static JsonArray array(RowSet<Row> rows, Function<Row, Object> mapper) {
    JsonArray array = new JsonArray();
    rows.forEach(row -> array.add(mapper.apply(row)));
    return array;
  }

  static Cursor cursorOf(Row row) {
    return new Cursor(row.getOffsetDateTime("sort_at"), row.getLong("id"));
  }

  static String format(OffsetDateTime time) {
    return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
