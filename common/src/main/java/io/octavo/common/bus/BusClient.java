package io.octavo.common.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** Request/reply over the event bus with an explicit send timeout (never the 30 s default). */
public final class BusClient {
  private final Vertx vertx;
  private final DeliveryOptions options;

  public BusClient(Vertx vertx, Duration timeout) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeout.toMillis());
  }

  public Future<JsonObject> request(String address, JsonObject body) {
    return vertx.eventBus().<JsonObject>request(address, body, options).map(Message::body);
  }

  /** A request that may take longer than the usual timeout (an import batch renders many posts). */
  public Future<JsonObject> request(String address, JsonObject body, Duration timeout) {
    return vertx.eventBus().<JsonObject>request(address, body, new DeliveryOptions().setSendTimeout(timeout.toMillis()))
        .map(Message::body);
  }

  public void publish(String address, JsonObject body) {
    vertx.eventBus().publish(address, body);
  }
}
