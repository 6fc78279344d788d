package io.octavo.standalone;

import io.octavo.common.config.PgSettings;
import io.octavo.common.testing.FreePort;
import io.octavo.common.testing.TestPostgres;
import java.util.HashMap;
import java.util.Map;

/** A whole Octavo for one test class: its own database on the test PostgreSQL, a free port. */
record TestOctavo(StandaloneMain.Octavo octavo, int port) {

  /** {@code settings}: environment variables on top of the database and the port. */
  static TestOctavo start(Class<?> testClass, Map<String, String> settings) throws Exception {
    PgSettings db = TestPostgres.freshDatabase(testClass);
    int port = FreePort.find();
    Map<String, String> env = new HashMap<>(Map.of(
        "PGHOST", db.host(), "PGPORT", String.valueOf(db.port()), "PGDATABASE", db.database(),
        "PGUSER", db.user(), "PGPASSWORD", db.password(), "HTTP_PORT", String.valueOf(port),
        "OCTAVO_DRAIN_DELAY_MS", "0")); // no load balancer watches a test: close at once, not after 2 s
    env.putAll(settings);
    return new TestOctavo(StandaloneMain.start(env), port);
  }

  void close() {
    octavo.close();
  }
}
