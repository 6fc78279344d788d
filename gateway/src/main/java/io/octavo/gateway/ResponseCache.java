package io.octavo.gateway;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hot public reads, already encoded, in each gateway replica. Every {@code posts.changed} event
 * (published cluster-wide) empties it, so no replica serves a post older than the last write it
 * heard of. A read that started before a change is not stored after it: each fill carries the
 * generation it began in, and a change moves the generation on.
 */
final class ResponseCache {
  private static final int MAX_ENTRIES = 2_000;

  /** An encoded response body, its content type and its strong validator. */
  record Entry(Buffer body, String contentType, String etag) {
    static Entry of(String body, String contentType) {
      return new Entry(Buffer.buffer(body, "UTF-8"), contentType, etagOf(body));
    }
  }

  private final AtomicLong generation = new AtomicLong();
  private final Map<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  long generation() {
    return generation.get();
  }

  synchronized Entry get(String key) {
    return entries.get(key);
  }

  /** Stores unless something changed since {@code startedAt}; returns the entry either way. */
  synchronized Entry put(String key, Entry entry, long startedAt) {
    if (generation.get() == startedAt) {
      entries.put(key, entry);
    }
    return entry;
  }

  synchronized void invalidateAll() {
    generation.incrementAndGet();
    entries.clear();
  }

  synchronized int size() {
    return entries.size();
  }

  /** A strong ETag from the exact bytes: equal bodies, equal tags, on every replica. */
  static String etagOf(String body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
