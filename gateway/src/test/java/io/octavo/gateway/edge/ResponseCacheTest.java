package io.octavo.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache's own rules: bounded in bytes, emptied by a change, never filled by a read older than the change. */
class ResponseCacheTest {
  private static ResponseCache.Entry page(int bytes) {
    return ResponseCache.Entry.of("x".repeat(bytes), "text/html");
  }

  @Test
  void aReadThatStartedBeforeAChangeIsNotStored() {
    ResponseCache cache = new ResponseCache(1 << 20);
    long startedAt = cache.generation();
    cache.invalidateAll(); // a posts.changed arrives while the read is on its way
    assertThat(cache.put("page:/", page(10), startedAt)).isNotNull();
    assertThat(cache.get("page:/")).isNull();
    cache.put("page:/", page(10), cache.generation());
    assertThat(cache.get("page:/")).isNotNull();
  }

  @Test
  void aReadFillsOnceAndAnAdminsReadNeverTouchesTheCache() {
    ResponseCache cache = new ResponseCache(1 << 20);
    AtomicInteger fills = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      cache.read("post:a", () -> {
        fills.incrementAndGet();
        return Future.succeededFuture(page(10));
      });
    }
    assertThat(fills).hasValue(1);
    cache.read(null, () -> Future.succeededFuture(page(20)));
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void aFillThatEndsAfterAChangeIsServedButNotKept() {
    ResponseCache cache = new ResponseCache(1 << 20);
    Promise<ResponseCache.Entry> slow = Promise.promise();
    Future<ResponseCache.Entry> read = cache.read("page:/", slow::future);
    cache.invalidateAll();
    slow.complete(page(10));
    assertThat(read.result()).isNotNull();
    assertThat(cache.get("page:/")).isNull();
  }

  @Test
  void manyEntriesStayWithinTheByteBound() {
    ResponseCache cache = new ResponseCache(100_000);
    for (int i = 0; i < 1_000; i++) {
      cache.put("page:/posts/p-" + i, page(5_000), cache.generation());
    }
    assertThat(cache.weightedBytes()).isPositive().isLessThanOrEqualTo(100_000);
  }

  @Test
  void anEntryLargerThanTheWholeCacheIsServedButNotKept() {
    ResponseCache cache = new ResponseCache(10_000);
    assertThat(cache.put("page:/big", page(50_000), cache.generation()).body().length()).isEqualTo(50_000);
    assertThat(cache.get("page:/big")).isNull();
    assertThat(cache.weightedBytes()).isZero();
  }
}
