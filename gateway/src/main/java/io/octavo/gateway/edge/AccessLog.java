package io.octavo.gateway.edge;

import io.vertx.ext.web.RoutingContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One JSON line per request on standard error: time, id, method, path, status, duration, client.
 * Lines go through a bounded queue to one writer thread, so an event loop never waits on the
 * terminal or a log pipe; if the writer falls behind, lines are dropped and counted rather than
 * slowing requests. {@code OCTAVO_ACCESS_LOG=false} turns it off.
 */
public final class AccessLog {
  private static final BlockingQueue<String> LINES = new ArrayBlockingQueue<>(65_536);
  private static final AtomicLong DROPPED = new AtomicLong();
  private static final boolean ENABLED = !"false".equalsIgnoreCase(System.getenv("OCTAVO_ACCESS_LOG"));

  static {
    if (ENABLED) {
      Thread writer = new Thread(AccessLog::write, "octavo-access-log");
      writer.setDaemon(true);
      writer.start();
    }
  }

  private AccessLog() {
  }

  public static void handle(RoutingContext ctx) {
    if (!ENABLED) {
      ctx.next();
      return;
    }
    long start = System.nanoTime();
    ctx.addEndHandler(done -> {
      String path = ctx.request().path();
      long micros = (System.nanoTime() - start) / 1000;
      // written by hand: this runs for every request, and a JSON tree per line cost more than the request
      StringBuilder line = new StringBuilder(160)
          .append("{\"time\":").append(System.currentTimeMillis())
          .append(",\"log\":\"access\",\"id\":");
      quoted(line, RequestIds.of(ctx));
      line.append(",\"method\":\"").append(ctx.request().method().name()).append("\",\"path\":");
      quoted(line, path == null ? "" : path.length() > 512 ? path.substring(0, 512) + "..." : path);
      line.append(",\"status\":").append(ctx.response().getStatusCode())
          .append(",\"ms\":").append(micros / 1000).append('.').append(micros % 1000 / 100)
          .append(",\"client\":");
      quoted(line, RateLimits.clientAddress(ctx));
      line.append('}');
      if (!LINES.offer(line.toString())) {
        DROPPED.incrementAndGet();
      }
    });
    ctx.next();
  }

  /** A JSON string: quotes, backslashes and control characters escaped. */
  private static void quoted(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  public static long dropped() {
    return DROPPED.get();
  }

  private static void write() {
    Writer out = new BufferedWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), 64 * 1024);
    try {
      while (true) {
        String line = LINES.poll(200, TimeUnit.MILLISECONDS);
        if (line == null) {
          out.flush();
          continue;
        }
        out.write(line);
        out.write('\n');
        for (String next = LINES.poll(); next != null; next = LINES.poll()) {
          out.write(next);
          out.write('\n');
        }
        out.flush();
      }
    } catch (InterruptedException | IOException e) {
      Thread.currentThread().interrupt();
    }
  }
}
