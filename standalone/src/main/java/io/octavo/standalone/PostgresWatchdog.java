package io.octavo.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the embedded PostgreSQL when this JVM ends by any means, SIGKILL and OOM kills included,
 * where no shutdown hook runs. A small shell process, our child, blocks reading its standard input,
 * a pipe whose only writer is this JVM; the kernel closes the pipe when the JVM dies, however it
 * dies, and the shell then stops the postmaster named in {@code postmaster.pid}: SIGTERM, then
 * SIGQUIT, then SIGKILL. On a clean shutdown the JVM stops PostgreSQL itself and ends the watchdog
 * first.
 *
 * <p>Linux (and other systems with {@code /bin/sh} and {@code /proc}); elsewhere there is no
 * watchdog and the next start stops an orphaned postmaster instead ({@link OrphanedPostmaster}).
 */
final class PostgresWatchdog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresWatchdog.class);

  // $1 is the data directory. The PID must still be a postgres of that directory: never signal
  // a process that merely reused the number.
  private static final String SCRIPT = """
      trap '' INT HUP
      read -r _
      pid=$(head -n 1 "$1/postmaster.pid" 2>/dev/null) || exit 0
      case "$pid" in ''|*[!0-9]*) exit 0 ;; esac
      grep -qF -- "$1" "/proc/$pid/cmdline" 2>/dev/null || exit 0
      kill -TERM "$pid" 2>/dev/null || exit 0
      i=0
      while kill -0 "$pid" 2>/dev/null; do
        i=$((i + 1))
        if [ "$i" -eq 50 ]; then kill -QUIT "$pid" 2>/dev/null; fi
        if [ "$i" -ge 70 ]; then kill -KILL "$pid" 2>/dev/null; exit 0; fi
        sleep 0.1
      done
      """;

  private final Process shell;

  private PostgresWatchdog(Process shell) {
    this.shell = shell;
  }

  /** Starts watching before PostgreSQL starts, so a JVM killed during the start is covered too. */
  static Optional<PostgresWatchdog> start(Path pgData) {
    if (!Files.isExecutable(Path.of("/bin/sh")) || !Files.isDirectory(Path.of("/proc/self"))) {
      LOG.info("no /bin/sh or /proc here: PostgreSQL is stopped on shutdown, or at the next start after a crash");
      return Optional.empty();
    }
    try {
      Process shell = new ProcessBuilder(List.of("/bin/sh", "-c", SCRIPT, "octavo-pg-watchdog", pgData.toString()))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      return Optional.of(new PostgresWatchdog(shell));
    } catch (IOException e) {
      LOG.warn("could not start the PostgreSQL watchdog: {}", e.getMessage());
      return Optional.empty();
    }
  }

  /** Ends the watchdog without it touching PostgreSQL (the JVM is stopping it cleanly). */
  @Override
  public void close() {
    shell.destroyForcibly();
  }
}
