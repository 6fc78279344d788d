package io.octavo.posts;

import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostReplies;
import io.octavo.common.posts.PostStatus;
import io.octavo.common.render.Rendered;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Maps rows of {@link SqlQueries#COLUMNS} to {@link Post}. */
final class PostRows {
  private PostRows() {
  }

  /**
   * The one row mapper for posts: a row of {@link SqlQueries#COLUMNS} read into {@link Post} through
   * the API's JSON. Columns named as the API names them (every {@link PostField}, html, toc...) pass
   * as they are; timestamps, the series and what is derived are shaped here.
   */
  static Post toPost(Row row) {
    int words = row.getInteger("word_count");
    return Post.fromJson(row.toJson()
        .put("series", row.getString("series") == null ? null : new JsonObject()
            .put("name", row.getString("series"))
            .put("part", row.getInteger("series_part"))
            .put("prev", neighbour(row, "prev"))
            .put("next", neighbour(row, "next")))
        .put("published_at", format(row.getOffsetDateTime("published_at")))
        .put("created_at", format(row.getOffsetDateTime("created_at")))
        .put("updated_at", format(row.getOffsetDateTime("updated_at")))
        .put("reading_time_minutes", Rendered.readingTimeMinutes(words))
        .put("render_pending", row.getValue("renderer_version") == null)
        .put("meta", meta(row))
        .put("warnings", warnings(row)));
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
  static PostReplies.SearchHit toHit(Row row) {
    String[] tags = row.getArrayOfStrings("tags");
    return new PostReplies.SearchHit(row.getString("slug"), row.getString("title"),
        tags == null ? List.of() : Arrays.asList(tags), PostStatus.fromWire(row.getString("status")),
        format(row.getOffsetDateTime("published_at")), row.getString("series"), row.getInteger("series_part"),
        row.getFloat("rank"), row.getString("snippet_html"));
  }

  /** Every row mapped, as a JSON array. */
  static JsonArray array(RowSet<Row> rows, Function<Row, Object> mapper) {
    JsonArray array = new JsonArray();
    rows.forEach(row -> array.add(mapper.apply(row)));
    return array;
  }

  /** Every row mapped. */
  static <T> List<T> list(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> list = new ArrayList<>();
    rows.forEach(row -> list.add(mapper.apply(row)));
    return list;
  }

  static Cursor cursorOf(Row row) {
    return new Cursor(row.getOffsetDateTime("sort_at"), row.getLong("id"));
  }

  static String format(OffsetDateTime time) {
    return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
