package io.octavo.drill;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service jar running as its own JVM, its output in a log file. */
final class ServiceProcess {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final int httpPort;
  private final Process process;
  private final Path log;

  private ServiceProcess(String name, int httpPort, Process process, Path log) {
    this.name = name;
    this.httpPort = httpPort;
    this.process = process;
    this.log = log;
  }

  static ServiceProcess start(String name, Path jar, int httpPort, Map<String, String> env, Path logs)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(key -> key.startsWith("PG") || key.startsWith("OCTAVO_") || key.startsWith("CLUSTER_"));
    builder.environment().putAll(env);
    builder.environment().put("HTTP_PORT", String.valueOf(httpPort));
    Path log = logs.resolve(name + ".log");
    Files.createDirectories(logs);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return new ServiceProcess(name, httpPort, builder.start(), log);
  }

  /** Waits until {@code /ready} answers 200: joined, consumers registered, dependencies up. */
  void awaitReady(Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited during start-up:\n" + tail());
      }
      try {
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/ready"))
            .timeout(Duration.ofSeconds(4)).build(), HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    throw new AssertionError(name + " was not ready within " + within + ":\n" + tail());
  }

  /** SIGKILL: the replica vanishes without a word to anyone. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM: the replica drains and leaves the cluster. */
  boolean terminate(Duration within) throws InterruptedException {
    process.destroy();
    return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean alive() {
    return process.isAlive();
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  static File jar(String module) {
    File jar = new File("../" + module + "/target/" + module + ".jar").getAbsoluteFile();
    if (!jar.isFile()) {
      throw new IllegalStateException(jar + " is missing: run the drill through 'mvn verify -Pdrill'");
    }
    return jar;
  }
}
