package io.octavo.common.testing;

import io.octavo.common.ServiceFailure;
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
 * Stand-ins for the services behind an address, on a local event bus: a test says what an
 * address answers and reads what it was asked, so the code under test is all that decides the
 * outcome. Each stand-in is registered before the call returns.
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

  /** Every request to {@code address} is answered with {@code body}. */
  public BusStub reply(String address, Object body) {
    return answer(address, request -> body);
  }

  /**
   * Every request is answered with what {@code reply} makes of its body; a {@link ServiceFailure}
   * it throws fails the message with its code, as a service would.
   */
  public BusStub answer(String address, Function<JsonObject, Object> reply) {
    return register(address, message -> {
      try {
        message.reply(reply.apply(message.body()));
      } catch (ServiceFailure failure) {
        message.fail(failure.code(), failure.getMessage());
      }
    });
  }

  /** Every request fails with {@code code} and {@code text}. */
  public BusStub fail(String address, int code, String text) {
    return register(address, message -> message.fail(code, text));
  }

  /** Requests are taken and never answered: the sender's timeout decides. */
  public BusStub silent(String address) {
    return register(address, message -> { });
  }

  /** The bodies sent to {@code address} so far, oldest first. */
  public List<JsonObject> requests(String address) {
    return List.copyOf(received.getOrDefault(address, List.of()));
  }

  public int count(String address) {
    return received.getOrDefault(address, List.of()).size();
  }

  private BusStub register(String address, Consumer<Message<JsonObject>> handler) {
    List<JsonObject> bodies = received.computeIfAbsent(address, key -> new CopyOnWriteArrayList<>());
    vertx.eventBus().<JsonObject>consumer(address, message -> {
      bodies.add(message.body() == null ? new JsonObject() : message.body());
      handler.accept(message);
    }).completion().await();
    return this;
  }
}
