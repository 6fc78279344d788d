package io.octavo.common.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.octavo.common.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/** Starts a clustered Vert.x (Hazelcast, TCP/IP join, multicast off) with metrics enabled. */
public final class ClusterBootstrap {
  private ClusterBootstrap() {
  }

  public static Future<Vertx> start(ClusterSettings settings, PrometheusMeterRegistry registry) {
    Config hazelcast = ConfigUtil.loadConfig();
    hazelcast.setClusterName(settings.name());
    hazelcast.setProperty("hazelcast.logging.type", "slf4j");
    // Vert.x leaves the cluster in its own close(); Hazelcast's hook would race it on SIGTERM.
    hazelcast.setProperty("hazelcast.shutdownhook.enabled", "false");
    // A replica killed outright must leave the cluster (and its consumers the bus) in seconds, not
    // Hazelcast's default minute: heartbeat every second, declare a member dead after six silent.
    hazelcast.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    hazelcast.setProperty("hazelcast.max.no.heartbeat.seconds", "6");
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    hazelcast.getNetworkConfig().setPublicAddress(settings.host());
    hazelcast.getNetworkConfig().getInterfaces().setEnabled(false);
    JoinConfig join = hazelcast.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());

    VertxOptions options = Metrics.enable(new VertxOptions());
    options.getEventBusOptions().setHost(settings.host()).setClusterPublicHost(settings.host());
    return Metrics.withRegistry(Vertx.builder().with(options), registry)
        .withClusterManager(new HazelcastClusterManager(hazelcast))
        .buildClustered();
  }
}
