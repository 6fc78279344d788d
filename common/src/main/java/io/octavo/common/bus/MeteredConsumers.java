package io.octavo.common.bus;

import io.micrometer.core.instrument.Timer;
import io.octavo.common.ServiceFailure;
import io.octavo.common.metrics.ServiceMeters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers event-bus consumers whose handlers return a future reply. One place replies, fails
 * with the failure's code, and records per address: handled count, failures by code, handling time.
 */
public final class MeteredConsumers {
  private static final Logger LOG = LoggerFactory.getLogger(MeteredConsumers.class);

  private final Vertx vertx;
  private final ServiceMeters meters;

  public MeteredConsumers(Vertx vertx, ServiceMeters meters) {
    this.vertx = vertx;
    this.meters = meters;
  }

  /** Completes once the consumer is registered (cluster-wide when clustered). */
  public Future<Void> register(String address, Function<JsonObject, Future<JsonObject>> handler) {
    Timer timer = meters.timer("octavo.bus.handling", "address", address);
    return vertx.eventBus()
        .<JsonObject>consumer(address, message -> handle(address, timer, handler, message))
        .completion();
  }

  private void handle(String address, Timer timer, Function<JsonObject, Future<JsonObject>> handler,
                      Message<JsonObject> message) {
    Timer.Sample sample = Timer.start(meters.registry());
    Future<JsonObject> reply;
    try {
      reply = handler.apply(message.body() == null ? new JsonObject() : message.body());
    } catch (RuntimeException e) {
      reply = Future.failedFuture(e);
    }
    reply.onComplete(result -> {
      sample.stop(timer);
      if (result.succeeded()) {
        meters.counter("octavo.bus.handled", "address", address, "outcome", "ok").increment();
        message.reply(result.result());
      } else {
        Throwable error = result.cause();
        int code = ServiceFailure.codeOf(error);
        meters.counter("octavo.bus.handled", "address", address, "outcome", "failed").increment();
        meters.counter("octavo.bus.failures", "address", address, "code", String.valueOf(code)).increment();
        if (code >= 500) {
          LOG.error("{} failed", address, error);
        }
        message.fail(code, ServiceFailure.messageOf(error));
      }
    });
  }
}
