package io.octavo.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged {@code octavo.jar} run as a user runs it: no PostgreSQL configured (so the embedded
 * one starts under {@code dataDir}), its output echoed to the test log.
 *
 * @param token the admin token: the one given, else the one the jar printed (null if none)
 * @param readyAfter from starting the JVM to "Octavo is ready"
 */
record OctavoJar(Process process, Path dataDir, String token, Duration readyAfter, List<String> output) {
  private static final Pattern TOKEN = Pattern.compile("OCTAVO_ADMIN_TOKEN=(\\S+)");

  /** Starts the jar and waits until it says it is ready; {@code env} adds to a clean environment. */
  static OctavoJar launch(Path dataDir, int port, Map<String, String> env, Duration readyWithin, String... args)
      throws IOException, InterruptedException {
    Path jar = Path.of("target", "octavo.jar").toAbsolutePath();
    assertThat(jar).exists();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("OCTAVO_"));
    environment.put("HTTP_PORT", String.valueOf(port));
    environment.put("OCTAVO_DATA_DIR", dataDir.toString());
    environment.put("OCTAVO_ACCESS_LOG", "false");
    environment.putAll(env);
    long started = System.nanoTime();
    Process process = builder.start();
    BlockingQueue<String> lines = pump(process);
    List<String> output = new ArrayList<>();
    String token = env.get("OCTAVO_ADMIN_TOKEN");
    long deadline = started + readyWithin.toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line == null) {
        if (!process.isAlive()) {
          throw new AssertionError("octavo.jar exited early (" + process.exitValue() + "): " + output);
        }
        continue;
      }
      output.add(line);
      Matcher matcher = TOKEN.matcher(line);
      if (matcher.find()) {
        token = matcher.group(1);
      }
      if (line.startsWith("Octavo is ready")) {
        assertThat(line).contains(":" + port + "/");
        return new OctavoJar(process, dataDir, token, Duration.ofNanos(System.nanoTime() - started), output);
      }
    }
    process.destroyForcibly();
    throw new AssertionError("octavo.jar was not ready within " + readyWithin.toSeconds() + " s: " + output);
  }

  /** Runs the jar with {@code args} (a command such as {@code token --rotate}) to its end; returns its output. */
  static List<String> run(Path dataDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
    Path jar = Path.of("target", "octavo.jar").toAbsolutePath();
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
    command.addAll(List.of(args));
    Path output = Files.createTempFile("octavo-jar-", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("OCTAVO_"));
    builder.environment().put("OCTAVO_DATA_DIR", dataDir.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    boolean ended = process.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly().waitFor();
    }
    List<String> lines = Files.readAllLines(output);
    Files.delete(output);
    lines.forEach(line -> System.out.println("[octavo.jar " + String.join(" ", args) + "] " + line));
    assertThat(ended).as("octavo.jar " + String.join(" ", args) + " ended").isTrue();
    return lines;
  }

  /** SIGTERM: the shutdown hook closes Vert.x and stops PostgreSQL. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** The running postmaster of this jar's data directory, read from its {@code postmaster.pid}. */
  Optional<ProcessHandle> postmaster() throws IOException {
    Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
  }

  /** The JVM's own child processes (the PostgreSQL watchdog); PostgreSQL itself runs in its own session. */
  List<ProcessHandle> children() {
    return process.children().toList();
  }

  private static BlockingQueue<String> pump(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread pump = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          System.out.println("[octavo.jar] " + line);
          lines.add(line);
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
    pump.setDaemon(true);
    pump.start();
    return lines;
  }
}
