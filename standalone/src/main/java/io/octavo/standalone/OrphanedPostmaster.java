package io.octavo.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster left running on our data directory by an Octavo that died without stopping it
 * (its JVM killed with SIGKILL, and the watchdog with it). PostgreSQL refuses a second postmaster
 * on the same directory, so the next start stops the old one first.
 *
 * <p>Linux: whether the process in {@code postmaster.pid} is that postmaster is read from
 * {@code /proc/<pid>/cmdline}. Elsewhere the check falls back to the process's command name.
 */
final class OrphanedPostmaster {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostmaster.class);
  private static final Duration GRACE = Duration.ofSeconds(5);

  private OrphanedPostmaster() {
  }

  /** Stops the postmaster named in {@code pgData/postmaster.pid} if it is alive and serves {@code pgData}. */
  static void stopIfRunning(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    Optional<Long> pid = pidIn(pidFile);
    if (pid.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return; // a stale file: PostgreSQL sees the process is gone and takes the file over
    }
    if (!servesDataDirectory(process.get(), pgData)) {
      // The PID was reused by an unrelated process (containers restart PIDs from 1): PostgreSQL
      // would take it for a live postmaster and refuse to start, so the stale file goes.
      LOG.warn("postmaster.pid names process {}, which is not a PostgreSQL of {}: removing the stale file", pid.get(), pgData);
      Files.deleteIfExists(pidFile);
      return;
    }
    System.out.println("Stopping an orphaned PostgreSQL (pid " + pid.get() + ") left by an earlier run...");
    stop(process.get());
  }

  /** SIGTERM (a clean shutdown: its clients died with the old JVM), then SIGKILL to the whole tree. */
  private static void stop(ProcessHandle postmaster) throws IOException {
    List<ProcessHandle> children = postmaster.children().toList();
    postmaster.destroy();
    if (awaitExit(postmaster, GRACE)) {
      return;
    }
    LOG.warn("the orphaned postmaster {} ignored SIGTERM for {} s: killing it", postmaster.pid(), GRACE.toSeconds());
    postmaster.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    awaitExit(postmaster, GRACE);
    for (ProcessHandle child : children) {
      awaitExit(child, GRACE);
    }
    if (postmaster.isAlive()) {
      throw new IOException("could not stop the orphaned PostgreSQL, pid " + postmaster.pid());
    }
  }

  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception e) {
      return !process.isAlive();
    }
  }

  private static Optional<Long> pidIn(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    try {
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean servesDataDirectory(ProcessHandle process, Path pgData) {
    Path cmdline = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
    try {
      if (Files.isReadable(cmdline)) {
        String arguments = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
        return arguments.contains("postgres") && arguments.contains(pgData.toString());
      }
    } catch (IOException e) {
      // the process just ended
      return false;
    }
    return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
  }
}
