package io.octavo.posts.store;

import io.octavo.common.posts.FrontMatterBlock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 13: fills {@code posts.body} of the rows written before the column existed, split by
 * {@link FrontMatterBlock} like every new write, so that a SQL regex does not decide it a second
 * time (and TOML front matter is recognised). A Java migration because the splitter is Java; it
 * runs in Flyway's transaction, between the SQL migrations 12 and 14.
 */
final class PostBodyBackfill implements JavaMigration {
  private static final int BATCH = 500;

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("13");
  }

  @Override
  public String getDescription() {
    return "post body backfill";
  }

  @Override
  public Integer getChecksum() {
    CRC32 crc = new CRC32();
    crc.update(getDescription().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (PreparedStatement select = connection.prepareStatement(
            "SELECT id, markdown FROM posts WHERE body IS NULL ORDER BY id");
         PreparedStatement update = connection.prepareStatement("UPDATE posts SET body = ? WHERE id = ?")) {
      select.setFetchSize(BATCH); // streams in a transaction instead of loading every post at once
      try (ResultSet rows = select.executeQuery()) {
        int pending = 0;
        while (rows.next()) {
          update.setString(1, FrontMatterBlock.bodyOf(rows.getString("markdown")));
          update.setLong(2, rows.getLong("id"));
          update.addBatch();
          if (++pending == BATCH) {
            update.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          update.executeBatch();
        }
      }
    }
  }
}
