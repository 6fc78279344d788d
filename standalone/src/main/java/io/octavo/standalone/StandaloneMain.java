package io.octavo.standalone;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.octavo.common.config.Env;
import io.octavo.common.config.PgSettings;
import io.octavo.common.metrics.Metrics;
import io.octavo.common.node.Node;
import io.octavo.gateway.AdminToken;
import io.octavo.gateway.AdminTokenFile;
import io.octavo.gateway.GatewayService;
import io.octavo.gateway.GatewaySettings;
import io.octavo.posts.PostsService;
import io.octavo.posts.PostsSettings;
import io.octavo.render.RenderService;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.util.Map;
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

  /** Starts everything and returns once the HTTP API is listening. */
  static Octavo start(Map<String, String> env) throws Exception {
    Path dataDir = dataDir(env);
    EmbeddedDatabase embedded = null;
    PgSettings pg;
    if (PgSettings.configuredIn(env)) {
      pg = PgSettings.fromEnv(env);
      System.out.println("Using PostgreSQL at " + pg);
    } else {
      System.out.println("Starting the embedded PostgreSQL (data in " + dataDir.toAbsolutePath() + ")...");
      long started = System.nanoTime();
      embedded = EmbeddedDatabase.start(dataDir);
      System.out.println("The embedded PostgreSQL is ready (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
      pg = embedded.settings();
    }

    PrometheusMeterRegistry registry = Metrics.newRegistry();
    Vertx vertx = Metrics.withRegistry(Vertx.builder().with(Metrics.enable(new VertxOptions())), registry).build();
    Node node = Node.of(vertx, registry, env);
    GatewaySettings gateway = GatewaySettings.fromEnv(env, AdminToken.fromEnvOrFile(env, dataDir.resolve(AdminTokenFile.DEFAULT_NAME)));
    String gatewayDeployment;
    try {
      gatewayDeployment = RenderService.deploy(node)
          .compose(id -> PostsService.deploy(node, PostsSettings.fromEnv(env).withPg(pg)))
          .compose(id -> GatewayService.deploy(node, gateway))
          .await(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      new Octavo(vertx, embedded, null).close();
      throw e;
    }
    Octavo octavo = new Octavo(vertx, embedded, gatewayDeployment);
    System.out.println("Octavo is ready: http://localhost:" + gateway.httpPort() + "/api/posts"
        + "  (health /health, readiness /ready, metrics /metrics)");
    return octavo;
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
