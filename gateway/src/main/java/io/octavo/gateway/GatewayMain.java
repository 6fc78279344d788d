package io.octavo.gateway;

import io.octavo.common.node.ClusteredLauncher;
import io.octavo.gateway.edge.AdminToken;

/** Starts one clustered gateway node: {@code java -jar gateway.jar}. */
public final class GatewayMain {
  private GatewayMain() {
  }

  public static void main(String[] args) {
    AdminToken token;
    try {
      token = AdminToken.fromEnv(System.getenv()); // before joining the cluster: fail in a second, not ten
    } catch (RuntimeException e) {
      System.err.println("The gateway cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    ClusteredLauncher.launch(GatewayService.NAME, node -> GatewayService.deploy(node,
        GatewaySettings.fromEnv(node.env(), token)));
  }
}
