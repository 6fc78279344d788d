package io.octavo.render.math;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * TeX to MathML with Temml (vendored, see docs/decisions.md) on GraalJS, inside the JVM.
 *
 * <p>A JavaScript context runs on one thread at a time, so callers borrow one from a small pool;
 * all share one engine, which parses Temml's code once. Temml runs with {@code trust: false}: it
 * refuses the commands {@code href}, {@code url}, {@code style}, {@code class}, {@code htmlId},
 * {@code htmlData} and {@code includegraphics}, so TeX never becomes a link or a style. A formula
 * that runs past the time limit has its context cancelled (a watchdog thread closes it) and counts
 * as not converted; the next call makes a fresh context.
 */
final class TemmlEngine implements AutoCloseable {
  static final String VERSION = "0.13.5";
  static final String TIMED_OUT = "took longer than";
  private static final String SCRIPT = "temml-" + VERSION + ".min.js";
  private static final String CONVERT = """
      (function (tex, display) {
        return temml.renderToString(tex, {
          displayMode: display, annotate: true, throwOnError: true, trust: false, xml: false });
      })""";

  private final Engine engine;
  private final Source temml;
  private final Source convert;
  private final BlockingQueue<Borrowed> idle;
  private final ScheduledExecutorService watchdog;
  private final Duration limit;

  TemmlEngine(int contexts, Duration limit) {
    this.engine = Engine.newBuilder("js")
        .option("engine.WarnInterpreterOnly", "false") // a stock JDK has no Graal JIT; said once in the docs
        .build();
    this.temml = Source.newBuilder("js", script(), SCRIPT).cached(true).buildLiteral();
    this.convert = Source.newBuilder("js", CONVERT, "convert.js").cached(true).buildLiteral();
    this.idle = new ArrayBlockingQueue<>(Math.max(1, contexts));
    this.limit = limit;
    this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "octavo-temml-watchdog");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * The MathML for one formula.
   *
   * @throws MathConversionException when Temml cannot convert it (unknown command, refused
   *     command, syntax error) or it ran past the time limit
   */
  String toMathMl(String tex, boolean display) {
    Borrowed borrowed = borrow();
    ScheduledFuture<?> cancel = watchdog.schedule(() -> borrowed.context.close(true),
        limit.toMillis(), TimeUnit.MILLISECONDS);
    boolean reusable = false;
    try {
      String mathml = borrowed.function.execute(tex, display).asString();
      reusable = true;
      return mathml;
    } catch (PolyglotException e) {
      if (e.isCancelled()) {
        throw new MathConversionException(TIMED_OUT + " " + limit.toMillis() + " ms");
      }
      if (e.isGuestException()) {
        reusable = true; // Temml threw a ParseError: the context is fine
        throw new MathConversionException(firstLine(e.getMessage()));
      }
      throw new MathConversionException("the TeX engine failed: " + firstLine(e.getMessage()));
    } finally {
      // The watchdog may already have closed the context: then it is never reused.
      if (cancel.cancel(false) && reusable) {
        giveBack(borrowed);
      } else {
        borrowed.context.close(true);
      }
    }
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
    Borrowed borrowed;
    while ((borrowed = idle.poll()) != null) {
      borrowed.context.close(true);
    }
    engine.close(true);
  }

  private Borrowed borrow() {
    Borrowed borrowed = idle.poll();
    if (borrowed != null) {
      return borrowed;
    }
    Context context = Context.newBuilder("js").engine(engine).build(); // no host access, no I/O
    context.eval(temml);
    return new Borrowed(context, context.eval(convert));
  }

  private void giveBack(Borrowed borrowed) {
    if (!idle.offer(borrowed)) {
      borrowed.context.close();
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String line = message.strip();
    int end = line.indexOf('\n');
    line = end < 0 ? line : line.substring(0, end);
    line = line.startsWith("ParseError:") ? line.substring("ParseError:".length()).strip() : line;
    return line.length() > 200 ? line.substring(0, 200) : line;
  }

  private static String script() {
    try (InputStream in = TemmlEngine.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Borrowed(Context context, Value function) {
  }
}
