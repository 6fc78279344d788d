package io.octavo.common.config;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Where PostgreSQL is, in the libpq variables' terms (PGHOST, PGPORT, ...). */
public record PgSettings(String host, int port, String database, String user, String password) {

  /** True when the environment names a server; otherwise standalone starts an embedded one. */
  public static boolean configuredIn(Map<String, String> env) {
    return notBlank(env.get("PGHOST"));
  }

  public static PgSettings fromEnv(Map<String, String> env) {
    String user = Env.string(env, "PGUSER", "postgres");
    return new PgSettings(
        Env.string(env, "PGHOST", "127.0.0.1"),
        Env.integer(env, "PGPORT", 5432),
        Env.string(env, "PGDATABASE", user),
        user,
        Env.string(env, "PGPASSWORD", ""));
  }

  public PgSettings withDatabase(String name) {
    return new PgSettings(host, port, name, user, password);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public JsonObject toJson() {
    return new JsonObject().put("host", host).put("port", port).put("database", database)
        .put("user", user).put("password", password);
  }

  @Override
  public String toString() { // never print the password
    return user + "@" + host + ":" + port + "/" + database;
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }
}
