package io.octavo.posts.store;

import io.octavo.common.config.PgSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;

/**
 * The posts-service's PostgreSQL: its migrations and its one shared connection pool. A value the
 * wiring hands to each verticle, which opens the pool in its own {@code start()}.
 */
public record Database(PgSettings pg, int poolSize) {
  private static final String POOL_NAME = "octavo-posts";

  /**
   * Applies pending migrations with Flyway over JDBC, on a worker thread. Flyway takes a
   * PostgreSQL advisory lock, so replicas starting together migrate once.
   */
  public static Future<Void> migrate(Vertx vertx, PgSettings pg) {
    return vertx.executeBlocking(() -> Flyway.configure()
        .dataSource(pg.jdbcUrl(), pg.user(), pg.password())
        .locations("classpath:db/migration")
        .javaMigrations(new PostBodyBackfill(), new PostFrontMatterBackfill())
        .load()
        .migrate()).mapEmpty();
  }

  /** Every caller in a process gets the same pool (shared by name): one pool sized for the process. */
  public Pool pool(Vertx vertx) {
    PgConnectOptions connect = new PgConnectOptions()
        .setHost(pg.host())
        .setPort(pg.port())
        .setDatabase(pg.database())
        .setUser(pg.user())
        .setPassword(pg.password())
        .setCachePreparedStatements(true)
        .setPipeliningLimit(256);
    return PgBuilder.pool()
        .with(new PoolOptions().setShared(true).setName(POOL_NAME).setMaxSize(poolSize))
        .connectingTo(connect)
        .using(vertx)
        .build();
  }
}
