package io.octavo.posts.store;

import io.octavo.common.posts.FrontMatterBlock;
import io.octavo.common.posts.ImportOutcome;
import io.octavo.common.posts.Imports;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostReplies;
import io.octavo.common.posts.PostStatus;
import io.octavo.common.render.Rendered;
import io.octavo.posts.fields.PostField;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** The row mappers of the posts-service: each kind of row read into its record. */
final class PostRows {
  private PostRows() {
  }

  /**
   * The one row mapper for posts: a row of {@link SqlQueries#COLUMNS} (and, from a query that joins
   * them, the series neighbours) read into {@link Post}. The plain text fields come from the field
   * table, so adding one does not touch this mapper.
   */
  static Post toPost(Row row) {
    int words = row.getInteger("word_count");
    String[] tags = row.getArrayOfStrings("tags");
    Post.Builder post = Post.builder()
        .slug(row.getString("slug"))
        .title(row.getString("title"))
        .markdown(row.getString("markdown"))
        .html(row.getString("html"))
        .excerptHtml(row.getString("excerpt_html"))
        .hasMore(Boolean.TRUE.equals(row.getBoolean("has_more")))
        .tags(tags == null ? List.of() : Arrays.asList(tags))
        .series(row.getString("series"), row.getInteger("series_part"))
        .seriesNeighbours(neighbour(row, "prev"), neighbour(row, "next"))
        .status(PostStatus.fromWire(row.getString("status")))
        .publishedAt(format(row.getOffsetDateTime("published_at")))
        .createdAt(format(row.getOffsetDateTime("created_at")))
        .updatedAt(format(row.getOffsetDateTime("updated_at")))
        .version(row.getLong("version"))
        .wordCount(words)
        .readingTimeMinutes(Rendered.readingTimeMinutes(words))
        .toc(row.getValue("toc") instanceof JsonArray toc ? toc : new JsonArray())
        .renderPending(row.getValue("renderer_version") == null)
        .meta(meta(row))
        .warnings(warnings(row));
    for (PostField field : PostField.TEXT) {
      field.read(post, row.getString(field.key()));
    }
    return post.build();
  }

  private static JsonArray warnings(Row row) {
    int column = row.getColumnIndex("warnings");
    return column >= 0 && row.getValue(column) instanceof JsonArray warnings ? warnings : new JsonArray();
  }

  private static JsonObject meta(Row row) {
    int column = row.getColumnIndex("meta");
    return column >= 0 && row.getValue(column) instanceof JsonObject meta ? meta : new JsonObject();
  }

  /** A series neighbour, when the query fetched one. */
  private static Post.SeriesRef neighbour(Row row, String which) {
    int column = row.getColumnIndex(which + "_slug");
    if (column < 0 || row.getValue(column) == null || row.getString("series") == null) {
      return null;
    }
    return new Post.SeriesRef(row.getString(column), row.getString(which + "_title"));
  }

  /** A search hit: the summary fields a result list needs, its rank and its snippet. */
  /**
   * A post claimed for a background render. A NULL body was written by a replica of the previous
   * release (V14): the body is split from markdown, as a write of this release would have.
   */
  static PostsRepository.PendingRender pendingRender(Row row) {
    String body = row.getString("body");
    return new PostsRepository.PendingRender(row.getLong("id"),
        body != null ? body : FrontMatterBlock.bodyOf(row.getString("markdown")), row.getLong("version"));
  }

  static PostReplies.SearchHit toHit(Row row) {
    String[] tags = row.getArrayOfStrings("tags");
    return new PostReplies.SearchHit(row.getString("slug"), row.getString("title"),
        tags == null ? List.of() : Arrays.asList(tags), PostStatus.fromWire(row.getString("status")),
        format(row.getOffsetDateTime("published_at")), row.getString("series"), row.getInteger("series_part"),
        row.getFloat("rank"), row.getString("snippet_html"));
  }

  /** A post of a page and where the page goes on after it. */
  record Listed(Post post, Cursor cursor) {
  }

  static Listed toListed(Row row) {
    return new Listed(toPost(row), new Cursor(row.getOffsetDateTime("sort_at"), row.getLong("id")));
  }

  static PostReplies.TrashedPost toTrashed(Row row) {
    return new PostReplies.TrashedPost(row.getLong("id"), row.getString("slug"), row.getString("title"),
        PostStatus.fromWire(row.getString("status")), format(row.getOffsetDateTime("deleted_at")));
  }

  /** The one column of a query that finds a slug. */
  static String slug(Row row) {
    return row.getString("slug");
  }

  /** An import job as the API shows it, with its files' results. */
  static Imports.Job toJob(Row row, List<Imports.FileResult> results) {
    return new Imports.Job(row.getUUID("id").toString(), Imports.JobStatus.fromWire(row.getString("status")),
        row.getInteger("total"), row.getInteger("processed"), row.getString("error"),
        format(row.getOffsetDateTime("created_at")), format(row.getOffsetDateTime("finished_at")), results);
  }

  static Imports.FileResult toFileResult(Row row) {
    return new Imports.FileResult(row.getString("path"), ImportOutcome.fromWire(row.getString("result")),
        row.getString("slug"), row.getString("reason"), row.getValue("warnings") instanceof JsonArray warnings
            ? warnings.stream().map(String::valueOf).toList() : List.of());
  }

  static String format(OffsetDateTime time) {
    return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
