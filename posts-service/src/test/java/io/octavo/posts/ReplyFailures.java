package io.octavo.posts;

import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import java.util.concurrent.TimeUnit;

/** The failure code a bus call ends with, as the gateway turns it into an HTTP status. */
final class ReplyFailures {
  private ReplyFailures() {
  }

  /** The failure code a call ends with (as the gateway's HTTP status), or 0 when it succeeds. */
  static int failure(Future<?> call) {
    try {
      call.await(30, TimeUnit.SECONDS);
      return 0;
    } catch (ReplyException e) {
      return e.failureCode();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
