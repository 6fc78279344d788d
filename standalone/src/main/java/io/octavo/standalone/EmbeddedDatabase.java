package io.octavo.standalone;

import io.octavo.common.config.PgSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A PostgreSQL server started by the process itself, with its data under {@code dataDir} so posts
 * survive restarts. Used when no PGHOST is configured: one command runs the whole blog.
 */
final class EmbeddedDatabase implements Closeable {
  private static final String DATABASE = "octavo";
  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedDatabase start(Path dataDir) throws IOException, SQLException {
    Path pgData = dataDir.toAbsolutePath().resolve("postgres");
    Files.createDirectories(pgData);
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(pgData)
        .setCleanDataDirectory(false)   // the data is the blog: never wipe it
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("listen_addresses", "127.0.0.1")
        .start();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'").next()) {
        statement.execute("CREATE DATABASE " + DATABASE);
      }
    }
    return new EmbeddedDatabase(postgres);
  }

  PgSettings settings() {
    return new PgSettings("127.0.0.1", postgres.getPort(), DATABASE, "postgres", "");
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
