package io.octavo.posts.store;

import io.octavo.common.posts.FrontMatterBlock;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Migration 13: fills {@code posts.body} of the rows written before the column existed, split by
 * {@link FrontMatterBlock} like every new write, so that a SQL regex does not decide it a second
 * time (and TOML front matter is recognised). A Java migration because the splitter is Java; it
 * runs in Flyway's transaction, between the SQL migrations 12 and 14.
 */
final class PostBodyBackfill extends RowBackfill {
  PostBodyBackfill() {
    super("13", "post body backfill");
  }

  @Override
  String select() {
    return "SELECT id, markdown FROM posts WHERE body IS NULL ORDER BY id";
  }

  @Override
  String update() {
    return "UPDATE posts SET body = ? WHERE id = ?";
  }

  @Override
  boolean fill(ResultSet row, PreparedStatement update) throws SQLException {
    update.setString(1, FrontMatterBlock.bodyOf(row.getString("markdown")));
    update.setLong(2, row.getLong("id"));
    return true;
  }
}
