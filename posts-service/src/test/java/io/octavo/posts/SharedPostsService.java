package io.octavo.posts;

import io.octavo.common.config.PgSettings;
import io.octavo.common.metrics.Metrics;
import io.octavo.common.node.Node;
import io.octavo.common.posts.PostsClient;
import io.octavo.common.testing.TestPostgres;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;

/**
 * One posts-service per test run, on one database, for the test classes that only add posts of
 * their own (distinct slugs and tags) and never stop the service or its renderer: a database and
 * its migrations per class would cost each class a second. Rendering is {@link FakeRenderService}'s.
 * Left running until the test JVM exits.
 */
final class SharedPostsService {
  private static Vertx vertx;
  private static PostsClient client;
  private static PgSettings database;

  private SharedPostsService() {
  }

  static synchronized PostsClient client() {
    if (client == null) {
      vertx = Vertx.vertx();
      new FakeRenderService(vertx).start();
      database = TestPostgres.freshDatabase(SharedPostsService.class);
      PostsSettings settings = new PostsSettings(database, 4,
          Duration.ofSeconds(5), Duration.ofMillis(200));
      PostsService.deploy(Node.of(vertx, Metrics.newRegistry(), Map.of()), settings).await();
      client = new PostsClient(vertx, Duration.ofSeconds(30));
    }
    return client;
  }

  /** Its database, for tests that write as another writer would (plain SQL). */
  static synchronized PgSettings database() {
    client();
    return database;
  }

  /** The Vert.x the service runs on, to listen on its bus. */
  static synchronized Vertx vertx() {
    client();
    return vertx;
  }
}
