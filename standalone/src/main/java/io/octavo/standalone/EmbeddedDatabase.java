package io.octavo.standalone;

import io.octavo.common.config.PgSettings;
import io.octavo.common.config.SecretFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A PostgreSQL server started by the process itself, with its data under {@code dataDir} so posts
 * survive restarts. Used when no PGHOST is configured: one command runs the whole blog.
 *
 * <p>It is a production server, not zonky's test default: every commit is flushed to disk before
 * it is acknowledged, only the password in {@code dataDir/postgres.password} (0600) lets anyone in,
 * a postmaster orphaned by a killed JVM is stopped at the next start, and a watchdog stops
 * PostgreSQL when this JVM dies by any means.
 */
final class EmbeddedDatabase implements Closeable {
  private static final String DATABASE = "octavo";
  private static final String USER = "postgres";
  /** The first line of every pg_hba.conf Octavo writes: its presence means the password is set. */
  private static final String HBA_MARKER = "# Written by Octavo: password (scram-sha-256) only.";
  private static final String HBA = HBA_MARKER + """

      # The password is in postgres.password beside this data directory (mode 0600).
      local   all   all                   scram-sha-256
      host    all   all   127.0.0.1/32    scram-sha-256
      host    all   all   ::1/128         scram-sha-256
      """;

  private final EmbeddedPostgres postgres;
  private final Path pgData;
  private final String password;
  private final Optional<PostgresWatchdog> watchdog;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path pgData, String password, Optional<PostgresWatchdog> watchdog) {
    this.postgres = postgres;
    this.pgData = pgData;
    this.password = password;
    this.watchdog = watchdog;
  }

  static EmbeddedDatabase start(Path dataDir) throws IOException, SQLException {
    Path pgData = dataDir.toAbsolutePath().resolve("postgres");
    Files.createDirectories(pgData);
    refuseIfInUse(pgData);
    OrphanedPostmaster.stopIfRunning(pgData);
    Optional<PostgresWatchdog> watchdog = PostgresWatchdog.start(pgData);
    try {
      SecretFile passwordFile = new SecretFile(dataDir.resolve("postgres.password"));
      String password = passwordFile.read().orElse(null);
      if (password == null) {
        password = HexFormat.of().formatHex(randomBytes());
        passwordFile.write(password);
      }
      boolean fresh = !Files.exists(pgData.resolve("postgresql.conf"));
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)   // the data is the blog: never wipe it
          .setRegisterShutdownHook(false) // StandaloneMain stops it after Vert.x, not in parallel
          .setPGStartupWait(Duration.ofSeconds(60))
          // zonky starts the server with -F (fsync off) and synchronous_commit=off, for tests;
          // these -c options come after -F and win: a commit is on disk before it is acknowledged.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          // Crash recovery replays the WAL written since the last checkpoint: checkpoints at least
          // every minute and every 256 MB keep a restart after a crash within seconds.
          .setServerConfig("checkpoint_timeout", "60s")
          .setServerConfig("max_wal_size", "256MB")
          .setServerConfig("listen_addresses", "127.0.0.1")
          // zonky appends its "locale" options to initdb's arguments as --key=value: the only way
          // to give a new cluster its superuser password from the start (no trust window).
          .setLocaleConfig("pwfile", passwordFile.path().toString())
          .setConnectConfig("password", password)
          .setDataDirectoryCustomizer(directory -> {
            if (fresh) {
              writeHba(pgData);
            }
          })
          .start();
      EmbeddedDatabase database = new EmbeddedDatabase(postgres, pgData, password, watchdog);
      database.prepare(!fresh);
      return database;
    } catch (IOException | SQLException | RuntimeException e) {
      watchdog.ifPresent(PostgresWatchdog::close);
      throw e;
    }
  }

  /**
   * Creates Octavo's database, and closes the door on a data directory made by an Octavo that
   * still trusted every local user: it sets the password and rewrites pg_hba.conf.
   */
  private void prepare(boolean existing) throws SQLException, IOException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      if (existing && !Files.readString(pgData.resolve("pg_hba.conf")).startsWith(HBA_MARKER)) {
        statement.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'"); // hex: nothing to escape
        writeHba(pgData);
        statement.execute("SELECT pg_reload_conf()");
      }
      if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'").next()) {
        statement.execute("CREATE DATABASE " + DATABASE);
      }
    }
  }

  /**
   * A live Octavo holds zonky's lock on {@code epg-lock} for as long as it runs: its postmaster is
   * no orphan, and a second Octavo on the same data would fail anyway. The lock is released at
   * once; zonky takes it again before starting the server.
   */
  private static void refuseIfInUse(Path pgData) throws IOException {
    Path lockFile = pgData.resolve("epg-lock");
    if (!Files.exists(lockFile)) {
      return; // a new data directory: initdb wants it empty
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
         FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw new IllegalStateException("another Octavo is running on " + pgData.getParent() + "; stop it first");
      }
    }
  }

  PgSettings settings() {
    return new PgSettings("127.0.0.1", postgres.getPort(), DATABASE, USER, password);
  }

  @Override
  public void close() throws IOException {
    watchdog.ifPresent(PostgresWatchdog::close);
    postgres.close();
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private static void writeHba(Path pgData) {
    try {
      Files.writeString(pgData.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
