package io.octavo.posts.store;

import io.octavo.common.ServiceFailure;
import io.octavo.posts.fields.Engine;
import io.octavo.posts.fields.FieldReader;
import io.octavo.posts.fields.FrontMatter;
import io.octavo.posts.fields.PostField;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 16: posts written through the API before this release kept their description and every
 * other front-matter key only in their Markdown (their meta was {@code {}}, and the description
 * column is new, V15), so an export, the post's page and its feeds entry would lose them. An empty
 * description and an empty meta are filled from that front matter, read by the parser and the field
 * table a write of this release uses ({@link FrontMatter}, {@link PostField}, {@link FieldReader}):
 * the row becomes what writing the same Markdown now would store. A description too long for the
 * column stays in meta; a front matter the parser refuses is left as it was.
 */
final class PostFrontMatterBackfill implements JavaMigration {
  private static final int BATCH = 500;

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("16");
  }

  @Override
  public String getDescription() {
    return "post front matter backfill";
  }

  @Override
  public Integer getChecksum() {
    CRC32 crc = new CRC32();
    crc.update(getDescription().getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    // only rows that open with a fence can have front matter (FrontMatterBlock decides the rest)
    try (PreparedStatement select = connection.prepareStatement("""
            SELECT id, markdown FROM posts
             WHERE (description IS NULL OR meta = '{}'::jsonb) AND left(markdown, 3) IN ('---', '+++')
             ORDER BY id""");
         PreparedStatement update = connection.prepareStatement("""
            UPDATE posts SET description = coalesce(description, ?),
                             meta = CASE WHEN meta = '{}'::jsonb THEN ?::jsonb ELSE meta END
             WHERE id = ?""")) {
      select.setFetchSize(BATCH); // streams in a transaction instead of loading every post at once
      try (ResultSet rows = select.executeQuery()) {
        int pending = 0;
        while (rows.next()) {
          Map<String, Object> front;
          try {
            front = FrontMatter.split(rows.getString("markdown")).fields();
          } catch (ServiceFailure | IllegalArgumentException | IllegalStateException unreadable) {
            continue; // not worth failing the upgrade over: the row stays as the previous release left it
          }
          if (front.isEmpty()) {
            continue;
          }
          update.setString(1, FieldReader.text(PostField.DESCRIPTION, PostField.DESCRIPTION.in(front, Engine.PLAIN),
              FieldReader.warnInto(new ArrayList<>())));
          update.setString(2, PostField.meta(front, Engine.PLAIN, Set.of()).encode());
          update.setLong(3, rows.getLong("id"));
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
