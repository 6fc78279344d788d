package io.octavo.posts.store;

import io.octavo.common.ServiceFailure;
import io.octavo.posts.fields.Engine;
import io.octavo.posts.fields.FieldReader;
import io.octavo.posts.fields.FrontMatter;
import io.octavo.posts.fields.PostField;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

/**
 * Migration 16: posts written through the API before this release kept their description and every
 * other front-matter key only in their Markdown (their meta was {@code {}}, and the description
 * column is new, V15), so an export, the post's page and its feeds entry would lose them. An empty
 * description and an empty meta are filled from that front matter, read by the parser and the field
 * table a write of this release uses ({@link FrontMatter}, {@link PostField}, {@link FieldReader}):
 * the row becomes what writing the same Markdown now would store. A description too long for the
 * column stays in meta; a front matter the parser refuses is left as it was.
 */
final class PostFrontMatterBackfill extends RowBackfill {
  PostFrontMatterBackfill() {
    super("16", "post front matter backfill");
  }

  @Override
  String select() {
    // only rows that open with a fence can have front matter (FrontMatterBlock decides the rest)
    return """
        SELECT id, markdown FROM posts
         WHERE (description IS NULL OR meta = '{}'::jsonb) AND left(markdown, 3) IN ('---', '+++')
         ORDER BY id""";
  }

  @Override
  String update() {
    return """
        UPDATE posts SET description = coalesce(description, ?),
                         meta = CASE WHEN meta = '{}'::jsonb THEN ?::jsonb ELSE meta END
         WHERE id = ?""";
  }

  @Override
  boolean fill(ResultSet row, PreparedStatement update) throws SQLException {
    Map<String, Object> front;
    try {
      front = FrontMatter.split(row.getString("markdown")).fields();
    } catch (ServiceFailure | IllegalArgumentException | IllegalStateException unreadable) {
      return false; // not worth failing the upgrade over: the row stays as the previous release left it
    }
    if (front.isEmpty()) {
      return false;
    }
    update.setString(1, FieldReader.text(PostField.DESCRIPTION, PostField.DESCRIPTION.in(front, Engine.PLAIN),
        FieldReader.warnInto(new ArrayList<>())));
    update.setString(2, PostField.meta(front, Engine.PLAIN, Set.of()).encode());
    update.setLong(3, row.getLong("id"));
    return true;
  }
}
