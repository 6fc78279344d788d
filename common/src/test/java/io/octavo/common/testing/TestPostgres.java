package io.octavo.common.testing;

import io.octavo.common.config.PgSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL for tests: the server at PGHOST/PGPORT (default 127.0.0.1:5432) when it
 * answers, otherwise one embedded server per JVM. Each caller gets a database of its own.
 */
public final class TestPostgres {
  private static PgSettings server;
  private static final List<String> created = new ArrayList<>();

  private TestPostgres() {
  }

  /** Creates an empty database named after the test class, unique per run. */
  public static synchronized PgSettings freshDatabase(Class<?> testClass) {
    PgSettings admin = server();
    String name = ("t_" + testClass.getSimpleName() + "_" + UUID.randomUUID().toString().substring(0, 8))
        .toLowerCase(Locale.ROOT);
    try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
      created.add(name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database on " + admin, e);
    }
    return admin.withDatabase(name);
  }

  private static PgSettings server() {
    if (server == null) {
      server = reachableServer();
      if (server == null) {
        server = embeddedServer();
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreated, "drop-test-databases"));
    }
    return server;
  }

  /** Leaves the shared server as it was found. */
  private static synchronized void dropCreated() {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
         Statement statement = connection.createStatement()) {
      for (String name : created) {
        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    } catch (SQLException e) {
      System.err.println("[tests] could not drop test databases: " + e.getMessage());
    }
  }

  private static PgSettings reachableServer() {
    Map<String, String> env = System.getenv();
    PgSettings configured = PgSettings.fromEnv(env).withDatabase(
        env.getOrDefault("PGDATABASE", "postgres"));
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(configured.host(), configured.port()), 1000);
    } catch (IOException e) {
      return null;
    }
    try (Connection ignored = DriverManager.getConnection(
        configured.jdbcUrl(), configured.user(), configured.password())) {
      System.out.println("[tests] using PostgreSQL at " + configured);
      return configured;
    } catch (SQLException e) {
      System.out.println("[tests] PostgreSQL at " + configured + " refused us (" + e.getMessage()
          + "); starting an embedded one");
      return null;
    }
  }

  private static PgSettings embeddedServer() {
    try {
      EmbeddedPostgres embedded = EmbeddedPostgres.builder().start(); // stopped by its own shutdown hook
      System.out.println("[tests] using embedded PostgreSQL on port " + embedded.getPort());
      return new PgSettings("localhost", embedded.getPort(), "postgres", "postgres", "");
    } catch (IOException e) {
      throw new IllegalStateException("no PostgreSQL reachable and the embedded one failed to start", e);
    }
  }
}
