package io.octavo.common.contracts;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/** One publish-only address (every subscriber gets each message, nobody replies) and its body's type. */
public record PublishContract<T>(String address, Codec<T> body) {
  public static <T> PublishContract<T> of(String address, Codec<T> body) {
    return new PublishContract<>(address, body);
  }

  public void publish(EventBus bus, T message) {
    bus.publish(address, body.encode(message));
  }

  /** Completes once the subscription is registered (cluster-wide when clustered). */
  public Future<Void> subscribe(EventBus bus, Consumer<T> handler) {
    return bus.<JsonObject>consumer(address, message -> handler.accept(body.decodeBody(message.body()))).completion();
  }
}
