package io.octavo.gateway;

import io.octavo.common.node.ClusteredLauncher;

/** Starts one clustered gateway node: {@code java -jar gateway.jar}. */
public final class GatewayMain {
  private GatewayMain() {
  }

  public static void main(String[] args) {
    ClusteredLauncher.launch(GatewayService.NAME, node -> GatewayService.deploy(node,
        GatewaySettings.fromEnv(node.env(), AdminToken.fromEnv(node.env()))));
  }
}
