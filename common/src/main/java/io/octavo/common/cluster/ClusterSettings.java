package io.octavo.common.cluster;

import io.octavo.common.config.Env;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How a node joins the cluster: {@code CLUSTER_HOST} is this node's own address (event bus and
 * Hazelcast bind there), {@code CLUSTER_MEMBERS} a comma-separated list of hosts to join over TCP.
 */
public record ClusterSettings(String host, List<String> members, String name) {

  public static ClusterSettings fromEnv(Map<String, String> env) {
    String host = Env.string(env, "CLUSTER_HOST", "127.0.0.1");
    List<String> members = Arrays.stream(Env.string(env, "CLUSTER_MEMBERS", host).split(","))
        .map(String::trim).filter(member -> !member.isEmpty()).toList();
    return new ClusterSettings(host, members, Env.string(env, "CLUSTER_NAME", "octavo"));
  }
}
