package io.octavo.common.node;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.octavo.common.cluster.ClusterBootstrap;
import io.octavo.common.cluster.ClusterSettings;
import io.octavo.common.metrics.Metrics;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The main of each clustered service: join the cluster, deploy, close cleanly on SIGTERM. */
public final class ClusteredLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(ClusteredLauncher.class);

  private ClusteredLauncher() {
  }

  /** {@code deploy} deploys the service's verticles; its future says when the node is ready. */
  public static void launch(String service, Function<Node, Future<?>> deploy) {
    Map<String, String> env = System.getenv();
    ClusterSettings cluster = ClusterSettings.fromEnv(env);
    PrometheusMeterRegistry registry = Metrics.newRegistry();
    ClusterBootstrap.start(cluster, registry)
        .compose(vertx -> {
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
              vertx.close().await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
              LOG.warn("{} did not close cleanly", service, e);
            }
          }, service + "-shutdown"));
          return deploy.apply(Node.of(vertx, registry, env));
        })
        .onSuccess(ignored -> LOG.info("{} joined cluster '{}' as {} (members {})", service,
            cluster.name(), cluster.host(), cluster.members()))
        .onFailure(error -> {
          LOG.error("{} failed to start", service, error);
          System.exit(1);
        });
  }
}
