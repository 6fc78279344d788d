package io.octavo.common.render;

import io.octavo.common.contracts.Health;
import io.octavo.common.bus.BusClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.time.Duration;

/**
 * The render-service as its callers see it. A request that finds no replica or times out is tried
 * once more: the event bus sends it round-robin, so the second try goes to another replica, and a
 * replica that died is not waited on for the whole timeout twice (each try gets half of it).
 */
public final class RenderClient {
  private final BusClient bus;

  public RenderClient(Vertx vertx, Duration timeout) {
    this.bus = new BusClient(vertx, timeout.dividedBy(2));
  }

  /** Renders a post's body: the Markdown after its front matter ({@code FrontMatterBlock.bodyOf}). */
  public Future<Rendered> render(String body) {
    RenderRequest request = new RenderRequest(body);
    return bus.request(RenderContracts.MARKDOWN, request)
        .recover(error -> retriable(error) ? bus.request(RenderContracts.MARKDOWN, request) : Future.failedFuture(error));
  }

  private static boolean retriable(Throwable error) {
    return error instanceof ReplyException reply
        && (reply.failureType() == ReplyFailure.TIMEOUT || reply.failureType() == ReplyFailure.NO_HANDLERS
            || reply.failureCode() >= 500);
  }

  public Future<Health> health() {
    return bus.request(RenderContracts.HEALTH, null);
  }
}
