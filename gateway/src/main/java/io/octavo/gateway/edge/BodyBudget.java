package io.octavo.gateway.edge;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes every request body held in memory may take together, for the whole process (all event
 * loops). A body reserves its bytes before the first one is read and gives them back when its
 * request ends however it ends, so the sum can never pass the bound and comes back to zero by
 * itself once clients go away.
 */
public final class BodyBudget {
  private final long capacity;
  private final AtomicLong reserved = new AtomicLong();

  public BodyBudget(long capacity) {
    this.capacity = capacity;
  }

  /** Takes {@code bytes} if they fit; false (and nothing taken) when they do not. */
  boolean tryReserve(long bytes) {
    while (true) {
      long now = reserved.get();
      if (now + bytes > capacity) {
        return false;
      }
      if (reserved.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  void release(long bytes) {
    reserved.addAndGet(-bytes);
  }

  public long reserved() {
    return reserved.get();
  }

  long capacity() {
    return capacity;
  }
}
