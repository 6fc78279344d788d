package io.octavo.common.bus;

import io.micrometer.core.instrument.Timer;
import io.octavo.common.ServiceFailure;
import io.octavo.common.contracts.BusContract;
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

  /**
   * Answers {@code contract}'s address with {@code handler}; completes once the consumer is
   * registered (cluster-wide when clustered).
   */
  public <Req, Res> Future<Void> register(BusContract<Req, Res> contract, Function<Req, Future<Res>> handler) {
    String address = contract.address();
    Timer timer = meters.timer("octavo.bus.handling", "address", address);
    return vertx.eventBus()
        .<JsonObject>consumer(address, message -> handle(contract, timer, handler, message))
        .completion();
  }

  private <Req, Res> void handle(BusContract<Req, Res> contract, Timer timer, Function<Req, Future<Res>> handler,
                                 Message<JsonObject> message) {
    String address = contract.address();
    Timer.Sample sample = Timer.start(meters.registry());
    Future<JsonObject> reply;
    try {
      Req request = contract.request().decodeBody(message.body());
      reply = handler.apply(request).map(contract.reply()::encode);
    } catch (RuntimeException | LinkageError e) {
      // a LinkageError (a class missing from a jar) would otherwise leave the caller to its timeout
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
