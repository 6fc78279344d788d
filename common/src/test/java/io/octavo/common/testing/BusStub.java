package io.octavo.common.testing;

import io.octavo.common.ServiceFailure;
import io.octavo.common.contracts.BusContract;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Stand-ins for the services behind a contract, on a local event bus: a test says what an address
 * answers, as the contract's records, and reads what it was asked, so the code under test is all
 * that decides the outcome. Requests and replies cross through the contract's codecs, as they do
 * between real services, so a stand-in cannot answer a shape the real service could not.
 * Each stand-in is registered before the call returns.
 */
public final class BusStub {
  private final Vertx vertx;
  private final Map<String, List<JsonObject>> received = new ConcurrentHashMap<>();

  private BusStub(Vertx vertx) {
    this.vertx = vertx;
  }

  public static BusStub on(Vertx vertx) {
    return new BusStub(vertx);
  }

  /** Every request is answered with {@code reply}. */
  public <Req, Res> BusStub reply(BusContract<Req, Res> contract, Res reply) {
    return answer(contract, request -> reply);
  }

  /**
   * Every request is answered with what {@code reply} makes of it; a {@link ServiceFailure} it
   * throws fails the message with its code, as a service would.
   */
  public <Req, Res> BusStub answer(BusContract<Req, Res> contract, Function<Req, Res> reply) {
    return register(contract, message -> {
      try {
        message.reply(contract.reply().encode(reply.apply(contract.request().decode(body(message)))));
      } catch (ServiceFailure failure) {
        message.fail(failure.code(), failure.getMessage());
      }
    });
  }

  /** As {@link #answer}, with the reply when {@code reply}'s future completes (a slow service, say). */
  public <Req, Res> BusStub answerLater(BusContract<Req, Res> contract, Function<Req, Future<Res>> reply) {
    return register(contract, message -> reply.apply(contract.request().decode(body(message))).onComplete(done -> {
      if (done.succeeded()) {
        message.reply(contract.reply().encode(done.result()));
      } else {
        message.fail(ServiceFailure.codeOf(done.cause()), done.cause().getMessage());
      }
    }));
  }

  /** Every request fails with {@code code} and {@code text}. */
  public BusStub fail(BusContract<?, ?> contract, int code, String text) {
    return register(contract, message -> message.fail(code, text));
  }

  /** Requests are taken and never answered: the sender's timeout decides. */
  public BusStub silent(BusContract<?, ?> contract) {
    return register(contract, message -> { });
  }

  /** The requests sent to {@code contract}'s address so far, oldest first. */
  public <Req> List<Req> requests(BusContract<Req, ?> contract) {
    return received.getOrDefault(contract.address(), List.of()).stream().map(contract.request()::decode).toList();
  }

  public int count(BusContract<?, ?> contract) {
    return received.getOrDefault(contract.address(), List.of()).size();
  }

  private static JsonObject body(Message<JsonObject> message) {
    return message.body() == null ? new JsonObject() : message.body();
  }

  private BusStub register(BusContract<?, ?> contract, Consumer<Message<JsonObject>> handler) {
    List<JsonObject> bodies = received.computeIfAbsent(contract.address(), key -> new CopyOnWriteArrayList<>());
    vertx.eventBus().<JsonObject>consumer(contract.address(), message -> {
      bodies.add(body(message));
      handler.accept(message);
    }).completion().await();
    return this;
  }
}
