package io.octavo.posts.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Java migration that streams the rows of one SELECT and writes each through one batched UPDATE,
 * inside Flyway's transaction. Subclasses give the version, the two statements and how a row fills
 * the update.
 */
abstract class RowBackfill implements JavaMigration {
  private static final int BATCH = 500;
  private final String version;
  private final String description;

  RowBackfill(String version, String description) {
    this.version = version;
    this.description = description;
  }

  /** The SELECT whose rows are filled. */
  abstract String select();

  /** The UPDATE that {@link #fill} sets the parameters of. */
  abstract String update();

  /** Sets the update's parameters from the current row; false leaves the row as it is. */
  abstract boolean fill(ResultSet row, PreparedStatement update) throws SQLException;

  @Override
  public final MigrationVersion getVersion() {
    return MigrationVersion.fromVersion(version);
  }

  @Override
  public final String getDescription() {
    return description;
  }

  @Override
  public final Integer getChecksum() {
    CRC32 crc = new CRC32();
    crc.update(description.getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  @Override
  public final boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public final void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (PreparedStatement select = connection.prepareStatement(select());
         PreparedStatement update = connection.prepareStatement(update())) {
      select.setFetchSize(BATCH); // streams in a transaction instead of loading every post at once
      try (ResultSet rows = select.executeQuery()) {
        int pending = 0;
        while (rows.next()) {
          if (!fill(rows, update)) {
            continue;
          }
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
