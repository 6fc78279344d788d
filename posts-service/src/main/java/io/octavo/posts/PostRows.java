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
        neighbour(row, "prev"),
        neighbour(row, "next"),
        row.getString("status"),
        format(row.getOffsetDateTime("published_at")),
        format(row.getOffsetDateTime("created_at")),
        format(row.getOffsetDateTime("updated_at")),
        row.getLong("version"),
        words,
        Rendered.readingTimeMinutes(words),
        toc instanceof JsonArray array ? array : new JsonArray(),
        pending,
        meta(row),
        warnings(row));
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
