package io.octavo.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy in front of the gateways, configured like deploy/haproxy/haproxy.cfg: health checks on
 * /ready, and a request whose connection fails goes to the other gateway.
 */
final class LoadBalancer {
  private final Process process;
  final int port;

  private LoadBalancer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static boolean available() {
    return Files.isExecutable(Path.of("/usr/sbin/haproxy"));
  }

  static LoadBalancer start(int port, List<Integer> gatewayPorts, Path dir) throws IOException, InterruptedException {
    StringBuilder config = new StringBuilder("""
        global
          maxconn 2000
        defaults
          mode http
          timeout connect 1s
          timeout client 30s
          timeout server 30s
          retries 3
          option redispatch
          retry-on conn-failure
          option http-server-close
        frontend octavo
          bind 127.0.0.1:%d
          default_backend gateways
        backend gateways
          balance roundrobin
          option httpchk GET /ready
          default-server inter 500ms fall 2 rise 2
        """.formatted(port));
    for (int i = 0; i < gatewayPorts.size(); i++) {
      config.append("  server gateway").append(i + 1).append(" 127.0.0.1:").append(gatewayPorts.get(i)).append(" check\n");
    }
    Files.createDirectories(dir);
    Path file = dir.resolve("haproxy.cfg");
    Files.writeString(file, config);
    Process process = new ProcessBuilder("/usr/sbin/haproxy", "-f", file.toString(), "-db")
        .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
    Thread.sleep(1500); // first health checks
    if (!process.isAlive()) {
      throw new IllegalStateException("haproxy exited: " + Files.readString(dir.resolve("haproxy.log")));
    }
    return new LoadBalancer(process, port);
  }

  void stop() throws InterruptedException {
    process.destroy();
    process.waitFor(5, TimeUnit.SECONDS);
  }
}
