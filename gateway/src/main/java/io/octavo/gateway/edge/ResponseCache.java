package io.octavo.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Hot public reads, already encoded, in each gateway replica. Every {@code posts.changed} event
 * (published cluster-wide) empties it, so no replica serves a post older than the last write it
 * heard of. A read that started before a change is not stored after it: each fill carries the
 * generation it began in, and a change moves the generation on.
 *
 * <p>The bound is in bytes (keys and bodies), not entries: a client choosing URLs decides how big
 * each entry is, never how much the cache holds. Callers build keys only from what a route reads
 * (see the site's {@code PagesHandler}), so query strings a route ignores cannot multiply entries either.
 */
public final class ResponseCache {
  /** What an entry costs beyond its key and body: the entry, buffer and map node objects. */
  private static final int ENTRY_OVERHEAD = 200;

  /**
   * An encoded response body, its content type and its strong validator, and the body gzipped
   * once when it is text worth compressing (null otherwise): compressing a 26 KB page on every
   * response cut a page's throughput from ~46,000 to ~3,100 requests/s for clients that accept gzip.
   */
  public record Entry(Buffer body, String contentType, String etag, Buffer gzipped) {
    public Entry(Buffer body, String contentType, String etag) {
      this(body, contentType, etag, Gzip.copyIfWorthIt(contentType, body));
    }

    public static Entry of(String body, String contentType) {
      byte[] utf8 = body.getBytes(StandardCharsets.UTF_8); // once, for the body and its tag
      return new Entry(Buffer.buffer(utf8), contentType, etagOf(utf8));
    }
  }

  private final AtomicLong generation = new AtomicLong();
  private final Cache<String, Entry> entries;

  public ResponseCache(long maxBytes) {
    this.entries = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((String key, Entry entry) -> weight(key, entry))
        // eviction runs on the thread that wrote, not on the common pool: no thread hops, and
        // the bound holds as soon as put returns
        .executor(Runnable::run)
        .build();
  }

  /**
   * The lookup every cached read makes: the entry under {@code key}, or else the one {@code fill}
   * makes, stored unless a change came in while it was made. A null key (an admin's view, which
   * may hold drafts) is neither looked up nor stored. {@link Responses#send} answers with it.
   */
  public Future<Entry> read(String key, Supplier<Future<Entry>> fill) {
    if (key == null) {
      return fill.get();
    }
    Entry hit = entries.getIfPresent(key);
    if (hit != null) {
      return Future.succeededFuture(hit);
    }
    long startedAt = generation.get();
    return fill.get().map(entry -> put(key, entry, startedAt));
  }

  public long generation() {
    return generation.get();
  }

  public Entry get(String key) {
    return entries.getIfPresent(key);
  }

  /**
   * Stores unless something changed since {@code startedAt}; returns the entry either way. The
   * check and the store are one step against {@link #invalidateAll}, or a fill could land just
   * after a clear.
   */
  public synchronized Entry put(String key, Entry entry, long startedAt) {
    if (generation.get() == startedAt) {
      entries.put(key, entry);
    }
    return entry;
  }

  public synchronized void invalidateAll() {
    generation.incrementAndGet();
    entries.invalidateAll();
  }

  public long size() {
    return entries.estimatedSize();
  }

  /** What the entries weigh now, in bytes. */
  public long weightedBytes() {
    return entries.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
  }

  private static int weight(String key, Entry entry) {
    long bytes = 2L * key.length() + entry.body().length() + entry.contentType().length() + entry.etag().length()
        + (entry.gzipped() == null ? 0 : entry.gzipped().length()) + ENTRY_OVERHEAD;
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  /** A strong ETag from the exact bytes: equal bodies, equal tags, on every replica. */
  static String etagOf(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
