package io.octavo.gateway.edge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets per client address: {@code perMinute} tokens, refilled continuously. Shared by
 * every gateway verticle of the process; the map is bounded (least recently seen addresses go).
 */
final class RateLimiter {
  private static final int MAX_ADDRESSES = 100_000;
  private static final long MINUTE_NANOS = 60_000_000_000L;

  /** What the {@code RateLimit-*} headers say, and whether this request may pass. */
  record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
  }

  private static final class Bucket {
    double tokens;
    long updated;
  }

  private final int perMinute;
  private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
      return size() > MAX_ADDRESSES;
    }
  };

  RateLimiter(int perMinute) {
    this.perMinute = perMinute;
  }

  boolean enabled() {
    return perMinute > 0;
  }

  /** Takes a token if there is one. */
  synchronized Decision take(String address) {
    Bucket bucket = refill(address);
    boolean allowed = bucket.tokens >= 1;
    if (allowed) {
      bucket.tokens -= 1;
    }
    return decision(bucket, allowed);
  }

  /** Whether a request would pass, without spending a token. */
  synchronized Decision peek(String address) {
    Bucket bucket = refill(address);
    return decision(bucket, bucket.tokens >= 1);
  }

  private Bucket refill(String address) {
    long now = System.nanoTime();
    Bucket bucket = buckets.get(address);
    if (bucket == null) {
      bucket = new Bucket();
      bucket.tokens = perMinute;
      bucket.updated = now;
      buckets.put(address, bucket);
    } else {
      bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updated) * (double) perMinute / MINUTE_NANOS);
      bucket.updated = now;
    }
    return bucket;
  }

  private Decision decision(Bucket bucket, boolean allowed) {
    double missing = Math.max(0, 1 - bucket.tokens);
    long reset = (long) Math.ceil(missing * 60.0 / perMinute);
    return new Decision(allowed, perMinute, (int) Math.floor(bucket.tokens), allowed ? 0 : Math.max(1, reset));
  }
}
