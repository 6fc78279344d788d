package io.octavo.gateway.site;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Documents made from many posts (feeds, the sitemap), shared by the gateway's verticles. A change
 * does not rebuild them: the first read after a change does, and at most once per refresh
 * interval, so a burst of writes costs one rebuild, not one per write. While a rebuild runs,
 * readers get the previous document (it is at most one interval old); only a document never built
 * is waited for, and concurrent readers then share one build. Bounded in bytes, least recently
 * read first out.
 */
public final class LazyDocuments {
  private record Built(Object value, long bytes, long builtAt, long generation) {
  }

  private final Duration refresh;
  private final long maxBytes;
  private final Map<String, Built> built = new LinkedHashMap<>(64, 0.75f, true);
  private final Map<String, Future<?>> building = new HashMap<>();
  private long generation;
  private long bytes;

  public LazyDocuments(Duration refresh, long maxBytes) {
    this.refresh = refresh;
    this.maxBytes = maxBytes;
  }

  /** Some post changed: documents become due for a rebuild, which happens on their next read. */
  public synchronized void changed() {
    generation++;
  }

  /** The document at {@code key}: the one built, or a new one when it is due; {@code size} in bytes. */
  <T> Future<T> get(String key, Supplier<Future<T>> build, ToLongFunction<T> size) {
    Built current;
    boolean due;
    Future<T> inFlight;
    synchronized (this) {
      current = built.get(key);
      long now = System.nanoTime();
      due = current == null || current.generation() != generation && now - current.builtAt() >= refresh.toNanos();
      @SuppressWarnings("unchecked")
      Future<T> running = (Future<T>) building.get(key);
      inFlight = running;
      if (due && running == null) {
        inFlight = start(key, build, size, generation);
      }
    }
    if (current != null) {
      @SuppressWarnings("unchecked")
      T value = (T) current.value();
      return Future.succeededFuture(value); // fresh, or stale while its rebuild runs
    }
    return onCallersContext(inFlight);
  }

  private <T> Future<T> start(String key, Supplier<Future<T>> build, ToLongFunction<T> size, long startedAt) {
    Future<T> future;
    try {
      future = build.get();
    } catch (RuntimeException e) {
      future = Future.failedFuture(e);
    }
    building.put(key, future);
    future.onComplete(result -> store(key, result.succeeded() ? result.result() : null, size, startedAt));
    return future;
  }

  private synchronized <T> void store(String key, T value, ToLongFunction<T> size, long startedAt) {
    building.remove(key);
    if (value == null) {
      return; // a failed build (e.g. a 404 for a tag with no posts) leaves what was there
    }
    long length = size.applyAsLong(value);
    Built old = built.remove(key);
    if (old != null) {
      bytes -= old.bytes();
    }
    if (length > maxBytes) {
      return;
    }
    built.put(key, new Built(value, length, System.nanoTime(), startedAt));
    bytes += length;
    for (Iterator<Built> eldest = built.values().iterator(); bytes > maxBytes && eldest.hasNext(); ) {
      bytes -= eldest.next().bytes();
      eldest.remove();
    }
  }

  /** A build shared by readers on other event loops: each gets its answer on its own. */
  private static <T> Future<T> onCallersContext(Future<T> shared) {
    Context caller = Vertx.currentContext();
    return caller == null ? shared : Future.fromCompletionStage(shared.toCompletionStage(), caller);
  }
}
