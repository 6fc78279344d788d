package io.octavo.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.octavo.common.config.PgSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL is a production server: durable commits, and a password for everyone. */
class EmbeddedDatabaseTest {
  @TempDir
  static Path dataDir;
  private static EmbeddedDatabase database;

  @BeforeAll
  static void start() throws Exception {
    database = EmbeddedDatabase.start(dataDir);
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
  }

  @Test
  void commitsAreOnDiskBeforeTheyAreAcknowledged() throws SQLException {
    assertThat(show("fsync")).isEqualTo("on");
    assertThat(show("synchronous_commit")).isEqualTo("on");
    assertThat(show("full_page_writes")).isEqualTo("on");
  }

  @Test
  void aConnectionWithoutThePasswordIsRefused() {
    PgSettings pg = database.settings();
    assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), pg.user(), "").close())
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), pg.user(), "guess").close())
        .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl().replace("/octavo", "/postgres"), "postgres", "").close())
        .isInstanceOf(SQLException.class);
  }

  @Test
  void thePasswordIsKeptWhereOnlyItsOwnerCanReadIt() throws Exception {
    Path file = dataDir.resolve("postgres.password");
    assertThat(Files.readString(file).strip()).isEqualTo(database.settings().password()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void aDataDirectoryFromAnOctavoThatTrustedLocalUsersGetsAPassword(@TempDir Path oldDataDir) throws Exception {
    Path pgData = oldDataDir.resolve("postgres");
    try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).start();
         Connection trusted = old.getPostgresDatabase().getConnection()) {
      assertThat(trusted.isValid(1)).as("the old default: trust").isTrue();
    }
    EmbeddedDatabase upgraded = EmbeddedDatabase.start(oldDataDir);
    try {
      PgSettings pg = upgraded.settings();
      assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), pg.user(), "").close())
          .isInstanceOf(SQLException.class);
      try (Connection connection = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
        assertThat(connection.isValid(1)).isTrue();
      }
    } finally {
      upgraded.close();
    }
  }

  private static String show(String setting) throws SQLException {
    PgSettings pg = database.settings();
    Properties credentials = new Properties();
    credentials.setProperty("user", pg.user());
    credentials.setProperty("password", pg.password());
    try (Connection connection = DriverManager.getConnection(pg.jdbcUrl(), credentials);
         Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery("SHOW " + setting)) {
      result.next();
      return result.getString(1);
    }
  }
}
