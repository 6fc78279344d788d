package io.octavo.gateway.site;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.octavo.common.media.MediaFile;
import io.octavo.gateway.edge.MediaSettings;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A gateway's hot media, shared by its event loops: what each file is (small, many) and the bytes of
 * small files, bounded by their total size, not their number (Caffeine with a weigher). Files are
 * content-addressed, so an entry never goes stale; a deleted file is dropped on {@code media.changed}.
 */
public final class MediaCache {
  private final MediaSettings settings;
  private final Cache<String, MediaFile> files = Caffeine.newBuilder().maximumSize(100_000).build();
  private final AsyncCache<String, Buffer> bytes;

  public MediaCache(MediaSettings settings, MeterRegistry registry) {
    this.settings = settings;
    this.bytes = Caffeine.newBuilder()
        .maximumWeight(settings.cacheBytes())
        .weigher((String sha256, Buffer body) -> body.length())
        .recordStats()
        .buildAsync();
    CaffeineCacheMetrics.monitor(registry, bytes, "octavo_media");
  }

  public MediaSettings settings() {
    return settings;
  }

  /** Whether a file is small enough to keep whole. */
  boolean holds(MediaFile file) {
    return file.bytes() <= settings.cacheFileBytes();
  }

  Future<MediaFile> file(String sha256, Supplier<Future<MediaFile>> load) {
    MediaFile known = files.getIfPresent(sha256);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return load.get().onSuccess(file -> files.put(sha256, file));
  }

  /**
   * The file's bytes, loaded once however many requests miss at the same time; the future completes
   * on the caller's context (a load may have been started by another event loop).
   */
  Future<Buffer> bytes(String sha256, Context context, Supplier<Future<Buffer>> load) {
    CompletableFuture<Buffer> entry = bytes.get(sha256,
        (key, executor) -> load.get().toCompletionStage().toCompletableFuture());
    if (entry.isDone() && !entry.isCompletedExceptionally()) {
      return Future.succeededFuture(entry.join()); // the usual case: no hop through the context
    }
    return Future.fromCompletionStage(entry, context);
  }

  /** True when the bytes are in memory now (for the hit ratio of serve latency). */
  boolean has(String sha256) {
    CompletableFuture<Buffer> entry = bytes.getIfPresent(sha256);
    return entry != null && entry.isDone();
  }

  public void forget(String sha256) {
    files.invalidate(sha256);
    bytes.synchronous().invalidate(sha256);
  }
}
