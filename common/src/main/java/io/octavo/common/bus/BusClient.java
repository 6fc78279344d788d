package io.octavo.common.bus;

import io.octavo.common.contracts.BusContract;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** Typed request/reply over the event bus with an explicit send timeout (never the 30 s default). */
public final class BusClient {
  private final Vertx vertx;
  private final DeliveryOptions options;

  public BusClient(Vertx vertx, Duration timeout) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeout.toMillis());
  }

  public <Req, Res> Future<Res> request(BusContract<Req, Res> contract, Req request) {
    return request(contract, request, options);
  }

  /** A request that may take longer than the usual timeout (an import batch renders many posts). */
  public <Req, Res> Future<Res> request(BusContract<Req, Res> contract, Req request, Duration timeout) {
    return request(contract, request, new DeliveryOptions().setSendTimeout(timeout.toMillis()));
  }

  private <Req, Res> Future<Res> request(BusContract<Req, Res> contract, Req request, DeliveryOptions delivery) {
    return vertx.eventBus().<JsonObject>request(contract.address(), contract.request().encode(request), delivery)
        .map(reply -> contract.reply().decodeBody(reply.body()));
  }
}
