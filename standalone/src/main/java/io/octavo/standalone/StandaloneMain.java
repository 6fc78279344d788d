package io.octavo.standalone;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.octavo.common.config.Env;
import io.octavo.common.config.PgSettings;
import io.octavo.common.metrics.Metrics;
import io.octavo.common.node.Node;
import io.octavo.gateway.GatewayService;
import io.octavo.gateway.GatewaySettings;
import io.octavo.gateway.edge.AdminToken;
import io.octavo.gateway.edge.AdminTokenFile;
import io.octavo.posts.PostsService;
import io.octavo.posts.PostsSettings;
import io.octavo.render.RenderService;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole blog in one process: the three services on one local event bus, and an embedded
 * PostgreSQL under {@code OCTAVO_DATA_DIR} unless the libpq variables name a server.
 */
public final class StandaloneMain {
  private static final Logger LOG = LoggerFactory.getLogger(StandaloneMain.class);

  private StandaloneMain() {
  }

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    if (args.length > 0 && args[0].equals("import")) {
      try {
        System.exit(ImportCommand.run(args, env, System.out));
      } catch (Exception e) {
        System.out.println("import failed: " + e.getMessage());
        System.exit(1);
      }
    }
    if (args.length > 0 && args[0].equals("token")) {
      System.exit(TokenCommand.run(args, env, System.out));
    }
    try {
      Octavo octavo = start(env);
      Runtime.getRuntime().addShutdownHook(new Thread(octavo::close, "octavo-shutdown"));
    } catch (Throwable e) { // an Error too: Vert.x threads would otherwise keep a half-started JVM alive
      LOG.error("Octavo failed to start: {}", e.getMessage(), e);
      System.exit(1);
    }
  }

  /**
   * Starts everything and returns once the HTTP API is listening. The embedded PostgreSQL starts
   * (or recovers from a crash) on its own thread while Vert.x and the render-service, which do not
   * need it, start beside it: a restart is ready sooner.
   */
  static Octavo start(Map<String, String> env) throws Exception {
    Path dataDir = dataDir(env);
    CompletableFuture<EmbeddedDatabase> embedded = null;
    if (PgSettings.configuredIn(env)) {
      System.out.println("Using PostgreSQL at " + PgSettings.fromEnv(env));
    } else {
      embedded = startEmbedded(dataDir);
    }

    PrometheusMeterRegistry registry = Metrics.newRegistry();
    Vertx vertx = Metrics.withRegistry(Vertx.builder().with(Metrics.enable(new VertxOptions())), registry).build();
    EmbeddedDatabase database = null;
    String gatewayDeployment;
    GatewaySettings gateway;
    try {
      Node node = Node.of(vertx, registry, env);
      gateway = GatewaySettings.fromEnv(env, AdminToken.fromEnvOrFile(env, dataDir.resolve(AdminTokenFile.DEFAULT_NAME)));
      RenderService.deploy(node).await(120, TimeUnit.SECONDS);
      database = embedded == null ? null : await(embedded);
      PgSettings pg = database == null ? PgSettings.fromEnv(env) : database.settings();
      gatewayDeployment = PostsService.deploy(node, PostsSettings.fromEnv(env).withPg(pg))
          .compose(id -> GatewayService.deploy(node, gateway))
          .await(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (database == null && embedded != null) {
        database = embedded.handle((started, failed) -> started).get(); // stop it even when we failed first
      }
      new Octavo(vertx, database, null).close();
      throw e;
    }
    Octavo octavo = new Octavo(vertx, database, gatewayDeployment);
    System.out.println("Octavo is ready: http://localhost:" + gateway.httpPort() + "/api/posts"
        + "  (health /health, readiness /ready, metrics /metrics)");
    return octavo;
  }

  private static CompletableFuture<EmbeddedDatabase> startEmbedded(Path dataDir) {
    System.out.println("Starting the embedded PostgreSQL (data in " + dataDir.toAbsolutePath() + ")...");
    long started = System.nanoTime();
    CompletableFuture<EmbeddedDatabase> database = new CompletableFuture<>();
    Thread starter = new Thread(() -> {
      try {
        database.complete(EmbeddedDatabase.start(dataDir));
        System.out.println("The embedded PostgreSQL is ready (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
      } catch (Throwable e) {
        database.completeExceptionally(e);
      }
    }, "embedded-postgres-start");
    starter.start();
    return database;
  }

  private static EmbeddedDatabase await(CompletableFuture<EmbeddedDatabase> database) throws Exception {
    try {
      return database.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** {@code OCTAVO_DATA_DIR}: the embedded PostgreSQL's data and the admin token's hash. */
  static Path dataDir(Map<String, String> env) {
    return Path.of(Env.string(env, "OCTAVO_DATA_DIR", "octavo-data"));
  }

  /**
   * A running standalone Octavo, closed in reverse order of starting: the gateway drains its
   * requests in flight first, while the services behind it still answer.
   */
  record Octavo(Vertx vertx, EmbeddedDatabase database, String gatewayDeployment) {
    void close() {
      try {
        if (gatewayDeployment != null) {
          vertx.undeploy(gatewayDeployment).await(30, TimeUnit.SECONDS);
        }
        vertx.close().await(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("Vert.x did not close cleanly", e);
      }
      if (database != null) {
        try {
          database.close();
        } catch (Exception e) {
          LOG.warn("the embedded PostgreSQL did not stop cleanly", e);
        }
      }
    }
  }

}
